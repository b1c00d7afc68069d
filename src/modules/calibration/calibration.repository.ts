import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, encodeCursor } from '../../common/connection';
import { badUserInput } from '../../common/errors';
import { isUuid } from '../../common/global-id';
import { uuidArray } from '../../common/sql';
import { candidaciesWithOwnDraftSql } from '../interview';
import { SCALE } from '../rubric';
import { SHRINKAGE_CELLS } from './calibration-model';

// Which counted ratings a figure is made of. Every field narrows; null leaves it open.
export interface RatingScope {
  mandateIds?: readonly string[] | null;
  rubricKey?: string | null;
  competencyKey?: string | null;
  // Interviews held at or after `from` and before `to`.
  from?: Date | null;
  to?: Date | null;
  // Independent scoring: the candidacies this user has a DRAFT scorecard on are left out of
  // every figure (they would reveal the others' scores). Null: an API key, nothing left out.
  viewerUserId: string | null;
}

// The ratings that count (§3) within a scope, as a SQL fragment with its parameters. Columns:
// candidacy_id, mandate_id, competency_key, interviewer_id, score.
function countedRatingsSql(firmId: string, scope: RatingScope): { sql: string; params: unknown[] } {
  const ownDrafts = candidaciesWithOwnDraftSql(scope.viewerUserId);
  const mandateIds = scope.mandateIds ? uuidArray(scope.mandateIds) : null;
  return {
    sql: `select i.candidacy_id, c.mandate_id, r.competency_key, s.interviewer_id, r.score
            from interview i
            join candidacy c on c.id = i.candidacy_id
            join scorecard s on s.interview_id = i.id and s.status = 'SUBMITTED'
            join rating r on r.revision_id = s.latest_revision_id and r.score is not null
           where i.firm_id = ?
             and (?::uuid[] is null or c.mandate_id = any(?::uuid[]))
             and (?::text is null or exists (select 1 from mandate m join rubric rb on rb.id = m.rubric_id
                                              where m.id = c.mandate_id and rb.key = ?))
             and (?::text is null or r.competency_key = ?)
             and (?::timestamptz is null or i.scheduled_at >= ?::timestamptz)
             and (?::timestamptz is null or i.scheduled_at < ?::timestamptz)
             and i.candidacy_id not in (${ownDrafts.sql})`,
    params: [
      firmId,
      mandateIds,
      mandateIds,
      scope.rubricKey ?? null,
      scope.rubricKey ?? null,
      scope.competencyKey ?? null,
      scope.competencyKey ?? null,
      scope.from?.toISOString() ?? null,
      scope.from?.toISOString() ?? null,
      scope.to?.toISOString() ?? null,
      scope.to?.toISOString() ?? null,
      ...ownDrafts.params,
    ],
  };
}

// The counted ratings of a scope with who gave them: what the pure model takes (tests use it
// as the reference's input).
export async function findInterviewerRatings(
  em: EntityManager,
  firmId: string,
  scope: RatingScope,
): Promise<{ candidacyId: string; mandateId: string; competencyKey: string; interviewerId: string; score: number }[]> {
  const counted = countedRatingsSql(firmId, scope);
  const rows: { candidacy_id: string; mandate_id: string; competency_key: string; interviewer_id: string; score: number }[] =
    await em.execute(counted.sql, counted.params);
  return rows.map((row) => ({
    candidacyId: row.candidacy_id,
    mandateId: row.mandate_id,
    competencyKey: row.competency_key,
    interviewerId: row.interviewer_id,
    score: row.score,
  }));
}

export interface UnitPattern {
  // Null when the units of every mandate were counted together.
  mandateId: string | null;
  competencyKey: string;
  // The values of one unit, ascending.
  values: number[];
  // How many units of the mandate and competency hold exactly these values.
  units: number;
}

// A cell's values packed into one integer, PACK_BITS bits per score of the scale (5 × 6 = 30):
// each cell then is two plain sums in a hash aggregate, where per-score counts with a list beside
// them made the planner sort the ratings by cell (a list's state is assumed large), and an int4's
// sum keeps a plain int8 where a bigint's keeps a numeric. A cell the packing cannot carry — a
// score off the scale (which the services never write; it adds 2^OFF_SCALE, beyond the fields)
// or PACK_LIMIT ratings or more — comes back unpacked.
const SCALE_SCORES = Array.from({ length: SCALE.max - SCALE.min + 1 }, (_, index) => SCALE.min + index);
const PACK_BITS = 6;
const PACK_LIMIT = 2 ** PACK_BITS;
const PACKED_BITS = PACK_BITS * SCALE_SCORES.length;
const OFF_SCALE = 30;

// The pairable units of agreement (cells with two or more counted ratings), counted by their
// values: units with the same values weigh the same in alpha and its bootstrap, so a mandate of
// thousands of cells comes back as a few hundred rows. A unit's values are its count of each
// score; one statement for any number of mandates, two when some cell cannot be packed (then
// every cell's values as a sorted list, in one statement, so the answer is of one snapshot).
export async function findUnitPatterns(
  em: EntityManager,
  firmId: string,
  scope: RatingScope,
  options: { perMandate: boolean },
): Promise<UnitPattern[]> {
  const counted = countedRatingsSql(firmId, scope);
  const params = [...counted.params, options.perMandate];
  const packed: ({ mandate_id: string | null; competency_key: string; packed: boolean; units: number } & Record<string, number>)[] =
    await em.execute(
      `with counted as (${counted.sql}),
       cells as (
         select case when ?::boolean then mandate_id end as mandate_id, competency_key, count(*) as ratings,
                sum(case when score between ${SCALE.min} and ${SCALE.max} then 1 << (${PACK_BITS} * (score - ${SCALE.min}))
                         else 1 << ${OFF_SCALE} end) as packed
           from counted
          group by candidacy_id, mandate_id, competency_key
         having count(*) >= 2
       ), patterns as (
         select mandate_id, competency_key,
                case when ratings < ${PACK_LIMIT} and packed < ${2 ** PACKED_BITS} then packed end as packed,
                count(*)::int as units
           from cells
          group by 1, 2, 3
       )
       select mandate_id, competency_key, packed is not null as packed, units,
              ${SCALE_SCORES.map((score, index) => `((packed >> ${PACK_BITS * index}) & ${PACK_LIMIT - 1})::int as s${score}`).join(', ')}
         from patterns`,
      params,
    );
  if (packed.every((row) => row.packed)) {
    return packed.map((row) => ({
      mandateId: row.mandate_id,
      competencyKey: row.competency_key,
      values: SCALE_SCORES.flatMap((score) => Array<number>(row[`s${score}`]).fill(score)),
      units: row.units,
    }));
  }
  const listed: { mandate_id: string | null; competency_key: string; scores: number[]; units: number }[] = await em.execute(
    `with counted as (${counted.sql}),
     cells as (
       select case when ?::boolean then mandate_id end as mandate_id, competency_key, array_agg(score order by score) as scores
         from counted
        group by candidacy_id, mandate_id, competency_key
       having count(*) >= 2
     )
     select mandate_id, competency_key, scores, count(*)::int as units from cells group by 1, 2, 3`,
    params,
  );
  return listed.map((row) => ({ mandateId: row.mandate_id, competencyKey: row.competency_key, values: row.scores, units: row.units }));
}

export interface LeniencyRow {
  interviewerId: string;
  // Null on the overall figures, the key on the per-competency ones.
  competencyKey: string | null;
  comparedCells: number;
  leniency: number | null;
  standardError: number | null;
  shrunkLeniency: number;
  cursor: string;
}

// Interviewer values per cell and each one's difference from the mean of the others' (§3b), in
// exact numeric arithmetic, cast to float8 at the end: common table expressions (without the
// leading "with"), prefixed so that they sit beside a caller's own; the last is leniency_keyed.
function leniencyCtes(counted: { sql: string }, perCompetency: boolean): string {
  return `leniency_ratings as (${counted.sql}),
     leniency_cell_values as (
       select candidacy_id, competency_key, interviewer_id, avg(score::numeric) as value
         from leniency_ratings
        group by candidacy_id, competency_key, interviewer_id
     ), leniency_cells as (
       select *, count(*) over cell as raters, sum(value) over cell as total
         from leniency_cell_values
       window cell as (partition by candidacy_id, competency_key)
     ), leniency_differences as (
       select interviewer_id, competency_key,
              case when raters >= 2 then value - (total - value) / (raters - 1) end as d
         from leniency_cells
     ), leniency_figures as (
       select interviewer_id, ${perCompetency ? 'competency_key' : 'null::text as competency_key'},
              count(d)::int as compared_cells, avg(d) as leniency, stddev_samp(d) / sqrt(count(d)::numeric) as standard_error,
              coalesce(avg(d) * count(d) / (count(d) + ${SHRINKAGE_CELLS}), 0) as shrunk
         from leniency_differences
        group by interviewer_id${perCompetency ? ', competency_key' : ''}
     ), leniency_keyed as (
       select interviewer_id, competency_key, compared_cells, leniency::float8 as leniency,
              standard_error::float8 as standard_error, shrunk::float8 as shrunk_leniency,
              -abs(shrunk::float8) as shrunk_key, shrunk
         from leniency_figures
     )`;
}

// The firm's leniencies as of one ratings version (firm_ratings_version, bumped by triggers in
// every transaction that can move a counted rating or a draft), kept in the process so that the
// calibrated ranking does not recompute them (~1.2 s of PostgreSQL CPU on a firm of 245,000
// ratings) on every request. `forViewer`: computed with that viewer's drafted candidacies left
// out; otherwise the viewer had no drafts, and the figures are the whole firm's, shared.
interface CachedLeniencies {
  version: string;
  forViewer: boolean;
  // [{ interviewer_id, shrunk }] in exact numeric, the interviewers with a non-zero figure. Null:
  // a mark that this viewer has drafts at this version, so the shared figures do not serve them.
  json: string | null;
}
const LENIENCY_CACHE_SIZE = 500;
const leniencyCache = new Map<string, CachedLeniencies>();

function remember(key: string, value: CachedLeniencies): void {
  leniencyCache.delete(key);
  leniencyCache.set(key, value);
  if (leniencyCache.size > LENIENCY_CACHE_SIZE) leniencyCache.delete(leniencyCache.keys().next().value!);
}

// Forget every kept figure (tests: to measure or check a cold start).
export function clearLeniencyCache(): void {
  leniencyCache.clear();
}

// The firm's leniencies for a viewer with the version they belong to, from the cache or in one
// statement (one snapshot: version, draft set and figures agree).
async function cachedLeniencies(em: EntityManager, firmId: string, viewerUserId: string | null): Promise<KeptLeniencies> {
  const own = leniencyCache.get(`${firmId}:${viewerUserId ?? ''}`);
  const kept = own ?? leniencyCache.get(`${firmId}:*`);
  if (kept && kept.json !== null) return kept as KeptLeniencies;
  const counted = countedRatingsSql(firmId, { viewerUserId });
  const ownDrafts = candidaciesWithOwnDraftSql(viewerUserId);
  const [row]: { version: string; has_drafts: boolean; leniencies: string }[] = await em.execute(
    `with ${leniencyCtes(counted, false)}
     select coalesce((select version from firm_ratings_version where firm_id = ?), 0)::text as version,
            exists (${ownDrafts.sql}) as has_drafts,
            (select coalesce(json_agg(json_build_object('interviewer_id', interviewer_id, 'shrunk', shrunk)), '[]')::text
               from leniency_keyed where shrunk <> 0) as leniencies`,
    [...counted.params, firmId, ...ownDrafts.params],
  );
  const value = { version: row.version, forViewer: row.has_drafts, json: row.leniencies };
  if (row.has_drafts) remember(`${firmId}:${viewerUserId}`, value);
  else {
    leniencyCache.delete(`${firmId}:${viewerUserId ?? ''}`);
    remember(`${firmId}:*`, value);
  }
  return value;
}

interface KeptLeniencies extends CachedLeniencies {
  json: string;
}

// Every interviewer's firm-wide shrunk leniency over all competencies (what calibrated scores
// take off) for another statement, taken from the cache: common table expressions ending in
// leniency_pick(interviewer_id, shrunk) with shrunk in exact numeric, and
// leniency_fresh(current_version, fresh).
// The statement itself checks that the kept figures still hold — the firm's ratings version is
// the one they were computed at and, for shared figures, the viewer has no drafts — and
// otherwise computes them inline (the planner runs only the branch its one-time filter lets
// through), so the answer is always exact; `outdated()` then drops the kept figures (or marks
// that this viewer needs figures of their own).
// Independent scoring as everywhere: the candidacies `viewerUserId` drafts on are left out.
export async function firmLeniencySql(
  em: EntityManager,
  firmId: string,
  viewerUserId: string | null,
): Promise<{ ctes: string; params: unknown[]; outdated: (versionSeen: string) => void }> {
  const kept = await cachedLeniencies(em, firmId, viewerUserId);
  const counted = countedRatingsSql(firmId, { viewerUserId });
  const ownDrafts = candidaciesWithOwnDraftSql(viewerUserId);
  return {
    ctes: `leniency_fresh as materialized (
       select current_version::text, current_version = ?::bigint and (?::boolean or not exists (${ownDrafts.sql})) as fresh
         from (select coalesce((select version from firm_ratings_version where firm_id = ?), 0) as current_version) as seen
     ), ${leniencyCtes(counted, false)}, leniency_pick as (
       select kept.interviewer_id, kept.shrunk
         from json_to_recordset(?::json) as kept(interviewer_id uuid, shrunk numeric)
        where (select fresh from leniency_fresh)
       union all
       select interviewer_id, shrunk from leniency_keyed where not (select fresh from leniency_fresh)
     )`,
    params: [kept.version, kept.forViewer, ...ownDrafts.params, firmId, ...counted.params, kept.json],
    outdated: (versionSeen) => {
      if (versionSeen !== kept.version) {
        for (const [key, value] of leniencyCache) if (value === kept) leniencyCache.delete(key);
      } else if (!kept.forViewer) {
        remember(`${firmId}:${viewerUserId}`, { version: kept.version, forViewer: true, json: null });
      }
    },
  };
}

const CALIBRATION_LIST = 'interviewerCalibration';

// One page of interviewers by |shrunkLeniency| descending (then id), with their figures over
// the scope, in one statement. `onlyInterviewerId` keeps one row (a recruiter's own).
export async function findLeniencyPage(
  em: EntityManager,
  firmId: string,
  scope: RatingScope,
  options: { limit: number; after?: string | null; onlyInterviewerId?: string | null },
): Promise<{ rows: LeniencyRow[]; hasNextPage: boolean }> {
  const counted = countedRatingsSql(firmId, scope);
  const after = options.after ? leniencyCursorValues(decodeCursor(CALIBRATION_LIST, options.after, 2)) : null;
  const rows: LeniencyDbRow[] = await em.execute(
    `with ${leniencyCtes(counted, false)}
     select * from leniency_keyed
      where (?::uuid is null or interviewer_id = ?::uuid)
        and (?::boolean or (shrunk_key, interviewer_id) > (?::float8, ?::uuid))
      order by shrunk_key, interviewer_id
      limit ?`,
    [
      ...counted.params,
      options.onlyInterviewerId ?? null,
      options.onlyInterviewerId ?? null,
      after === null,
      ...(after ?? [0, '00000000-0000-0000-0000-000000000000']),
      options.limit + 1,
    ],
  );
  return { rows: rows.slice(0, options.limit).map(toLeniencyRow), hasNextPage: rows.length > options.limit };
}

// The figures of the given interviewers over the scope: overall, or per competency key.
export async function findLeniencies(
  em: EntityManager,
  firmId: string,
  scope: RatingScope,
  interviewerIds: readonly string[] | null,
  options: { perCompetency: boolean },
): Promise<LeniencyRow[]> {
  const counted = countedRatingsSql(firmId, scope);
  const ids = interviewerIds ? uuidArray(interviewerIds) : null;
  const rows: LeniencyDbRow[] = await em.execute(
    `with ${leniencyCtes(counted, options.perCompetency)}
     select * from leniency_keyed
      where (?::uuid[] is null or interviewer_id = any(?::uuid[]))
      order by interviewer_id, competency_key`,
    [...counted.params, ids, ids],
  );
  return rows.map(toLeniencyRow);
}

interface LeniencyDbRow {
  interviewer_id: string;
  competency_key: string | null;
  compared_cells: number;
  leniency: number | null;
  standard_error: number | null;
  shrunk_leniency: number;
  shrunk_key: number;
}

function toLeniencyRow(row: LeniencyDbRow): LeniencyRow {
  return {
    interviewerId: row.interviewer_id,
    competencyKey: row.competency_key,
    comparedCells: row.compared_cells,
    leniency: row.leniency,
    standardError: row.standard_error,
    shrunkLeniency: row.shrunk_leniency,
    cursor: encodeCursor(CALIBRATION_LIST, [row.shrunk_key, row.interviewer_id]),
  };
}

// A decoded cursor is caller input: check every value before it reaches SQL.
function leniencyCursorValues(values: unknown[]): unknown[] {
  const [shrunkKey, id] = values;
  if (!(typeof shrunkKey === 'number' && Number.isFinite(shrunkKey) && shrunkKey <= 0 && isUuid(id))) {
    throw badUserInput('after is not a cursor of this list.', 'after');
  }
  return values;
}

// How many interviewers have a counted rating in the scope: the length of the calibration list.
export async function countInterviewers(
  em: EntityManager,
  firmId: string,
  scope: RatingScope,
  onlyInterviewerId: string | null,
): Promise<number> {
  const counted = countedRatingsSql(firmId, scope);
  const [row]: { interviewers: number }[] = await em.execute(
    `select count(distinct interviewer_id)::int as interviewers from (${counted.sql}) as counted
      where ?::uuid is null or interviewer_id = ?::uuid`,
    [...counted.params, onlyInterviewerId, onlyInterviewerId],
  );
  return row.interviewers;
}
