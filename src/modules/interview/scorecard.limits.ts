// The limits of scorecard content, for validation and for the schema's descriptions.
export const SCORECARD_LIMITS = {
  evidence: 5000,
  summary: 5000,
  reason: 1000,
  // More ratings than any rubric has competencies cannot be right; refused before checking each.
  ratings: 100,
} as const;
