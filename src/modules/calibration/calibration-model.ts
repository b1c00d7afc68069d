// Calibration and agreement of PRODUCT.md §3b as plain functions with no ORM in sight: the
// reference the SQL (calibration.repository.ts) and the services are held to by the tests.

// A rating that counts (§3: non-null score of the latest revision of a submitted scorecard),
// with who gave it. A cell is (candidacy, competency key).
export interface InterviewerRating {
  candidacyId: string;
  competencyKey: string;
  interviewerId: string;
  score: number;
}

export interface Leniency {
  interviewerId: string;
  // Cells where this interviewer and at least one other have a value.
  comparedCells: number;
  // Mean of (own value − mean of the others' values) over those cells; null without any.
  leniency: number | null;
  // Sample standard deviation of those differences / √n; null when n < 2.
  standardError: number | null;
  // leniency ± 1.96 · standardError; null with the standard error.
  low: number | null;
  high: number | null;
  // leniency · n / (n + SHRINKAGE_CELLS): a few cells say little, so pull toward 0. 0 without any.
  shrunkLeniency: number;
}

// How many compared cells weigh as much as the prior "this interviewer is like the others".
export const SHRINKAGE_CELLS = 10;
const Z_95 = 1.96;

const cellOf = (rating: { candidacyId: string; competencyKey: string }) => `${rating.candidacyId}\u0000${rating.competencyKey}`;

// Each interviewer's value per cell: the mean of their counted scores there (one interviewer may
// sit on two interviews of the same candidacy).
export function interviewerValues(ratings: readonly InterviewerRating[]): Map<string, Map<string, number>> {
  const sums = new Map<string, Map<string, { sum: number; count: number }>>();
  for (const rating of ratings) {
    const cell = cellOf(rating);
    let byInterviewer = sums.get(cell);
    if (!byInterviewer) sums.set(cell, (byInterviewer = new Map()));
    const entry = byInterviewer.get(rating.interviewerId) ?? { sum: 0, count: 0 };
    entry.sum += rating.score;
    entry.count += 1;
    byInterviewer.set(rating.interviewerId, entry);
  }
  return new Map(
    [...sums].map(([cell, byInterviewer]) => [cell, new Map([...byInterviewer].map(([id, { sum, count }]) => [id, sum / count]))]),
  );
}

// The leniency of every interviewer who has a counted rating among `ratings` (the scope is
// whatever the caller filtered them to), in order of first appearance.
export function leniencies(ratings: readonly InterviewerRating[]): Leniency[] {
  const differences = new Map<string, number[]>();
  for (const rating of ratings) if (!differences.has(rating.interviewerId)) differences.set(rating.interviewerId, []);
  for (const byInterviewer of interviewerValues(ratings).values()) {
    if (byInterviewer.size < 2) continue;
    let total = 0;
    for (const value of byInterviewer.values()) total += value;
    for (const [interviewerId, value] of byInterviewer) {
      const othersMean = (total - value) / (byInterviewer.size - 1);
      differences.get(interviewerId)!.push(value - othersMean);
    }
  }
  return [...differences].map(([interviewerId, ds]) => leniencyFrom(interviewerId, ds));
}

export function leniencyFrom(interviewerId: string, differences: readonly number[]): Leniency {
  const n = differences.length;
  if (n === 0) {
    return { interviewerId, comparedCells: 0, leniency: null, standardError: null, low: null, high: null, shrunkLeniency: 0 };
  }
  const mean = differences.reduce((sum, d) => sum + d, 0) / n;
  const standardError = n < 2 ? null : Math.sqrt(differences.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (n - 1) / n);
  return {
    interviewerId,
    comparedCells: n,
    leniency: mean,
    standardError,
    low: standardError === null ? null : mean - Z_95 * standardError,
    high: standardError === null ? null : mean + Z_95 * standardError,
    shrunkLeniency: shrink(mean, n),
  };
}

export function shrink(leniency: number, comparedCells: number): number {
  return (leniency * comparedCells) / (comparedCells + SHRINKAGE_CELLS);
}

// A rating as if given by an interviewer of average leniency, kept on the 1–5 scale.
export function calibratedScore(score: number, shrunkLeniency: number): number {
  return Math.min(5, Math.max(1, score - shrunkLeniency));
}

// ---- Agreement: Krippendorff's alpha -------------------------------------------------------

export enum AgreementMetric {
  NOMINAL = 'NOMINAL',
  ORDINAL = 'ORDINAL',
  INTERVAL = 'INTERVAL',
}

export enum AgreementReading {
  RELIABLE = 'RELIABLE',
  TENTATIVE = 'TENTATIVE',
  UNRELIABLE = 'UNRELIABLE',
  INSUFFICIENT_DATA = 'INSUFFICIENT_DATA',
}

// Krippendorff's thresholds, and the fewest pairable units worth reading at all.
export const RELIABLE_ALPHA = 0.8;
export const TENTATIVE_ALPHA = 0.667;
export const MIN_PAIRABLE_UNITS = 10;
export const BOOTSTRAP_RESAMPLES = 1000;
// Fixed, so the same data gives the same interval on every call.
export const BOOTSTRAP_SEED = 20110;

// The coincidence matrix of the units' values: `values` is the sorted domain of the values that
// occur in pairable units, `o[c][k]` the coincidences of values[c] with values[k], `n[c]` its
// marginals. Units with fewer than two values are not pairable and are left out.
export interface Coincidences {
  values: number[];
  o: number[][];
  n: number[];
  pairableUnits: number;
  pairableValues: number;
}

export function coincidences(units: readonly (readonly number[])[]): Coincidences {
  const pairable = units.filter((unit) => unit.length >= 2);
  const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
  const index = new Map(values.map((value, i) => [value, i]));
  const o = values.map(() => values.map(() => 0));
  for (const unit of pairable) {
    // Every ordered pair of values from different observers, weighted 1 / (m_u − 1).
    const weight = 1 / (unit.length - 1);
    for (let i = 0; i < unit.length; i++) {
      for (let j = 0; j < unit.length; j++) if (i !== j) o[index.get(unit[i])!][index.get(unit[j])!] += weight;
    }
  }
  const n = o.map((row) => row.reduce((sum, x) => sum + x, 0));
  return { values, o, n, pairableUnits: pairable.length, pairableValues: pairable.reduce((sum, unit) => sum + unit.length, 0) };
}

// δ²(c, k) of the metric, for indexes into the domain `values` with marginals `n`.
function squaredDistances(metric: AgreementMetric, values: readonly number[], n: readonly number[]): number[][] {
  return values.map((c, ci) =>
    values.map((k, ki) => {
      if (metric === AgreementMetric.NOMINAL) return ci === ki ? 0 : 1;
      if (metric === AgreementMetric.INTERVAL) return (c - k) ** 2;
      // Ordinal: (Σ_{g between c and k} n_g − (n_c + n_k) / 2)².
      const [from, to] = ci <= ki ? [ci, ki] : [ki, ci];
      let between = 0;
      for (let g = from; g <= to; g++) between += n[g];
      return (between - (n[ci] + n[ki]) / 2) ** 2;
    }),
  );
}

// α = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck; null when undefined (no pairable values,
// or no variation: the expected disagreement is 0).
export function alphaOf(matrix: Pick<Coincidences, 'values' | 'o' | 'n'>, metric: AgreementMetric): number | null {
  const { values, o, n } = matrix;
  const total = n.reduce((sum, x) => sum + x, 0);
  if (total <= 1) return null;
  const delta = squaredDistances(metric, values, n);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < values.length; c++) {
    for (let k = 0; k < values.length; k++) {
      observed += o[c][k] * delta[c][k];
      expected += n[c] * n[k] * delta[c][k];
    }
  }
  if (expected === 0) return null;
  return 1 - ((total - 1) * observed) / expected;
}

export function krippendorffAlpha(units: readonly (readonly number[])[], metric: AgreementMetric): number | null {
  return alphaOf(coincidences(units), metric);
}

export function agreementReading(alpha: number | null, pairableUnits: number): AgreementReading {
  if (alpha === null || pairableUnits < MIN_PAIRABLE_UNITS) return AgreementReading.INSUFFICIENT_DATA;
  if (alpha >= RELIABLE_ALPHA) return AgreementReading.RELIABLE;
  if (alpha >= TENTATIVE_ALPHA) return AgreementReading.TENTATIVE;
  return AgreementReading.UNRELIABLE;
}

// A small, fast PRNG with a 32-bit seed (mulberry32): the bootstrap must repeat exactly.
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A distinct unit and how many units hold exactly its values: alpha and its bootstrap depend on
// the units only through these (units with the same values weigh the same), so a mandate of
// thousands of cells is read and computed as a few hundred of them. The same values may come
// more than once (e.g. per competency); they are taken together.
export interface WeightedUnit {
  values: readonly number[];
  units: number;
}

// The units counted by their values (sorted), in a canonical order.
export function weightedUnitsOf(units: readonly (readonly number[])[]): WeightedUnit[] {
  return canonicalPatterns(units.map((values) => ({ values, units: 1 })));
}

// Pairable patterns (two or more values, at least one unit) merged by their sorted values and put
// in a canonical order: the same data gives the same patterns whatever order it was read in.
function canonicalPatterns(weighted: readonly WeightedUnit[]): { values: number[]; units: number }[] {
  const patterns = new Map<string, { values: number[]; units: number }>();
  for (const { values: unsorted, units } of weighted) {
    if (unsorted.length < 2 || units <= 0) continue;
    const values = [...unsorted].sort((a, b) => a - b);
    const key = values.join(',');
    const pattern = patterns.get(key);
    if (pattern) pattern.units += units;
    else patterns.set(key, { values, units });
  }
  return [...patterns.values()].sort((a, b) => compareValues(a.values, b.values));
}

// The coincidence matrix of weighted units: `coincidences` with each pattern's pairs counted once
// and weighted by its units (equal to it up to rounding in the last bits).
export function weightedCoincidences(weighted: readonly WeightedUnit[]): Coincidences {
  const pairable = weighted.filter((pattern) => pattern.values.length >= 2 && pattern.units > 0);
  const values = [...new Set(pairable.flatMap((pattern) => pattern.values))].sort((a, b) => a - b);
  const index = new Map(values.map((value, i) => [value, i]));
  const o = values.map(() => values.map(() => 0));
  let pairableUnits = 0;
  let pairableValues = 0;
  for (const { values: unit, units } of pairable) {
    const weight = units / (unit.length - 1);
    const at = unit.map((value) => index.get(value)!);
    for (let i = 0; i < at.length; i++) {
      for (let j = 0; j < at.length; j++) if (i !== j) o[at[i]][at[j]] += weight;
    }
    pairableUnits += units;
    pairableValues += units * unit.length;
  }
  const n = o.map((row) => row.reduce((sum, x) => sum + x, 0));
  return { values, o, n, pairableUnits, pairableValues };
}

// A 95 % percentile interval of alpha from resampling the pairable units with replacement.
// Identical units are interchangeable, so the units are put in a canonical order first: the same
// data gives the same interval whatever order it was read in. Resamples where alpha is undefined
// are left out; null when alpha itself is undefined.
export function bootstrapAlpha(
  units: readonly (readonly number[])[],
  metric: AgreementMetric,
  // cache: false computes afresh (tests).
  options: { resamples?: number; seed?: number; cache?: boolean } = {},
): { low: number; high: number } | null {
  return bootstrapWeighted(weightedUnitsOf(units), metric, options);
}

// bootstrapAlpha of weighted units (the same interval for the same units). whole: their
// coincidences when the caller has them.
export function bootstrapWeighted(
  weighted: readonly WeightedUnit[],
  metric: AgreementMetric,
  options: { resamples?: number; seed?: number; whole?: Coincidences; cache?: boolean } = {},
): { low: number; high: number } | null {
  const resamples = options.resamples ?? BOOTSTRAP_RESAMPLES;
  const whole = options.whole ?? weightedCoincidences(weighted);
  if (alphaOf(whole, metric) === null) return null;

  const ordered = canonicalPatterns(weighted);

  // The interval is a function of the canonical patterns with their counts, the metric, the seed
  // and the number of resamples: the same data read again (a dashboard, the next page) is answered
  // from memory instead of drawing units × resamples random numbers again (the profile's leader).
  const seed = options.seed ?? BOOTSTRAP_SEED;
  const cacheKey = `${metric}|${seed}|${resamples}|${ordered.map((pattern) => `${pattern.values.join(',')}x${pattern.units}`).join(';')}`;
  const useCache = options.cache ?? true;
  const cached = useCache ? intervalCache.get(cacheKey) : undefined;
  if (cached !== undefined) {
    // Most recently used last: the oldest entry is the first to go.
    intervalCache.delete(cacheKey);
    intervalCache.set(cacheKey, cached);
    return cached;
  }

  // Each distinct unit (sorted values) once, with its own coincidences as sparse entries.
  const index = new Map(whole.values.map((value, i) => [value, i]));
  const entries = ordered.map(({ values }) => {
    const cells = new Map<number, number>();
    const weight = 1 / (values.length - 1);
    for (let i = 0; i < values.length; i++) {
      for (let j = 0; j < values.length; j++) {
        if (i === j) continue;
        const cell = index.get(values[i])! * whole.values.length + index.get(values[j])!;
        cells.set(cell, (cells.get(cell) ?? 0) + weight);
      }
    }
    return [...cells];
  });

  // Unit i of the canonical order (the patterns in order, each repeated by its units) is an
  // instance of pattern patternOfUnit[i]: each draw picks a unit index uniformly, as resampling
  // the units themselves does.
  const unitCount = ordered.reduce((sum, pattern) => sum + pattern.units, 0);
  const patternOfUnit = new Int32Array(unitCount);
  let filled = 0;
  ordered.forEach((pattern, p) => {
    patternOfUnit.fill(p, filled, filled + pattern.units);
    filled += pattern.units;
  });

  // seededRandom's sequence, inlined: this loop runs units × resamples times.
  let state = seed >>> 0;
  const size = whole.values.length;
  const draws = new Int32Array(ordered.length);
  const alphas: number[] = [];
  for (let r = 0; r < resamples; r++) {
    draws.fill(0);
    for (let u = 0; u < unitCount; u++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = Math.imul(state ^ (state >>> 15), state | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      draws[patternOfUnit[Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * unitCount)]] += 1;
    }
    const flat = new Float64Array(size * size);
    entries.forEach((cells, p) => {
      if (draws[p] === 0) return;
      for (const [cell, weight] of cells) flat[cell] += weight * draws[p];
    });
    const o = whole.values.map((_v, c) => Array.from(flat.subarray(c * size, (c + 1) * size)));
    const alpha = alphaOf({ values: whole.values, o, n: o.map((row) => row.reduce((sum, x) => sum + x, 0)) }, metric);
    if (alpha !== null) alphas.push(alpha);
  }
  const interval =
    alphas.length === 0
      ? null
      : (alphas.sort((a, b) => a - b),
        { low: alphas[Math.floor(0.025 * (alphas.length - 1))], high: alphas[Math.ceil(0.975 * (alphas.length - 1))] });
  if (useCache) intervalCache.set(cacheKey, interval);
  if (intervalCache.size > INTERVAL_CACHE_SIZE) intervalCache.delete(intervalCache.keys().next().value!);
  return interval;
}

// Bootstrap intervals by their inputs (see bootstrapWeighted), least recently used first. Each
// entry is a key of at most a few hundred patterns and two numbers.
const INTERVAL_CACHE_SIZE = 500;
const intervalCache = new Map<string, { low: number; high: number } | null>();

function compareValues(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

export interface AgreementResult {
  alpha: number | null;
  pairableUnits: number;
  pairableValues: number;
  low: number | null;
  high: number | null;
  reading: AgreementReading;
}

// Everything §3b reports of a set of units (cells; each counted rating one value of its unit):
// the reference, unit by unit.
export function agreement(units: readonly (readonly number[])[], metric: AgreementMetric): AgreementResult {
  const matrix = coincidences(units);
  const alpha = alphaOf(matrix, metric);
  return resultOf(matrix, alpha, alpha === null ? null : bootstrapAlpha(units, metric));
}

// The same of weighted units (what the statement returns): each pattern's pairs once.
// The patterns are summed in canonical order, not the statement's, so alpha is the same to the
// last bit however the rows come (a value on a reading's threshold reads the same every time).
export function weightedAgreement(weighted: readonly WeightedUnit[], metric: AgreementMetric): AgreementResult {
  const ordered = canonicalPatterns(weighted);
  const matrix = weightedCoincidences(ordered);
  const alpha = alphaOf(matrix, metric);
  return resultOf(matrix, alpha, alpha === null ? null : bootstrapWeighted(ordered, metric, { whole: matrix }));
}

function resultOf(matrix: Coincidences, alpha: number | null, interval: { low: number; high: number } | null): AgreementResult {
  return {
    alpha,
    pairableUnits: matrix.pairableUnits,
    pairableValues: matrix.pairableValues,
    low: interval?.low ?? null,
    high: interval?.high ?? null,
    reading: agreementReading(alpha, matrix.pairableUnits),
  };
}
