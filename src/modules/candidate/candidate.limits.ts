// The limits of candidate data, for validation and for the schema's descriptions.
export const CANDIDATE_LIMITS = {
  name: 100,
  email: 254,
  phone: 40,
  headline: 200,
  location: 200,
  languages: 20,
  linkedinUrl: 300,
  tags: 30,
  tag: 50,
  externalRefs: 20,
  system: 50,
  externalId: 200,
  search: 200,
} as const;

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// Digits, spaces and hyphens, optionally after a leading +; at least one digit.
export const PHONE_PATTERN = /^\+?[0-9 -]*[0-9][0-9 -]*$/;
export const SYSTEM_PATTERN = /^[a-z0-9_-]+$/;
