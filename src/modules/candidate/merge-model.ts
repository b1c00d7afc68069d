import { ConsentStatus } from './candidate.entity';

// The pure rules of merging two records of one person (mergeCandidates): which values the
// survivor keeps. No ORM here; merge.service.ts applies the result.

export enum MergeSide {
  SURVIVOR = 'SURVIVOR',
  DUPLICATE = 'DUPLICATE',
}

// The personal fields a merge lets the caller choose per field; the rest follows fixed rules:
// tags are united, consent and retention take the stricter side, external refs all move.
export const CHOSEN_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'headline', 'location', 'languages', 'linkedinUrl'] as const;
export type ChosenField = (typeof CHOSEN_FIELDS)[number];
export type FieldChoices = Partial<Record<ChosenField, MergeSide | null>>;

export interface ConsentState {
  consentStatus: ConsentStatus;
  consentGivenAt: Date | null;
  consentWithdrawnAt: Date | null;
  // 'YYYY-MM-DD', as the ORM reads a SQL date.
  retainUntil: string | null;
}

export type MergeRecord = ConsentState & Record<ChosenField, unknown> & { tags: string[] };

// Strictest first: a withdrawal ends the ground to keep the data; PENDING has none yet; GIVEN is
// the only state that allows keeping it.
const STRICTNESS: Record<ConsentStatus, number> = {
  [ConsentStatus.WITHDRAWN]: 0,
  [ConsentStatus.PENDING]: 1,
  [ConsentStatus.GIVEN]: 2,
};

// The stricter consent of the two wins: a withdrawal on either side stays, and a consent given on
// one record does not outweigh a record that has none. Of two alike, the earlier withdrawal or
// the later consent (the one the retention term was last agreed with). The retention term is the
// earlier of the two that are set. Symmetric: the order of the two records does not matter.
export function stricterConsent(a: ConsentState, b: ConsentState): ConsentState {
  const byStrictness = STRICTNESS[a.consentStatus] - STRICTNESS[b.consentStatus];
  let winner: ConsentState;
  if (byStrictness !== 0) winner = byStrictness < 0 ? a : b;
  else if (a.consentStatus === ConsentStatus.WITHDRAWN) winner = time(a.consentWithdrawnAt) <= time(b.consentWithdrawnAt) ? a : b;
  else winner = time(a.consentGivenAt) >= time(b.consentGivenAt) ? a : b;
  const terms = [a.retainUntil, b.retainUntil].filter((term): term is string => term !== null).sort();
  return {
    consentStatus: winner.consentStatus,
    consentGivenAt: winner.consentGivenAt,
    consentWithdrawnAt: winner.consentWithdrawnAt,
    retainUntil: terms[0] ?? null,
  };
}

function time(value: Date | null): number {
  return value === null ? Number.NEGATIVE_INFINITY : value.getTime();
}

// What the survivor holds after the merge: per chosen field the side asked for (the survivor's by
// default), the tags of both (the survivor's first), and the stricter consent.
export function mergedValues(survivor: MergeRecord, duplicate: MergeRecord, choices: FieldChoices): Omit<MergeRecord, never> {
  const values = { ...survivor } as MergeRecord;
  for (const field of CHOSEN_FIELDS) {
    if (choices[field] === MergeSide.DUPLICATE) (values as Record<string, unknown>)[field] = duplicate[field];
  }
  values.tags = [...new Set([...survivor.tags, ...duplicate.tags])];
  return { ...values, ...stricterConsent(survivor, duplicate) };
}
