import {
  agreement,
  AgreementMetric,
  AgreementReading,
  agreementReading,
  bootstrapAlpha,
  bootstrapWeighted,
  calibratedScore,
  coincidences,
  type InterviewerRating,
  krippendorffAlpha,
  leniencies,
  seededRandom,
  weightedAgreement,
  weightedCoincidences,
  type WeightedUnit,
  weightedUnitsOf,
} from '../../src/modules/calibration';
import fc from 'fast-check';

// Krippendorff, K. (2011). "Computing Krippendorff's Alpha-Reliability", University of
// Pennsylvania, https://repository.upenn.edu/asc_papers/43, section C ("Ordinal, interval, ...
// data with missing values"): 4 observers × 12 units. Transcribed as in the tests of the
// `krippendorff` Python package (pln-fing-udelar/fast-krippendorff, tests/test_krippendorff.py,
// test_ordinal_metric / test_ratio_metric). null: the observer did not code the unit.
const WORKED_EXAMPLE: (number | null)[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const workedUnits = WORKED_EXAMPLE[0].map((_value, unit) =>
  WORKED_EXAMPLE.map((observer) => observer[unit]).filter((value): value is number => value !== null),
);

const round3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

describe("Krippendorff's alpha", () => {
  it('should reproduce the worked example of Krippendorff (2011): nominal 0.743, ordinal 0.815, interval 0.849', () => {
    expect(round3(krippendorffAlpha(workedUnits, AgreementMetric.NOMINAL))).toBe(0.743);
    expect(round3(krippendorffAlpha(workedUnits, AgreementMetric.ORDINAL))).toBe(0.815);
    expect(round3(krippendorffAlpha(workedUnits, AgreementMetric.INTERVAL))).toBe(0.849);
  });

  it("should build the worked example's coincidence matrix: 11 pairable units, 40 pairable values, the paper's marginals", () => {
    const matrix = coincidences(workedUnits);
    expect(matrix.values).toEqual([1, 2, 3, 4, 5]);
    expect(matrix.pairableUnits).toBe(11);
    expect(matrix.pairableValues).toBe(40);
    expect(matrix.n.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([9, 13, 10, 5, 3]);
    // The matrix is symmetric and its first row is the paper's: 7, 4/3, 1/3, 1/3, 0.
    expect(matrix.o[0].map((x) => Math.round(x * 1e9) / 1e9)).toEqual([
      7,
      Math.round((4 / 3) * 1e9) / 1e9,
      Math.round(1e9 / 3) / 1e9,
      Math.round(1e9 / 3) / 1e9,
      0,
    ]);
    matrix.o.forEach((row, c) => row.forEach((x, k) => expect(x).toBeCloseTo(matrix.o[k][c], 12)));
  });

  it('should give exactly 1 for perfect agreement with any metric', () => {
    const units = [
      [1, 1, 1],
      [2, 2],
      [5, 5, 5],
      [3, 3],
    ];
    for (const metric of Object.values(AgreementMetric)) expect(krippendorffAlpha(units, metric)).toBe(1);
  });

  it('should be undefined (null) without pairable units or without any variation', () => {
    expect(krippendorffAlpha([], AgreementMetric.INTERVAL)).toBeNull();
    expect(krippendorffAlpha([[3], [4], [5]], AgreementMetric.INTERVAL)).toBeNull();
    expect(krippendorffAlpha([[4, 4], [4, 4, 4], [2]], AgreementMetric.ORDINAL)).toBeNull();
  });

  it('should leave units with one value out of the figures', () => {
    expect(krippendorffAlpha([...workedUnits, [1], [5]], AgreementMetric.INTERVAL)).toBe(
      krippendorffAlpha(workedUnits, AgreementMetric.INTERVAL),
    );
  });

  it('should go below 0 when observers disagree systematically', () => {
    // Two observers, always opposite ends: observed disagreement above what chance gives.
    expect(
      krippendorffAlpha(
        [
          [1, 5],
          [5, 1],
          [1, 5],
          [5, 1],
        ],
        AgreementMetric.INTERVAL,
      ),
      // o(1,5) = o(5,1) = 4, n(1) = n(5) = 4, n = 8: 1 − 7 · (2 · 4 · 16) / (2 · 4 · 4 · 16) = −0.75.
    ).toBe(-0.75);
  });
});

describe('bootstrap interval', () => {
  it('should give the same interval for the same units in any order, containing alpha', () => {
    const forward = bootstrapAlpha(workedUnits, AgreementMetric.INTERVAL, { cache: false })!;
    const backward = bootstrapAlpha(
      [...workedUnits].reverse().map((unit) => [...unit].reverse()),
      AgreementMetric.INTERVAL,
      { cache: false },
    )!;
    expect(backward).toEqual(forward);
    const alpha = krippendorffAlpha(workedUnits, AgreementMetric.INTERVAL)!;
    expect(forward.low).toBeLessThanOrEqual(alpha);
    expect(forward.high).toBeGreaterThanOrEqual(alpha);
    expect(forward.low).toBeLessThan(forward.high);
  });

  it('should answer a repeated question from memory with exactly what it computed, and a different one afresh', () => {
    const shifted = workedUnits.map((unit) => unit.map((value) => Math.min(5, value + 1)));
    for (const metric of [AgreementMetric.INTERVAL, AgreementMetric.ORDINAL]) {
      for (const options of [{}, { seed: 7 }, { resamples: 200 }]) {
        const fresh = bootstrapAlpha(workedUnits, metric, { ...options, cache: false });
        expect(bootstrapAlpha(workedUnits, metric, options)).toEqual(fresh);
        // Asked again (now from memory), and after other questions in between.
        expect(bootstrapAlpha(shifted, metric, options)).toEqual(bootstrapAlpha(shifted, metric, { ...options, cache: false }));
        expect(bootstrapAlpha([...workedUnits].reverse(), metric, options)).toEqual(fresh);
      }
    }
    expect(bootstrapAlpha(workedUnits, AgreementMetric.INTERVAL, { seed: 7 })).not.toEqual(
      bootstrapAlpha(workedUnits, AgreementMetric.INTERVAL),
    );
  });

  it('should be [1, 1] for perfect agreement and null when alpha is undefined', () => {
    expect(
      bootstrapAlpha(
        [
          [1, 1],
          [2, 2],
          [3, 3, 3],
        ],
        AgreementMetric.ORDINAL,
      ),
    ).toEqual({ low: 1, high: 1 });
    expect(bootstrapAlpha([[2, 2], [2]], AgreementMetric.INTERVAL)).toBeNull();
  });
});

describe('agreement of weighted units (what the statement returns)', () => {
  it('should give the intervals the unit-by-unit bootstrap gave before weighted units, exactly (fixed seed)', () => {
    // Computed by the bootstrap that expanded every unit (commit fbfa49b), for the worked example.
    const pinned = {
      [AgreementMetric.INTERVAL]: { low: 0.4267605633802817, high: 1 },
      [AgreementMetric.ORDINAL]: { low: 0.4265185947460195, high: 1 },
      [AgreementMetric.NOMINAL]: { low: 0.4236453201970444, high: 1 },
    };
    for (const metric of Object.values(AgreementMetric)) {
      const weighted = weightedUnitsOf(workedUnits);
      expect(weighted.reduce((sum, pattern) => sum + pattern.units, 0)).toBe(11);
      const result = weightedAgreement(weighted, metric);
      expect({ low: result.low, high: result.high }).toEqual(pinned[metric]);
      expect(result).toEqual({ ...agreement(workedUnits, metric), alpha: result.alpha });
      expect(Math.abs(result.alpha! - krippendorffAlpha(workedUnits, metric)!)).toBeLessThan(1e-12);
    }
  });

  // Units of 0–5 values on the 1–5 scale, and the same units as weighted patterns the way a
  // statement may return them: split in groups (per competency), values in any order, a pattern
  // repeated, empty patterns and unpairable ones among them.
  const units = fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { maxLength: 5 }), { maxLength: 60 });
  const asWeighted = (list: number[][], groups: number, shuffle: boolean): WeightedUnit[] => {
    const byGroup = Array.from({ length: groups }, () => new Map<string, { values: number[]; units: number }>());
    list.forEach((unit, i) => {
      const values = shuffle ? [...unit].reverse() : [...unit].sort((a, b) => a - b);
      const group = byGroup[i % groups];
      const key = [...unit].sort((a, b) => a - b).join(',');
      const pattern = group.get(key);
      if (pattern) pattern.units += 1;
      else group.set(key, { values, units: 1 });
    });
    return [...byGroup.flatMap((group) => [...group.values()]), { values: [3, 4], units: 0 }];
  };

  it('should equal the unit-by-unit reference on random units: counts and interval exactly, alpha to 1e-12', () => {
    fc.assert(
      fc.property(
        units,
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.constantFrom(...Object.values(AgreementMetric)),
        (list, groups, shuffle, metric) => {
          const reference = agreement(list, metric);
          const weighted = weightedAgreement(asWeighted(list, groups, shuffle), metric);
          const matrix = weightedCoincidences(asWeighted(list, groups, shuffle));
          const plain = coincidences(list);
          expect(matrix.values).toEqual(plain.values);
          matrix.o.forEach((row, c) => row.forEach((x, k) => expect(Math.abs(x - plain.o[c][k])).toBeLessThan(1e-9)));
          expect({ ...weighted, alpha: null, reading: null }).toEqual({ ...reference, alpha: null, reading: null });
          if (reference.alpha === null) expect(weighted.alpha).toBeNull();
          else {
            expect(Math.abs(weighted.alpha! - reference.alpha)).toBeLessThan(1e-12);
            // The reading too, unless alpha sits on a threshold within rounding.
            if ([0.8, 0.667].every((threshold) => Math.abs(reference.alpha! - threshold) > 1e-9))
              expect(weighted.reading).toBe(reference.reading);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  // An independent resampler: the pairable units themselves (values sorted, units in order of
  // their values), a unit index drawn uniformly per draw from the same seeded sequence, alpha of
  // each resample computed unit by unit, the same percentiles. Nothing cached on either side.
  const plainBootstrap = (list: number[][], metric: AgreementMetric, resamples: number, seed: number) => {
    const pairable = list
      .filter((unit) => unit.length >= 2)
      .map((unit) => [...unit].sort((a, b) => a - b))
      .sort((a, b) => {
        for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
        return a.length - b.length;
      });
    if (krippendorffAlpha(pairable, metric) === null) return null;
    const random = seededRandom(seed);
    const alphas: number[] = [];
    for (let r = 0; r < resamples; r++) {
      const drawn = pairable.map(() => pairable[Math.floor(random() * pairable.length)]);
      const alpha = krippendorffAlpha(drawn, metric);
      if (alpha !== null) alphas.push(alpha);
    }
    if (alphas.length === 0) return null;
    alphas.sort((a, b) => a - b);
    return { low: alphas[Math.floor(0.025 * (alphas.length - 1))], high: alphas[Math.ceil(0.975 * (alphas.length - 1))] };
  };

  it('should draw the same interval as a plain unit-by-unit resampler, on random units in any grouping', () => {
    fc.assert(
      fc.property(
        units,
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.constantFrom(...Object.values(AgreementMetric)),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (list, groups, shuffle, metric, seed) => {
          const reference = plainBootstrap(list, metric, 60, seed);
          const weighted = bootstrapWeighted(asWeighted(list, groups, shuffle), metric, { resamples: 60, seed, cache: false });
          if (reference === null) expect(weighted).toBeNull();
          else {
            expect(weighted).not.toBeNull();
            expect(Math.abs(weighted!.low - reference.low)).toBeLessThan(1e-9);
            expect(Math.abs(weighted!.high - reference.high)).toBeLessThan(1e-9);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('agreement reading', () => {
  it("should read alpha by Krippendorff's thresholds with at least 10 pairable units", () => {
    expect(agreementReading(0.8, 10)).toBe(AgreementReading.RELIABLE);
    expect(agreementReading(0.7999, 10)).toBe(AgreementReading.TENTATIVE);
    expect(agreementReading(0.667, 10)).toBe(AgreementReading.TENTATIVE);
    expect(agreementReading(0.6669, 10)).toBe(AgreementReading.UNRELIABLE);
    expect(agreementReading(-0.2, 50)).toBe(AgreementReading.UNRELIABLE);
  });

  it('should say INSUFFICIENT_DATA below 10 pairable units or when alpha is undefined', () => {
    expect(agreementReading(0.95, 9)).toBe(AgreementReading.INSUFFICIENT_DATA);
    expect(agreementReading(null, 100)).toBe(AgreementReading.INSUFFICIENT_DATA);
  });

  it('should report the worked example in full', () => {
    const result = agreement(workedUnits, AgreementMetric.ORDINAL);
    expect({ ...result, alpha: round3(result.alpha) }).toEqual({
      alpha: 0.815,
      pairableUnits: 11,
      pairableValues: 40,
      low: bootstrapAlpha(workedUnits, AgreementMetric.ORDINAL)!.low,
      high: bootstrapAlpha(workedUnits, AgreementMetric.ORDINAL)!.high,
      reading: AgreementReading.RELIABLE,
    });
  });
});

const rating = (candidacyId: string, competencyKey: string, interviewerId: string, score: number): InterviewerRating => ({
  candidacyId,
  competencyKey,
  interviewerId,
  score,
});

describe('leniency', () => {
  it('should find an interviewer lenient by exactly +1 on every shared cell, and the other severe by −1', () => {
    const ratings = [
      rating('c1', 'K', 'lenient', 4),
      rating('c1', 'K', 'other', 3),
      rating('c1', 'L', 'lenient', 3),
      rating('c1', 'L', 'other', 2),
      rating('c2', 'K', 'lenient', 5),
      rating('c2', 'K', 'other', 4),
    ];
    expect(leniencies(ratings)).toEqual([
      { interviewerId: 'lenient', comparedCells: 3, leniency: 1, standardError: 0, low: 1, high: 1, shrunkLeniency: 3 / 13 },
      { interviewerId: 'other', comparedCells: 3, leniency: -1, standardError: 0, low: -1, high: -1, shrunkLeniency: -3 / 13 },
    ]);
  });

  it('should give n 0, no leniency and no shrunk leniency to interviewers who share no cell', () => {
    const empty = { comparedCells: 0, leniency: null, standardError: null, low: null, high: null, shrunkLeniency: 0 };
    expect(leniencies([rating('c1', 'K', 'a', 4), rating('c2', 'K', 'b', 2), rating('c1', 'L', 'b', 1)])).toEqual([
      { interviewerId: 'a', ...empty },
      { interviewerId: 'b', ...empty },
    ]);
  });

  it('should take the mean of one interviewer over two interviews of the same candidacy as one value', () => {
    const ratings = [rating('c1', 'K', 'twice', 2), rating('c1', 'K', 'twice', 4), rating('c1', 'K', 'once', 2)];
    expect(leniencies(ratings)).toEqual([
      { interviewerId: 'twice', comparedCells: 1, leniency: 1, standardError: null, low: null, high: null, shrunkLeniency: 1 / 11 },
      { interviewerId: 'once', comparedCells: 1, leniency: -1, standardError: null, low: null, high: null, shrunkLeniency: -1 / 11 },
    ]);
  });

  it('should compare each interviewer with the mean of the others, and give the sample standard error', () => {
    // Cell 1: 5, 3, 1 → a +3, b 0, c −3. Cell 2: a 4, b 4 → a 0, b 0.
    const ratings = [
      rating('c1', 'K', 'a', 5),
      rating('c1', 'K', 'b', 3),
      rating('c1', 'K', 'c', 1),
      rating('c2', 'K', 'a', 4),
      rating('c2', 'K', 'b', 4),
    ];
    const [a, b, c] = leniencies(ratings);
    // a: d = 3, 0; mean 1.5; sd = √4.5; SE = √4.5/√2 = 1.5.
    expect(a).toEqual({
      interviewerId: 'a',
      comparedCells: 2,
      leniency: 1.5,
      standardError: 1.5,
      low: 1.5 - 2.94,
      high: 1.5 + 2.94,
      shrunkLeniency: 0.25,
    });
    expect(b).toEqual({ interviewerId: 'b', comparedCells: 2, leniency: 0, standardError: 0, low: 0, high: 0, shrunkLeniency: 0 });
    expect(c).toEqual({
      interviewerId: 'c',
      comparedCells: 1,
      leniency: -3,
      standardError: null,
      low: null,
      high: null,
      shrunkLeniency: -3 / 11,
    });
  });
});

describe('calibrated score', () => {
  it('should take the shrunk leniency off the score and stay within 1–5', () => {
    expect(calibratedScore(4, 0.5)).toBe(3.5);
    expect(calibratedScore(2, -0.25)).toBe(2.25);
    expect(calibratedScore(1, 0.3)).toBe(1);
    expect(calibratedScore(5, -0.3)).toBe(5);
  });
});
