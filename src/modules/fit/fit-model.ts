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

  let assessedWeight = 0;
  let totalWeight = 0;
  let weightedAttainment = 0;
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
    weightedAttainment += requirement.weight * competency.attainment;
    if (competency.meetsMinimum === false) minimumMissed = true;
    return competency;
  });

  return {
    fit: assessedWeight > 0 ? (100 * weightedAttainment) / assessedWeight : null,
    coverage: totalWeight > 0 ? assessedWeight / totalWeight : 0,
    mustHavesMet: minimumMissed ? false : minimumUnassessed ? null : true,
    competencies,
  };
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
