import fc from 'fast-check';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Role } from '../../src/common/access';
import { createFirm } from '../../src/modules/firm';
import { createUser, type User } from '../../src/modules/user';
import {
  AgreementMetric,
  findLeniencies,
  findLeniencyPage,
  findUnitPatterns,
  type InterviewerRating,
  krippendorffAlpha,
  type Leniency,
  leniencies,
  type RatingScope,
} from '../../src/modules/calibration';
import type { Firm } from '../../src/common/firm.entity';
import { createTestDatabase } from '../helpers/database';
import { insertScoredMandate, type MandatePlan, type ScorecardPlan } from '../helpers/fit-fixtures';
import { DEFAULT_COMPETENCY_KEYS } from '../helpers/competency-keys';

let orm: MikroORM;
let firm: Firm;
let interviewers: User[];

const em = () => orm.em.fork() as EntityManager;

beforeAll(async () => {
  orm = await createTestDatabase();
  await em().transactional(async (tx) => {
    firm = createFirm(tx as EntityManager, { name: 'Kalibra', slug: 'kalibra' });
    interviewers = [];
    for (const name of ['astrid', 'jonas', 'ingrid', 'leif']) {
      interviewers.push(
        await createUser(tx as EntityManager, firm.id, {
          email: `${name}@kalibra.example`,
          name,
          role: Role.RECRUITER,
          password: 'long enough password',
        }),
      );
    }
  });
});
afterAll(() => orm.close(true));

// Few competencies, so cells are shared; scores missing now and then.
const KEYS = DEFAULT_COMPETENCY_KEYS.slice(0, 3);
const score = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null, freq: 5 });
const scores = fc.dictionary(fc.constantFrom(...KEYS), score, { maxKeys: 3 });
const scorecard = fc.record({
  submitted: fc.constantFrom(true, true, true, false),
  revisions: fc.array(scores, { minLength: 1, maxLength: 2 }),
  interviewer: fc.integer({ min: 0, max: 3 }),
});
const panel = fc.uniqueArray(scorecard, { minLength: 1, maxLength: 4, selector: (plan) => plan.interviewer });
const plan: fc.Arbitrary<MandatePlan> = fc.record({
  requirements: fc.constant([]),
  candidacies: fc.array(
    fc.record({ createdAt: fc.constant(new Date('2026-03-01T09:00:00Z')), interviews: fc.array(panel, { minLength: 1, maxLength: 3 }) }),
    { minLength: 1, maxLength: 6 },
  ),
});

// The reference's input straight from the plan: the latest revision of every submitted
// scorecard, non-null scores, less the candidacies the viewer has a draft on.
function countedRatings(mandatePlan: MandatePlan, candidacyIds: string[], viewer: number | null): InterviewerRating[] {
  return mandatePlan.candidacies.flatMap((candidacy, index) => {
    const scorecards = candidacy.interviews.flat() as ScorecardPlan[];
    if (viewer !== null && scorecards.some((card) => card.interviewer === viewer && !card.submitted)) return [];
    return scorecards
      .filter((card) => card.submitted)
      .flatMap((card) =>
        Object.entries(card.revisions.at(-1)!)
          .filter((entry): entry is [string, number] => entry[1] !== null)
          .map(([competencyKey, value]) => ({
            candidacyId: candidacyIds[index],
            competencyKey,
            interviewerId: interviewers[card.interviewer!].id,
            score: value,
          })),
      );
  });
}

function expectFigures(actual: Omit<Leniency, 'interviewerId' | 'low' | 'high'>, expected: Leniency): void {
  expect(actual.comparedCells).toBe(expected.comparedCells);
  for (const figure of ['leniency', 'standardError', 'shrunkLeniency'] as const) {
    if (expected[figure] === null) expect(actual[figure]).toBeNull();
    else expect(Math.abs(actual[figure]! - expected[figure])).toBeLessThan(1e-9);
  }
}

const viewerArbitrary = fc.option(fc.integer({ min: 0, max: 3 }), { nil: null });
const keyFilter = fc.option(fc.constantFrom(...KEYS), { nil: null, freq: 3 });

// The units of Krippendorff's alpha as the reference counts them: every counted rating a value of
// its cell, per competency key and over all keys.
async function expectUnitsOfReference(
  mandatePlan: MandatePlan,
  mandate: { id: string },
  candidacies: { id: string }[],
  viewer: number | null,
): Promise<void> {
  const ratings = countedRatings(
    mandatePlan,
    candidacies.map((candidacy) => candidacy.id),
    viewer,
  );
  const patterns = await findUnitPatterns(
    em(),
    firm.id,
    { mandateIds: [mandate.id], viewerUserId: viewer === null ? null : interviewers[viewer].id },
    { perMandate: true },
  );
  for (const competencyKey of [...KEYS, null]) {
    const cells = new Map<string, number[]>();
    for (const rating of ratings.filter((each) => competencyKey === null || each.competencyKey === competencyKey)) {
      const cell = `${rating.candidacyId}/${rating.competencyKey}`;
      cells.set(cell, [...(cells.get(cell) ?? []), rating.score]);
    }
    const expected = [...cells.values()]
      .filter((values) => values.length >= 2)
      .map((values) => values.sort((a, b) => a - b).join(','))
      .sort();
    const actual = patterns
      .filter((pattern) => competencyKey === null || pattern.competencyKey === competencyKey)
      .flatMap((pattern) => Array.from({ length: pattern.units }, () => pattern.values.join(',')))
      .sort();
    expect(actual).toEqual(expected);
    expect(patterns.every((pattern) => pattern.mandateId === mandate.id)).toBe(true);
    for (const metric of Object.values(AgreementMetric)) {
      const reference = krippendorffAlpha([...cells.values()], metric);
      const fromPatterns = krippendorffAlpha(
        actual.map((unit) => unit.split(',').map(Number)),
        metric,
      );
      if (reference === null) expect(fromPatterns).toBeNull();
      else expect(Math.abs(fromPatterns! - reference)).toBeLessThan(1e-12);
    }
  }
}

describe('calibration figures in SQL', () => {
  // One property for the leniencies and the units of alpha: the scored mandate it writes is most of
  // a run's cost, and both read the same one.
  it("should give every interviewer the leniency of the reference model, paged by |shrunkLeniency| without skipping or repeating, and the units of Krippendorff's alpha as the reference counts them", async () => {
    await fc.assert(
      fc.asyncProperty(plan, viewerArbitrary, keyFilter, fc.integer({ min: 1, max: 3 }), async (mandatePlan, viewer, key, pageSize) => {
        const { mandate, candidacies } = await insertScoredMandate(em(), firm, interviewers, mandatePlan);
        const scope: RatingScope = {
          mandateIds: [mandate.id],
          competencyKey: key,
          viewerUserId: viewer === null ? null : interviewers[viewer].id,
        };
        const ratings = countedRatings(
          mandatePlan,
          candidacies.map((candidacy) => candidacy.id),
          viewer,
        ).filter((rating) => key === null || rating.competencyKey === key);
        const expected = new Map(leniencies(ratings).map((figures) => [figures.interviewerId, figures]));

        const rows = [];
        let after: string | null = null;
        for (;;) {
          const page = await findLeniencyPage(em(), firm.id, scope, { limit: pageSize, after });
          rows.push(...page.rows);
          if (!page.hasNextPage) break;
          after = page.rows.at(-1)!.cursor;
        }
        expect(rows.map((row) => row.interviewerId).sort()).toEqual([...expected.keys()].sort());
        for (const row of rows) expectFigures(row, expected.get(row.interviewerId)!);
        // Largest |shrunkLeniency| first, the id breaking ties.
        for (let index = 1; index < rows.length; index++) {
          const [before, next] = [Math.abs(rows[index - 1].shrunkLeniency), Math.abs(rows[index].shrunkLeniency)];
          expect(before).toBeGreaterThanOrEqual(next - 1e-12);
          if (before === next) expect(rows[index - 1].interviewerId < rows[index].interviewerId).toBe(true);
        }

        // Per competency key: the reference over that key's ratings alone.
        const perKey = await findLeniencies(em(), firm.id, scope, null, { perCompetency: true });
        const expectedPerKey = KEYS.flatMap((competencyKey) =>
          leniencies(ratings.filter((rating) => rating.competencyKey === competencyKey)).map((figures) => ({ competencyKey, ...figures })),
        );
        expect(perKey.map((row) => `${row.interviewerId}/${row.competencyKey}`).sort()).toEqual(
          expectedPerKey.map((figures) => `${figures.interviewerId}/${figures.competencyKey}`).sort(),
        );
        for (const row of perKey) {
          expectFigures(
            row,
            expectedPerKey.find((figures) => figures.interviewerId === row.interviewerId && figures.competencyKey === row.competencyKey)!,
          );
        }

        await expectUnitsOfReference(mandatePlan, mandate, candidacies, viewer);
      }),
      { numRuns: 60, interruptAfterTimeLimit: 90_000 },
    );
  }, 120_000);

  // The services never write a score off the 1–5 scale, but a cell that holds one still counts with
  // its values as given; so does a cell of 64 ratings or more. Neither can be packed into per-score
  // counts, and the statement answers from lists instead.
  it("should count a cell with a score off the scale, and one of 64 ratings, with their values as given in the units of Krippendorff's alpha", async () => {
    const [first, second, third] = KEYS;
    const card = (interviewer: number, scores: Record<string, number | null>): ScorecardPlan => ({
      submitted: true,
      revisions: [scores],
      interviewer,
    });
    const mandatePlan: MandatePlan = {
      requirements: [],
      candidacies: [
        {
          createdAt: new Date('2026-03-01T09:00:00Z'),
          interviews: [[card(0, { [first]: 9, [second]: 3 }), card(1, { [first]: 2, [second]: 3 }), card(2, { [first]: 0, [third]: 5 })]],
        },
        {
          createdAt: new Date('2026-03-01T09:00:00Z'),
          interviews: [[card(0, { [first]: 4, [second]: 1, [third]: 5 }), card(1, { [first]: 4, [second]: 2, [third]: 4 })]],
        },
      ],
    };
    const { mandate, candidacies } = await insertScoredMandate(em(), firm, interviewers, mandatePlan);
    await expectUnitsOfReference(mandatePlan, mandate, candidacies, null);
    const patterns = await findUnitPatterns(em(), firm.id, { mandateIds: [mandate.id], viewerUserId: null }, { perMandate: false });
    const described = patterns.map(
      (pattern) => `${pattern.mandateId}/${pattern.competencyKey}: ${pattern.values.join(',')} × ${pattern.units}`,
    );
    expect(described.sort()).toEqual(
      [
        `null/${first}: 0,2,9 × 1`,
        `null/${first}: 4,4 × 1`,
        `null/${second}: 1,2 × 1`,
        `null/${second}: 3,3 × 1`,
        `null/${third}: 4,5 × 1`,
      ].sort(),
    );

    // 16 interviews of the four interviewers: 64 threes in one cell (packed, they would carry into a 4).
    const crowdedPlan: MandatePlan = {
      requirements: [],
      candidacies: [
        {
          createdAt: new Date('2026-03-01T09:00:00Z'),
          interviews: Array.from({ length: 16 }, () => [0, 1, 2, 3].map((interviewer) => card(interviewer, { [first]: 3 }))),
        },
      ],
    };
    const crowded = await insertScoredMandate(em(), firm, interviewers, crowdedPlan);
    await expectUnitsOfReference(crowdedPlan, crowded.mandate, crowded.candidacies, null);
  });
});
