import DataLoader from 'dataloader';
import { groupedInKeyOrder, inKeyOrder } from '../../common/loaders';
import { principalOf, type Context } from '../../common/context';
import { rowsAlong, rowsByKey, type Row } from '../../common/rows';
import { storedPairsOf, viewsOf, type DuplicateView } from './duplicate.service';
import { Candidate } from './candidate.entity';
import { CandidateExternalRef } from './candidate-external-ref.entity';
import { CANDIDATE_VALUE_KEYS } from './candidate.validation';

// Per-request DataLoaders of the candidate feature: one SQL statement per relation and batch, on
// the request's fork, so the tenant filter scopes them to the caller's firm. Plain rows
// (common/rows.ts) of what the Candidate type shows.

// The columns a candidate row carries: what a create or update writes (the caller's fields and the
// consent), and the dates the server keeps.
export const CANDIDATE_ROW_COLUMNS = [
  ...CANDIDATE_VALUE_KEYS,
  'erasedAt',
  'version',
  'mergedIntoId',
  'mergedAt',
  'createdAt',
  'updatedAt',
] as const;
export type CandidateRow = Row<Candidate, (typeof CANDIDATE_ROW_COLUMNS)[number]>;

export type CandidateExternalRefRow = Row<CandidateExternalRef, 'system' | 'externalId' | 'createdAt' | 'updatedAt', 'candidate'>;
const EXTERNAL_REF_FIELDS = ['candidate', 'system', 'externalId', 'createdAt', 'updatedAt'] as const;

// A query's read leaves out the columns only their own field shows when the query does not ask
// for it (common/rows.ts, `optional`): here and on the candidates page. Kept: the names, headline,
// location and languages (what a client's PresentedCandidate copies) and mergedIntoId
// (Candidate.mergedInto).
export const CANDIDATE_OPTIONAL_COLUMNS = [
  'email',
  'phone',
  'linkedinUrl',
  'tags',
  'consentStatus',
  'consentGivenAt',
  'consentWithdrawnAt',
  'retainUntil',
  'erasedAt',
  'version',
  'mergedAt',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (typeof CANDIDATE_ROW_COLUMNS)[number][];
const candidatesById = rowsByKey<Candidate, CandidateRow>(
  Candidate,
  CANDIDATE_ROW_COLUMNS,
  'id',
  [],
  undefined,
  CANDIDATE_OPTIONAL_COLUMNS,
);
// The same rows read in another module's statement (the talent pool's page joins its candidates).
export const candidateRowsAlong = rowsAlong<Candidate, CandidateRow>(Candidate, CANDIDATE_ROW_COLUMNS);
const externalRefsOfCandidates = rowsByKey<CandidateExternalRef, CandidateExternalRefRow>(
  CandidateExternalRef,
  EXTERNAL_REF_FIELDS,
  'candidate',
  ['system'],
);

export const candidateByIdLoader = (context: Context) =>
  new DataLoader<string, CandidateRow | null>(async (ids) => {
    const rows = await candidatesById(context.em, ids, context.selected);
    return inKeyOrder(ids, rows, (row) => row.id);
  });

// Each candidate's refs, by system.
export const externalRefsByCandidateLoader = (context: Context) =>
  new DataLoader<string, CandidateExternalRefRow[]>(async (candidateIds) => {
    const rows = await externalRefsOfCandidates(context.em, candidateIds);
    return groupedInKeyOrder(candidateIds, rows, (row) => row.candidate.id);
  });

// The records merged into each candidate (Candidate.mergedFrom), oldest merge first: one statement.
const mergedIntoCandidates = rowsByKey<Candidate, MergedRecordRow>(Candidate, ['mergedIntoId', 'mergedAt'], 'mergedIntoId', [
  'mergedAt',
  'id',
]);
export type MergedRecordRow = Row<Candidate, 'mergedIntoId' | 'mergedAt'>;

export const mergedFromByCandidateLoader = (context: Context) =>
  new DataLoader<string, MergedRecordRow[]>(async (candidateIds) => {
    const rows = await mergedIntoCandidates(context.em, candidateIds);
    return groupedInKeyOrder(candidateIds, rows, (row) => row.mergedIntoId!);
  });

// Each candidate's likely duplicates, seen from it, most likely first.
export const duplicatesByCandidateLoader = (context: Context) =>
  new DataLoader<string, DuplicateView[]>(async (candidateIds) => {
    const pairs = await storedPairsOf(context.em, principalOf(context).firmId, candidateIds);
    return candidateIds.map((id) => viewsOf(id, pairs));
  });
