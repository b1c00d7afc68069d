// The limits of the GDPR operations' inputs.
export const GDPR_LIMITS = {
  reason: 500,
} as const;
