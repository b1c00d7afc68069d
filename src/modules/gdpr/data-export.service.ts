import type { EntityMetadata } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../common/sql';
import { toGlobalId } from '../../common/global-id';
import { Candidate, dateOnly } from '../candidate';
import { tablesReferencingCandidate } from './candidate-references';

export const EXPORT_FORMAT = 'outside-in.candidate-data-export/1';

type Row = Record<string, unknown> & { id: string; created_at: Date | string };

// Everything stored about one candidate (GDPR art. 15 and 20) as one JSON document: the candidate's
// row and, per entity, every row that refers to the candidate directly or through rows that do
// (candidacies → interviews → scorecards → revisions → ratings, shortlist entries → feedback …).
// The tables come from the ORM metadata, so a new one is exported without being listed here.
// Rows are read within the firm only. Properties marked hidden in the entities (secrets and
// derived columns such as the search text) are left out. Null when the firm has no such candidate.
export async function candidateDataExport(
  em: EntityManager,
  firmId: string,
  candidateId: string | null,
  now = new Date(),
): Promise<Record<string, unknown> | null> {
  if (!candidateId) return null;
  const metadata = em.getMetadata();
  const candidateMeta = metadata.get(Candidate.name);
  const [candidate] = (await em.execute(`select * from "candidate" where "id" = ? and "firm_id" = ?`, [candidateId, firmId])) as Row[];
  if (!candidate) return null;

  const tables = tablesReferencingCandidate(metadata);
  const rowsOf = new Map<string, Map<string, Row>>(tables.map((table) => [table.meta.className, new Map()]));
  // Semi-naive closure: each round reads the rows that refer to the rows found in the last one.
  let found = new Map<string, string[]>([[Candidate.name, [candidate.id]]]);
  while (found.size > 0) {
    const next = new Map<string, string[]>();
    for (const { meta, refs } of tables) {
      for (const { column, target } of refs) {
        const ids = found.get(target);
        if (!ids) continue;
        const rows = (await em.execute(`select * from "${meta.tableName}" where "firm_id" = ? and "${column}" = any(?::uuid[])`, [
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

  return {
    format: EXPORT_FORMAT,
    exportedAt: now.toISOString(),
    candidateId: toGlobalId(Candidate.name, candidate.id),
    candidate: documentOf(candidateMeta, candidate),
    related: Object.fromEntries(
      tables.map(({ meta }) => [
        meta.className,
        [...rowsOf.get(meta.className)!.values()]
          .sort((a, b) => timeOf(a.created_at) - timeOf(b.created_at) || a.id.localeCompare(b.id))
          .map((row) => documentOf(meta, row)),
      ]),
    ),
  };
}

// A row under the entity's property names (a reference as the id it holds), without hidden ones.
function documentOf(meta: EntityMetadata, row: Record<string, unknown>): Record<string, unknown> {
  const document: Record<string, unknown> = {};
  for (const property of meta.props) {
    if (property.hidden || property.persist === false || property.fieldNames?.length !== 1) continue;
    const column = property.fieldNames[0];
    if (!(column in row)) continue;
    const value = row[column];
    const columnType = property.columnTypes?.[0] ?? '';
    if (value === null || value === undefined) document[property.name] = null;
    else if (columnType === 'date') document[property.name] = dateOnly(value as Date | string);
    else if (columnType.startsWith('timestamp')) document[property.name] = new Date(value as Date | string).toISOString();
    else document[property.name] = value;
  }
  return document;
}

function timeOf(value: Date | string): number {
  return new Date(value).getTime();
}
