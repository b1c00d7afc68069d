import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../common/sql';
import type { DuplicateReason } from './duplicate-model';

// The SQL of duplicate detection. Every lookup goes through an index: (firm_id, email),
// (firm_id, candidate_phone_key(phone)), (firm_id, candidate_linkedin_key(linkedin_url)),
// candidate_external_ref (firm_id, external_id), and the search's trigram index on search_text
// (`<<%`, strict word similarity of the folded name, at pg_trgm's threshold 0.5).

export interface DuplicateMatch {
  candidateId: string;
  otherId: string;
  reason: DuplicateReason;
  // For SIMILAR_NAME only: both sides' profiles, which similarNameScore judges.
  profile: { firstName: string; lastName: string; headline: string | null; location: string | null } | null;
  otherProfile: { firstName: string; lastName: string; headline: string | null; location: string | null } | null;
}

interface MatchRow {
  candidate_id: string;
  other_id: string;
  reason: DuplicateReason;
  first_name: string | null;
  last_name: string | null;
  headline: string | null;
  location: string | null;
  other_first_name: string | null;
  other_last_name: string | null;
  other_headline: string | null;
  other_location: string | null;
}

// A common name in one city must not pair everyone with everyone: each candidate is compared with
// at most this many of the most similar names.
export const NAME_MATCHES_PER_CANDIDATE = 10;

const NO_PROFILE = `null::text, null::text, null::text, null::text, null::text, null::text, null::text, null::text`;
// The first branch of the union names the columns.
const PROFILE_COLUMNS = [
  'first_name',
  'last_name',
  'headline',
  'location',
  'other_first_name',
  'other_last_name',
  'other_headline',
  'other_location',
]
  .map((name) => `null::text as "${name}"`)
  .join(', ');

// Every other live candidate of the firm sharing an email, phone, LinkedIn profile or external id
// (under another system) with one of `candidates`, or whose search text holds a name like theirs.
// One statement for any number of candidates. `foldedNames` are the candidates' folded full names,
// in the order of `candidateIds`.
export async function findDuplicateMatches(
  em: EntityManager,
  firmId: string,
  candidateIds: string[],
  foldedNames: string[],
): Promise<DuplicateMatch[]> {
  if (candidateIds.length === 0) return [];
  const rows: MatchRow[] = await em.execute(
    `with "c" as (
       select c.*, i."name" from jsonb_to_recordset(?::jsonb) as i("id" uuid, "name" text)
       join "candidate" c on c."id" = i."id" and c."firm_id" = ? and c."erased_at" is null
     )
     select c."id" as "candidate_id", o."id" as "other_id", 'EMAIL' as "reason", ${PROFILE_COLUMNS}
       from "c" join "candidate" o on o."firm_id" = c."firm_id" and o."email" = c."email"
      where o."id" <> c."id" and o."erased_at" is null
     union all
     select c."id", o."id", 'PHONE', ${NO_PROFILE}
       from "c" join "candidate" o on o."firm_id" = c."firm_id" and "candidate_phone_key"(o."phone") = "candidate_phone_key"(c."phone")
      where o."id" <> c."id" and o."erased_at" is null
     union all
     select c."id", o."id", 'LINKEDIN', ${NO_PROFILE}
       from "c" join "candidate" o on o."firm_id" = c."firm_id"
        and "candidate_linkedin_key"(o."linkedin_url") = "candidate_linkedin_key"(c."linkedin_url")
      where o."id" <> c."id" and o."erased_at" is null
     union all
     select distinct c."id", o."id", 'EXTERNAL_REF', ${NO_PROFILE}
       from "c" join "candidate_external_ref" r on r."candidate_id" = c."id"
       join "candidate_external_ref" x on x."firm_id" = c."firm_id" and x."external_id" = r."external_id" and x."system" <> r."system"
       join "candidate" o on o."id" = x."candidate_id"
      where o."id" <> c."id" and o."erased_at" is null
     union all
     select c."id", o."id", 'SIMILAR_NAME', c."first_name", c."last_name", c."headline", c."location",
            o."first_name", o."last_name", o."headline", o."location"
       from "c" cross join lateral (
         select o."id", o."first_name", o."last_name", o."headline", o."location" from "candidate" o
          where c."name" <<% o."search_text" and o."firm_id" = c."firm_id" and o."id" <> c."id" and o."erased_at" is null
          order by strict_word_similarity(c."name", o."search_text") desc, o."id"
          limit ${NAME_MATCHES_PER_CANDIDATE}
       ) o`,
    [JSON.stringify(candidateIds.map((id, index) => ({ id, name: foldedNames[index] }))), firmId],
  );
  return rows.map((row) => ({
    candidateId: row.candidate_id,
    otherId: row.other_id,
    reason: row.reason,
    profile:
      row.first_name === null
        ? null
        : { firstName: row.first_name, lastName: row.last_name!, headline: row.headline, location: row.location },
    otherProfile:
      row.other_first_name === null
        ? null
        : { firstName: row.other_first_name, lastName: row.other_last_name!, headline: row.other_headline, location: row.other_location },
  }));
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
  return em.execute(
    `with "gone" as (delete from "candidate_duplicate" where "id" = any(?::uuid[]))
     insert into "candidate_duplicate" ("id", "created_at", "updated_at", "firm_id", "candidate_id", "other_candidate_id", "reasons", "score")
     select gen_random_uuid(), now(), now(), ?, p."low", p."high", p."reasons", p."score"
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
