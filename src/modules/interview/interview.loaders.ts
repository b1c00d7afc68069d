import DataLoader from 'dataloader';
import { groupedInKeyOrder, inKeyOrder } from '../../common/loaders';
import type { Context } from '../../common/context';
import { Interview } from './interview.entity';

// Per-request DataLoaders of the interview feature, scoped to the caller's firm by the tenant filter.

// The interviews of each candidacy, in the order they take place.
export const interviewsByCandidacyLoader = (context: Context) =>
  new DataLoader<string, Interview[]>(async (candidacyIds) => {
    const rows = await context.em.find(
      Interview,
      { candidacy: { $in: [...candidacyIds] } },
      { orderBy: { scheduledAt: 'asc', id: 'asc' } },
    );
    return groupedInKeyOrder(candidacyIds, rows, (row) => row.candidacy.id);
  });

export const interviewByIdLoader = (context: Context) =>
  new DataLoader<string, Interview | null>(async (ids) => {
    const rows = await context.em.find(Interview, { id: { $in: [...ids] } });
    return inKeyOrder(ids, rows, (row) => row.id);
  });
