// The limits of shortlists, for validation and for the schema's descriptions.
export const SHORTLIST_LIMITS = {
  // The recruiter's note for the client on one entry.
  note: 2000,
  // Why an entry was withdrawn (internal).
  withdrawalReason: 1000,
  // A client user's comment with their answer.
  comment: 2000,
  // Active entries on one shortlist: a shortlist is a short list.
  entries: 50,
} as const;
