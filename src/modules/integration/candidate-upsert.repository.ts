import { UnderscoreNamingStrategy, type EntityManager } from '@mikro-orm/postgresql';
import { writeArrays } from '../../common/rows';
import {
  CANDIDATE_VALUE_KEYS,
  candidateRowsAlong,
  type CandidateRow,
  type CandidateValues,
  dateOnly,
  type ExternalRefData,
} from '../candidate';

// The set-based SQL of the bulk upsert: each function is ONE statement, whatever the batch size.
// Items travel as one JSON parameter, unpacked by jsonb_to_recordset. Statements go with bind
// values straight on pg (writeArrays: the batch's transaction, never a read replica), and the candidates come back as the read path's plain rows
// (candidateRowsAlong), which the Candidate type resolves like entities: a batch's 500 candidates
// as managed entities were most of the upsert's Node time (creating them, and the commit's flush
// comparing each with its snapshot), and em.execute wrote every value into the statement's text.

export interface ExistingCandidateRow {
  system: string;
  externalId: string;
  // The stored search text, which the row type does not carry: written again when it would change.
  searchText: string;
  row: CandidateRow;
}

export interface NewCandidate {
  id: string;
  refId: string;
  ref: ExternalRefData;
  values: CandidateValues & { searchText: string };
}

export interface ChangedCandidate {
  id: string;
  values: CandidateValues & { searchText: string };
}

// The columns the upsert writes: the candidate's values (CANDIDATE_VALUE_KEYS) and the search text,
// named as the ORM names the entity's columns. jsonb_to_recordset reads each as text unless typed here.
const VALUE_KEYS = [...CANDIDATE_VALUE_KEYS, 'searchText'] as const;
const SQL_TYPES: Partial<Record<(typeof VALUE_KEYS)[number], string>> = {
  languages: 'text[]',
  tags: 'text[]',
  consentGivenAt: 'timestamptz',
  consentWithdrawnAt: 'timestamptz',
  retainUntil: 'date',
};
const naming = new UnderscoreNamingStrategy();
const VALUE_NAMES = VALUE_KEYS.map((key) => naming.propertyToColumnName(key));
const VALUE_COLUMNS = VALUE_KEYS.map((key, index) => `"${VALUE_NAMES[index]}" ${SQL_TYPES[key] ?? 'text'}`).join(', ');

// The candidates that hold these refs in the firm, locked for update (in id order, so two
// batches never wait on each other crosswise): what the batch decides on cannot change under it.
// The plan is pinned to "each ref → one index probe → the candidate by id": the lateral subquery
// with its limit cannot be reordered, and the firm is matched through the ref. For a firm that
// has just synced thousands of candidates the statistics still say "one row", and the planner
// otherwise walked the whole firm once per ref (1.1 s per batch of 500 at 10,000). The probe is
// by the ref's firm key ("candidate_firm_key"(firm_id, external_id), as duplicate detection's),
// never by firm_id alone: with `firm_id = ?` beside the other columns the planner took the plain
// firm_id index for such a firm and walked its refs per item anyway (0.3 s per batch of 500 in
// the benchmark's database, where another firm holds 100,000 candidates).
export async function lockCandidatesByRef(em: EntityManager, firmId: string, refs: ExternalRefData[]): Promise<ExistingCandidateRow[]> {
  if (refs.length === 0) return [];
  const rows = candidateRowsAlong(em);
  const found = await writeArrays(
    em,
    `select k."system", k."external_id", c."search_text", ${rows.columns('c')}
     from jsonb_to_recordset(?::jsonb) as k("system" text, "external_id" text)
     cross join lateral (
       select r."firm_id", r."candidate_id" from "candidate_external_ref" r
       where "candidate_firm_key"(r."firm_id", r."external_id") = "candidate_firm_key"(?::uuid, k."external_id")
         and r."system" = k."system"
       limit 1
     ) r
     join "candidate" c on c."id" = r."candidate_id"
     where c."firm_id" = r."firm_id"
     order by c."id"
     for update of c`,
    [JSON.stringify(refs.map((ref) => ({ system: ref.system, external_id: ref.externalId }))), firmId],
  );
  return found.map((values) => ({
    system: values[0] as string,
    externalId: values[1] as string,
    searchText: values[2] as string,
    row: rows.read(values, 3)!,
  }));
}

// New candidates with their ref, in one statement. A ref that another transaction took since
// the lock was read is skipped (not an error that would fail the whole batch): its candidate is
// not written either, and is missing from the rows returned.
export async function insertCandidates(em: EntityManager, firmId: string, now: Date, candidates: NewCandidate[]): Promise<CandidateRow[]> {
  if (candidates.length === 0) return [];
  const items = candidates.map((candidate) => ({
    id: candidate.id,
    ref_id: candidate.refId,
    system: candidate.ref.system,
    external_id: candidate.ref.externalId,
    ...columnsOf(candidate.values),
  }));
  const at = now.toISOString();
  const rows = candidateRowsAlong(em);
  const written = await writeArrays(
    em,
    `with "item" as (
       select * from jsonb_to_recordset(?::jsonb) as x("id" uuid, "ref_id" uuid, "system" text, "external_id" text, ${VALUE_COLUMNS})
     ), "ref" as (
       insert into "candidate_external_ref" ("id", "created_at", "updated_at", "firm_id", "candidate_id", "system", "external_id")
       select "ref_id", ?::timestamptz, ?::timestamptz, ?::uuid, "id", "system", "external_id" from "item"
       on conflict ("firm_id", "system", "external_id") do nothing
       returning "candidate_id"
     )
     insert into "candidate" as c ("id", "created_at", "updated_at", "firm_id", ${VALUE_NAMES.map((name) => `"${name}"`).join(', ')})
     select i."id", ?::timestamptz, ?::timestamptz, ?::uuid, ${VALUE_NAMES.map((name) => `i."${name}"`).join(', ')}
     from "item" i join "ref" on "ref"."candidate_id" = i."id"
     returning ${rows.columns('c')}`,
    [JSON.stringify(items), at, at, firmId, at, at, firmId],
  );
  return written.map((values) => rows.read(values, 0)!);
}

// Changed candidates, every column at its new value, in one statement.
export async function updateCandidates(
  em: EntityManager,
  firmId: string,
  now: Date,
  candidates: ChangedCandidate[],
): Promise<CandidateRow[]> {
  if (candidates.length === 0) return [];
  const items = candidates.map((candidate) => ({ id: candidate.id, ...columnsOf(candidate.values) }));
  const rows = candidateRowsAlong(em);
  const written = await writeArrays(
    em,
    `update "candidate" c set ${VALUE_NAMES.map((name) => `"${name}" = v."${name}"`).join(', ')},
       "updated_at" = greatest(?::timestamptz, c."updated_at" + interval '1 millisecond')
     from jsonb_to_recordset(?::jsonb) as v("id" uuid, ${VALUE_COLUMNS})
     where c."id" = v."id" and c."firm_id" = ?
     returning ${rows.columns('c')}`,
    [now.toISOString(), JSON.stringify(items), firmId],
  );
  return written.map((values) => rows.read(values, 0)!);
}

function columnsOf(values: CandidateValues & { searchText: string }): Record<string, unknown> {
  return Object.fromEntries(
    VALUE_KEYS.map((key, index) => {
      const value = key === 'retainUntil' ? dateOnly(values.retainUntil) : values[key];
      return [VALUE_NAMES[index], value instanceof Date ? value.toISOString() : value];
    }),
  );
}
