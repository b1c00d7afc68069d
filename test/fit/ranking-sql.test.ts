import fc from 'fast-check';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Role } from '../../src/common/access';
import { createFirm } from '../../src/modules/firm';
import { createUser, type User } from '../../src/modules/user';
import { compareRanking, computeFit, findFitInputs, type RankedCandidacy, rankMandate } from '../../src/modules/fit';
import { encodeCursor } from '../../src/common/connection';
import type { Firm } from '../../src/common/firm.entity';
import { createTestDatabase } from '../helpers/database';
import { insertScoredMandate, type MandatePlan } from '../helpers/fit-fixtures';
import { DEFAULT_COMPETENCY_KEYS } from '../helpers/competency-keys';
import { CandidacyStage } from '../../src/modules/candidacy';
import { calibratedScore, findInterviewerRatings, leniencies } from '../../src/modules/calibration';

let orm: MikroORM;
let firm: Firm;
let interviewers: User[];

const em = () => orm.em.fork() as EntityManager;

beforeAll(async () => {
  orm = await createTestDatabase();
  const setup = em();
  await setup.transactional(async (tx) => {
    firm = createFirm(tx as EntityManager, { name: 'Nordlys', slug: 'nordlys' });
    interviewers = [];
    for (const name of ['astrid', 'jonas', 'ingrid']) {
      interviewers.push(
        await createUser(tx as EntityManager, firm.id, {
          email: `${name}@nordlys.example`,
          name,
          role: Role.RECRUITER,
          password: 'long enough password',
        }),
      );
    }
  });
});
afterAll(() => orm.close(true));

const score = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 4 });
const scores = fc.dictionary(fc.constantFrom(...DEFAULT_COMPETENCY_KEYS), score, { maxKeys: 9 });
const scorecard = fc.record({ submitted: fc.boolean(), revisions: fc.array(scores, { minLength: 1, maxLength: 2 }) });
// Few distinct creation times, so ties on fit and coverage fall through to time and id.
const createdAt = fc.constantFrom(...['2026-03-01', '2026-03-02', '2026-03-03'].map((day) => new Date(`${day}T09:00:00.000Z`)));
const plan: fc.Arbitrary<MandatePlan> = fc.record({
  requirements: fc.uniqueArray(
    fc.record({
      competencyKey: fc.constantFrom(...DEFAULT_COMPETENCY_KEYS),
      weight: fc.integer({ min: 0, max: 5 }),
      target: fc.integer({ min: 1, max: 5 }),
      minimum: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
    }),
    { selector: (requirement) => requirement.competencyKey, maxLength: 9 },
  ),
  candidacies: fc.array(
    fc.record({ createdAt, interviews: fc.array(fc.array(scorecard, { minLength: 1, maxLength: 3 }), { maxLength: 3 }) }),
    { minLength: 1, maxLength: 8 },
  ),
});

// Every page of the ranking in turn, as a client pages through it.
async function rankAllPages(mandateId: string, options: Omit<Parameters<typeof rankMandate>[3], 'after'>) {
  const rows = [];
  let after: string | null = null;
  for (;;) {
    const page = await rankMandate(em(), firm.id, mandateId, { ...options, after });
    rows.push(...page.rows);
    if (!page.hasNextPage) return rows;
    after = page.rows.at(-1)!.cursor;
  }
}

// The reference: the pure model over the ratings that count, sorted by compareRanking.
async function reference(mandateId: string, candidacies: { id: string; createdAt: Date }[]) {
  const { ratings, requirements } = await findFitInputs(
    em(),
    firm.id,
    candidacies.map((c) => c.id),
    [mandateId],
  );
  return candidacies
    .map((candidacy): RankedCandidacy => ({
      id: candidacy.id,
      createdAt: candidacy.createdAt,
      fit: computeFit(
        requirements,
        ratings.filter((rating) => rating.candidacyId === candidacy.id),
      ),
    }))
    .sort(compareRanking);
}

describe('ranking in SQL', () => {
  it('should agree with the reference model on every value (to the last bit) and on the order, on random data', async () => {
    await fc.assert(
      fc.asyncProperty(plan, fc.integer({ min: 1, max: 4 }), async (mandatePlan, pageSize) => {
        const { mandate, candidacies } = await insertScoredMandate(em(), firm, interviewers, mandatePlan);
        const expected = await reference(mandate.id, candidacies);

        // Read the whole ranking page by page: keyset cursors must neither skip nor repeat.
        const actual = await rankAllPages(mandate.id, { limit: pageSize });

        expect(actual.map((row) => row.id)).toEqual(expected.map((row) => row.id));
        actual.forEach((row, index) => {
          const { fit, coverage, mustHavesMet } = expected[index].fit;
          // Both round the exact fit once, to the nearest Float: equal to the last bit.
          expect(row.mustHavesMet).toBe(mustHavesMet);
          expect(row.fit).toBe(fit);
          expect(row.coverage).toBe(coverage);
        });
      }),
      { numRuns: 60, interruptAfterTimeLimit: 150_000 },
    );
  }, 180_000);

  it('should agree with the reference model over the candidacies of the stages asked for, on random data', async () => {
    const stage = fc.constantFrom(...Object.values(CandidacyStage));
    const staged = plan.chain((mandatePlan) =>
      fc.tuple(
        fc.constant(mandatePlan),
        fc.array(stage, { minLength: mandatePlan.candidacies.length, maxLength: mandatePlan.candidacies.length }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        staged,
        fc.uniqueArray(stage, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 3 }),
        async ([mandatePlan, stagesOf], kept, pageSize) => {
          const { mandate, candidacies } = await insertScoredMandate(em(), firm, interviewers, {
            ...mandatePlan,
            candidacies: mandatePlan.candidacies.map((candidacy, index) => ({ ...candidacy, stage: stagesOf[index] })),
          });
          const expected = await reference(
            mandate.id,
            candidacies.filter((_, index) => kept.includes(stagesOf[index])),
          );

          const actual = await rankAllPages(mandate.id, { limit: pageSize, stages: kept });

          expect(actual.map((row) => row.id)).toEqual(expected.map((row) => row.id));
          actual.forEach((row, index) => {
            const { fit, coverage } = expected[index].fit;
            expect(row.fit).toBe(fit);
            expect(row.coverage).toBe(coverage);
          });
        },
      ),
      { numRuns: 30, interruptAfterTimeLimit: 150_000 },
    );
  }, 180_000);

  it('should rank on calibrated scores exactly as the pure model does, paged, also for a viewer with drafts', async () => {
    const viewer = fc.option(fc.integer({ min: 0, max: 2 }), { nil: null });
    await fc.assert(
      fc.asyncProperty(plan, viewer, fc.integer({ min: 1, max: 4 }), async (mandatePlan, viewerIndex, pageSize) => {
        const { mandate, candidacies } = await insertScoredMandate(em(), firm, interviewers, mandatePlan);
        const viewerUserId = viewerIndex === null ? null : interviewers[viewerIndex].id;
        // The reference: firm-wide shrunk leniency by the pure model (less what the viewer drafts
        // on), taken off every rating, then §3 and the ranking order.
        const firmRatings = await findInterviewerRatings(em(), firm.id, { viewerUserId });
        const shrunk = new Map(leniencies(firmRatings).map((each) => [each.interviewerId, each.shrunkLeniency]));
        const blind = new Set(
          candidacies
            .filter((_, index) =>
              mandatePlan.candidacies[index].interviews.some((panel) =>
                panel.some((card, place) => place === viewerIndex && !card.submitted),
              ),
            )
            .map((candidacy) => candidacy.id),
        );
        const { ratings, requirements } = await findFitInputs(
          em(),
          firm.id,
          candidacies.map((c) => c.id),
          [mandate.id],
        );
        const expected = candidacies
          .map((candidacy): RankedCandidacy => ({
            id: candidacy.id,
            createdAt: candidacy.createdAt,
            fit: computeFit(
              requirements,
              ratings
                .filter((rating) => rating.candidacyId === candidacy.id && !blind.has(candidacy.id))
                .map((rating) => ({ ...rating, score: calibratedScore(rating.score, shrunk.get(rating.interviewerId) ?? 0) })),
            ),
          }))
          .sort(compareRanking);

        const actual = await rankAllPages(mandate.id, { limit: pageSize, viewerUserId, calibrated: true });

        expect(actual.map((row) => row.id)).toEqual(expected.map((row) => row.id));
        actual.forEach((row, index) => {
          const { fit, coverage, mustHavesMet } = expected[index].fit;
          expect(row.mustHavesMet).toBe(mustHavesMet);
          if (fit === null) expect(row.fit).toBeNull();
          else expect(Math.abs(row.fit! - fit)).toBeLessThan(1e-9);
          expect(Math.abs(row.coverage - coverage)).toBeLessThan(1e-9);
        });
      }),
      { numRuns: 40, interruptAfterTimeLimit: 150_000 },
    );
  }, 180_000);

  it('should rank equal fits reached by different sums as a tie, broken by coverage (the case CI found)', async () => {
    // Both fits are 19/24 · 100: 9.5/12 (first) and 10.291666…/13 (second, whose EXECUTION mean is 8/3).
    // Rounded along the way they differed in the last bit, and the lower coverage came first.
    const at = new Date('2026-03-01T09:00:00.000Z');
    const { mandate, candidacies } = await insertScoredMandate(em(), firm, interviewers, {
      requirements: [
        { competencyKey: 'SERVICE_CULTURE', weight: 2, target: 1, minimum: 1 },
        { competencyKey: 'CUSTOMER_INSIGHT', weight: 5, target: 5, minimum: null },
        { competencyKey: 'EXECUTION', weight: 5, target: 3, minimum: null },
        { competencyKey: 'LEADS_BY_EXAMPLE', weight: 1, target: 1, minimum: null },
      ],
      candidacies: [
        {
          createdAt: at,
          interviews: [
            [{ submitted: true, revisions: [{ SERVICE_CULTURE: 1 }] }],
            [{ submitted: true, revisions: [{ EXECUTION: 3, CUSTOMER_INSIGHT: 3 }] }],
          ],
        },
        {
          createdAt: at,
          interviews: [
            [
              { submitted: true, revisions: [{ EXECUTION: 5 }] },
              { submitted: true, revisions: [{ CUSTOMER_INSIGHT: 3, EXECUTION: 1 }] },
            ],
            [{ submitted: true, revisions: [{ CUSTOMER_INSIGHT: 4, EXECUTION: 2, SERVICE_CULTURE: 1, LEADS_BY_EXAMPLE: 1 }] }],
          ],
        },
      ],
    });
    const { rows } = await rankMandate(em(), firm.id, mandate.id, { limit: 10 });
    const fit = (100 * 19) / 24;
    expect(rows.map(({ id, fit, coverage }) => ({ id, fit, coverage }))).toEqual([
      { id: candidacies[1].id, fit, coverage: 1 },
      { id: candidacies[0].id, fit, coverage: 12 / 13 },
    ]);
    expect((await reference(mandate.id, candidacies)).map((row) => row.id)).toEqual([candidacies[1].id, candidacies[0].id]);
  });

  it('should give the Float nearest the exact fit where a mean is a third', async () => {
    // 100 · (0 + 1/3) / 2 = 50/3. With the mean 4/3 kept to 16 digits, the statement gave 16.666666666666664.
    const { mandate, candidacies } = await insertScoredMandate(em(), firm, interviewers, {
      requirements: [
        { competencyKey: 'SERVICE_CULTURE', weight: 1, target: 2, minimum: null },
        { competencyKey: 'EXECUTION', weight: 1, target: 2, minimum: null },
      ],
      candidacies: [
        {
          createdAt: new Date('2026-03-01T09:00:00.000Z'),
          interviews: [
            [
              { submitted: true, revisions: [{ SERVICE_CULTURE: 1, EXECUTION: 2 }] },
              { submitted: true, revisions: [{ EXECUTION: 1 }] },
              { submitted: true, revisions: [{ EXECUTION: 1 }] },
            ],
          ],
        },
      ],
    });
    const { rows } = await rankMandate(em(), firm.id, mandate.id, { limit: 10 });
    expect(rows.map(({ id, fit }) => ({ id, fit }))).toEqual([{ id: candidacies[0].id, fit: 50 / 3 }]);
  });

  it('should refuse a cursor of the plain ranking on the calibrated one', async () => {
    const { mandate } = await insertScoredMandate(em(), firm, interviewers, {
      requirements: [],
      candidacies: [1, 2].map((day) => ({ createdAt: new Date(`2026-03-0${day}T09:00:00.000Z`), interviews: [] })),
    });
    const { rows } = await rankMandate(em(), firm.id, mandate.id, { limit: 1 });
    await expect(rankMandate(em(), firm.id, mandate.id, { limit: 1, after: rows[0].cursor, calibrated: true })).rejects.toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' },
    });
  });

  it('should count only the latest revision of submitted scorecards', async () => {
    const { mandate, candidacies } = await insertScoredMandate(em(), firm, interviewers, {
      requirements: [{ competencyKey: 'EXECUTION', weight: 1, target: 5, minimum: null }],
      candidacies: [
        {
          createdAt: new Date('2026-03-01T09:00:00.000Z'),
          interviews: [
            [
              { submitted: true, revisions: [{ EXECUTION: 1 }, { EXECUTION: 5 }] },
              { submitted: false, revisions: [{ EXECUTION: 1 }] },
            ],
          ],
        },
      ],
    });
    const { rows } = await rankMandate(em(), firm.id, mandate.id, { limit: 10 });
    expect(rows.map(({ id, fit, coverage, mustHavesMet }) => ({ id, fit, coverage, mustHavesMet }))).toEqual([
      { id: candidacies[0].id, fit: 100, coverage: 1, mustHavesMet: true },
    ]);
  });

  it("should rank candidacies with the viewer's own draft as if nothing were assessed, and mark them blind", async () => {
    const { mandate, candidacies } = await insertScoredMandate(em(), firm, interviewers, {
      requirements: [{ competencyKey: 'EXECUTION', weight: 1, target: 5, minimum: 3 }],
      candidacies: [
        {
          createdAt: new Date('2026-03-01T09:00:00.000Z'),
          interviews: [
            [
              { submitted: true, revisions: [{ EXECUTION: 5 }] },
              { submitted: false, revisions: [{ EXECUTION: 1 }] },
            ],
          ],
        },
        { createdAt: new Date('2026-03-02T09:00:00.000Z'), interviews: [[{ submitted: true, revisions: [{ EXECUTION: 3 }] }]] },
      ],
    });
    const summary = (rows: Awaited<ReturnType<typeof rankMandate>>['rows']) =>
      rows.map(({ id, fit, coverage, mustHavesMet, blind }) => ({ id, fit, coverage, mustHavesMet, blind }));
    // interviewers[1] still has a draft on the first candidacy.
    const asDrafter = await rankMandate(em(), firm.id, mandate.id, { limit: 10, viewerUserId: interviewers[1].id });
    expect(summary(asDrafter.rows)).toEqual([
      { id: candidacies[1].id, fit: 50, coverage: 1, mustHavesMet: true, blind: false },
      { id: candidacies[0].id, fit: null, coverage: 0, mustHavesMet: null, blind: true },
    ]);
    const asOther = await rankMandate(em(), firm.id, mandate.id, { limit: 10, viewerUserId: interviewers[0].id });
    expect(summary(asOther.rows)).toEqual([
      { id: candidacies[0].id, fit: 100, coverage: 1, mustHavesMet: true, blind: false },
      { id: candidacies[1].id, fit: 50, coverage: 1, mustHavesMet: true, blind: false },
    ]);
  });

  it.each([
    [
      'a cursor of another mandate',
      (mandateId: string) =>
        encodeCursor('ranking:00000000-0000-4000-8000-000000000000', [0, 0, 0, 0, '2026-01-01T00:00:00.000Z', mandateId]),
    ],
    [
      'a cursor with values of the wrong type',
      (mandateId: string) => encodeCursor(`ranking:${mandateId}`, [0, 0, 'x', 0, '2026-01-01T00:00:00.000Z', mandateId]),
    ],
    [
      'a cursor with a bad id',
      (mandateId: string) => encodeCursor(`ranking:${mandateId}`, [0, 0, 0, 0, '2026-01-01T00:00:00.000Z', 'nope']),
    ],
  ])('should refuse %s', async (_case, cursorFor) => {
    const { mandate } = await insertScoredMandate(em(), firm, interviewers, { requirements: [], candidacies: [] });
    await expect(rankMandate(em(), firm.id, mandate.id, { limit: 10, after: cursorFor(mandate.id) })).rejects.toMatchObject({
      message: 'after is not a cursor of this list.',
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' },
    });
  });
});
