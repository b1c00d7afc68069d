import type { Feature } from '../../common/feature';
import { Candidacy } from './candidacy.entity';
import { CandidacyStageChange } from './candidacy-stage-change.entity';
import { candidacyNode } from './candidacy.node';
import {
  CandidacyResolver,
  CandidacyStageChangeResolver,
  CandidateCandidaciesResolver,
  MandateCandidaciesResolver,
} from './candidacy.resolver';

export const candidacyFeature: Feature = {
  entities: [Candidacy, CandidacyStageChange],
  resolvers: [CandidacyResolver, CandidacyStageChangeResolver, MandateCandidaciesResolver, CandidateCandidaciesResolver],
  nodeSources: [candidacyNode],
};

export { canMoveCandidacy, DECIDED_STAGES, EXIT_STAGES, moveNeedsReason, pipelineStages } from './candidacy-stage';
export { CandidacyStageChange } from './candidacy-stage-change.entity';
export { Candidacy, CandidacySource, CandidacyStage } from './candidacy.entity';
export { CandidacyConnection } from './candidacy.inputs';
export { candidacyByIdLoader, type CandidacyRow } from './candidacy.loaders';
export { addCandidateToMandate, moveCandidacy, recordStageChange } from './candidacy.service';
