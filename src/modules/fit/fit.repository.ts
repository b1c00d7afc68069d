import type { EntityManager } from '@mikro-orm/postgresql';
import { encodeCursor, decodeCursor } from '../../common/connection';
import { badUserInput } from '../../common/errors';
import { uuidArray } from '../../common/sql';
import { readArrays } from '../../common/rows';
import { isUuid } from '../../common/global-id';
import { FIT_FROM_SUMS_SQL, FIT_SUMS_SQL, meanSql } from '../../common/fit-sql';
import { candidaciesWithOwnDraftSql } from '../interview';
import { firmLeniencySql } from '../calibration';
import type { RequirementSpec } from './fit-model';

export interface CountingRating {
  candidacyId: string;
  competencyKey: string;
  // Who gave it: calibrated scores take off this interviewer's leniency.
  interviewerId: string;
  score: number;
}

export interface MandateRequirement extends RequirementSpec {
  mandateId: string;
}

export interface FitInputs {
  ratings: CountingRating[];
  requirements: MandateRequirement[];
  // The competency keys of each mandate's pinned rubric, in rubric order.
  competencyKeys: Map<string, string[]>;
}

// Everything the fit of some candidacies needs, in one round trip: the ratings that count
// (non-null scores of the latest revision of every submitted scorecard) and the requirement
// profiles and rubric competencies of their mandates, in the rubric's competency order.
// Read in the caller's transaction when there is one (publishShortlist snapshots what it sees).
export async function findFitInputs(
  em: EntityManager,
  firmId: string,
  candidacyIds: readonly string[],
  mandateIds: readonly string[],
): Promise<FitInputs> {
  const inputs: FitInputs = { ratings: [], requirements: [], competencyKeys: new Map(mandateIds.map((id) => [id, []])) };
  if (candidacyIds.length === 0 && mandateIds.length === 0) return inputs;
  const rows = await readArrays(
    em,
    `select 'rating' as kind, i.candidacy_id as owner_id, r.competency_key, s.interviewer_id, r.score,
            null::smallint as weight, null::smallint as target, null::smallint as minimum, 0 as position
       from interview i
       join scorecard s on s.interview_id = i.id and s.status = 'SUBMITTED'
       join rating r on r.revision_id = s.latest_revision_id and r.score is not null
      where i.firm_id = ? and i.candidacy_id = any(?::uuid[])
     union all
     select 'requirement', q.mandate_id, q.competency_key, null, null, q.weight, q.target, q.minimum,
            coalesce(c.position, 1000)
       from requirement q
       join mandate m on m.id = q.mandate_id
       left join competency c on c.rubric_id = m.rubric_id and c.key = q.competency_key
      where q.firm_id = ? and q.mandate_id = any(?::uuid[])
     union all
     select 'competency', m.id, c.key, null, null, null, null, null, c.position
       from mandate m
       join competency c on c.rubric_id = m.rubric_id
      where m.firm_id = ? and m.id = any(?::uuid[])
      order by kind, owner_id, position, competency_key`,
    [firmId, uuidArray(candidacyIds), firmId, uuidArray(mandateIds), firmId, uuidArray(mandateIds)],
    // The same plan for any ids: prepared once per connection.
    { prepared: true },
  );
  // Columns: kind, owner_id, competency_key, interviewer_id, score, weight, target, minimum (then position).
  for (const [kind, ownerId, competencyKey, interviewerId, score, weight, target, minimum] of rows as [
    'competency' | 'rating' | 'requirement',
    string,
    string,
    string | null,
    number | null,
    number | null,
    number | null,
    number | null,
  ][]) {
    if (kind === 'competency') {
      inputs.competencyKeys.get(ownerId)?.push(competencyKey);
    } else if (kind === 'rating') {
      inputs.ratings.push({ candidacyId: ownerId, competencyKey, interviewerId: interviewerId!, score: score! });
    } else {
      inputs.requirements.push({ mandateId: ownerId, competencyKey, weight: weight!, target: target!, minimum });
    }
  }
  return inputs;
}

// §3's formulas in SQL live in common/fit-sql.ts (the maintained talent-pool order computes them too).
export { attainmentSql, FIT_FROM_SUMS_SQL, FIT_SUMS_SQL } from '../../common/fit-sql';

export interface RankedRow {
  id: string;
  // The candidacy's own columns, to map into an entity without another query.
  candidacyRow: Record<string, unknown>;
  createdAt: Date;
  fit: number | null;
  coverage: number;
  mustHavesMet: boolean | null;
  // The viewer may not see this candidacy's scores yet (independent scoring).
  blind: boolean;
  cursor: string;
}

// The ranking of §3 for one mandate, computed by PostgreSQL in one statement with keyset
// pagination. Sums run in exact numeric arithmetic, so the order (and the cursor values) do
// not depend on the order rows are added in; the results are cast to float8 at the end.
// Independent scoring: candidacies on which `viewerUserId` still has a DRAFT scorecard (the
// interview feature's query) are ranked as if nothing were assessed, and come back marked `blind`.
// The candidacy's own columns ride along the grouping by its primary key: joining the
// candidacy table again before the sort scanned the firm's candidacies on every call.
// `stages` (null: every stage) keeps the ranking to candidacies in those stages, here in the SQL,
// so that pages and cursors run over exactly the candidacies ranked.
// `calibrated` ranks on calibrated scores (§3b): each rating less its interviewer's firm-wide
// shrunk leniency, kept within 1–5, still in the same statement and in exact arithmetic; the
// leniencies come from the calibration module's per-version cache (one more statement only
// when the firm's ratings changed since they were kept), checked in this statement.
export async function rankMandate(
  em: EntityManager,
  firmId: string,
  mandateId: string,
  options: {
    limit: number;
    after?: string | null;
    viewerUserId?: string | null;
    stages?: readonly string[] | null;
    calibrated?: boolean;
  },
): Promise<{ rows: RankedRow[]; hasNextPage: boolean }> {
  const stages = options.stages ? stageArray(options.stages) : null;
  // A cursor of the calibrated ranking is no cursor of the plain one, and the other way round.
  const list = `ranking:${mandateId}${options.calibrated ? ':calibrated' : ''}`;
  const leniency = options.calibrated ? await firmLeniencySql(em, firmId, options.viewerUserId ?? null) : null;
  const after = options.after ? rankingCursorValues(decodeCursor(list, options.after, 6)) : null;
  const ownDrafts = candidaciesWithOwnDraftSql(options.viewerUserId ?? null);
  const rows: {
    id: string;
    created_at: Date;
    fit: number | null;
    coverage: number;
    must_haves_met: boolean | null;
    missed_rank: number;
    unknown_fit_rank: number;
    fit_key: number;
    coverage_key: number;
    updated_at: Date;
    firm_id: string;
    mandate_id: string;
    candidate_id: string;
    stage: string;
    blind: boolean;
    leniency_version: string | null;
    leniency_fresh: boolean | null;
  }[] = await em.execute(
    `with ${leniency ? `${leniency.ctes},` : ''} weighted as (
       select competency_key, weight, target, minimum
         from requirement
        where firm_id = ? and mandate_id = ? and weight > 0
     ), blind as (
       ${ownDrafts.sql}
     ), scores as (
       select i.candidacy_id, r.competency_key,
              ${meanSql(`sum(${leniency ? 'greatest(1, least(5, r.score - coalesce(l.shrunk, 0)))' : 'r.score'})`, 'count(*)')} as score
         from candidacy c
         join interview i on i.candidacy_id = c.id
         join scorecard s on s.interview_id = i.id and s.status = 'SUBMITTED'
         join rating r on r.revision_id = s.latest_revision_id and r.score is not null
         ${leniency ? 'left join leniency_pick l on l.interviewer_id = s.interviewer_id' : ''}
        where c.firm_id = ? and c.mandate_id = ? and c.id not in (select candidacy_id from blind)
          and (?::text[] is null or c.stage::text = any(?::text[]))
        group by i.candidacy_id, r.competency_key
     ), sums as (
       select c.id, c.created_at, c.updated_at, c.firm_id, c.mandate_id, c.candidate_id, c.stage,
              c.id in (select candidacy_id from blind) as blind,
              ${FIT_SUMS_SQL}
         from candidacy c
         left join weighted q on true
         left join scores sc on sc.candidacy_id = c.id and sc.competency_key = q.competency_key
        where c.firm_id = ? and c.mandate_id = ?
          and (?::text[] is null or c.stage::text = any(?::text[]))
        group by c.id
     ), ranked as (
       select id, created_at, updated_at, firm_id, mandate_id, candidate_id, stage, blind,
              ${FIT_FROM_SUMS_SQL}
         from sums
     ), keyed as (
       select *,
              case when must_haves_met is false then 1 else 0 end as missed_rank,
              case when fit is null then 1 else 0 end as unknown_fit_rank,
              -coalesce(fit, 0) as fit_key,
              -coverage as coverage_key
         from ranked
     )
     select k.*, ${leniency ? 'f.current_version as leniency_version, f.fresh as leniency_fresh' : 'null as leniency_version, null::boolean as leniency_fresh'}
       from keyed k ${leniency ? 'cross join leniency_fresh f' : ''}
      where ?::boolean
         or (k.missed_rank, k.unknown_fit_rank, k.fit_key, k.coverage_key, k.created_at, k.id)
          > (?::int, ?::int, ?::float8, ?::float8, ?::timestamptz, ?::uuid)
      order by k.missed_rank, k.unknown_fit_rank, k.fit_key, k.coverage_key, k.created_at, k.id
      limit ?`,
    [
      ...(leniency?.params ?? []),
      firmId,
      mandateId,
      ...ownDrafts.params,
      firmId,
      mandateId,
      stages,
      stages,
      firmId,
      mandateId,
      stages,
      stages,
      after === null,
      ...(after ?? [0, 0, 0, 0, new Date(0).toISOString(), '00000000-0000-0000-0000-000000000000']),
      options.limit + 1,
    ],
  );
  // Kept leniencies the statement found outdated (and computed afresh) go: the next request keeps new ones.
  if (leniency && rows.length > 0 && rows[0].leniency_fresh === false) leniency.outdated(rows[0].leniency_version!);
  const page = rows.slice(0, options.limit).map((row) => ({
    id: row.id,
    candidacyRow: {
      id: row.id,
      created_at: row.created_at,
      updated_at: row.updated_at,
      firm_id: row.firm_id,
      mandate_id: row.mandate_id,
      candidate_id: row.candidate_id,
      stage: row.stage,
    },
    createdAt: new Date(row.created_at),
    fit: row.fit,
    coverage: row.coverage,
    mustHavesMet: row.must_haves_met,
    blind: row.blind,
    cursor: encodeCursor(list, [
      row.missed_rank,
      row.unknown_fit_rank,
      row.fit_key,
      row.coverage_key,
      new Date(row.created_at).toISOString(),
      row.id,
    ]),
  }));
  return { rows: page, hasNextPage: rows.length > options.limit };
}

// A decoded cursor is caller input: check every value before it reaches SQL.
function rankingCursorValues(values: unknown[]): unknown[] {
  const [missed, unknownFit, fit, coverage, createdAt, id] = values;
  const valid =
    (missed === 0 || missed === 1) &&
    (unknownFit === 0 || unknownFit === 1) &&
    Number.isFinite(fit) &&
    Number.isFinite(coverage) &&
    typeof createdAt === 'string' &&
    !Number.isNaN(Date.parse(createdAt)) &&
    isUuid(id);
  if (!valid) throw badUserInput('after is not a cursor of this list.', 'after');
  return values;
}

// A text[] literal of stage names (a plain array binding would be spread into a list).
function stageArray(stages: readonly string[]): string {
  for (const stage of stages) if (!/^[A-Z_]+$/.test(stage)) throw new Error(`not a stage: ${stage}`);
  return `{${stages.join(',')}}`;
}
