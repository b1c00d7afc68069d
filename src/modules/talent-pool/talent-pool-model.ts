// The talent pool of PRODUCT.md §3c as plain functions: the reference the SQL is held to.
import { computeFit, type FitResult, type RequirementSpec } from '../fit';

export interface PoolRating {
  candidateId: string;
  candidacyId: string;
  mandateId: string;
  competencyKey: string;
  // Counted ratings only (§3).
  score: number;
  // When its scorecard was submitted.
  submittedAt: Date;
}

export interface PoolCandidate {
  id: string;
  eligible: boolean;
  inPipeline: boolean;
}

export interface PoolMatch {
  candidateId: string;
  fit: FitResult;
  lastAssessedAt: Date;
  inPipeline: boolean;
}

export interface PoolQuery {
  requirements: readonly RequirementSpec[];
  // Candidacies whose ratings the viewer may not see yet (their own unsubmitted scorecard).
  blindCandidacyIds: ReadonlySet<string>;
  includePipeline: boolean;
  minCoverage: number | null;
  assessedSince: Date | null;
}

// Every eligible candidate with a counted rating on a weighted competency, their pooled ratings
// measured against the profile with §3's fit, in the pool's order.
export function talentPool(candidates: readonly PoolCandidate[], ratings: readonly PoolRating[], query: PoolQuery): PoolMatch[] {
  const weighted = new Set(query.requirements.filter((each) => each.weight > 0).map((each) => each.competencyKey));
  const matches: PoolMatch[] = [];
  for (const candidate of candidates) {
    if (!candidate.eligible || (candidate.inPipeline && !query.includePipeline)) continue;
    const own = ratings.filter(
      (rating) =>
        rating.candidateId === candidate.id && weighted.has(rating.competencyKey) && !query.blindCandidacyIds.has(rating.candidacyId),
    );
    if (own.length === 0) continue;
    const fit = computeFit(query.requirements, own);
    const lastAssessedAt = new Date(Math.max(...own.map((rating) => rating.submittedAt.getTime())));
    if (query.minCoverage !== null && fit.coverage < query.minCoverage) continue;
    if (query.assessedSince !== null && lastAssessedAt < query.assessedSince) continue;
    matches.push({ candidateId: candidate.id, fit, lastAssessedAt, inPipeline: candidate.inPipeline });
  }
  return matches.sort(comparePool);
}

// As the ranking (a missed must-have last; fit desc, unknown last; coverage desc), then the most
// recently assessed first, then candidate id.
export function comparePool(a: PoolMatch, b: PoolMatch): number {
  const missed = (x: PoolMatch) => (x.fit.mustHavesMet === false ? 1 : 0);
  return (
    missed(a) - missed(b) ||
    (a.fit.fit === null ? 1 : 0) - (b.fit.fit === null ? 1 : 0) ||
    (b.fit.fit ?? 0) - (a.fit.fit ?? 0) ||
    b.fit.coverage - a.fit.coverage ||
    b.lastAssessedAt.getTime() - a.lastAssessedAt.getTime() ||
    (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0)
  );
}

export interface PooledCompetency {
  candidateId: string;
  competencyKey: string;
  score: number;
  ratingsCount: number;
  mandatesCount: number;
  lastAssessedAt: Date;
}

// Per candidate and weighted key: the pooled score and where it comes from (the figures that
// Fit's competencies show in the pool), the viewer's blind candidacies left out.
export function pooledCompetencies(
  candidateIds: readonly string[],
  ratings: readonly PoolRating[],
  query: Pick<PoolQuery, 'requirements' | 'blindCandidacyIds'>,
): PooledCompetency[] {
  const weighted = query.requirements.filter((each) => each.weight > 0).map((each) => each.competencyKey);
  const result: PooledCompetency[] = [];
  for (const candidateId of candidateIds) {
    for (const competencyKey of weighted) {
      const own = ratings.filter(
        (rating) =>
          rating.candidateId === candidateId && rating.competencyKey === competencyKey && !query.blindCandidacyIds.has(rating.candidacyId),
      );
      if (own.length === 0) continue;
      result.push({
        candidateId,
        competencyKey,
        score: own.reduce((sum, rating) => sum + rating.score, 0) / own.length,
        ratingsCount: own.length,
        mandatesCount: new Set(own.map((rating) => rating.mandateId)).size,
        lastAssessedAt: new Date(Math.max(...own.map((rating) => rating.submittedAt.getTime()))),
      });
    }
  }
  return result;
}
