import { ReferenceKind, type EntityMetadata, type EntityProperty, type MetadataStorage } from '@mikro-orm/core';
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
