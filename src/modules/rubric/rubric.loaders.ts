import DataLoader from 'dataloader';
import { groupedInKeyOrder, inKeyOrder } from '../../common/loaders';
import type { Context } from '../../common/context';
import { Rubric } from './rubric.entity';
import { Competency } from './competency.entity';

// The competencies of many rubrics in one query, each list in rubric order.
export const competenciesByRubricLoader = (context: Context) =>
  new DataLoader<string, Competency[]>(async (rubricIds) => {
    const rows = await context.em.find(Competency, { rubric: { $in: [...rubricIds] } }, { orderBy: { position: 'asc', id: 'asc' } });
    return groupedInKeyOrder(rubricIds, rows, (row) => row.rubric.id);
  });

// Rubrics by id in one query (for Competency.rubric, and for other features pinning a rubric).
export const rubricByIdLoader = (context: Context) =>
  new DataLoader<string, Rubric | null>(async (ids) => {
    const rows = await context.em.find(Rubric, { id: { $in: [...ids] } });
    return inKeyOrder(ids, rows, (row) => row.id);
  });
