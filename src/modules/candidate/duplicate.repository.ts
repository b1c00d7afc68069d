import type { EntityManager } from '@mikro-orm/postgresql';
import { writeArrays } from '../../common/rows';
import { uuidArray } from '../../common/sql';
import { DuplicateReason, type PersonProfile } from './duplicate-model';

// The SQL of duplicate detection. Every lookup goes through its own index, whose key holds the
// firm: "candidate_firm_key"(firm_id, key) for the email, the normalised phone and LinkedIn
// profile, an external id, and the name keys (first and last word of the folded full name). No
// lookup compares firm_id alone, so the planner cannot take just any index on firm_id and filter,
// which it does for a firm newer than the table's statistics (walking the whole firm per item of a
// batch). Migration 20261202130000 has the indexes.
// The statements go with bind values straight on pg (writeArrays: the writing transaction, or the
// primary, never a read replica, as the candidates were just written), rows as arrays: through
// em.execute every value went into the text, and a batch's ~9,000 match rows became objects.

export interface DuplicateMatch {
  candidateId: string;
  otherId: string;
  reason: DuplicateReason;
  // For SIMILAR_NAME only: both sides' profiles, which similarNameScore judges.
  profile: PersonProfile | null;
  otherProfile: PersonProfile | null;
}

// The columns of a match row: the candidate, the other one (null on a PROFILE row), the reason
// (or 'PROFILE'), then a PROFILE row's candidate's profile or a SIMILAR_NAME row's other's.
type MatchRow = [string, string | null, DuplicateReason | 'PROFILE', string | null, string | null, string | null, string | null];

// A similar name is looked for only among the candidates whose folded full name has the same first
// word (given name) or the same last word (family name), and of those only the NAME_NEIGHBOURS
// nearest on either side in the alphabetical order of the other word: at most 4 × NAME_NEIGHBOURS
// names per distinct name key of a batch, whatever the firm holds. A similar name that shares
// neither word ("Katarina Johansson" / "Catharina Johanson") is not found; one shared word with a
// spelling variant in the other ("Kristine" / "Christine Hansen") is, unless more than
// NAME_NEIGHBOURS candidates with that word lie alphabetically between the two.
export const NAME_NEIGHBOURS = 5;
// A common name in one city must not pair everyone with everyone: each candidate keeps at most
// this many of its most similar names (each pair is a row to write: 500 candidates of one common
// name in a batch make at most 1,500 pairs).
export const NAME_MATCHES_PER_CANDIDATE = 3;

const FIRST_KEY = (alias: string) => `"candidate_first_name_key"(${alias}."first_name", ${alias}."last_name")`;
const LAST_KEY = (alias: string) => `"candidate_last_name_key"(${alias}."first_name", ${alias}."last_name")`;
const FIRM_KEY = (alias: string, key: string) => `"candidate_firm_key"(${alias}."firm_id", ${key})`;

// One index range of the name keys: k's firm and `same` word, the other word from k's onwards (or
// before it, descending), nearest first, with the profile similarNameScore judges (read from the
// row the range visits anyway for erased_at, instead of once more by id).
function nameRange(same: 'first' | 'last', upwards: boolean): string {
  const [sameKey, otherKey] = same === 'first' ? [FIRST_KEY('o'), LAST_KEY('o')] : [LAST_KEY('o'), FIRST_KEY('o')];
  const other = same === 'first' ? 'last' : 'first';
  const direction = upwards ? 'asc' : 'desc';
  return `(select o."id", o."first_name", o."last_name", o."headline", o."location" from "candidate" o
      where ${FIRM_KEY('o', sameKey)} = k."firm_${same}" and o."erased_at" is null and ${otherKey} ${upwards ? '>=' : '<'} k."${other}"
      order by ${otherKey} ${direction}, o."id" ${direction} limit ${NAME_NEIGHBOURS})`;
}

// The other live candidates with the same key as c (an expression of alias o), through its index.
// `offset 0` keeps the subquery from being flattened into a join, which the planner, short of
// statistics, would run as one scan of the whole firm (or table) per candidate.
function sameKey(key: (alias: string) => string): string {
  return `cross join lateral (
         select o."id" from "candidate" o
          where ${FIRM_KEY('o', key('o'))} = ${FIRM_KEY('c', key('c'))} and o."id" <> c."id" and o."erased_at" is null
         offset 0
       ) o`;
}

const NO_PROFILE = `null::text, null::text, null::text, null::text`;
// The first branch of the union names the columns.
const PROFILE_COLUMNS = ['first_name', 'last_name', 'headline', 'location'].map((name) => `null::text as "${name}"`).join(', ');

// Every other live candidate of the firm sharing an email, phone, LinkedIn profile or external id
// (under another system) with one of `candidates`, or near them by name key (see NAME_NEIGHBOURS;
// whether the names are similar the caller judges). One statement for any number of candidates,
// reading a bounded number of index entries per distinct name key. Each profile travels once: a
// candidate's own in a PROFILE row, a near name's with its SIMILAR_NAME row (the ranges read it
// from the row they visit anyway). The ranges of a key are joined with `union all`: a name with
// both words the same comes from two of them and is counted once here.
export async function findDuplicateMatches(em: EntityManager, firmId: string, candidateIds: string[]): Promise<DuplicateMatch[]> {
  if (candidateIds.length === 0) return [];
  const rows = (await writeArrays(
    em,
    `with "c" as materialized (
       select c."id", c."firm_id", c."email", c."phone", c."linkedin_url", c."first_name", c."last_name", c."headline", c."location",
              ${FIRST_KEY('c')} as "first_key", ${LAST_KEY('c')} as "last_key"
         from jsonb_to_recordset(?::jsonb) as i("id" uuid)
         cross join lateral (select * from "candidate" c where c."id" = i."id" offset 0) c
        where c."firm_id" = ?::uuid and c."erased_at" is null
     ), "k" as materialized (
       select distinct c."firm_id", "candidate_firm_key"(c."firm_id", c."first_key") as "firm_first",
              "candidate_firm_key"(c."firm_id", c."last_key") as "firm_last", c."first_key" as "first", c."last_key" as "last"
         from "c"
     ), "near" as materialized (
       select k."first", k."last", n.* from "k" cross join lateral (
         ${nameRange('first', true)} union all ${nameRange('first', false)}
         union all ${nameRange('last', true)} union all ${nameRange('last', false)}
       ) n
     )
     select c."id" as "candidate_id", o."id" as "other_id", 'EMAIL' as "reason", ${PROFILE_COLUMNS}
       from "c" ${sameKey((alias) => `${alias}."email"`)}
     union all
     select c."id", o."id", 'PHONE', ${NO_PROFILE}
       from "c" ${sameKey((alias) => `"candidate_phone_key"(${alias}."phone")`)}
     union all
     select c."id", o."id", 'LINKEDIN', ${NO_PROFILE}
       from "c" ${sameKey((alias) => `"candidate_linkedin_key"(${alias}."linkedin_url")`)}
     union all
     select distinct c."id", o."id", 'EXTERNAL_REF', ${NO_PROFILE}
       from "c" cross join lateral (select r."external_id", r."system" from "candidate_external_ref" r where r."candidate_id" = c."id" offset 0) r
       cross join lateral (
         select x."candidate_id" from "candidate_external_ref" x
          where ${FIRM_KEY('x', 'x."external_id"')} = ${FIRM_KEY('c', 'r."external_id"')} and x."system" <> r."system"
         offset 0
       ) x
       cross join lateral (
         select o."id" from "candidate" o where o."id" = x."candidate_id" and o."id" <> c."id" and o."erased_at" is null offset 0
       ) o
     union all
     select c."id", null, 'PROFILE', c."first_name", c."last_name", c."headline", c."location" from "c"
     union all
     select c."id", n."id", 'SIMILAR_NAME', n."first_name", n."last_name", n."headline", n."location"
       from "c" join "near" n on n."first" = c."first_key" and n."last" = c."last_key"
      where n."id" <> c."id"`,
    [JSON.stringify(candidateIds.map((id) => ({ id }))), firmId],
  )) as MatchRow[];
  const profileOf = (row: MatchRow): PersonProfile => ({ firstName: row[3]!, lastName: row[4]!, headline: row[5], location: row[6] });
  const profiles = new Map<string, PersonProfile>();
  for (const row of rows) if (row[2] === 'PROFILE') profiles.set(row[0], profileOf(row));
  const similar = new Set<string>();
  const matches: DuplicateMatch[] = [];
  for (const row of rows) {
    const [candidateId, otherId, reason] = row;
    if (reason === 'PROFILE') continue;
    if (reason !== DuplicateReason.SIMILAR_NAME) {
      matches.push({ candidateId, otherId: otherId!, reason, profile: null, otherProfile: null });
      continue;
    }
    const key = `${candidateId}/${otherId}`;
    if (similar.has(key)) continue;
    similar.add(key);
    matches.push({ candidateId, otherId: otherId!, reason, profile: profiles.get(candidateId)!, otherProfile: profileOf(row) });
  }
  return matches;
}

export interface StoredPair {
  id: string;
  candidateId: string;
  otherCandidateId: string;
  reasons: DuplicateReason[];
  score: number;
}

// The stored pairs and the dismissals of these candidates, as plain rows: one statement. Each
// candidate is probed through the indexes on either side of a pair (a pair of two of them is found
// from its first side only): by firm_id the planner, short of statistics for a firm that has just
// synced, walked all of the firm's pairs once per batch.
export async function pairsInvolving(
  em: EntityManager,
  firmId: string,
  candidateIds: string[],
): Promise<{ stored: StoredPair[]; dismissed: { candidateId: string; otherCandidateId: string }[] }> {
  const ids = uuidArray(candidateIds);
  const sides = (table: string, columns: string) => `
       select ${columns} from (select distinct unnest(?::uuid[]) as "id") i
         cross join lateral (select * from "${table}" p where p."candidate_id" = i."id" offset 0) p
        where p."firm_id" = ?::uuid
       union all
       select ${columns} from (select distinct unnest(?::uuid[]) as "id") i
         cross join lateral (select * from "${table}" p where p."other_candidate_id" = i."id" offset 0) p
        where p."firm_id" = ?::uuid and p."candidate_id" <> all(?::uuid[])`;
  const rows = (await writeArrays(
    em,
    `${sides('candidate_duplicate', 'p."id", p."candidate_id", p."other_candidate_id", p."reasons", p."score", false')}
     union all
     ${sides('candidate_duplicate_dismissal', 'p."id", p."candidate_id", p."other_candidate_id", null::text[], null::float8, true')}`,
    [ids, firmId, ids, firmId, ids, ids, firmId, ids, firmId, ids],
  )) as [string, string, string, DuplicateReason[] | null, number | null, boolean][];
  const stored: StoredPair[] = [];
  const dismissed: { candidateId: string; otherCandidateId: string }[] = [];
  for (const [id, low, high, reasons, score, dismissal] of rows) {
    if (dismissal) dismissed.push({ candidateId: low, otherCandidateId: high });
    else stored.push({ id, candidateId: low, otherCandidateId: high, reasons: reasons!, score: score! });
  }
  return { stored, dismissed };
}

export interface FoundPair {
  candidateId: string;
  otherCandidateId: string;
  reasons: DuplicateReason[];
  score: number;
}

// Removes the pairs `goneIds` and writes `pairs` (each with the smaller id first): new ones are
// inserted, known ones take the new reasons and score. One statement.
export function writeDuplicatePairs(em: EntityManager, firmId: string, goneIds: string[], pairs: FoundPair[]): Promise<unknown> {
  return writeArrays(
    em,
    `with "gone" as (delete from "candidate_duplicate" where "id" = any(?::uuid[]))
     insert into "candidate_duplicate" ("id", "created_at", "updated_at", "firm_id", "candidate_id", "other_candidate_id", "reasons", "score")
     select gen_random_uuid(), now(), now(), ?::uuid, p."low", p."high", p."reasons", p."score"
       from jsonb_to_recordset(?::jsonb) as p("low" uuid, "high" uuid, "reasons" text[], "score" float8)
     on conflict ("candidate_id", "other_candidate_id") do update
        set "reasons" = excluded."reasons", "score" = excluded."score", "updated_at" = excluded."updated_at"`,
    [
      uuidArray(goneIds),
      firmId,
      JSON.stringify(
        pairs.map((pair) => ({ low: pair.candidateId, high: pair.otherCandidateId, reasons: pair.reasons, score: pair.score })),
      ),
    ],
  );
}

// The dismissal of a pair (smaller id first), once; the pair's row goes. Two statements.
export async function insertDismissal(em: EntityManager, firmId: string, lowId: string, highId: string): Promise<void> {
  await em.execute(
    `insert into "candidate_duplicate_dismissal" ("id", "created_at", "updated_at", "firm_id", "candidate_id", "other_candidate_id")
     values (gen_random_uuid(), now(), now(), ?, ?, ?) on conflict ("candidate_id", "other_candidate_id") do nothing`,
    [firmId, lowId, highId],
  );
  await em.execute(`delete from "candidate_duplicate" where "candidate_id" = ? and "other_candidate_id" = ?`, [lowId, highId]);
}
