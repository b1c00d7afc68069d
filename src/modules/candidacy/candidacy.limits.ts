export const CANDIDACY_LIMITS = {
  reason: 1000,
} as const;
