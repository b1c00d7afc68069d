// The limits of an interview's logistics, for validation and the schema's descriptions.
export const INTERVIEW_LIMITS = { minDuration: 15, maxDuration: 480, location: 200, videoLink: 500, reason: 1000 } as const;
