import type { Feature } from '../../common/feature';
import { CandidacyFitResolver, MandateFitResolver } from './fit.resolver';

export const fitFeature: Feature = { resolvers: [CandidacyFitResolver, MandateFitResolver], nodeSources: [] };
