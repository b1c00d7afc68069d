import type { Feature } from '../../common/feature';
import { firmNode } from './firm.node';

export const firmFeature: Feature = { resolvers: [], nodeSources: [firmNode] };
