import { LockMode, ref, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { paginate, type Connection, type ConnectionArgs } from '../../common/connection';
import { UserErrorCode, UserInputError, notFound } from '../../common/errors';
import { InputCheck } from '../../common/input-check';
import { Firm } from '../../common/firm.entity';
import { User } from '../user';
import { Interview, InterviewStatus } from './interview.entity';
import { Candidacy } from '../candidacy';
import { Competency, SCALE } from '../rubric';
import { Scorecard, ScorecardStatus } from './scorecard.entity';
import { Recommendation, ScorecardRevision } from './scorecard-revision.entity';
import { Rating } from './rating.entity';
import { DraftRating, ScorecardDraft } from './scorecard-draft.entity';
import { SCORECARD_LIMITS as LIMITS } from './scorecard.limits';
import { scorecardSubmitted } from './scorecard.events';
import { refuseIfErased } from '../candidate';
import { refreshCandidateProfiles } from '../competency-profile';

export interface RatingData {
  competencyKey: string;
  score?: number | null;
  evidence?: string | null;
}

export interface ScorecardContentData {
  ratings: RatingData[];
  recommendation: Recommendation;
  summary?: string | null;
}

// Submitting may leave out what the saved draft already holds: the ratings sent change the draft's
// (a field left out keeps the draft's value), a recommendation or summary sent replaces it.
export interface SubmitScorecardData {
  // Local id, or null when the global id was malformed or of another type.
  interviewId: string | null;
  ratings?: RatingData[] | null;
  recommendation?: Recommendation | null;
  summary?: string | null;
  expectedVersion?: number | null;
}

export interface SaveScorecardDraftData {
  // Local ids, or null when the global id was malformed or of another type; undefined: not sent.
  scorecardId?: string | null;
  interviewId?: string | null;
  ratings?: RatingData[] | null;
  recommendation?: Recommendation | null;
  summary?: string | null;
  expectedVersion?: number | null;
}

export interface AmendScorecardData extends ScorecardContentData {
  scorecardId: string | null;
  reason?: string | null;
  expectedVersion?: number | null;
}

interface CheckedContent {
  // One entry per competency of the rubric, in rubric order; null score = not assessed.
  ratings: { competencyKey: string; score: number | null; evidence: string | null }[];
  recommendation: Recommendation;
  summary: string | null;
}

// The caller's first judgement of an interview: revision 1 of their scorecard, made of their saved
// draft (if any) with the changes sent; every rule of a submission applies to the result.
export async function submitScorecard(em: EntityManager, firmId: string, userId: string, data: SubmitScorecardData) {
  const interviewField = ['input', 'interviewId'];
  const interview = data.interviewId ? await em.findOne(Interview, { id: data.interviewId, firm: firmId }) : null;
  if (!interview) throw notFound(interviewField, 'interview');
  // Evidence and summary are text about the person.
  await refuseIfErased(em, firmId, { interviewId: interview.id }, interviewField);
  refuseIfCancelled(interview, interviewField);
  const scorecard = await lockScorecard(em, { interview: interview.id, interviewer: userId, firm: firmId });
  if (!scorecard) throw UserInputError.of(UserErrorCode.NOT_FOUND, "You are not on this interview's panel.", interviewField);
  if (scorecard.status !== ScorecardStatus.DRAFT) {
    throw UserInputError.of(
      UserErrorCode.INVALID_STATE,
      'You have already submitted this scorecard; use amendScorecard to change it.',
      interviewField,
    );
  }
  new InputCheck().version('scorecard', scorecard.version, data.expectedVersion).done();

  const saved = await savedDraftOf(em, firmId, scorecard);
  const check = new InputCheck();
  const content = checkContent(check, submissionOf(check, data, saved), await competencyKeysOf(em, firmId, interview));
  check.done();

  scorecard.status = ScorecardStatus.SUBMITTED;
  scorecard.submittedAt = new Date();
  writeRevision(em, firmId, userId, scorecard, 1, content, null);
  // Its content now lives in revision 1.
  if (saved) {
    saved.ratings.forEach((rating) => em.remove(rating));
    em.remove(saved.draft);
  }
  await refreshProfileOf(em, firmId, interview);
  await scorecardSubmitted(em, firmId, { ...scorecardIds(scorecard, interview), revision: 1 });
  return { scorecard };
}

// Saves any part of the caller's unsubmitted scorecard, as often as they like: each rating sent
// replaces the fields it gives (a field left out keeps its saved value, null clears it), a rating
// left with neither score nor evidence goes; recommendation and summary likewise. The draft does
// not need to satisfy the submit rules; it counts nowhere and only its author sees it.
export async function saveScorecardDraft(em: EntityManager, firmId: string, userId: string, data: SaveScorecardDraftData) {
  const scorecard = await ownUnsubmittedScorecard(em, firmId, userId, data);
  // A stale version alone answers: the rest of the input was written against what the caller read.
  new InputCheck().version('scorecard', scorecard.version, data.expectedVersion).done();

  const interview = await em.findOneOrFail(Interview, { id: scorecard.interview.id, firm: firmId });
  refuseIfCancelled(interview, data.scorecardId !== undefined ? ['input', 'scorecardId'] : ['input', 'interviewId']);
  const check = new InputCheck();
  const ratings = checkDraftRatings(check, data.ratings ?? [], new Set(await competencyKeysOf(em, firmId, interview)));
  const summary = data.summary === undefined ? undefined : check.text(['input', 'summary'], data.summary, { max: LIMITS.summary });
  check.done();

  const firm = em.getReference(Firm, firmId);
  const saved = await savedDraftOf(em, firmId, scorecard);
  const draft = saved?.draft ?? em.create(ScorecardDraft, { firm, scorecard });
  let changed = !saved;
  if (data.recommendation !== undefined && data.recommendation !== draft.recommendation) {
    draft.recommendation = data.recommendation;
    changed = true;
  }
  if (summary !== undefined && summary !== draft.summary) {
    draft.summary = summary;
    changed = true;
  }
  const byKey = new Map((saved?.ratings ?? []).map((rating) => [rating.competencyKey, rating]));
  const now = Date.now();
  ratings.forEach((change, index) => {
    const existing = byKey.get(change.competencyKey);
    const score = change.score === undefined ? (existing?.score ?? null) : change.score;
    const evidence = change.evidence === undefined ? (existing?.evidence ?? null) : change.evidence;
    if (existing && score === existing.score && evidence === existing.evidence) return;
    changed = true;
    if (score === null && evidence === null) {
      if (existing) em.remove(existing);
    } else if (existing) {
      existing.score = score;
      existing.evidence = evidence;
    } else {
      // A millisecond apart, so that reading them back by createdAt keeps the order they were first saved in.
      em.create(DraftRating, { firm, draft, competencyKey: change.competencyKey, score, evidence, createdAt: new Date(now + index) });
    }
  });
  if (changed) {
    // Saving into a draft is an edit like any other: the version moves, so a stale autosave is refused.
    draft.updatedAt = new Date();
    scorecard.version += 1;
  }
  return { scorecard };
}

// A change of a submitted scorecard: a new revision with a reason; the earlier ones stay.
export async function amendScorecard(em: EntityManager, firmId: string, userId: string, data: AmendScorecardData) {
  const scorecardField = ['input', 'scorecardId'];
  // Someone else's scorecard is answered like a missing one: under independent scoring the
  // caller may not even know that it exists.
  const scorecard = data.scorecardId ? await lockScorecard(em, { id: data.scorecardId, interviewer: userId, firm: firmId }) : null;
  if (!scorecard) throw UserInputError.of(UserErrorCode.NOT_FOUND, 'You have no scorecard with this id.', scorecardField);
  await refuseIfErased(em, firmId, { interviewId: scorecard.interview.id }, scorecardField);
  if (scorecard.status !== ScorecardStatus.SUBMITTED) {
    throw UserInputError.of(UserErrorCode.INVALID_STATE, 'This scorecard has not been submitted yet; use submitScorecard.', scorecardField);
  }
  // A stale version alone answers: the rest of the input was written against what the caller read.
  new InputCheck().version('scorecard', scorecard.version, data.expectedVersion).done();

  const check = new InputCheck();
  const reason = check.text(['input', 'reason'], data.reason, { max: LIMITS.reason, required: true });
  const interview = await em.findOneOrFail(Interview, { id: scorecard.interview.id, firm: firmId });
  const content = checkContent(check, data, await competencyKeysOf(em, firmId, interview));
  check.done();

  const latest = await scorecard.latestRevision!.loadOrFail();
  writeRevision(em, firmId, userId, scorecard, latest.number + 1, content, reason);
  await refreshProfileOf(em, firmId, interview);
  await scorecardSubmitted(em, firmId, { ...scorecardIds(scorecard, interview), revision: latest.number + 1 });
  return { scorecard };
}

// The caller's own scorecards, oldest first; with status DRAFT, their to-do list; overdue: the
// unsubmitted ones of interviews held whose due time has passed.
export function listMyScorecards(
  em: EntityManager,
  firmId: string,
  userId: string,
  filter: { status?: ScorecardStatus | null; overdue?: boolean | null },
  page: ConnectionArgs,
  now = new Date(),
): Promise<Connection<Scorecard>> {
  return paginate(
    em,
    Scorecard,
    {
      firm: firmId,
      interviewer: userId,
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.overdue === true ? overdueWhere(now) : filter.overdue === false ? { $not: overdueWhere(now) } : {}),
    } as FilterQuery<Scorecard>,
    { list: 'myScorecards', keys: ['createdAt', 'id'], ...page },
  );
}

// Every overdue scorecard of the firm (for an admin), or of the mandates a recruiter leads.
export function listOverdueScorecards(
  em: EntityManager,
  firmId: string,
  leadRecruiterId: string | null,
  page: ConnectionArgs,
  now = new Date(),
): Promise<Connection<Scorecard>> {
  const where = overdueWhere(now);
  if (leadRecruiterId) where.interview.candidacy = { mandate: { leadRecruiter: leadRecruiterId } };
  return paginate(em, Scorecard, { firm: firmId, ...where } as FilterQuery<Scorecard>, {
    list: 'overdueScorecards',
    keys: ['createdAt', 'id'],
    ...page,
  });
}

// Overdue: not submitted, of an interview that was held and whose scorecards were due before now.
function overdueWhere(now: Date) {
  return {
    status: ScorecardStatus.DRAFT,
    interview: { status: InterviewStatus.HELD, scorecardsDueAt: { $lt: now } } as Record<string, unknown>,
  };
}

// Locks the scorecard row for the transaction, so that concurrent submissions and amendments
// of it run one after the other and each sees the revision the previous one wrote. Read without
// the tenant filter's joins (the firm is in the where-clause): under FOR UPDATE a joined row
// comes from before the wait, which would hide the latest revision just written.
function lockScorecard(em: EntityManager, where: FilterQuery<Scorecard>): Promise<Scorecard | null> {
  return em.findOne(Scorecard, where, { lockMode: LockMode.PESSIMISTIC_WRITE, filters: false });
}

// The caller's own scorecard named by scorecardId or by interviewId, locked, while it is a draft.
// Someone else's is answered like a missing one: under independent scoring the caller may not
// even know that it exists.
async function ownUnsubmittedScorecard(
  em: EntityManager,
  firmId: string,
  userId: string,
  data: SaveScorecardDraftData,
): Promise<Scorecard> {
  const byScorecard = data.scorecardId !== undefined;
  const byInterview = data.interviewId !== undefined;
  if (byScorecard === byInterview) {
    throw UserInputError.of(
      byScorecard ? UserErrorCode.INVALID : UserErrorCode.REQUIRED,
      'Name the scorecard by scorecardId or by interviewId (one of them).',
      ['input', 'scorecardId'],
    );
  }
  const field = byScorecard ? ['input', 'scorecardId'] : ['input', 'interviewId'];
  const id = byScorecard ? data.scorecardId : data.interviewId;
  const scorecard = id
    ? await lockScorecard(em, { ...(byScorecard ? { id } : { interview: id }), interviewer: userId, firm: firmId })
    : null;
  if (!scorecard) {
    throw UserInputError.of(
      UserErrorCode.NOT_FOUND,
      byScorecard ? 'You have no scorecard with this id.' : "You are not on this interview's panel.",
      field,
    );
  }
  await refuseIfErased(em, firmId, { interviewId: scorecard.interview.id }, field);
  if (scorecard.status !== ScorecardStatus.DRAFT) {
    throw UserInputError.of(
      UserErrorCode.INVALID_STATE,
      'This scorecard has been submitted: its draft is closed; use amendScorecard to change it.',
      field,
    );
  }
  return scorecard;
}

// A cancelled interview takes no more judgements; what was saved stays as it was.
function refuseIfCancelled(interview: Interview, field: string[]): void {
  if (interview.status === InterviewStatus.CANCELLED) {
    throw UserInputError.of(UserErrorCode.INVALID_STATE, 'The interview was cancelled: its scorecards take no more changes.', field);
  }
}

// The saved draft of a scorecard with its ratings, oldest first; null when nothing was saved.
async function savedDraftOf(em: EntityManager, firmId: string, scorecard: Scorecard) {
  const draft = await em.findOne(ScorecardDraft, { scorecard: scorecard.id, firm: firmId }, { filters: false });
  if (!draft) return null;
  const ratings = await em.find(
    DraftRating,
    { draft: draft.id, firm: firmId },
    { orderBy: { createdAt: 'asc', id: 'asc' }, filters: false },
  );
  return { draft, ratings };
}

interface DraftRatingChange {
  competencyKey: string;
  // undefined: keep what is saved.
  score: number | null | undefined;
  evidence: string | null | undefined;
}

// The rules of what a draft may hold: known competencies, each once, scores 1–5, texts within
// their limits. Nothing is required.
function checkDraftRatings(check: InputCheck, ratings: RatingData[], known: Set<string>): DraftRatingChange[] {
  const ratingsField = ['input', 'ratings'];
  if (ratings.length > LIMITS.ratings) {
    check.add(UserErrorCode.OUT_OF_RANGE, `ratings may hold at most ${LIMITS.ratings} entries.`, ratingsField);
    return [];
  }
  const seen = new Set<string>();
  return ratings.map((rating, index) => {
    const field = [...ratingsField, String(index)];
    const key = rating.competencyKey.trim();
    if (!known.has(key)) {
      check.add(UserErrorCode.NOT_FOUND, `The mandate's rubric has no competency "${key.slice(0, 60)}".`, [...field, 'competencyKey']);
    } else if (seen.has(key)) {
      check.add(UserErrorCode.INVALID, `${key} is rated more than once.`, [...field, 'competencyKey']);
    }
    seen.add(key);
    const score = rating.score === undefined ? undefined : check.integer([...field, 'score'], rating.score, SCALE.min, SCALE.max);
    const evidence =
      rating.evidence === undefined ? undefined : check.text([...field, 'evidence'], rating.evidence, { max: LIMITS.evidence });
    return { competencyKey: key, score, evidence };
  });
}

// What is submitted: the saved draft with the changes sent. A rating sent is checked where it was
// sent; one only in the draft is named by its competency under input.ratings.
function submissionOf(
  check: InputCheck,
  data: SubmitScorecardData,
  saved: { draft: ScorecardDraft; ratings: DraftRating[] } | null,
): ScorecardContentData & { fields: (string[] | null)[] } {
  const sent = data.ratings ?? [];
  const sentKeys = new Set(sent.map((rating) => rating.competencyKey.trim()));
  const byKey = new Map((saved?.ratings ?? []).map((rating) => [rating.competencyKey, rating]));
  const merged: RatingData[] = sent.map((rating) => {
    const kept = byKey.get(rating.competencyKey.trim());
    return {
      competencyKey: rating.competencyKey,
      score: rating.score === undefined ? (kept?.score ?? null) : rating.score,
      evidence: rating.evidence === undefined ? (kept?.evidence ?? null) : rating.evidence,
    };
  });
  const fields: (string[] | null)[] = sent.map(() => null);
  for (const rating of saved?.ratings ?? []) {
    if (sentKeys.has(rating.competencyKey)) continue;
    merged.push({ competencyKey: rating.competencyKey, score: rating.score, evidence: rating.evidence });
    fields.push(['input', 'ratings']);
  }
  const recommendation = data.recommendation ?? saved?.draft.recommendation ?? null;
  if (!recommendation) check.add(UserErrorCode.REQUIRED, 'Give a recommendation (or save one in the draft).', ['input', 'recommendation']);
  return {
    ratings: merged,
    // Checked above; the placeholder only lets the other rules run and report too.
    recommendation: recommendation ?? Recommendation.NO,
    summary: data.summary === undefined ? (saved?.draft.summary ?? null) : data.summary,
    fields,
  };
}

// The talent pool's profile of the interviewed candidate, from the revision just written.
async function refreshProfileOf(em: EntityManager, firmId: string, interview: Interview): Promise<void> {
  await em.flush();
  const candidacy = await em.findOneOrFail(Candidacy, { id: interview.candidacy.id, firm: firmId });
  await refreshCandidateProfiles(em, firmId, [candidacy.candidate.id]);
}

// The competency keys of the rubric pinned by the interview's mandate, in rubric order.
async function competencyKeysOf(em: EntityManager, firmId: string, interview: Interview): Promise<string[]> {
  const candidacy = await em.findOneOrFail(Candidacy, { id: interview.candidacy.id, firm: firmId }, { populate: ['mandate'] });
  const competencies = await em.find(
    Competency,
    { rubric: candidacy.mandate.getEntity().rubric.id, firm: firmId },
    { orderBy: { position: 'asc' } },
  );
  return competencies.map((competency) => competency.key);
}

// The rules of a scorecard's content, shared by submitting and amending.
// A rating whose entry in `data.fields` is a path came from the saved draft: its problems are
// reported at that path, naming the competency.
function checkContent(
  check: InputCheck,
  data: ScorecardContentData & { fields?: (string[] | null)[] },
  rubricKeys: string[],
): CheckedContent {
  const ratingsField = ['input', 'ratings'];
  const known = new Set(rubricKeys);
  const given = new Map<string, { score: number | null; evidence: string | null }>();
  if (data.ratings.length > LIMITS.ratings) {
    check.add(UserErrorCode.OUT_OF_RANGE, `ratings may hold at most ${LIMITS.ratings} entries.`, ratingsField);
  } else {
    data.ratings.forEach((rating, index) => {
      const key = rating.competencyKey.trim();
      const fromDraft = data.fields?.[index] ?? null;
      if (fromDraft) {
        // Saved under the draft's rules (known key, score 1–5, texts within limits): only the
        // submit rules remain.
        if (rating.score !== null && rating.score !== undefined && !rating.evidence) {
          check.add(UserErrorCode.REQUIRED, `Your draft scores ${key} without evidence: send the evidence for it.`, fromDraft);
        }
        given.set(key, { score: rating.score ?? null, evidence: rating.evidence ?? null });
        return;
      }
      const field = [...ratingsField, String(index)];
      if (!known.has(key)) {
        check.add(UserErrorCode.NOT_FOUND, `The mandate's rubric has no competency "${key.slice(0, 60)}".`, [...field, 'competencyKey']);
      } else if (given.has(key)) {
        check.add(UserErrorCode.INVALID, `${key} is rated more than once.`, [...field, 'competencyKey']);
      }
      const score = check.integer([...field, 'score'], rating.score, SCALE.min, SCALE.max);
      const evidence = check.text([...field, 'evidence'], rating.evidence, {
        max: LIMITS.evidence,
        required: score !== null,
      });
      if (known.has(key) && !given.has(key)) given.set(key, { score, evidence });
    });
    if (!data.ratings.some((rating) => rating.score !== null && rating.score !== undefined)) {
      check.add(UserErrorCode.REQUIRED, 'Score at least one competency.', ratingsField);
    }
  }
  const summary = check.text(['input', 'summary'], data.summary, { max: LIMITS.summary });
  return {
    ratings: rubricKeys.map((key) => ({
      competencyKey: key,
      score: given.get(key)?.score ?? null,
      evidence: given.get(key)?.evidence ?? null,
    })),
    recommendation: data.recommendation,
    summary,
  };
}

// Writes the next revision with one rating per competency and makes it the one that counts.
function writeRevision(
  em: EntityManager,
  firmId: string,
  authorId: string,
  scorecard: Scorecard,
  number: number,
  content: CheckedContent,
  reason: string | null,
): ScorecardRevision {
  const firm = em.getReference(Firm, firmId);
  const now = Date.now();
  const revision = em.create(ScorecardRevision, {
    firm,
    scorecard,
    number,
    recommendation: content.recommendation,
    summary: content.summary,
    reason,
    author: em.getReference(User, authorId),
  });
  content.ratings.forEach((rating, index) =>
    em.create(Rating, {
      firm,
      revision,
      competencyKey: rating.competencyKey,
      score: rating.score,
      evidence: rating.evidence,
      // A millisecond apart, so that reading them back by createdAt keeps the rubric's order.
      createdAt: new Date(now + index),
      updatedAt: new Date(now),
    }),
  );
  scorecard.latestRevision = ref(revision);
  scorecard.version += 1;
  return revision;
}

// The ids a webhook payload names a scorecard by.
function scorecardIds(scorecard: Scorecard, interview: Interview) {
  return { scorecardId: scorecard.id, interviewId: interview.id, candidacyId: interview.candidacy.id };
}
