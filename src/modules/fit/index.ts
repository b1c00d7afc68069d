import type { Feature } from '../../common/feature';
import {
  CandidacyFitResolver,
  ComparisonRowResolver,
  CompetencyAssessmentResolver,
  CompetencyFitResolver,
  InterviewerLeniencyResolver,
  MandateFitResolver,
} from './fit.resolver';

export const fitFeature: Feature = {
  entities: [],
  resolvers: [
    CandidacyFitResolver,
    MandateFitResolver,
    ComparisonRowResolver,
    CompetencyAssessmentResolver,
    CompetencyFitResolver,
    InterviewerLeniencyResolver,
  ],
  nodeSources: [],
};

export {
  assess,
  compareRanking,
  type CompetencyFigures,
  type CompetencyFit,
  competencyFit,
  computeFit,
  type FitResult,
  DISAGREEMENT_SPREAD,
  type RankedCandidacy,
  type RequirementSpec,
  scoreAgainst,
} from './fit-model';
export { Fit, CompetencyFit as CompetencyFitType } from './fit.types';
export { competencyFitOf, fitOfMandate, type PooledFigures } from './fit.service';
export { attainmentSql, findFitInputs, FIT_FROM_SUMS_SQL, FIT_SUMS_SQL, rankMandate } from './fit.repository';
