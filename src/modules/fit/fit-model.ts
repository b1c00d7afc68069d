// The assessment and fit model of PRODUCT.md §3, as plain functions with no ORM in sight.
// The ranking SQL (fit.repository.ts) computes the same numbers; tests hold the two together.

export interface RatingScore {
  competencyKey: string;
  // Only ratings that count: non-null scores of the latest revision of submitted scorecards.
  score: number;
}

export interface RequirementSpec {
  competencyKey: string;
  weight: number;
  target: number;
  minimum: number | null;
}

export interface CompetencyAssessment {
  key: string;
  ratingsCount: number;
  // Mean of the scores, unrounded; null when nobody assessed it.
  score: number | null;
  spread: number | null;
  disagreement: boolean;
}

export interface CompetencyFit {
  key: string;
  weight: number;
  target: number;
  minimum: number | null;
  ratingsCount: number;
  score: number | null;
  gap: number | null;
  surplus: number | null;
  attainment: number | null;
  meetsMinimum: boolean | null;
}

export interface FitResult {
  fit: number | null;
  coverage: number;
  mustHavesMet: boolean | null;
  competencies: CompetencyFit[];
}

// Disagreement: interviewers two or more points apart.
export const DISAGREEMENT_SPREAD = 2;

export function assess(competencyKeys: readonly string[], ratings: readonly RatingScore[]): CompetencyAssessment[] {
  const scoresByKey = new Map<string, number[]>(competencyKeys.map((key) => [key, []]));
  for (const rating of ratings) scoresByKey.get(rating.competencyKey)?.push(rating.score);
  return competencyKeys.map((key) => {
    const scores = scoresByKey.get(key)!;
    if (scores.length === 0) return { key, ratingsCount: 0, score: null, spread: null, disagreement: false };
    const spread = Math.max(...scores) - Math.min(...scores);
    return {
      key,
      ratingsCount: scores.length,
      score: scores.reduce((sum, score) => sum + score, 0) / scores.length,
      spread,
      disagreement: spread >= DISAGREEMENT_SPREAD,
    };
  });
}

// How far from the floor (1) to the target the candidate reaches; above target earns nothing more.
export function attainment(score: number, target: number): number {
  return target === 1 ? 1 : (Math.min(score, target) - 1) / (target - 1);
}

export interface CompetencyFigures {
  gap: number;
  surplus: number;
  attainment: number;
  // Null when the requirement sets no minimum.
  meetsMinimum: boolean | null;
}

// The figures of one assessed competency against its requirement. Whoever shows a gap or a
// must-have takes it from here.
export function scoreAgainst(score: number, requirement: Pick<RequirementSpec, 'target' | 'minimum'>): CompetencyFigures {
  const { target, minimum } = requirement;
  return {
    gap: score - target,
    surplus: Math.max(0, score - target),
    attainment: attainment(score, target),
    meetsMinimum: minimum === null ? null : score >= minimum,
  };
}

// One weighted competency's figures for its score (null: not assessed, which is unknown, never a
// low score). Written out in full (no `{ ...a, ...b }`): Node 20's V8 gives every object made that
// way in optimised code a hidden class of its own — microseconds each, and every later read of its
// fields (GraphQL's resolvers, JSON) megamorphic.
export function competencyFit(requirement: RequirementSpec, score: number | null, ratingsCount: number): CompetencyFit {
  const { competencyKey: key, weight, target, minimum } = requirement;
  if (score === null) {
    return { key, weight, target, minimum, ratingsCount, score, gap: null, surplus: null, attainment: null, meetsMinimum: null };
  }
  const figures = scoreAgainst(score, requirement);
  return {
    key,
    weight,
    target,
    minimum,
    ratingsCount,
    score,
    gap: figures.gap,
    surplus: figures.surplus,
    attainment: figures.attainment,
    meetsMinimum: figures.meetsMinimum,
  };
}

export function computeFit(requirements: readonly RequirementSpec[], ratings: readonly RatingScore[]): FitResult {
  const weighted = requirements.filter((requirement) => requirement.weight > 0);
  const assessments = new Map(
    assess(
      weighted.map((requirement) => requirement.competencyKey),
      ratings,
    ).map((a) => [a.key, a]),
  );
  const sums = exactSums(weighted, ratings);

  let assessedWeight = 0;
  let totalWeight = 0;
  let weightedAttainment = ZERO;
  let minimumMissed = false;
  let minimumUnassessed = false;

  const competencies = weighted.map((requirement): CompetencyFit => {
    const { score, ratingsCount } = assessments.get(requirement.competencyKey)!;
    const competency = competencyFit(requirement, score, ratingsCount);
    totalWeight += requirement.weight;
    // Not assessed (no score, so no attainment).
    if (competency.attainment === null) {
      if (requirement.minimum !== null) minimumUnassessed = true;
      return competency;
    }
    assessedWeight += requirement.weight;
    const sum = sums.get(requirement.competencyKey)!;
    weightedAttainment = add(weightedAttainment, times(exactAttainment(sum, ratingsCount, requirement.target), requirement.weight));
    if (competency.meetsMinimum === false) minimumMissed = true;
    return competency;
  });

  return {
    fit: assessedWeight > 0 ? toNumber(times(weightedAttainment, 100), BigInt(assessedWeight)) : null,
    coverage: totalWeight > 0 ? assessedWeight / totalWeight : 0,
    mustHavesMet: minimumMissed ? false : minimumUnassessed ? null : true,
    competencies,
  };
}

// The fit in exact arithmetic, rounded once to the nearest Float at the end (as the SQL does, in
// numeric): two candidacies whose fits are equal get the same Float however their scores add up
// (9.5/12 and 10.2916…/13 are both 19/24), so the ranking's tie goes to coverage as §3 says, not to
// the last bit of a rounding. Scores are Floats taken at their exact value (integers, or calibrated).
interface Ratio {
  num: bigint;
  // Always > 0.
  den: bigint;
}
const ZERO: Ratio = { num: 0n, den: 1n };

function ratioOf(x: number): Ratio {
  // Doubling a finite Float is exact, so this ends with x·2^k an integer.
  let den = 1n;
  while (!Number.isInteger(x)) {
    x *= 2;
    den *= 2n;
  }
  return { num: BigInt(x), den };
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function add(a: Ratio, b: Ratio): Ratio {
  if (a.den === b.den) return { num: a.num + b.num, den: a.den };
  const num = a.num * b.den + b.num * a.den;
  const den = a.den * b.den;
  const divisor = gcd(num, den);
  return divisor > 1n ? { num: num / divisor, den: den / divisor } : { num, den };
}

function times(a: Ratio, factor: number): Ratio {
  return { num: a.num * BigInt(factor), den: a.den };
}

// Each weighted competency's exact sum of counted scores.
function exactSums(weighted: readonly RequirementSpec[], ratings: readonly RatingScore[]): Map<string, Ratio> {
  const sums = new Map<string, Ratio>(weighted.map((requirement) => [requirement.competencyKey, ZERO]));
  for (const rating of ratings) {
    const sum = sums.get(rating.competencyKey);
    if (sum !== undefined) sums.set(rating.competencyKey, add(sum, ratioOf(rating.score)));
  }
  return sums;
}

// attainment() of the mean sum/count, exactly.
function exactAttainment(sum: Ratio, count: number, target: number): Ratio {
  const n = BigInt(count);
  const t = BigInt(target);
  // mean ≥ target, i.e. sum ≥ target·count, reaches it in full (as does a target of 1).
  if (target === 1 || sum.num >= t * n * sum.den) return { num: 1n, den: 1n };
  return { num: sum.num - n * sum.den, den: n * sum.den * (t - 1n) };
}

// num / (ratio.den · divisor) rounded to the nearest Float (ties to even).
function toNumber(ratio: Ratio, divisor: bigint): number {
  if (ratio.num < 0n) return -toNumber({ num: -ratio.num, den: ratio.den }, divisor);
  const num = ratio.num;
  const den = ratio.den * divisor;
  if (num === 0n) return 0;
  // A shift that gives the quotient 54 or 55 bits: 53 kept, the rest with the remainder decide the rounding.
  const shift = 54 - (num.toString(2).length - den.toString(2).length);
  const scaledNum = shift >= 0 ? num << BigInt(shift) : num;
  const scaledDen = shift >= 0 ? den : den << BigInt(-shift);
  let quotient = scaledNum / scaledDen;
  const exact = quotient * scaledDen === scaledNum;
  // Keep 53 significant bits; round on the dropped ones and on whether anything was left over.
  const drop = BigInt(quotient.toString(2).length - 53);
  const kept = quotient >> drop;
  const dropped = quotient - (kept << drop);
  const half = 1n << (drop - 1n);
  quotient = kept;
  if (dropped > half || (dropped === half && (!exact || (kept & 1n) === 1n))) quotient += 1n;
  return Number(quotient) * 2 ** (Number(drop) - shift);
}

export interface RankedCandidacy {
  id: string;
  createdAt: Date;
  fit: FitResult;
}

// The ranking order of §3: a missed must-have last; then fit (unknown last), coverage,
// creation time and id.
export function compareRanking(a: RankedCandidacy, b: RankedCandidacy): number {
  const missed = (x: RankedCandidacy) => (x.fit.mustHavesMet === false ? 1 : 0);
  return (
    missed(a) - missed(b) ||
    (a.fit.fit === null ? 1 : 0) - (b.fit.fit === null ? 1 : 0) ||
    (b.fit.fit ?? 0) - (a.fit.fit ?? 0) ||
    b.fit.coverage - a.fit.coverage ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
