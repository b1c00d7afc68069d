import DataLoader from 'dataloader';
import { groupedInKeyOrder, inKeyOrder } from '../../common/loaders';
import type { Context } from '../../common/context';
import { Scorecard } from './scorecard.entity';
import { ScorecardRevision } from './scorecard-revision.entity';
import { Rating } from './rating.entity';
import { DraftRating, ScorecardDraft } from './scorecard-draft.entity';

// Per-request DataLoaders of the scorecard feature: one SQL statement per relation and batch.
// Every query runs on the request's fork, so the tenant filter scopes it to the caller's firm.

// The panel of each interview, in the order the interviewers were named when it was scheduled.
export const scorecardsByInterviewLoader = (context: Context) =>
  new DataLoader<string, Scorecard[]>(async (interviewIds) => {
    const rows = await context.em.find(Scorecard, { interview: { $in: [...interviewIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return groupedInKeyOrder(interviewIds, rows, (row) => row.interview.id);
  });

// Every revision of each scorecard, oldest first.
export const revisionsByScorecardLoader = (context: Context) =>
  new DataLoader<string, ScorecardRevision[]>(async (scorecardIds) => {
    const rows = await context.em.find(ScorecardRevision, { scorecard: { $in: [...scorecardIds] } }, { orderBy: { number: 'asc' } });
    return groupedInKeyOrder(scorecardIds, rows, (row) => row.scorecard.id);
  });

export const revisionByIdLoader = (context: Context) =>
  new DataLoader<string, ScorecardRevision | null>(async (ids) => {
    const rows = await context.em.find(ScorecardRevision, { id: { $in: [...ids] } });
    return inKeyOrder(ids, rows, (row) => row.id);
  });

// The ratings of each revision in the order of the rubric's competencies (see writeRevision).
export const ratingsByRevisionLoader = (context: Context) =>
  new DataLoader<string, Rating[]>(async (revisionIds) => {
    const rows = await context.em.find(Rating, { revision: { $in: [...revisionIds] } }, { orderBy: { createdAt: 'asc', id: 'asc' } });
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
