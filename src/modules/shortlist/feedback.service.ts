import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { UserErrorCode, notFound } from '../../common/errors';
import { InputCheck } from '../../common/input-check';
import { User } from '../user';
import { isFinalStatus, Mandate } from '../mandate';
import { Shortlist } from './shortlist.entity';
import { ShortlistEntry } from './shortlist-entry.entity';
import { FeedbackDecision, ShortlistFeedback } from './shortlist-feedback.entity';
import { SHORTLIST_LIMITS } from './shortlist.limits';
import { shortlistFeedbackGiven } from './shortlist.events';
import { erasedError } from '../candidate';

export interface GiveShortlistFeedbackData {
  // Local id, or null when the global id named nothing.
  entryId: string | null;
  decision: FeedbackDecision;
  comment?: string | null;
}

// A client user's answer to an entry the client sees: published, not withdrawn, of a mandate of
// the user's own company. Any other entry is answered exactly like one that does not exist.
// Answers are added, never changed: the latest of each user counts.
export async function giveShortlistFeedback(
  em: EntityManager,
  firmId: string,
  author: { userId: string; clientId: string | null },
  data: GiveShortlistFeedbackData,
): Promise<{ entry: ShortlistEntry; feedback: ShortlistFeedback }> {
  // Locked: a withdrawal or publication of this entry running now finishes first, and the locked
  // row is read as it committed (read without the tenant filter's joins for that). Answers to
  // one entry are also serialised, so each user's answers have a strict order. The candidate is
  // locked first, as eraseCandidate does (it then updates this entry): no deadlock with it.
  const erased = data.entryId ? await erasedError(em, firmId, { entryId: data.entryId }, ['input', 'entryId']) : null;
  const entry = data.entryId
    ? await em.findOne(ShortlistEntry, { id: data.entryId, firm: firmId }, { lockMode: LockMode.PESSIMISTIC_WRITE, filters: false })
    : null;
  const shortlist = entry ? await em.findOne(Shortlist, { id: entry.shortlist.id, firm: firmId }) : null;
  const mandate = shortlist ? await em.findOne(Mandate, { id: shortlist.mandate.id, firm: firmId }) : null;
  const visible = entry && !entry.withdrawnAt && entry.published && mandate && author.clientId && mandate.client.id === author.clientId;
  if (!visible) throw notFound(['input', 'entryId'], 'shortlist entry');
  // Only now: an entry the client cannot see is not found, erased or not. The comment is text about them.
  if (erased) throw erased;

  const check = new InputCheck();
  const comment = check.text(['input', 'comment'], data.comment, { max: SHORTLIST_LIMITS.comment });
  if (isFinalStatus(mandate.status)) {
    check.add(UserErrorCode.INVALID_STATE, `The mandate is ${mandate.status}: it takes no more feedback.`, ['input', 'entryId']);
  }
  check.done();

  // Strictly after the user's previous answer, so "the latest" never depends on clocks agreeing.
  const previous = await em.findOne(
    ShortlistFeedback,
    { entry: entry.id, author: author.userId, firm: firmId },
    { orderBy: { createdAt: 'desc', id: 'desc' } },
  );
  const now = new Date(Math.max(Date.now(), (previous?.createdAt.getTime() ?? 0) + 1));
  const feedback = em.create(ShortlistFeedback, {
    firm: entry.firm,
    entry,
    author: em.getReference(User, author.userId),
    decision: data.decision,
    comment,
    createdAt: now,
    updatedAt: now,
  });
  await shortlistFeedbackGiven(em, firmId, {
    mandateId: mandate.id,
    entryId: entry.id,
    feedbackId: feedback.id,
    decision: feedback.decision,
  });
  return { entry, feedback };
}
