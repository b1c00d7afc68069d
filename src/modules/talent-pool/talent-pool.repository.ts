import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, encodeCursor } from '../../common/connection';
import { badUserInput } from '../../common/errors';
import { isUuid } from '../../common/global-id';
import { uuidArray } from '../../common/sql';
import { readArrays } from '../../common/rows';
import { candidateRowsAlong, type CandidateRow } from '../candidate';
import { candidaciesWithOwnDraftSql } from '../interview';
import { attainmentSql, FIT_FROM_SUMS_SQL, meanSql } from '../../common/fit-sql';
import { MATCH_KEYS_SQL, withFreshMatchOrder } from '../competency-profile';
import type { RequirementSpec } from '../fit';

export interface TalentPoolFilterData {
  minCoverage?: number | null;
  assessedSince?: Date | null;
  // Exact locations (case and surrounding spaces ignored); any of them.
  locations?: readonly string[] | null;
  // ISO 639-1 codes; the candidate speaks any of them.
  languages?: readonly string[] | null;
  // The candidate has any of these tags.
  tags?: readonly string[] | null;
  includePipeline?: boolean | null;
}

export interface PoolRow {
  candidateId: string;
  // The candidate's row, as candidateByIdLoader reads it.
  candidate: CandidateRow;
  fit: number | null;
  coverage: number;
  mustHavesMet: boolean | null;
  lastAssessedAt: Date;
  inPipeline: boolean;
  cursor: string;
  // The pooled figures per weighted competency the candidate has a counted rating on, by key.
  competencies: PooledCompetencyRow[];
}

// The talent pool of §3c for one mandate, keyset-paged, in one statement over the maintained match
// order (talent_pool_match, built on the mandate's first read: withMatchOrder). The order's index
// is in the pool's order, so a page is an index walk checking each row (eligibility, filters) until
// `limit + 1` rows are found. Independent scoring: a candidate with one of the viewer's blind
// candidacies (their own unsubmitted scorecard, the ranking's query) is left out of the walk and
// pooled live from the per-candidacy rows (candidate_competency_profile) less those candidacies;
// they are few, and are merged into the walk in the same order (Merge Append), so the keyset
// cursor runs over both parts alike.
//
// The mandate's weighted requirements (`requirements`, in rubric order; the rubric `rubricId` names
// the competencies' positions) come in the same statement: one round trip fewer per request. A
// mandate with none is refused (`onNoRequirement`'s error, when given) before anything is built.
export async function findTalentPool(
  em: EntityManager,
  firmId: string,
  mandateId: string,
  options: {
    rubricId: string;
    limit: number;
    after?: string | null;
    viewerUserId?: string | null;
    filter?: TalentPoolFilterData | null;
    onNoRequirement?: () => Error;
  },
): Promise<{ requirements: RequirementSpec[]; rows: PoolRow[]; hasNextPage: boolean }> {
  const list = `talentPool:${mandateId}`;
  const after = options.after ? poolCursorValues(decodeCursor(list, options.after, 6)) : null;
  const pool = poolStatement(firmId, mandateId, options.viewerUserId ?? null, options.filter ?? {}, after, options.limit + 1);
  const ownDrafts = candidaciesWithOwnDraftSql(options.viewerUserId ?? null);
  const candidates = candidateRowsAlong(em);
  let requirements: RequirementSpec[] = [];
  const rows = await withFreshMatchOrder(em, firmId, mandateId, async (reader, fresh) => {
    // The freshness check and the requirements in the page's statement (the requirements on its
    // first row only: parsed once): one row (all nulls but `fresh` and `requirements`) on an empty page. Each row's candidate comes along (by primary
    // key, as its loader would read it in a statement more). Rows as arrays: the columns of PAGE.
    const found = await readArrays(
      reader,
      `${pool.sql}
     select f.fresh, case when k.id is null or k.position = 1 then f.requirements end, k.id, k.fit, k.coverage, k.must_haves_met, k.last_assessed_at, k.in_pipeline,
            k.missed_rank, k.unknown_fit_rank, k.fit_key, k.coverage_key, k.assessed_key, c.competencies,
            ${candidates.columns('cand')}
       from (select ${fresh.sql} as fresh, (${WEIGHTED_REQUIREMENTS_SQL}) as requirements) f
       left join (select k.id, k.fit, k.coverage, k.must_haves_met, k.last_assessed_at, k.in_pipeline,
                         k.missed_rank, k.unknown_fit_rank, k.fit_key, k.coverage_key, k.assessed_key::text as assessed_key,
                         k.assessed_key as assessed_order, row_number() over (order by ${ORDER('k')}) as position
                    from keyed k
                   order by ${ORDER('k')}
                   limit ?) k on true
       left join lateral (${POOLED_SQL}) c on true
       left join lateral (select * from candidate cand where cand.id = k.id and cand.firm_id = ? limit 1) cand on true
      order by k.missed_rank, k.unknown_fit_rank, k.fit_key, k.coverage_key, k.assessed_order, k.id`,
      [
        ...pool.params,
        ...fresh.params,
        options.rubricId,
        firmId,
        mandateId,
        options.limit + 1,
        mandateId,
        firmId,
        ...ownDrafts.params,
        firmId,
      ],
    );
    // Refused before a stale order is built: nothing to match on.
    requirements = inRubricOrder((found[0][PAGE.requirements] as WeightedRequirementRow[] | null) ?? []);
    if (requirements.length === 0 && options.onNoRequirement) throw options.onNoRequirement();
    return { fresh: found[0][PAGE.fresh] as boolean, value: found.filter((row) => row[PAGE.id] !== null) };
  });
  const page: PoolRow[] = rows.slice(0, options.limit).map((row) => {
    const candidateId = row[PAGE.id] as string;
    const pooled = (row[PAGE.competencies] as PooledJson[] | null) ?? [];
    return {
      candidateId,
      candidate: candidates.read(row, PAGE.candidate)!,
      fit: row[PAGE.fit] as number | null,
      coverage: row[PAGE.coverage] as number,
      mustHavesMet: row[PAGE.mustHavesMet] as boolean | null,
      lastAssessedAt: new Date(row[PAGE.lastAssessedAt] as string),
      inPipeline: row[PAGE.inPipeline] as boolean,
      cursor: encodeCursor(list, [
        row[PAGE.missedRank] as number,
        row[PAGE.unknownFitRank] as number,
        row[PAGE.fitKey] as number,
        row[PAGE.coverageKey] as number,
        row[PAGE.assessedKey] as string,
        candidateId,
      ]),
      competencies: pooled.map((each) => ({
        candidateId,
        competencyKey: each.key,
        score: each.score,
        ratingsCount: each.ratingsCount,
        mandatesCount: each.mandatesCount,
        lastAssessedAt: new Date(each.lastAssessedAt),
      })),
    };
  });
  return { requirements, rows: page, hasNextPage: rows.length > options.limit };
}

// The columns of the page's statement, by position.
const PAGE = {
  fresh: 0,
  requirements: 1,
  id: 2,
  fit: 3,
  coverage: 4,
  mustHavesMet: 5,
  lastAssessedAt: 6,
  inPipeline: 7,
  missedRank: 8,
  unknownFitRank: 9,
  fitKey: 10,
  coverageKey: 11,
  assessedKey: 12,
  competencies: 13,
  // The candidate's row (candidateRowsAlong) from here on.
  candidate: 14,
} as const;

// An element of the page's `competencies` json.
interface PooledJson {
  key: string;
  score: number;
  ratingsCount: number;
  mandatesCount: number;
  lastAssessedAt: string;
}

// How many candidates the pool holds with these filters (totalCount): the same statement, counted.
// One statement (with the freshness check), unless the order must be built first.
export async function countTalentPool(
  em: EntityManager,
  firmId: string,
  mandateId: string,
  options: { viewerUserId?: string | null; filter?: TalentPoolFilterData | null },
): Promise<number> {
  const pool = poolStatement(firmId, mandateId, options.viewerUserId ?? null, options.filter ?? {}, null);
  // The freshness check in the count's statement, as the page's.
  return withFreshMatchOrder(em, firmId, mandateId, async (reader, fresh) => {
    const [[isFresh, count]] = await readArrays(reader, `${pool.sql} select ${fresh.sql}, (select count(*)::int from keyed)`, [
      ...pool.params,
      ...fresh.params,
    ]);
    return { fresh: isFresh as boolean, value: count as number };
  });
}

// The pool's order over a part's columns: the index's order for the walk.
const ORDER = (row: string) =>
  `${row}.missed_rank, ${row}.unknown_fit_rank, ${row}.fit_key, ${row}.coverage_key, ${row}.assessed_key, ${row}.id`;

// Before every key of the order (missed_rank and unknown_fit_rank are 0 or 1): the first page's
// keyset bound, so that the bound is always an index condition of the walk.
const BEFORE_ALL = [-1, 0, 0, 0, '0', '00000000-0000-0000-0000-000000000000'];

// The pool after a keyset position, up to its sort keys, as CTEs ending in `keyed` (a UNION ALL of
// the maintained walk and the live part, each already bounded by the keyset, checked, and cut at
// `limit` rows in the pool's order, so the walk stops there whatever the plan above): shared
// by the page and the count (and by the benchmark, which EXPLAINs it). The match order must be
// built (withMatchOrder).
export function poolStatement(
  firmId: string,
  mandateId: string,
  viewerUserId: string | null,
  filter: TalentPoolFilterData,
  after: unknown[] | null = null,
  limit: number | null = null,
): { sql: string; params: unknown[] } {
  const ownDrafts = candidaciesWithOwnDraftSql(viewerUserId);
  const textArray = (values: readonly string[] | null | undefined) => (values && values.length > 0 ? pgArray(values) : null);
  const locations = textArray(filter.locations?.map((each) => each.trim().toLowerCase()));
  const languages = textArray(filter.languages);
  const tags = textArray(filter.tags);
  const bound = after ?? BEFORE_ALL;
  // Checked on each row of both parts, as the walk reaches it: after the keyset position, the
  // figures' filters, the pipeline (candidacy_mandate_id_candidate_id_unique), and the candidate
  // (candidate_pkey): not erased, consent not withdrawn, retention not past, the candidate filters.
  const checks = (row: string) => ({
    sql: `(${row}.missed_rank, ${row}.unknown_fit_rank, ${row}.fit_key, ${row}.coverage_key, ${row}.assessed_key, ${row}.id)
            > (?::int, ?::int, ?::float8, ?::float8, ?::bigint, ?::uuid)
          and (?::timestamptz is null or ${row}.last_assessed_at >= ?::timestamptz)
          and (?::float8 is null or ${row}.coverage >= ?::float8)
          and (?::boolean or not ${row}.in_pipeline)
          and exists (
            select 1 from candidate c
             where c.id = ${row}.id and c.firm_id = ? and c.erased_at is null and c.consent_status <> 'WITHDRAWN'
               and (c.retain_until is null or c.retain_until >= current_date)
               and (?::text[] is null or lower(trim(c.location)) = any(?::text[]))
               and (?::text[] is null or c.languages && ?::text[])
               and (?::text[] is null or c.tags && ?::text[]))`,
    params: [
      ...bound,
      filter.assessedSince?.toISOString() ?? null,
      filter.assessedSince?.toISOString() ?? null,
      filter.minCoverage ?? null,
      filter.minCoverage ?? null,
      filter.includePipeline ?? false,
      firmId,
      locations,
      locations,
      languages,
      languages,
      tags,
      tags,
    ],
  });
  const inPipeline = (id: string) =>
    `exists (select 1 from candidacy y where y.firm_id = ? and y.mandate_id = ? and y.candidate_id = ${id})`;
  const walked = checks('m');
  const live = checks('l');
  return {
    sql: `with blind as (
       ${ownDrafts.sql}
     ), blind_candidates as (
       select distinct p.candidate_id
         from candidate_competency_profile p
        where p.firm_id = ? and p.candidacy_id in (select candidacy_id from blind)
     ), weighted as (
       select competency_key, weight, target, minimum
         from requirement
        where firm_id = ? and mandate_id = ? and weight > 0
     ), live_pooled as (
       select p.candidate_id, w.weight, w.target, w.minimum, sum(p.score_sum) as score_sum, sum(p.ratings_count) as ratings_count,
              max(p.last_assessed_at) as last_assessed_at
         from candidate_competency_profile p
         join weighted w on w.competency_key = p.competency_key
        where p.firm_id = ? and p.candidate_id in (select candidate_id from blind_candidates)
          and p.candidacy_id not in (select candidacy_id from blind)
        group by p.candidate_id, w.competency_key, w.weight, w.target, w.minimum
     ), live_sums as (
       select candidate_id as id, max(last_assessed_at) as last_assessed_at,
              sum(weight) as assessed_weight,
              (select sum(weight) from weighted) as total_weight,
              sum(weight * ${attainmentSql('score', 'target')}) as weighted_attainment,
              bool_or(minimum is not null and score < minimum) as missed,
              count(minimum) < (select count(minimum) from weighted) as unknown_minimum
         from (select *, ${meanSql('score_sum', 'ratings_count')} as score from live_pooled) scored
        group by candidate_id
     ), live_ranked as (
       select id, last_assessed_at, ${FIT_FROM_SUMS_SQL}
         from live_sums
     ), live_keyed as (
       select id, fit, coverage, must_haves_met, last_assessed_at, ${MATCH_KEYS_SQL}, ${inPipeline('r.id')} as in_pipeline
         from live_ranked r
     ), walk as (
       select m.candidate_id as id, m.fit, m.coverage, m.must_haves_met, m.last_assessed_at,
              m.missed_rank, m.unknown_fit_rank, m.fit_key, m.coverage_key, m.assessed_key,
              ${inPipeline('m.candidate_id')} as in_pipeline
         from talent_pool_match m
        where m.firm_id = ? and m.mandate_id = ?
     ), keyed as (
       (select * from walk m
         where m.id not in (select candidate_id from blind_candidates)
           and ${walked.sql}
         order by ${ORDER('m')}
         limit ?)
       union all
       (select * from live_keyed l
         where ${live.sql}
         order by ${ORDER('l')}
         limit ?)
     )`,
    params: [
      ...ownDrafts.params,
      firmId,
      firmId,
      mandateId,
      firmId,
      firmId,
      mandateId,
      firmId,
      mandateId,
      firmId,
      mandateId,
      ...walked.params,
      limit,
      ...live.params,
      limit,
    ],
  };
}

// A decoded cursor is caller input: check every value before it reaches SQL.
function poolCursorValues(values: unknown[]): unknown[] {
  const [missed, unknownFit, fit, coverage, assessed, id] = values;
  const valid =
    (missed === 0 || missed === 1) &&
    (unknownFit === 0 || unknownFit === 1) &&
    Number.isFinite(fit) &&
    Number.isFinite(coverage) &&
    typeof assessed === 'string' &&
    /^-?\d{1,19}$/.test(assessed) &&
    isUuid(id);
  if (!valid) throw badUserInput('after is not a cursor of this list.', 'after');
  return values;
}

// A text[] literal, each element quoted (a plain array binding would be spread into a list).
function pgArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, (char) => `\\${char}`)}"`).join(',')}}`;
}

// The mandate's weighted requirements (the pool needs these figures only, not the requirement and
// competency entities, whose hydration cost more Node time than the rest of the pool's own code),
// with each one's position in the rubric, as a json array. Parameters: the rubric id, the firm id,
// the mandate id.
const WEIGHTED_REQUIREMENTS_SQL = `
  select json_agg(json_build_object('key', q.competency_key, 'weight', q.weight, 'target', q.target,
                                    'minimum', q.minimum, 'position', c.position))
    from requirement q
    left join competency c on c.firm_id = q.firm_id and c.rubric_id = ? and c.key = q.competency_key
   where q.firm_id = ? and q.mandate_id = ? and q.weight > 0`;

interface WeightedRequirementRow {
  key: string;
  weight: number;
  target: number;
  minimum: number | null;
  position: number | null;
}

// In rubric order (as requirementProfileLoader orders them, for Fit's competencies); a key the
// rubric lacks last, by key.
function inRubricOrder(rows: WeightedRequirementRow[]): RequirementSpec[] {
  const order = (row: WeightedRequirementRow) => row.position ?? Number.MAX_SAFE_INTEGER;
  return rows
    .sort((a, b) => order(a) - order(b) || a.key.localeCompare(b.key))
    .map((row) => ({ competencyKey: row.key, weight: row.weight, target: row.target, minimum: row.minimum }));
}

// The pooled figures per weighted competency of the page row `k` (a candidate), as a json array
// `competencies` in the page's own statement (no statement more, whatever the page size), with the
// same blind rule as the pool. float8 goes into json in its shortest exact form, so JSON.parse gives
// the same double. Parameters: the mandate id, the firm id, then the blind rule's.
const POOLED_SQL = `
  select json_agg(json_build_object('key', g.competency_key, 'score', g.score, 'ratingsCount', g.ratings_count,
                                    'mandatesCount', g.mandates_count, 'lastAssessedAt', g.last_assessed_at)
                  order by g.competency_key) as competencies
    from (select p.competency_key,
                 (${meanSql('sum(p.score_sum)', 'sum(p.ratings_count)')})::float8 as score,
                 sum(p.ratings_count)::int as ratings_count,
                 count(distinct p.mandate_id)::int as mandates_count,
                 max(p.last_assessed_at) as last_assessed_at
            from candidate_competency_profile p
            join requirement q on q.firm_id = p.firm_id and q.mandate_id = ? and q.competency_key = p.competency_key and q.weight > 0
           where p.firm_id = ? and p.candidate_id = k.id
             and p.candidacy_id not in (${candidaciesWithOwnDraftSql(null).sql})
           group by p.competency_key) g`;

export interface PooledCompetencyRow {
  candidateId: string;
  competencyKey: string;
  score: number;
  ratingsCount: number;
  mandatesCount: number;
  lastAssessedAt: Date;
}

export interface PoolEvidenceRow {
  candidateId: string;
  mandateId: string;
  interviewId: string;
  scorecardId: string;
  // The weighted competency keys this scorecard's counted ratings speak to.
  competencyKeys: string[];
  submittedAt: Date;
}

// The evidence behind a page of the pool: each submitted scorecard whose latest revision has a
// counted rating on a weighted competency, newest first, the viewer's blind candidacies left out
// (the same rule as the pool). One statement whatever the number of candidates.
export async function findPoolEvidence(
  em: EntityManager,
  firmId: string,
  mandateId: string,
  candidateIds: readonly string[],
  viewerUserId: string | null,
): Promise<PoolEvidenceRow[]> {
  if (candidateIds.length === 0) return [];
  const ownDrafts = candidaciesWithOwnDraftSql(viewerUserId);
  const rows: {
    candidate_id: string;
    mandate_id: string;
    interview_id: string;
    scorecard_id: string;
    competency_keys: string[];
    submitted_at: Date;
  }[] = await em.execute(
    `select c.candidate_id, c.mandate_id, i.id as interview_id, s.id as scorecard_id,
            array_agg(distinct r.competency_key order by r.competency_key) as competency_keys, s.submitted_at
       from candidacy c
       join interview i on i.candidacy_id = c.id
       join scorecard s on s.interview_id = i.id and s.status = 'SUBMITTED'
       join rating r on r.revision_id = s.latest_revision_id and r.score is not null
       join requirement q on q.firm_id = c.firm_id and q.mandate_id = ? and q.competency_key = r.competency_key and q.weight > 0
      where c.firm_id = ? and c.candidate_id = any(?::uuid[])
        and c.id not in (${ownDrafts.sql})
      group by c.candidate_id, c.mandate_id, i.id, s.id, s.submitted_at
      order by c.candidate_id, s.submitted_at desc, s.id`,
    [mandateId, firmId, uuidArray(candidateIds), ...ownDrafts.params],
  );
  return rows.map((row) => ({
    candidateId: row.candidate_id,
    mandateId: row.mandate_id,
    interviewId: row.interview_id,
    scorecardId: row.scorecard_id,
    competencyKeys: row.competency_keys,
    submittedAt: new Date(row.submitted_at),
  }));
}
