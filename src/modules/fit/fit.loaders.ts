import DataLoader from 'dataloader';
import { principalOf, type Context } from '../../common/context';
import type { CandidacyRow } from '../candidacy';
import { assess, computeFit, type CompetencyAssessment, type FitResult } from './fit-model';
import { findFitInputs } from './fit.repository';

export interface CandidacyScores {
  assessment: CompetencyAssessment[];
  fit: FitResult;
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
        return {
          assessment: assess(inputs.competencyKeys.get(candidacy.mandate.id) ?? [], ratings),
          fit: computeFit(requirements, ratings),
        };
      });
    },
    { cacheKeyFn: (candidacy) => candidacy.id },
  );
