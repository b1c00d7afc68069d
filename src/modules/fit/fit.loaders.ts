import DataLoader from 'dataloader';
import { principalOf, type Context } from '../../common/context';
import type { CandidacyRow } from '../candidacy';
import { calibratedScore, firmLeniencyLoader } from '../calibration';
import { assess, computeFit, type CompetencyAssessment, type FitResult, type RequirementSpec } from './fit-model';
import { type CountingRating, findFitInputs } from './fit.repository';

export interface CandidacyScores {
  assessment: CompetencyAssessment[];
  fit: FitResult;
  // What they were computed from, for the calibrated figures.
  ratings: CountingRating[];
  requirements: RequirementSpec[];
  competencyKeys: string[];
}

// Assessment and fit of many candidacies from one SQL statement, whatever their number.
export const candidacyScoresLoader = (context: Context) =>
  new DataLoader<CandidacyRow, CandidacyScores, string>(
    async (candidacies) => {
      const { firmId } = principalOf(context);
      const mandateIds = [...new Set(candidacies.map((candidacy) => candidacy.mandate.id))];
      const inputs = await findFitInputs(
        context.em,
        firmId,
        candidacies.map((candidacy) => candidacy.id),
        mandateIds,
      );
      return candidacies.map((candidacy) => {
        const ratings = inputs.ratings.filter((rating) => rating.candidacyId === candidacy.id);
        const requirements = inputs.requirements.filter((requirement) => requirement.mandateId === candidacy.mandate.id);
        const competencyKeys = inputs.competencyKeys.get(candidacy.mandate.id) ?? [];
        return {
          assessment: assess(competencyKeys, ratings),
          fit: computeFit(requirements, ratings),
          ratings,
          requirements,
          competencyKeys,
        };
      });
    },
    { cacheKeyFn: (candidacy) => candidacy.id },
  );

// The same on calibrated scores (§3b): each rating less its interviewer's firm-wide shrunk
// leniency, within 1–5. Spread and disagreement stay those of the scores as given. One more
// statement (the leniencies of every interviewer involved), whatever the number of candidacies.
export const calibratedCandidacyScoresLoader = (context: Context) =>
  new DataLoader<CandidacyRow, CandidacyScores, string>(
    async (candidacies) => {
      const plain = await context.loaders.get(candidacyScoresLoader).loadMany(candidacies);
      const scores = plain.map((result) => {
        if (result instanceof Error) throw result;
        return result;
      });
      const interviewerIds = [...new Set(scores.flatMap((each) => each.ratings.map((rating) => rating.interviewerId)))];
      const leniencies = await context.loaders.get(firmLeniencyLoader).loadMany(interviewerIds);
      const shrunk = new Map(
        interviewerIds.map((id, index) => {
          const leniency = leniencies[index];
          if (leniency instanceof Error) throw leniency;
          return [id, leniency.shrunkLeniency];
        }),
      );
      return scores.map(({ ratings, requirements, competencyKeys, assessment }) => {
        // Written out in full, not `{ ...row, more }` (see computeFit): one hidden class each.
        const calibrated = ratings.map(({ candidacyId, competencyKey, interviewerId, score }) => ({
          candidacyId,
          competencyKey,
          interviewerId,
          score: calibratedScore(score, shrunk.get(interviewerId)!),
        }));
        return {
          assessment: assess(competencyKeys, calibrated).map(({ key, ratingsCount, score }, index) => ({
            key,
            ratingsCount,
            score,
            spread: assessment[index].spread,
            disagreement: assessment[index].disagreement,
          })),
          fit: computeFit(requirements, calibrated),
          ratings: calibrated,
          requirements,
          competencyKeys,
        };
      });
    },
    { cacheKeyFn: (candidacy) => candidacy.id },
  );

// Plain or calibrated, as asked.
export function scoresLoader(context: Context, calibrated: boolean) {
  return context.loaders.get(calibrated ? calibratedCandidacyScoresLoader : candidacyScoresLoader);
}
