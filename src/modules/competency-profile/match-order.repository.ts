import type { EntityManager } from '@mikro-orm/postgresql';
import { attainmentSql, FIT_FROM_SUMS_SQL, meanSql } from '../../common/fit-sql';
import type { OutboxQuery } from '../../common/outbox-queue';

// The talent pool's maintained match order (talent_pool_match, Migration20261202151000): per
// mandate and pooled candidate, §3c's fit, coverage, mustHavesMet and last assessed, computed from
// the per-candidate rollup with the mandate's requirement profile, and the pool's sort keys, so a
// page of the pool is a walk of `talent_pool_match_order_index` that stops after the page.
//
// Built lazily, by the first talentPool read of a mandate (withMatchOrder): a mandate nobody
// pools costs nothing on a submit. talent_pool_match_built records the requirement profile (a
// digest of its weighted rows) the order was built for; a read finds it stale after any change of
// the profile and rebuilds. From the build on, refreshCandidateProfiles recomputes the touched
// candidates' rows of every built mandate of the firm in the same statement as their rollup. After
// a profile change of a built mandate, a job builds it ahead (buildWantedOrder, match-order-worker.ts).
//
// Builds and refreshes of one firm are serialised by an advisory lock: a refresh holds it shared
// from before it deletes the candidates' rows until it commits, a build exclusively. Under READ
// COMMITTED a build then reads every committed rollup row, and a refresh sees every committed
// marker, so neither can miss the other's write.

const lockName = (firmId: string) => `talent-pool-match:${firmId}`;
// Builds of one mandate, one at a time (taken before the firm's lock).
const buildLockName = (mandateId: string) => `talent-pool-match-build:${mandateId}`;

export async function lockMatchOrdersShared(em: EntityManager, firmId: string): Promise<void> {
  await em.execute('select pg_advisory_xact_lock_shared(hashtext(?))', [lockName(firmId)]);
}

// The weighted rows of a mandate's requirement profile as one text: what the order depends on.
// Prefixed with the version of how rows are computed, so orders built by an earlier version read
// as stale and are built again (v2: fit rounded from its exact value, fit-sql.ts meanSql).
const PROFILE_DIGEST_SQL = `(
  select md5('v2;' || coalesce(string_agg(concat_ws(':', d.competency_key, d.weight, d.target, coalesce(d.minimum::text, '-')), ','
                                  order by d.competency_key), ''))
    from requirement d
   where d.firm_id = ? and d.mandate_id = ? and d.weight > 0)`;

// CTEs computing, as `match_rows`, the match rows of the per-candidate rollup rows in `rolled`
// (columns of candidate_competency_rollup). `mandates`: the firm's built mandates (a refresh) or one
// mandate (a build). The same §3 SQL as the pool's live part: exact numeric scores and sums, float8
// at the end, so both parts give the same figures for the same data. Parameters: the firm id,
// then (one mandate) its id.
export function matchRowsSql(rolled: string, mandates: 'built' | 'one'): string {
  const which =
    mandates === 'built'
      ? 'q.mandate_id in (select b.mandate_id from talent_pool_match_built b where b.firm_id = q.firm_id)'
      : 'q.mandate_id = ?';
  return `match_profile as (
       select q.mandate_id, q.competency_key, q.weight, q.target, q.minimum
         from requirement q
        where q.firm_id = ? and q.weight > 0 and ${which}
     ), match_totals as (
       select mandate_id, sum(weight) as total_weight, count(minimum) as minimums from match_profile group by mandate_id
     ), match_pooled as (
       select r.firm_id, w.mandate_id, r.candidate_id, w.weight, w.target, w.minimum, r.last_assessed_at,
              ${meanSql('r.score_sum', 'r.ratings_count')} as score
         from ${rolled} r
         join match_profile w on w.competency_key = r.competency_key
     ), match_sums as (
       select p.firm_id, p.mandate_id, p.candidate_id, max(p.last_assessed_at) as last_assessed_at,
              sum(p.weight) as assessed_weight, t.total_weight,
              sum(p.weight * ${attainmentSql('p.score', 'p.target')}) as weighted_attainment,
              bool_or(p.minimum is not null and p.score < p.minimum) as missed,
              count(p.minimum) < t.minimums as unknown_minimum
         from match_pooled p
         join match_totals t on t.mandate_id = p.mandate_id
        group by p.firm_id, p.mandate_id, p.candidate_id, t.total_weight, t.minimums
     ), match_ranked as (
       select firm_id, mandate_id, candidate_id, last_assessed_at, ${FIT_FROM_SUMS_SQL}
         from match_sums
     ), match_rows as (
       select firm_id, mandate_id, candidate_id, fit, coverage, must_haves_met, last_assessed_at, ${MATCH_KEYS_SQL}
         from match_ranked
     )`;
}

// The pool's order as ascending keys (the same expressions as the pool's live part and its cursor).
export const MATCH_KEYS_SQL = `case when must_haves_met is false then 1 else 0 end as missed_rank,
              case when fit is null then 1 else 0 end as unknown_fit_rank,
              -coalesce(fit, 0) as fit_key,
              -coverage as coverage_key,
              -(extract(epoch from last_assessed_at) * 1000000)::bigint as assessed_key`;

const MATCH_COLUMNS = `firm_id, mandate_id, candidate_id, fit, coverage, must_haves_met, last_assessed_at,
       missed_rank, unknown_fit_rank, fit_key, coverage_key, assessed_key`;

// Writes `match_rows` (after matchRowsSql's CTEs).
export const INSERT_MATCH_ROWS_SQL = `insert into talent_pool_match (${MATCH_COLUMNS}) select ${MATCH_COLUMNS} from match_rows`;

// Runs `read` over the mandate's match order built for its current requirement profile: at once
// when it is (every read but the first after a change: one statement more); otherwise in a
// transaction that builds it first — the firm's lock held exclusively, the check again (another
// request may have built it), the mandate's rows deleted and written again from the rollup, the
// marker set to the profile the rows were computed with (same statement) — and then reads in the
// same transaction: on the primary, which a replica may not have caught up with yet.
export async function withMatchOrder<T>(
  em: EntityManager,
  firmId: string,
  mandateId: string,
  read: (em: EntityManager) => Promise<T>,
): Promise<T> {
  if (await isMatchOrderFresh(em, firmId, mandateId)) return read(em);
  return buildThenRead(em, firmId, mandateId, read);
}

// As withMatchOrder, with the freshness check a column of the read's own statement (`fresh.sql`, its
// parameters `fresh.params`): one statement fewer on every read, and the check and the walk see one
// snapshot. The read says what the check found; on a stale order its rows are dropped, the order is
// built as in withMatchOrder and the read runs again in that transaction (with `true` for the check).
export async function withFreshMatchOrder<T>(
  em: EntityManager,
  firmId: string,
  mandateId: string,
  read: (em: EntityManager, fresh: { sql: string; params: unknown[] }) => Promise<{ fresh: boolean; value: T }>,
): Promise<T> {
  const first = await read(em, freshnessSql(firmId, mandateId));
  if (first.fresh) return first.value;
  return buildThenRead(em, firmId, mandateId, async (manager) => (await read(manager, { sql: 'true', params: [] })).value);
}

function buildThenRead<T>(em: EntityManager, firmId: string, mandateId: string, read: (em: EntityManager) => Promise<T>): Promise<T> {
  return em.transactional(async (tx) => {
    const manager = tx as EntityManager;
    // The mandate's build lock first (a build ahead running, buildMatchOrderAhead: wait for it rather
    // than build twice), then the firm's: one statement, evaluated left to right.
    await manager.execute('select pg_advisory_xact_lock(hashtext(?)), pg_advisory_xact_lock(hashtext(?))', [
      buildLockName(mandateId),
      lockName(firmId),
    ]);
    if (!(await isMatchOrderFresh(manager, firmId, mandateId))) await buildMatchOrder(manager, firmId, mandateId);
    return read(manager);
  });
}

// Builds the order outside a read (the benchmark's preparation; tests).
export async function ensureMatchOrder(em: EntityManager, firmId: string, mandateId: string): Promise<void> {
  await withMatchOrder(em, firmId, mandateId, async () => undefined);
}

// Whether the mandate's match order is built for its current requirement profile, as SQL.
function freshnessSql(firmId: string, mandateId: string): { sql: string; params: unknown[] } {
  return {
    sql: `exists (select 1 from talent_pool_match_built b
                   where b.firm_id = ? and b.mandate_id = ? and b.profile_digest = ${PROFILE_DIGEST_SQL})`,
    params: [firmId, mandateId, firmId, mandateId],
  };
}

async function isMatchOrderFresh(em: EntityManager, firmId: string, mandateId: string): Promise<boolean> {
  const fresh = freshnessSql(firmId, mandateId);
  const [row] = await em.execute<{ fresh: boolean }[]>(`select ${fresh.sql} as fresh`, fresh.params);
  return row.fresh;
}

async function buildMatchOrder(em: EntityManager, firmId: string, mandateId: string): Promise<void> {
  await em.execute('delete from talent_pool_match where firm_id = ? and mandate_id = ?', [firmId, mandateId]);
  await em.execute(
    `with marker as (
       insert into talent_pool_match_built (firm_id, mandate_id, profile_digest, built_at)
       values (?, ?, ${PROFILE_DIGEST_SQL}, now())
       on conflict (firm_id, mandate_id) do update set profile_digest = excluded.profile_digest, built_at = excluded.built_at
     ), rolled as (
       select * from candidate_competency_rollup where firm_id = ?
     ), ${matchRowsSql('rolled', 'one')}
     ${INSERT_MATCH_ROWS_SQL}`,
    [firmId, mandateId, firmId, mandateId, firmId, firmId, mandateId],
  );
}

// Per candidate, a digest of its rollup rows on the mandate's weighted keys (all a match row is
// computed from). Parameters: the firm id, the firm id and mandate id.
const ROLLUP_DIGESTS_SQL = `
  select r.candidate_id,
         md5(string_agg(concat_ws(':', r.competency_key, r.score_sum, r.ratings_count, r.last_assessed_at), ',' order by r.competency_key)) as digest
    from candidate_competency_rollup r
   where r.firm_id = ? and r.competency_key in (select q.competency_key from requirement q where q.firm_id = ? and q.mandate_id = ? and q.weight > 0)
   group by r.candidate_id`;

// The job never waits for the firm's lock while it holds the mandate's build lock: a keyed
// mutation holds the firm's lock (shared, from a refresh) until it commits and may read this
// mandate's pool in its payload, waiting for the build lock: each would wait for the other. The job
// tries for a while instead, then gives up (its transaction rolls back, the build lock is free, and
// pg-boss runs it again later; a read meanwhile builds the order itself).
const FIRM_LOCK_TRIES = 40;
const FIRM_LOCK_PAUSE_MS = 50;

async function lockFirmOrRetryLater(em: EntityManager, firmId: string): Promise<void> {
  for (let attempt = 0; attempt < FIRM_LOCK_TRIES; attempt++) {
    const [row] = await em.execute<{ locked: boolean }[]>('select pg_try_advisory_xact_lock(hashtext(?)) as locked', [lockName(firmId)]);
    if (row.locked) return;
    await new Promise((resolve) => setTimeout(resolve, FIRM_LOCK_PAUSE_MS));
  }
  throw new Error(
    `the firm's talent pool lock stayed busy for ${(FIRM_LOCK_TRIES * FIRM_LOCK_PAUSE_MS) / 1000} s; the build runs again later`,
  );
}

// The job's build (buildWantedOrder): as buildMatchOrder, but with the firm's lock held only for a
// catch-up at the end, so the firm's submits do not wait for the whole build. In one transaction,
// the mandate's build lock held (a read that needs the order meanwhile waits for it, then finds it):
// 1. with no marker (setRequirementProfile dropped it), no refresh writes the mandate's rows, so
//    its rows are written from the rollup without the firm's lock, in one statement that also
//    keeps, from the same snapshot, each candidate's rollup digest and the profile's digest;
// 2. the firm's lock taken exclusively (no refresh running, none starting), the candidates whose
//    digest changed since, or who appeared or left, get their rows again from the rollup as it is
//    now; the marker is written with the profile digest of step 1 (a profile changed meanwhile
//    leaves it stale: the next read or job builds again).
// With a marker (stale: refreshes keep writing its rows), the whole build holds the lock as before.
// `between`: run after step 1 (tests: a submit then does not wait for the build).
export async function buildMatchOrderAhead(
  em: EntityManager,
  firmId: string,
  mandateId: string,
  between: () => Promise<void> = async () => undefined,
): Promise<void> {
  // Refreshes already running when the profile changed may still write this mandate's rows (they
  // saw the marker): wait until they are done (the firm's lock taken and given back at once, one
  // statement on one connection) before step 1 writes the same rows.
  await em.execute('select pg_advisory_lock(hashtext(?)), pg_advisory_unlock(hashtext(?))', [lockName(firmId), lockName(firmId)]);
  await em.transactional(async (tx) => {
    const manager = tx as EntityManager;
    await manager.execute('select pg_advisory_xact_lock(hashtext(?))', [buildLockName(mandateId)]);
    if (await isMatchOrderFresh(manager, firmId, mandateId)) return;
    const [marker] = await manager.execute<{ present: boolean }[]>(
      'select exists (select 1 from talent_pool_match_built where firm_id = ? and mandate_id = ?) as present',
      [firmId, mandateId],
    );
    if (marker.present) {
      await lockFirmOrRetryLater(manager, firmId);
      await buildMatchOrder(manager, firmId, mandateId);
      return;
    }
    await manager.execute('delete from talent_pool_match where firm_id = ? and mandate_id = ?', [firmId, mandateId]);
    await manager.execute('create temp table match_build_digest (candidate_id uuid primary key, digest text not null) on commit drop');
    await manager.execute('create temp table match_build_profile (digest text not null) on commit drop');
    await manager.execute(
      `with profile as (
         insert into match_build_profile (digest) select ${PROFILE_DIGEST_SQL}
       ), digests as (
         insert into match_build_digest (candidate_id, digest) ${ROLLUP_DIGESTS_SQL}
       ), rolled as (
         select * from candidate_competency_rollup where firm_id = ?
       ), ${matchRowsSql('rolled', 'one')}
       ${INSERT_MATCH_ROWS_SQL}`,
      [firmId, mandateId, firmId, firmId, mandateId, firmId, firmId, mandateId],
    );
    await between();
    await lockFirmOrRetryLater(manager, firmId);
    await manager.execute(
      `create temp table match_build_moved on commit drop as
       select coalesce(n.candidate_id, s.candidate_id) as candidate_id
         from (${ROLLUP_DIGESTS_SQL}) n
         full join match_build_digest s on s.candidate_id = n.candidate_id
        where n.digest is distinct from s.digest`,
      [firmId, firmId, mandateId],
    );
    await manager.execute(
      'delete from talent_pool_match where firm_id = ? and mandate_id = ? and candidate_id in (select candidate_id from match_build_moved)',
      [firmId, mandateId],
    );
    await manager.execute(
      `with rolled as (
         select * from candidate_competency_rollup where firm_id = ? and candidate_id in (select candidate_id from match_build_moved)
       ), ${matchRowsSql('rolled', 'one')}
       ${INSERT_MATCH_ROWS_SQL}`,
      [firmId, firmId, mandateId],
    );
    await manager.execute(
      `insert into talent_pool_match_built (firm_id, mandate_id, profile_digest, built_at)
       select ?, ?, digest, now() from match_build_profile`,
      [firmId, mandateId],
    );
  });
}

// A changed requirement profile: the order is dropped with its marker, in the caller's transaction.
// The digest check would catch it anyway; dropping the marker spares submits from keeping rows
// nobody can read. If the order was built (the mandate is pooled), or a build is still wanted from
// an earlier change, a build ahead is asked for in the same transaction (talent_pool_match_wanted,
// a fresh requested_at, off the queue again so a build already running for the old profile does not
// settle it): the match-order worker builds it before the next read has to.
export async function dropMatchOrder(em: EntityManager, firmId: string, mandateId: string): Promise<void> {
  await em.execute(
    `with marker as (
       delete from talent_pool_match_built where firm_id = ? and mandate_id = ? returning firm_id, mandate_id
     ), again as (
       update talent_pool_match_wanted set requested_at = clock_timestamp(), queued_at = null
        where firm_id = ? and mandate_id = ? returning mandate_id
     )
     insert into talent_pool_match_wanted (firm_id, mandate_id, requested_at)
     select firm_id, mandate_id, clock_timestamp() from marker where not exists (select 1 from again)`,
    [firmId, mandateId, firmId, mandateId],
  );
  await em.execute('delete from talent_pool_match where firm_id = ? and mandate_id = ?', [firmId, mandateId]);
}

export interface WantedBuild {
  firmId: string;
  mandateId: string;
  // requested_at in microseconds since the epoch: which request a job settles.
  requested: string;
}

// The relay's step: up to `limit` wanted builds not on the queue yet, marked queued; in the
// caller's transaction, which puts them on the queue (SKIP LOCKED: relays of several processes
// share the work).
export async function takeUnqueuedBuilds(run: OutboxQuery, limit: number): Promise<WantedBuild[]> {
  const rows = await run(
    `update talent_pool_match_wanted w set queued_at = now()
       from (select mandate_id from talent_pool_match_wanted where queued_at is null
              order by requested_at limit $1 for update skip locked) t
      where w.mandate_id = t.mandate_id
      returning w.firm_id, w.mandate_id, (extract(epoch from w.requested_at) * 1000000)::bigint::text as requested`,
    [limit],
  );
  return (rows as Record<string, string>[]).map((row) => ({ firmId: row.firm_id, mandateId: row.mandate_id, requested: row.requested }));
}

// A job of the queue: builds the mandate's order (buildMatchOrderAhead: the firm's lock held only
// to catch up at the end) unless the request is gone (the mandate deleted, or settled by
// an earlier job), then settles the request unless a newer change asked again meanwhile.
export async function buildWantedOrder(em: EntityManager, wanted: WantedBuild): Promise<boolean> {
  const requestedAt = `(extract(epoch from requested_at) * 1000000)::bigint::text`;
  const [pending] = await em.execute<{ pending: boolean }[]>(
    `select exists (select 1 from talent_pool_match_wanted where firm_id = ? and mandate_id = ? and ${requestedAt} = ?) as pending`,
    [wanted.firmId, wanted.mandateId, wanted.requested],
  );
  if (!pending.pending) return false;
  await buildMatchOrderAhead(em, wanted.firmId, wanted.mandateId);
  await em.execute(`delete from talent_pool_match_wanted where firm_id = ? and mandate_id = ? and ${requestedAt} = ?`, [
    wanted.firmId,
    wanted.mandateId,
    wanted.requested,
  ]);
  return true;
}

export interface MatchRow {
  mandateId: string;
  candidateId: string;
  fit: number | null;
  coverage: number;
  mustHavesMet: boolean | null;
  lastAssessedAt: string;
  keys: string;
}

// The maintained match rows of the firm's built mandates, and the rows a build from the ratings
// (rolled up from scratch, not read from the maintained rollup) would write, in one order: the
// maintenance check of the tests. Only mandates whose order is built for their current profile.
export async function maintainedAndRebuiltMatches(
  em: EntityManager,
  firmId: string,
  rolledFromScratchSql: string,
  rolledParams: unknown[],
): Promise<{ maintained: MatchRow[]; rebuilt: MatchRow[] }> {
  const columns = `mandate_id, candidate_id, fit, coverage, must_haves_met,
    to_char(last_assessed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as last_assessed_at,
    concat_ws(',', missed_rank, unknown_fit_rank, fit_key, coverage_key, assessed_key) as keys`;
  const order = 'order by mandate_id, candidate_id';
  const maintained = await em.execute<Record<string, unknown>[]>(
    `select ${columns} from talent_pool_match
      where firm_id = ? and mandate_id in (select b.mandate_id from talent_pool_match_built b where b.firm_id = ?)
      ${order}`,
    [firmId, firmId],
  );
  const rebuilt = await em.execute<Record<string, unknown>[]>(
    `with rolled as (${rolledFromScratchSql}), ${matchRowsSql('rolled', 'built')} select ${columns} from match_rows ${order}`,
    [...rolledParams, firmId],
  );
  const toRow = (row: Record<string, unknown>): MatchRow => ({
    mandateId: row.mandate_id as string,
    candidateId: row.candidate_id as string,
    fit: row.fit === null ? null : Number(row.fit),
    coverage: Number(row.coverage),
    mustHavesMet: row.must_haves_met as boolean | null,
    lastAssessedAt: row.last_assessed_at as string,
    keys: row.keys as string,
  });
  return { maintained: maintained.map(toRow), rebuilt: rebuilt.map(toRow) };
}
