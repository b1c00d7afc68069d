import DataLoader from 'dataloader';
import { groupedInKeyOrder, inKeyOrder } from '../../common/loaders';
import type { Context } from '../../common/context';
import { rowsByKey, type Row } from '../../common/rows';
import { competenciesByRubricLoader } from '../rubric';
import { Mandate } from './mandate.entity';
import { Requirement } from './requirement.entity';

// Per-request DataLoaders of the mandate feature; the tenant filter keeps every query in the firm.

// A mandate as read for showing (common/rows.ts): node(id) of a mandate, every nested read's start.
// The entity fits it too (mutation payloads, lists).
export type MandateRow = Row<
  Mandate,
  'title' | 'leadershipLevel' | 'location' | 'status' | 'version' | 'createdAt' | 'updatedAt',
  'client' | 'leadRecruiter' | 'rubric'
>;
const MANDATE_FIELDS = [
  'title',
  'client',
  'leadershipLevel',
  'location',
  'leadRecruiter',
  'status',
  'rubric',
  'version',
  'createdAt',
  'updatedAt',
] as const;
export const mandatesById = rowsByKey<Mandate, MandateRow>(Mandate, MANDATE_FIELDS, 'id');

// The pinned rubric of each mandate, as a plain row has it. The requirement profile's loader
// primes it with the mandates it was given, so a requirement's competency texts need no statement
// of their own after node(id) (which reads the mandate as a row, not into the identity map).
export const rubricOfMandateLoader = (context: Context) =>
  new DataLoader<string, string | null>(async (ids) => {
    const rows = await mandatesById(context.em, ids);
    const rubricOf = new Map(rows.map((row) => [row.id, row.rubric.id]));
    return ids.map((id) => rubricOf.get(id) ?? null);
  });

export const mandateByIdLoader = (context: Context) =>
  new DataLoader<string, Mandate | null>(async (ids) => {
    const rows = await context.em.find(Mandate, { id: { $in: [...ids] } });
    return inKeyOrder(ids, rows, (row) => row.id);
  });

// The requirement profile of each mandate, in the order of its rubric's competencies: one
// query for the requirements and one (shared with Rubric.competencies) for the competencies,
// whatever the number of mandates.
export const requirementProfileLoader = (context: Context) =>
  new DataLoader<MandateRow, Requirement[], string>(
    async (mandates) => {
      const [requirements, competencyLists] = await Promise.all([
        context.em.find(Requirement, { mandate: { $in: mandates.map((mandate) => mandate.id) } }),
        context.loaders.get(competenciesByRubricLoader).loadMany([...new Set(mandates.map((mandate) => mandate.rubric.id))]),
      ]);
      const position = new Map<string, number>();
      for (const competencies of competencyLists) {
        if (competencies instanceof Error) throw competencies;
        for (const competency of competencies) position.set(`${competency.rubric.id}:${competency.key}`, competency.position);
      }
      const rubricOf = new Map(mandates.map((mandate) => [mandate.id, mandate.rubric.id]));
      for (const [mandateId, rubricId] of rubricOf) context.loaders.get(rubricOfMandateLoader).prime(mandateId, rubricId);
      const order = (requirement: Requirement) =>
        position.get(`${rubricOf.get(requirement.mandate.id)}:${requirement.competencyKey}`) ?? Number.MAX_SAFE_INTEGER;
      requirements.sort((a, b) => order(a) - order(b) || a.competencyKey.localeCompare(b.competencyKey));
      return groupedInKeyOrder(
        mandates.map((mandate) => mandate.id),
        requirements,
        (requirement) => requirement.mandate.id,
      );
    },
    { cacheKeyFn: (mandate) => mandate.id },
  );
