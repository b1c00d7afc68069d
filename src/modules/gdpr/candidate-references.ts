import { ReferenceKind, type EntityMetadata, type EntityProperty, type MetadataStorage } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../common/sql';
import { Candidate } from '../candidate';

// One table that holds data about a candidate: it refers, through `refs`, to the candidate or to
// another such table (a candidacy, an interview of it, a scorecard of that …).
export interface CandidateTable {
  meta: EntityMetadata;
  refs: { property: EntityProperty; column: string; target: string }[];
}

// Every entity with a many-to-one path to Candidate, read from the ORM metadata, so a table added
// later is part of the data export (and of the erasure check) without anyone listing it.
export function tablesReferencingCandidate(metadata: MetadataStorage): CandidateTable[] {
  const metas = Object.values(metadata.getAll()).filter((meta) => !meta.abstract && !meta.embeddable && meta.tableName);
  const reached = new Set<string>([Candidate.name]);
  for (let grown = true; grown;) {
    grown = false;
    for (const meta of metas) {
      if (reached.has(meta.className)) continue;
      if (referencesOf(meta).some((property) => reached.has(property.type))) {
        reached.add(meta.className);
        grown = true;
      }
    }
  }
  return metas
    .filter((meta) => meta.className !== Candidate.name && reached.has(meta.className))
    .map((meta) => ({
      meta,
      refs: referencesOf(meta)
        .filter((property) => reached.has(property.type))
        .map((property) => ({ property, column: property.fieldNames[0], target: property.type })),
    }))
    .sort((a, b) => a.meta.className.localeCompare(b.meta.className));
}

// The properties that hold another row's id in this table.
function referencesOf(meta: EntityMetadata): EntityProperty[] {
  return meta.props.filter(
    (property) =>
      (property.kind === ReferenceKind.MANY_TO_ONE || (property.kind === ReferenceKind.ONE_TO_ONE && property.owner)) &&
      property.fieldNames?.length === 1,
  );
}

// Per entity of `tables`, every row of the firm that refers to the candidate directly or through
// rows that do (candidacies → interviews → scorecards → revisions → ratings, shortlist entries →
// feedback …), keyed by id, with the columns asked for (`*`, or `"id"` when the ids are enough).
// Semi-naive closure: each round reads the rows that refer to the rows found in the last one.
export async function rowsAboutCandidate<Row extends { id: string }>(
  em: EntityManager,
  firmId: string,
  candidateId: string,
  tables: CandidateTable[],
  columns: '*' | '"id"',
): Promise<Map<string, Map<string, Row>>> {
  const rowsOf = new Map<string, Map<string, Row>>(tables.map((table) => [table.meta.className, new Map()]));
  let found = new Map<string, string[]>([[Candidate.name, [candidateId]]]);
  while (found.size > 0) {
    const next = new Map<string, string[]>();
    for (const { meta, refs } of tables) {
      for (const { column, target } of refs) {
        const ids = found.get(target);
        if (!ids) continue;
        const rows = (await em.execute(`select ${columns} from "${meta.tableName}" where "firm_id" = ? and "${column}" = any(?::uuid[])`, [
          firmId,
          uuidArray(ids),
        ])) as Row[];
        const known = rowsOf.get(meta.className)!;
        for (const row of rows) {
          if (known.has(row.id)) continue;
          known.set(row.id, row);
          next.set(meta.className, [...(next.get(meta.className) ?? []), row.id]);
        }
      }
    }
    found = next;
  }
  return rowsOf;
}

// The ids of the candidate's row and of every row about them (rowsAboutCandidate), in every table
// the ORM knows to refer to a candidate: what erasure looks for in stored responses.
export async function idsOfRowsAboutCandidate(em: EntityManager, firmId: string, candidateId: string): Promise<string[]> {
  const rowsOf = await rowsAboutCandidate(em, firmId, candidateId, tablesReferencingCandidate(em.getMetadata()), '"id"');
  return [candidateId, ...[...rowsOf.values()].flatMap((rows) => [...rows.keys()])];
}
