import DataLoader from 'dataloader';
import { groupedInKeyOrder, inKeyOrder } from '../../common/loaders';
import type { Context } from '../../common/context';
import { rowsByKey, type Row } from '../../common/rows';
import { Scorecard } from './scorecard.entity';
import { ScorecardRevision } from './scorecard-revision.entity';
import { Rating } from './rating.entity';
import { DraftRating, ScorecardDraft } from './scorecard-draft.entity';

// Per-request DataLoaders of the scorecard feature: one SQL statement per relation and batch, into
// plain rows (common/rows.ts). The tenant filter scopes every one to the caller's firm.

export type ScorecardRow = Row<
  Scorecard,
  'status' | 'submittedAt' | 'version' | 'focusCompetencyKeys' | 'createdAt' | 'updatedAt',
  'interview' | 'interviewer' | 'latestRevision'
>;
const SCORECARD_FIELDS = [
  'interview',
  'interviewer',
  'latestRevision',
  'status',
  'submittedAt',
  'version',
  'focusCompetencyKeys',
  'createdAt',
  'updatedAt',
] as const;

export type ScorecardRevisionRow = Row<
  ScorecardRevision,
  'number' | 'recommendation' | 'summary' | 'reason' | 'createdAt' | 'updatedAt',
  'scorecard' | 'author'
>;
const REVISION_FIELDS = ['scorecard', 'author', 'number', 'recommendation', 'summary', 'reason', 'createdAt', 'updatedAt'] as const;

export type RatingRow = Row<Rating, 'competencyKey' | 'score' | 'evidence' | 'createdAt' | 'updatedAt', 'revision'>;
const RATING_FIELDS = ['revision', 'competencyKey', 'score', 'evidence', 'createdAt', 'updatedAt'] as const;

// A panel's scorecards come with their latest revisions (recommendation, summary): a read of
// scorecards goes on to them, and so saves a statement.
// A query's read leaves out the columns only their own field shows when the query does not ask
// for it (common/rows.ts, `optional`); interview, interviewer, status, focus and the revision are
// read by other fields (independent scoring, kit, coverage, ratings). The revision along is read
// only by Scorecard.recommendation and Scorecard.summary (through revisionByIdLoader, which it
// primes): the rest of it only if the query asks a Scorecard field of that name.
const scorecardsOfInterviews = rowsByKey<Scorecard, ScorecardRow, ScorecardRevision>(
  Scorecard,
  SCORECARD_FIELDS,
  'interview',
  ['createdAt', 'id'],
  {
    ref: 'latestRevision',
    entity: ScorecardRevision,
    fields: REVISION_FIELDS,
    optional: ['scorecard', 'author', 'number', 'summary', 'reason', 'createdAt', 'updatedAt'],
  },
  ['submittedAt', 'version', 'createdAt', 'updatedAt'],
);
const scorecardsById = rowsByKey<Scorecard, ScorecardRow>(Scorecard, SCORECARD_FIELDS, 'id');
const revisionsOfScorecards = rowsByKey<ScorecardRevision, ScorecardRevisionRow>(ScorecardRevision, REVISION_FIELDS, 'scorecard', [
  'number',
]);
const revisionsById = rowsByKey<ScorecardRevision, ScorecardRevisionRow>(ScorecardRevision, REVISION_FIELDS, 'id');
// Ratings are most of a nested read's rows: a read that asks only for keys and scores leaves out
// the id (Rating has no id field), the evidence and the timestamps.
const ratingsOfRevisions = rowsByKey<Rating, RatingRow>(Rating, RATING_FIELDS, 'revision', ['createdAt', 'id'], undefined, [
  'id',
  'evidence',
  'createdAt',
  'updatedAt',
]);

// The panel of each interview, in the order the interviewers were named when it was scheduled.
export const scorecardsByInterviewLoader = (context: Context) =>
  new DataLoader<string, ScorecardRow[]>(async (interviewIds) => {
    const rows = await scorecardsOfInterviews(context.em, interviewIds, context.selected);
    const revisions = context.loaders.get(revisionByIdLoader);
    for (const row of rows) {
      const revision = row.latestRevision as ScorecardRevisionRow | null;
      if (revision) revisions.prime(revision.id, revision);
    }
    return groupedInKeyOrder(interviewIds, rows, (row) => row.interview.id);
  });

// Scorecards by id (e.g. the evidence behind a talent pool match). Who may see which is decided by
// whoever hands them out.
export const scorecardByIdLoader = (context: Context) =>
  new DataLoader<string, ScorecardRow | null>(async (ids) => {
    const rows = await scorecardsById(context.em, ids);
    return inKeyOrder(ids, rows, (row) => row.id);
  });

// Every revision of each scorecard, oldest first.
export const revisionsByScorecardLoader = (context: Context) =>
  new DataLoader<string, ScorecardRevisionRow[]>(async (scorecardIds) => {
    const rows = await revisionsOfScorecards(context.em, scorecardIds);
    return groupedInKeyOrder(scorecardIds, rows, (row) => row.scorecard.id);
  });

export const revisionByIdLoader = (context: Context) =>
  new DataLoader<string, ScorecardRevisionRow | null>(async (ids) => {
    const rows = await revisionsById(context.em, ids);
    return inKeyOrder(ids, rows, (row) => row.id);
  });

// The ratings of each revision in the order of the rubric's competencies (see writeRevision).
export const ratingsByRevisionLoader = (context: Context) =>
  new DataLoader<string, RatingRow[]>(async (revisionIds) => {
    const rows = await ratingsOfRevisions(context.em, revisionIds, context.selected);
    return groupedInKeyOrder(revisionIds, rows, (row) => row.revision.id);
  });

// The saved draft of each scorecard, if any.
export const draftByScorecardLoader = (context: Context) =>
  new DataLoader<string, ScorecardDraft | null>(async (scorecardIds) => {
    const rows = await context.em.find(ScorecardDraft, { scorecard: { $in: [...scorecardIds] } });
    return inKeyOrder(scorecardIds, rows, (row) => row.scorecard.id);
  });

// The saved ratings of each draft, in the order they were first saved.
export const draftRatingsByDraftLoader = (context: Context) =>
  new DataLoader<string, DraftRating[]>(async (draftIds) => {
    const rows = await context.em.find(DraftRating, { draft: { $in: [...draftIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return groupedInKeyOrder(draftIds, rows, (row) => row.draft.id);
  });
