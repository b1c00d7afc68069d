import type { Feature } from '../../common/feature';
import { candidateNode } from './candidate.node';
import { CandidateResolver } from './candidate.resolver';

export const candidateFeature: Feature = { resolvers: [CandidateResolver], nodeSources: [candidateNode] };
