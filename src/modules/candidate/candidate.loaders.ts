import DataLoader from 'dataloader';
import { groupedInKeyOrder, inKeyOrder } from '../../common/loaders';
import { principalOf, type Context } from '../../common/context';
import { storedPairsOf, viewsOf, type DuplicateView } from './duplicate.service';
import { Candidate } from './candidate.entity';
import { CandidateExternalRef } from './candidate-external-ref.entity';

// Per-request DataLoaders of the candidate feature: one SQL statement per relation and batch,
// on the request's fork, so the tenant filter scopes them to the caller's firm.

export const candidateByIdLoader = (context: Context) =>
  new DataLoader<string, Candidate | null>(async (ids) => {
    const rows = await context.em.find(Candidate, { id: { $in: [...ids] } });
    return inKeyOrder(ids, rows, (row) => row.id);
  });

// Each candidate's refs, by system.
export const externalRefsByCandidateLoader = (context: Context) =>
  new DataLoader<string, CandidateExternalRef[]>(async (candidateIds) => {
    const rows = await context.em.find(CandidateExternalRef, { candidate: { $in: [...candidateIds] } }, { orderBy: { system: 'asc' } });
    return groupedInKeyOrder(candidateIds, rows, (row) => row.candidate.id);
  });

// Each candidate's likely duplicates, seen from it, most likely first.
export const duplicatesByCandidateLoader = (context: Context) =>
  new DataLoader<string, DuplicateView[]>(async (candidateIds) => {
    const pairs = await storedPairsOf(context.em, principalOf(context).firmId, candidateIds);
    return candidateIds.map((id) => viewsOf(id, pairs));
  });
