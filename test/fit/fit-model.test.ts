import fc from 'fast-check';
import { assess, compareRanking, computeFit, type RankedCandidacy, type RequirementSpec, scoreAgainst } from '../../src/modules/fit';

const ratings = (key: string, ...scores: number[]) => scores.map((score) => ({ competencyKey: key, score }));

describe('assess', () => {
  it('should give mean, count, spread and disagreement per competency, in the given order', () => {
    expect(assess(['A', 'B', 'C'], [...ratings('B', 2, 4, 5), ...ratings('A', 3), ...ratings('X', 1)])).toEqual([
      { key: 'A', ratingsCount: 1, score: 3, spread: 0, disagreement: false },
      { key: 'B', ratingsCount: 3, score: 11 / 3, spread: 3, disagreement: true },
      { key: 'C', ratingsCount: 0, score: null, spread: null, disagreement: false },
    ]);
  });

  it('should call a spread of exactly 2 a disagreement and 1 not', () => {
    expect(assess(['A', 'B'], [...ratings('A', 3, 5), ...ratings('B', 3, 4)]).map((a) => a.disagreement)).toEqual([true, false]);
  });
});

describe('scoreAgainst', () => {
  it('should give gap, surplus, attainment and the must-have of a score below target', () => {
    expect(scoreAgainst(2.5, { target: 4, minimum: 3 })).toEqual({ gap: -1.5, surplus: 0, attainment: 0.5, meetsMinimum: false });
  });

  it('should cap attainment at the target, show the surplus and meet a minimum exactly reached', () => {
    expect(scoreAgainst(5, { target: 4, minimum: 5 })).toEqual({ gap: 1, surplus: 1, attainment: 1, meetsMinimum: true });
  });

  it('should give no must-have without a minimum and full attainment for a target of 1', () => {
    expect(scoreAgainst(1, { target: 1, minimum: null })).toEqual({ gap: 0, surplus: 0, attainment: 1, meetsMinimum: null });
  });
});

describe('computeFit', () => {
  const profile: RequirementSpec[] = [
    { competencyKey: 'INSIGHT', weight: 3, target: 4, minimum: 3 },
    { competencyKey: 'CULTURE', weight: 2, target: 3, minimum: null },
    { competencyKey: 'IGNORED', weight: 0, target: 5, minimum: 5 },
    { competencyKey: 'FLOOR', weight: 1, target: 1, minimum: null },
  ];

  it('should weigh attainment, cap at target and report surplus, for a fully assessed candidate', () => {
    const result = computeFit(profile, [
      ...ratings('INSIGHT', 4, 2),
      ...ratings('CULTURE', 5, 4),
      ...ratings('IGNORED', 1),
      ...ratings('FLOOR', 2),
    ]);
    // (3 × 2/3 + 2 × 1 + 1 × 1) / 6 × 100
    expect(result.fit).toBeCloseTo(500 / 6, 12);
    expect(result.coverage).toBe(1);
    expect(result.mustHavesMet).toBe(true);
    expect(result.competencies).toEqual([
      {
        key: 'INSIGHT',
        weight: 3,
        target: 4,
        minimum: 3,
        ratingsCount: 2,
        score: 3,
        gap: -1,
        surplus: 0,
        attainment: 2 / 3,
        meetsMinimum: true,
      },
      {
        key: 'CULTURE',
        weight: 2,
        target: 3,
        minimum: null,
        ratingsCount: 2,
        score: 4.5,
        gap: 1.5,
        surplus: 1.5,
        attainment: 1,
        meetsMinimum: null,
      },
      {
        key: 'FLOOR',
        weight: 1,
        target: 1,
        minimum: null,
        ratingsCount: 1,
        score: 2,
        gap: 1,
        surplus: 1,
        attainment: 1,
        meetsMinimum: null,
      },
    ]);
  });

  it('should give attainment 1 for target 1 even at the lowest score', () => {
    const result = computeFit([{ competencyKey: 'FLOOR', weight: 2, target: 1, minimum: null }], ratings('FLOOR', 1));
    expect(result.fit).toBe(100);
    expect(result.competencies[0].attainment).toBe(1);
  });

  it('should give no fit, coverage 0 and unknown must-haves when nothing is assessed', () => {
    expect(computeFit(profile, [])).toEqual({
      fit: null,
      coverage: 0,
      mustHavesMet: null,
      competencies: [
        {
          key: 'INSIGHT',
          weight: 3,
          target: 4,
          minimum: 3,
          ratingsCount: 0,
          score: null,
          gap: null,
          surplus: null,
          attainment: null,
          meetsMinimum: null,
        },
        {
          key: 'CULTURE',
          weight: 2,
          target: 3,
          minimum: null,
          ratingsCount: 0,
          score: null,
          gap: null,
          surplus: null,
          attainment: null,
          meetsMinimum: null,
        },
        {
          key: 'FLOOR',
          weight: 1,
          target: 1,
          minimum: null,
          ratingsCount: 0,
          score: null,
          gap: null,
          surplus: null,
          attainment: null,
          meetsMinimum: null,
        },
      ],
    });
  });

  it('should not count an unassessed competency as a low score, and leave an unassessed must-have unknown', () => {
    const result = computeFit(profile, ratings('CULTURE', 3));
    expect(result.fit).toBe(100);
    expect(result.coverage).toBe(2 / 6);
    expect(result.mustHavesMet).toBeNull();
  });

  it('should fail must-haves when an assessed minimum is missed, whatever else is unknown', () => {
    const result = computeFit(profile, ratings('INSIGHT', 2, 2));
    expect(result.mustHavesMet).toBe(false);
    expect(result.competencies[0].meetsMinimum).toBe(false);
    expect(result.fit).toBeCloseTo(100 / 3, 12);
    expect(result.coverage).toBe(0.5);
  });

  it('should ignore weight-0 competencies, their minimum included', () => {
    const result = computeFit(
      [
        { competencyKey: 'A', weight: 0, target: 5, minimum: 5 },
        { competencyKey: 'B', weight: 1, target: 5, minimum: null },
      ],
      [...ratings('A', 1), ...ratings('B', 3)],
    );
    expect(result).toEqual({
      fit: 50,
      coverage: 1,
      mustHavesMet: true,
      competencies: [
        {
          key: 'B',
          weight: 1,
          target: 5,
          minimum: null,
          ratingsCount: 1,
          score: 3,
          gap: -2,
          surplus: 0,
          attainment: 0.5,
          meetsMinimum: null,
        },
      ],
    });
  });

  it('should give equal fits the same Float however their sums run (a tie §3 breaks on coverage)', () => {
    const tied: RequirementSpec[] = [
      { competencyKey: 'CULTURE', weight: 2, target: 1, minimum: 1 },
      { competencyKey: 'INSIGHT', weight: 5, target: 5, minimum: null },
      { competencyKey: 'EXECUTION', weight: 5, target: 3, minimum: null },
      { competencyKey: 'FLOOR', weight: 1, target: 1, minimum: null },
    ];
    // 9.5 of 12, and 10.291666… of 13 (an EXECUTION mean of 8/3): both 19/24. Summed in Floats they
    // came out one bit apart, so the ranking put the lower coverage first.
    const first = computeFit(tied, [...ratings('CULTURE', 1), ...ratings('INSIGHT', 3), ...ratings('EXECUTION', 3)]);
    const second = computeFit(tied, [
      ...ratings('CULTURE', 1),
      ...ratings('INSIGHT', 3, 4),
      ...ratings('EXECUTION', 5, 1, 2),
      ...ratings('FLOOR', 1),
    ]);
    expect(first.fit).toBe(1900 / 24);
    expect(second.fit).toBe(1900 / 24);
  });

  it('should give the Float nearest to the exact fit, on random profiles and scores', () => {
    // The exact fit over one common denominator in integers small enough for Floats, then one
    // division, which IEEE rounds to nearest: an independent way to the same Float.
    const requirement = fc.record({ weight: fc.integer({ min: 1, max: 5 }), target: fc.integer({ min: 1, max: 5 }) });
    const scores = fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(fc.array(fc.tuple(requirement, scores), { minLength: 1, maxLength: 6 }), (competencies) => {
        const profile = competencies.map(([{ weight, target }], index) => ({ competencyKey: `K${index}`, weight, target, minimum: null }));
        const all = competencies.flatMap(([, each], index) => ratings(`K${index}`, ...each));
        // attainment = (min(sum, t·n) − n) / (n·(t − 1)); common denominator 420 · 12 covers every n ≤ 7 and t − 1 ≤ 4.
        const common = 420 * 12;
        let numerator = 0;
        let weights = 0;
        for (const [{ weight, target }, each] of competencies) {
          const n = each.length;
          const sum = each.reduce((total, score) => total + score, 0);
          const reached = target === 1 || sum >= target * n ? common : ((Math.min(sum, target * n) - n) * common) / (n * (target - 1));
          numerator += weight * reached;
          weights += weight;
        }
        expect(computeFit(profile, all).fit).toBe((100 * numerator) / (weights * common));
      }),
      { numRuns: 2000 },
    );
  });

  it('should give coverage 0 and no fit when nothing is weighted', () => {
    expect(computeFit([{ competencyKey: 'A', weight: 0, target: 3, minimum: null }], ratings('A', 4))).toEqual({
      fit: null,
      coverage: 0,
      mustHavesMet: true,
      competencies: [],
    });
  });
});

describe('compareRanking', () => {
  const candidacy = (id: string, fit: number | null, coverage: number, mustHavesMet: boolean | null, createdAt = '2026-01-01') =>
    ({ id, createdAt: new Date(createdAt), fit: { fit, coverage, mustHavesMet, competencies: [] } }) as RankedCandidacy;

  it('should put missed must-haves last, then order by fit, unknown fit last, coverage, age and id', () => {
    const ranked = [
      candidacy('missed-high', 99, 1, false),
      candidacy('unknown-fit', null, 0, null),
      candidacy('b-tie', 80, 0.5, true, '2026-02-01'),
      candidacy('a-tie', 80, 0.5, true, '2026-02-01'),
      candidacy('older-tie', 80, 0.5, null, '2026-01-15'),
      candidacy('more-coverage', 80, 0.9, true),
      candidacy('best', 90, 0.2, null),
      candidacy('missed-low', 10, 1, false),
    ].sort(compareRanking);
    expect(ranked.map((c) => c.id)).toEqual([
      'best',
      'more-coverage',
      'older-tie',
      'a-tie',
      'b-tie',
      'unknown-fit',
      'missed-high',
      'missed-low',
    ]);
  });
});
