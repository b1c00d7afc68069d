import DataLoader from 'dataloader';
import { groupedInKeyOrder, inKeyOrder } from '../../common/loaders';
import type { Context } from '../../common/context';
import { rowsByKey, type Row } from '../../common/rows';
import { Rubric } from './rubric.entity';
import { Competency } from './competency.entity';

// The competencies of many rubrics in one query, each list in rubric order.
export const competenciesByRubricLoader = (context: Context) =>
  new DataLoader<string, Competency[]>(async (rubricIds) => {
    const rows = await context.em.find(Competency, { rubric: { $in: [...rubricIds] } }, { orderBy: { position: 'asc', id: 'asc' } });
    return groupedInKeyOrder(rubricIds, rows, (row) => row.rubric.id);
  });

// Only the keys of many rubrics' competencies, in rubric order, as plain rows (common/rows.ts): for
// reads that list competencies by key (agreement per competency) without their texts.
export type CompetencyKeyRow = Row<Competency, 'key', 'rubric'>;
const competencyKeysOfRubrics = rowsByKey<Competency, CompetencyKeyRow>(Competency, ['rubric', 'key'], 'rubric', ['position', 'id']);

export const competencyKeysByRubricLoader = (context: Context) =>
  new DataLoader<string, string[]>(async (rubricIds) => {
    const rows = await competencyKeysOfRubrics(context.em, rubricIds);
    return groupedInKeyOrder(rubricIds, rows, (row) => row.rubric.id).map((list) => list.map((row) => row.key));
  });

// Rubrics by id in one query (for Competency.rubric, and for other features pinning a rubric).
export const rubricByIdLoader = (context: Context) =>
  new DataLoader<string, Rubric | null>(async (ids) => {
    const rows = await context.em.find(Rubric, { id: { $in: [...ids] } });
    return inKeyOrder(ids, rows, (row) => row.id);
  });
