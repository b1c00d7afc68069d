import DataLoader from 'dataloader';
import { groupedInKeyOrder, inKeyOrder } from '../../common/loaders';
import type { Context } from '../../common/context';
import { rowsByKey, type Row } from '../../common/rows';
import { Interview } from './interview.entity';

// Per-request DataLoaders of the interview feature: plain rows (common/rows.ts), scoped to the
// caller's firm by the tenant filter.

export type InterviewRow = Row<
  Interview,
  | 'kind'
  | 'scheduledAt'
  | 'status'
  | 'durationMinutes'
  | 'location'
  | 'videoLink'
  | 'version'
  | 'heldAt'
  | 'scorecardsDueAt'
  | 'cancelledAt'
  | 'cancellationReason'
  | 'createdAt'
  | 'updatedAt',
  'candidacy'
>;
// A query's read leaves out the columns only their own field shows when the query does not ask
// for it (common/rows.ts, `optional`).
const INTERVIEW_OPTIONAL_FIELDS = [
  'durationMinutes',
  'location',
  'videoLink',
  'version',
  'heldAt',
  'scorecardsDueAt',
  'cancelledAt',
  'cancellationReason',
  'createdAt',
  'updatedAt',
] as const;
const INTERVIEW_FIELDS = ['candidacy', 'kind', 'scheduledAt', 'status', ...INTERVIEW_OPTIONAL_FIELDS] as const;
const interviewsOfCandidacies = rowsByKey<Interview, InterviewRow>(
  Interview,
  INTERVIEW_FIELDS,
  'candidacy',
  ['scheduledAt', 'id'],
  undefined,
  INTERVIEW_OPTIONAL_FIELDS,
);
export const interviewsById = rowsByKey<Interview, InterviewRow>(Interview, INTERVIEW_FIELDS, 'id');

// The interviews of each candidacy, in the order they take place.
export const interviewsByCandidacyLoader = (context: Context) =>
  new DataLoader<string, InterviewRow[]>(async (candidacyIds) => {
    const rows = await interviewsOfCandidacies(context.em, candidacyIds, context.selected);
    return groupedInKeyOrder(candidacyIds, rows, (row) => row.candidacy.id);
  });

export const interviewByIdLoader = (context: Context) =>
  new DataLoader<string, InterviewRow | null>(async (ids) => {
    const rows = await interviewsById(context.em, ids);
    return inKeyOrder(ids, rows, (row) => row.id);
  });
