import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { createStaffUser } from '../helpers/interview-fixtures';
import { insertMandate, insertRequirementProfile } from '../helpers/mandate-fixtures';
import { insertEarlierPool, type EarlierPool, type PersonPlan } from '../helpers/talent-pool-fixtures';
import type { Mandate, RequirementData } from '../../src/modules/mandate';
import {
  buildMatchOrderAhead,
  maintainedAndRebuiltProfiles,
  refreshCandidateProfiles,
  startMatchOrderWorker,
  type MatchOrderWorker,
} from '../../src/modules/competency-profile';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createLogger } from '../../src/config/logger';
import { SetRequirementProfileDocument, TalentPoolDocument } from '../generated/graphql';

// The talent pool's match order built ahead (issue 17): a change of a pooled mandate's requirement
// profile asks for a build in its transaction; the match-order worker (relay → pg-boss → job)
// builds it, so the next read only walks it; a read that comes first builds it itself. Both give
// the same answer.

let app: TestApp;
let firm: TestFirm;
let mandate: Mandate;
let worker: MatchOrderWorker | null = null;
let pool: EarlierPool;

const KEYS = ['CUSTOMER_INSIGHT', 'OUTSIDE_IN', 'FORESIGHT', 'EXECUTION'];
const FIRST_PROFILE: RequirementData[] = KEYS.map((competencyKey, index) => ({
  competencyKey,
  weight: index + 1,
  target: 4,
  minimum: null,
}));
const SECOND_PROFILE: RequirementData[] = KEYS.map((competencyKey, index) => ({
  competencyKey,
  weight: 4 - index,
  target: 3,
  minimum: index === 0 ? 3 : null,
}));
const THIRD_PROFILE: RequirementData[] = [{ competencyKey: KEYS[0], weight: 1, target: 5, minimum: null }];

beforeAll(async () => {
  app = await startTestApp();
  firm = await createTestFirm(app, 'poolahead');
  const colleague = await createStaffUser(app, firm);
  const people: PersonPlan[] = Array.from({ length: 24 }, (_, index) => ({
    firstName: `Person ${index}`,
    lastName: 'Pooled',
    assessments: [0, 1].map((mandateIndex) => ({
      mandate: mandateIndex,
      interviewer: (index + mandateIndex) % 2,
      submittedAt: new Date(Date.UTC(2026, mandateIndex, 1 + (index % 28))),
      scores: Object.fromEntries(KEYS.map((key, keyIndex) => [key, 1 + ((index * 3 + keyIndex * 7 + mandateIndex) % 5)])),
    })),
  }));
  pool = await insertEarlierPool(app, firm, [firm.recruiter, colleague.user], 2, people);
  mandate = await insertMandate(app, firm, { title: 'Chief Customer Officer' });
  await insertRequirementProfile(app, firm, mandate, FIRST_PROFILE);
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  await app.close();
});

const readPool = async () => {
  const { node } = await firm.asRecruiter.data(TalentPoolDocument, { id: mandate.nodeId, first: 100 });
  if (node?.__typename !== 'Mandate') throw new Error('expected a mandate');
  return node.talentPool;
};

const setProfile = async (requirements: RequirementData[]) => {
  const { setRequirementProfile } = await firm.asRecruiter.data(SetRequirementProfileDocument, {
    input: { mandateId: mandate.nodeId, requirements },
  });
  expect(setRequirementProfile.userErrors).toEqual([]);
};

const wanted = () =>
  app
    .em()
    .getConnection()
    .execute<{ mandate_id: string; queued: boolean }[]>(
      'select mandate_id, queued_at is not null as queued from talent_pool_match_wanted where firm_id = ?',
      [firm.firm.id],
    );

const built = () =>
  app
    .em()
    .getConnection()
    .execute<{ mandate_id: string }[]>('select mandate_id from talent_pool_match_built where firm_id = ?', [firm.firm.id]);

// Whether a statement of the request wrote the match order (the read built it).
const buildsIn = (statements: { sql: string }[]) =>
  statements.filter((statement) => /insert into talent_pool_match\b/.test(statement.sql)).length;

describe('the talent pool match order built ahead', () => {
  it('should not ask for a build of a mandate nobody has pooled', async () => {
    const other = await insertMandate(app, firm, { title: 'Chief Operating Officer' });
    await insertRequirementProfile(app, firm, other, FIRST_PROFILE);
    await insertRequirementProfile(app, firm, other, SECOND_PROFILE);
    expect(await wanted()).toEqual([]);
  });

  it('should build a pooled mandate order in a job after a profile change, with the answer of a read that builds it itself', async () => {
    // The first read builds the order (lazily); a change of the profile drops it and asks for a build.
    await readPool();
    expect(await built()).toEqual([{ mandate_id: mandate.id }]);
    await setProfile(SECOND_PROFILE);
    expect(await built()).toEqual([]);
    expect(await wanted()).toEqual([{ mandate_id: mandate.id, queued: false }]);

    // No worker yet: the read finds no order for this profile and builds it itself.
    let before: Awaited<ReturnType<typeof readPool>> | null = null;
    const readBefore = await app.recordStatements(async () => (before = await readPool()));
    expect(buildsIn(readBefore)).toBe(1);
    expect(before!.totalCount).toBe(24);

    // Away and back again: the order is dropped, one build asked for (the same request, again).
    await setProfile(THIRD_PROFILE);
    await setProfile(SECOND_PROFILE);
    expect(await built()).toEqual([]);
    expect(await wanted()).toEqual([{ mandate_id: mandate.id, queued: false }]);

    worker = await startMatchOrderWorker({
      connectionString: app.orm.config.get('clientUrl')!,
      logger: createLogger('silent'),
      em: () => app.em(),
      pollIntervalMs: 200,
    });
    await worker.relay();
    // The job settles the request when it has built the order.
    while ((await wanted()).length > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await built()).toEqual([{ mandate_id: mandate.id }]);
    // The job's rows are those a build from the ratings gives.
    const { maintainedMatches, rebuiltMatches } = await maintainedAndRebuiltProfiles(app.em(), firm.firm.id);
    expect(maintainedMatches).toHaveLength(24);
    expect(maintainedMatches).toEqual(rebuiltMatches);

    // The read after the job only walks the order, and answers as the read that built it.
    let after: Awaited<ReturnType<typeof readPool>> | null = null;
    const readAfter = await app.recordStatements(async () => (after = await readPool()));
    expect(buildsIn(readAfter)).toBe(0);
    expect(after).toEqual(before);
    await worker.stop();
    worker = null;
  });

  it('should build without holding back the submits of the firm, and catch up with what they changed meanwhile', async () => {
    await setProfile(THIRD_PROFILE);
    const [changed, left] = [pool.candidates[3].id, pool.candidates[5].id];
    const ratingsOf = `scorecard_revision v join scorecard s on s.id = v.scorecard_id
      join interview i on i.id = s.interview_id join candidacy c on c.id = i.candidacy_id`;
    let lockWasFree: boolean | null = null;
    // While the rows are written: a submit's refresh takes the firm's lock (free) and moves the
    // rollup of one candidate, and another leaves the pool (no counted rating any more).
    await buildMatchOrderAhead(app.em(), firm.firm.id, mandate.id, () =>
      app.em().transactional(async (tx) => {
        const em = tx as EntityManager;
        const [lock] = await em.execute<{ free: boolean }[]>('select pg_try_advisory_xact_lock_shared(hashtext(?)) as free', [
          `talent-pool-match:${firm.firm.id}`,
        ]);
        lockWasFree = lock.free;
        await em.execute(`update rating r set score = 5 from ${ratingsOf} where r.revision_id = v.id and c.candidate_id = ?`, [changed]);
        await em.execute(`delete from rating r using ${ratingsOf} where r.revision_id = v.id and c.candidate_id = ?`, [left]);
        await refreshCandidateProfiles(em, firm.firm.id, [changed, left]);
      }),
    );
    expect(lockWasFree).toBe(true);
    expect(await built()).toEqual([{ mandate_id: mandate.id }]);
    const { maintainedMatches, rebuiltMatches } = await maintainedAndRebuiltProfiles(app.em(), firm.firm.id);
    expect(maintainedMatches.map((row) => row.candidateId)).not.toContain(left);
    expect(maintainedMatches).toHaveLength(23);
    expect(maintainedMatches).toEqual(rebuiltMatches);
    let read: Awaited<ReturnType<typeof readPool>> | null = null;
    const statements = await app.recordStatements(async () => (read = await readPool()));
    expect(buildsIn(statements)).toBe(0);
    expect(read!.totalCount).toBe(23);
  });

  it('should give up, rather than wait for the firm lock while it holds the build lock, when a transaction keeps the firm lock', async () => {
    await setProfile(FIRST_PROFILE);
    // A keyed mutation's transaction that refreshed profiles holds the firm's lock (shared) until it
    // commits, and may read this mandate's pool in its payload (waiting for the build lock): the
    // job must not wait for it in turn. Taken after the job's step 1, as such a mutation would.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holder: Promise<void> | null = null;
    const build = buildMatchOrderAhead(app.em(), firm.firm.id, mandate.id, async () => {
      let holding!: () => void;
      const held = new Promise<void>((resolve) => (holding = resolve));
      holder = app.em().transactional(async (tx) => {
        await (tx as EntityManager).execute('select pg_advisory_xact_lock_shared(hashtext(?))', [`talent-pool-match:${firm.firm.id}`]);
        holding();
        await released;
      });
      await held;
    });
    await expect(build).rejects.toThrow("the firm's talent pool lock stayed busy for 2 s; the build runs again later");
    // Given back: the build lock is free and nothing of the build was kept.
    const [lock] = await app
      .em()
      .execute<{ free: boolean }[]>('select pg_try_advisory_lock(hashtext(?)) as free, pg_advisory_unlock(hashtext(?)) as unlocked', [
        `talent-pool-match-build:${mandate.id}`,
        `talent-pool-match-build:${mandate.id}`,
      ]);
    expect(lock.free).toBe(true);
    release();
    await holder;
    expect(await built()).toEqual([]);
    // The next read builds the order itself, exactly.
    let read: Awaited<ReturnType<typeof readPool>> | null = null;
    const statements = await app.recordStatements(async () => (read = await readPool()));
    expect(buildsIn(statements)).toBeGreaterThan(0);
    const { maintainedMatches, rebuiltMatches } = await maintainedAndRebuiltProfiles(app.em(), firm.firm.id);
    expect(maintainedMatches).toEqual(rebuiltMatches);
    expect(read!.totalCount).toBe(maintainedMatches.length);
  });
});
