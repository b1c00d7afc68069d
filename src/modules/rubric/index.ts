import type { Feature } from '../../common/feature';
import { Rubric } from './rubric.entity';
import { Competency } from './competency.entity';
import { competencyNode, rubricNode } from './rubric.node';
import { RubricResolver } from './rubric.resolver';
import { CompetencyResolver } from './competency.resolver';

export const rubricFeature: Feature = {
  entities: [Rubric, Competency],
  resolvers: [RubricResolver, CompetencyResolver],
  nodeSources: [rubricNode, competencyNode],
};

export { Competency } from './competency.entity';
export { RatingAnchor } from './rating-anchor.type';
export { customerOrientedLeadershipRubric } from './customer-oriented-leadership';
export { DEFAULT_RUBRIC_KEY, installDefaultRubric } from './default-rubric';
export { Rubric, RubricStatus } from './rubric.entity';
export { SCALE } from './rubric.limits';
export { competenciesByRubricLoader, competencyKeysByRubricLoader, rubricByIdLoader } from './rubric.loaders';
