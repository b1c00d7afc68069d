import type { EntityMetadata } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../common/global-id';
import { Candidate, dateOnly } from '../candidate';
import { candidaciesWithOwnDraft } from '../interview';
import { rowsAboutCandidate, tablesReferencingCandidate } from './candidate-references';

export const EXPORT_FORMAT = 'outside-in.candidate-data-export/1';

type Row = Record<string, unknown> & { id: string; created_at: Date | string };

// Everything stored about one candidate (GDPR art. 15 and 20) as one JSON document: the candidate's
// row and, per entity, every row that refers to the candidate directly or through rows that do
// (rowsAboutCandidate in candidate-references.ts).
// The tables come from the ORM metadata, so a new one is exported without being listed here.
// Rows are read within the firm only. Properties marked hidden in the entities (secrets and
// derived columns such as the search text) are left out. Null when the firm has no such candidate.
// Independent scoring holds here too: of a candidacy on which the viewer still has a DRAFT
// scorecard, the other scorecards (with their revisions and ratings) and the published snapshots
// (fit and profile) are left out, and the document says so. Saved drafts are only ever their
// author's.
export async function candidateDataExport(
  em: EntityManager,
  firmId: string,
  candidateId: string | null,
  viewerUserId: string | null,
  now = new Date(),
): Promise<Record<string, unknown> | null> {
  if (!candidateId) return null;
  const metadata = em.getMetadata();
  const candidateMeta = metadata.get(Candidate.name);
  const [candidate] = (await em.execute(`select * from "candidate" where "id" = ? and "firm_id" = ?`, [candidateId, firmId])) as Row[];
  if (!candidate) return null;

  const tables = tablesReferencingCandidate(metadata);
  const rowsOf = await rowsAboutCandidate<Row>(em, firmId, candidate.id, tables, '*');

  const blind = await withholdUntilSubmitted(em, viewerUserId, tables, rowsOf);
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
    ...(blind.length > 0
      ? {
          withheld: {
            reason:
              "Independent scoring: you have a scorecard on these candidacies that is not submitted yet; the other interviewers' scorecards and ratings and the published snapshots are left out until you submit.",
            candidacyIds: blind.map((id) => toGlobalId('Candidacy', id)),
          },
        }
      : {}),
  };
}

// Removes from `rowsOf` what the viewer may not see yet (see candidateDataExport) and others'
// saved drafts, and returns the candidacies the viewer is blind on. What starts the removal is named here; what refers to a removed row
// (a revision of a removed scorecard, its ratings) goes with it, through the same references the
// export followed.
async function withholdUntilSubmitted(
  em: EntityManager,
  viewerUserId: string | null,
  tables: ReturnType<typeof tablesReferencingCandidate>,
  rowsOf: Map<string, Map<string, Row>>,
): Promise<string[]> {
  const candidacyIds = [...(rowsOf.get('Candidacy')?.keys() ?? [])];
  const blind =
    viewerUserId === null || candidacyIds.length === 0 ? new Set<string>() : await candidaciesWithOwnDraft(em, viewerUserId, candidacyIds);
  const rows = (className: string) => [...(rowsOf.get(className)?.values() ?? [])];
  const ownScorecards = new Set(
    rows('Scorecard')
      .filter((row) => row.interviewer_id === viewerUserId)
      .map((row) => row.id),
  );
  const blindInterviews = new Set(
    rows('Interview')
      .filter((row) => blind.has(row.candidacy_id as string))
      .map((row) => row.id),
  );
  const blindEntries = new Set(
    rows('ShortlistEntry')
      .filter((row) => blind.has(row.candidacy_id as string))
      .map((row) => row.id),
  );
  const withheld = new Map<string, Set<string>>([
    [
      'Scorecard',
      new Set(
        rows('Scorecard')
          .filter((row) => blindInterviews.has(row.interview_id as string) && row.interviewer_id !== viewerUserId)
          .map((row) => row.id),
      ),
    ],
    // A draft is its author's alone, whatever the viewer may see of the candidacy.
    [
      'ScorecardDraft',
      new Set(
        rows('ScorecardDraft')
          .filter((row) => !ownScorecards.has(row.scorecard_id as string))
          .map((row) => row.id),
      ),
    ],
    [
      'ShortlistEntrySnapshot',
      new Set(
        rows('ShortlistEntrySnapshot')
          .filter((row) => blindEntries.has(row.entry_id as string))
          .map((row) => row.id),
      ),
    ],
  ]);
  for (let changed = true; changed;) {
    changed = false;
    for (const { meta, refs } of tables) {
      for (const row of rowsOf.get(meta.className)!.values()) {
        if (withheld.get(meta.className)?.has(row.id)) continue;
        if (!refs.some(({ column, target }) => withheld.get(target)?.has(row[column] as string))) continue;
        withheld.set(meta.className, (withheld.get(meta.className) ?? new Set()).add(row.id));
        changed = true;
      }
    }
  }
  for (const [className, ids] of withheld) for (const id of ids) rowsOf.get(className)?.delete(id);
  return [...blind].sort();
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
