import DataLoader from 'dataloader';
import { groupedInKeyOrder, inKeyOrder } from '../../common/loaders';
import type { Context } from '../../common/context';
import { rowsByKey, type Row } from '../../common/rows';
import { Candidacy } from './candidacy.entity';
import { CandidacyStageChange } from './candidacy-stage-change.entity';

// Per-request DataLoaders of the pipeline: one SQL statement per relation and batch, on the
// request's fork, so the tenant filter scopes them to the caller's firm. Candidacies are read as
// plain rows (common/rows.ts).

export type CandidacyRow = Row<Candidacy, 'stage' | 'createdAt' | 'updatedAt', 'candidate' | 'mandate'>;
export const CANDIDACY_FIELDS = ['candidate', 'mandate', 'stage', 'createdAt', 'updatedAt'] as const;
export const candidaciesById = rowsByKey<Candidacy, CandidacyRow>(Candidacy, CANDIDACY_FIELDS, 'id');
const candidaciesOfCandidates = rowsByKey<Candidacy, CandidacyRow>(Candidacy, CANDIDACY_FIELDS, 'candidate', ['createdAt', 'id']);

// Candidacies by id (e.g. Interview.candidacy).
export const candidacyByIdLoader = (context: Context) =>
  new DataLoader<string, CandidacyRow | null>(async (ids) => {
    const rows = await candidaciesById(context.em, ids);
    return inKeyOrder(ids, rows, (row) => row.id);
  });

// Each candidacy's moves, oldest first.
export const historyByCandidacyLoader = (context: Context) =>
  new DataLoader<string, CandidacyStageChange[]>(async (candidacyIds) => {
    const rows = await context.em.find(
      CandidacyStageChange,
      { candidacy: { $in: [...candidacyIds] } },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
    return groupedInKeyOrder(candidacyIds, rows, (row) => row.candidacy.id);
  });

// Each candidate's candidacies in every mandate, oldest first.
export const candidaciesByCandidateLoader = (context: Context) =>
  new DataLoader<string, CandidacyRow[]>(async (candidateIds) => {
    const rows = await candidaciesOfCandidates(context.em, candidateIds);
    return groupedInKeyOrder(candidateIds, rows, (row) => row.candidate.id);
  });
