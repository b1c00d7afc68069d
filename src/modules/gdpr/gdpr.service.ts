import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { paginate, type Connection, type ConnectionArgs } from '../../common/connection';
import { notFound } from '../../common/errors';
import { InputCheck } from '../../common/input-check';
import { alreadyErased, Candidate, ConsentStatus, dateOnly } from '../candidate';
import { deleteIdempotentResponsesAbout } from '../idempotency';
import { idsOfRowsAboutCandidate } from './candidate-references';
import { ERASED_FIRST_NAME, ERASED_LAST_NAME, ERASURE_RULES } from './erasure';
import { candidateErased } from './gdpr.events';
import { GDPR_LIMITS } from './gdpr.limits';
import { refreshCandidateProfiles } from '../competency-profile';

export interface EraseCandidateData {
  candidateId: string | null;
  reason?: string | null;
}

// The retention rule: a candidate is due for erasure when consent was WITHDRAWN (no legal ground
// left to keep the data), or when retainUntil has passed (the day itself still counts, in UTC).
// PENDING consent without a retainUntil is not due: nobody set a term yet. Erased ones are done.
export function candidatesDueForErasure(
  em: EntityManager,
  firmId: string,
  page: ConnectionArgs,
  now = new Date(),
): Promise<Connection<Candidate>> {
  const today = dateOnly(now)!;
  return paginate(
    em,
    Candidate,
    {
      firm: firmId,
      erasedAt: null,
      $or: [{ consentStatus: ConsentStatus.WITHDRAWN }, { retainUntil: { $lt: today as unknown as Date } }],
    },
    { list: 'candidatesDueForErasure', keys: ['createdAt', 'id'], ...page },
  );
}

// GDPR art. 17, in the caller's transaction: every piece of personal data of the candidate in every
// table is overwritten or deleted (see erasure.ts), the row stays as a placeholder marked erased,
// and integrators are told (candidate.erased, ids only).
export async function eraseCandidate(em: EntityManager, firmId: string, data: EraseCandidateData): Promise<{ candidate: Candidate }> {
  const check = new InputCheck();
  const reason = check.text(['input', 'reason'], data.reason, { max: GDPR_LIMITS.reason });
  check.done();
  // Locked, so an update or a second erasure at the same moment waits and then sees it erased.
  const candidate = data.candidateId
    ? await em.findOne(Candidate, { id: data.candidateId, firm: firmId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
    : null;
  if (!candidate) throw notFound(['input', 'candidateId'], 'candidate');
  if (candidate.erasedAt) throw alreadyErased(['input', 'candidateId']);

  // Read before the rules run: they delete some of these rows (external refs).
  // The records merged into them are about the same person: stored responses naming those go too
  // (their rows came over with the merge, and their own text was cleared then).
  const merged = await em.find(Candidate, { firm: firmId, mergedIntoId: candidate.id }, { fields: ['id'] });
  const rowsAboutThem = [...(await idsOfRowsAboutCandidate(em, firmId, candidate.id)), ...merged.map((row) => row.id)];
  for (const rule of Object.values(ERASURE_RULES)) await rule.erase?.(em, firmId, candidate.id);
  // Responses kept for Idempotency-Key replays (24 h) go too when they are about the candidate or
  // any row about them: each response records the rows its values were read from, whether or not
  // it shows their ids (idempotency/answer-subjects.ts). A text about the person lives in one of
  // these rows (the rules above clear exactly those), so no response that shows one is kept.
  await deleteIdempotentResponsesAbout(em, firmId, rowsAboutThem);
  Object.assign(candidate, {
    firstName: ERASED_FIRST_NAME,
    lastName: ERASED_LAST_NAME,
    email: null,
    phone: null,
    headline: null,
    location: null,
    languages: [],
    linkedinUrl: null,
    tags: [],
    searchText: '',
    erasedAt: new Date(),
    erasureReason: reason,
  });
  await em.flush();
  // Out of every talent pool in this transaction.
  await refreshCandidateProfiles(em, firmId, [candidate.id]);
  await candidateErased(em, firmId, { candidateId: candidate.id });
  return { candidate };
}
