import type { Feature } from '../../common/feature';
import { candidacyNode } from './candidacy.node';
import {
  CandidacyResolver,
  CandidacyStageChangeResolver,
  CandidateCandidaciesResolver,
  MandateCandidaciesResolver,
} from './candidacy.resolver';

export const candidacyFeature: Feature = {
  resolvers: [CandidacyResolver, CandidacyStageChangeResolver, MandateCandidaciesResolver, CandidateCandidaciesResolver],
  nodeSources: [candidacyNode],
};
