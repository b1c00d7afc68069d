import type { Feature } from '../../common/feature';
import { competencyNode, rubricNode } from './rubric.node';
import { RubricResolver } from './rubric.resolver';
import { CompetencyResolver } from './competency.resolver';

export const rubricFeature: Feature = { resolvers: [RubricResolver, CompetencyResolver], nodeSources: [rubricNode, competencyNode] };
