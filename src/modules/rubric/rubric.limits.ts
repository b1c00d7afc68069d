// The limits of rubric content, for validation and for the schema's descriptions. The texts of
// the default rubric use about a quarter of each.
export const RUBRIC_LIMITS = {
  key: 100,
  name: 200,
  description: 2000,
  competencies: 30,
  competencyKey: 60,
  competencyName: 200,
  competencyDescription: 2000,
  indicators: 20,
  indicator: 500,
  questions: 20,
  question: 500,
  // One per score of the 1–5 scale (SCALE below).
  anchors: 5,
  anchor: 1000,
} as const;

export const RUBRIC_KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const COMPETENCY_KEY_PATTERN = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

// The anchored rating scale of every rubric: scores, targets and minimums are whole numbers
// from 1 to 5, one anchor text per score.
export const SCALE = { min: 1, max: 5 } as const;
