import { LockMode, ref, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { paginate, type Connection, type ConnectionArgs } from '../../common/connection';
import { UserErrorCode, UserInputError, notFound } from '../../common/errors';
import { InputCheck } from '../../common/input-check';
import { Firm } from '../../common/firm.entity';
import { User } from '../user';
import { Interview } from './interview.entity';
import { Candidacy } from '../candidacy';
import { Competency, SCALE } from '../rubric';
import { Scorecard, ScorecardStatus } from './scorecard.entity';
import { Recommendation, ScorecardRevision } from './scorecard-revision.entity';
import { Rating } from './rating.entity';
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

export interface SubmitScorecardData extends ScorecardContentData {
  // Local id, or null when the global id was malformed or of another type.
  interviewId: string | null;
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

// The caller's first judgement of an interview: revision 1 of their scorecard.
export async function submitScorecard(em: EntityManager, firmId: string, userId: string, data: SubmitScorecardData) {
  const interviewField = ['input', 'interviewId'];
  const interview = data.interviewId ? await em.findOne(Interview, { id: data.interviewId, firm: firmId }) : null;
  if (!interview) throw notFound(interviewField, 'interview');
  // Evidence and summary are text about the person.
  await refuseIfErased(em, firmId, { interviewId: interview.id }, interviewField);
  const scorecard = await lockScorecard(em, { interview: interview.id, interviewer: userId, firm: firmId });
  if (!scorecard) throw UserInputError.of(UserErrorCode.NOT_FOUND, "You are not on this interview's panel.", interviewField);
  if (scorecard.status !== ScorecardStatus.DRAFT) {
    throw UserInputError.of(
      UserErrorCode.INVALID_STATE,
      'You have already submitted this scorecard; use amendScorecard to change it.',
      interviewField,
    );
  }

  const check = new InputCheck();
  const content = checkContent(check, data, await competencyKeysOf(em, firmId, interview));
  check.done();

  scorecard.status = ScorecardStatus.SUBMITTED;
  scorecard.submittedAt = new Date();
  writeRevision(em, firmId, userId, scorecard, 1, content, null);
  await refreshProfileOf(em, firmId, interview);
  await scorecardSubmitted(em, firmId, { ...scorecardIds(scorecard, interview), revision: 1 });
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

// The caller's own scorecards, oldest first; with status DRAFT, their to-do list.
export function listMyScorecards(
  em: EntityManager,
  firmId: string,
  userId: string,
  status: ScorecardStatus | null | undefined,
  page: ConnectionArgs,
): Promise<Connection<Scorecard>> {
  return paginate(
    em,
    Scorecard,
    { firm: firmId, interviewer: userId, ...(status ? { status } : {}) },
    { list: 'myScorecards', keys: ['createdAt', 'id'], ...page },
  );
}

// Locks the scorecard row for the transaction, so that concurrent submissions and amendments
// of it run one after the other and each sees the revision the previous one wrote. Read without
// the tenant filter's joins (the firm is in the where-clause): under FOR UPDATE a joined row
// comes from before the wait, which would hide the latest revision just written.
function lockScorecard(em: EntityManager, where: FilterQuery<Scorecard>): Promise<Scorecard | null> {
  return em.findOne(Scorecard, where, { lockMode: LockMode.PESSIMISTIC_WRITE, filters: false });
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
function checkContent(check: InputCheck, data: ScorecardContentData, rubricKeys: string[]): CheckedContent {
  const ratingsField = ['input', 'ratings'];
  const known = new Set(rubricKeys);
  const given = new Map<string, { score: number | null; evidence: string | null }>();
  if (data.ratings.length > LIMITS.ratings) {
    check.add(UserErrorCode.OUT_OF_RANGE, `ratings may hold at most ${LIMITS.ratings} entries.`, ratingsField);
  } else {
    data.ratings.forEach((rating, index) => {
      const field = [...ratingsField, String(index)];
      const key = rating.competencyKey.trim();
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
