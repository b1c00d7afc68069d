import type { Feature } from '../../common/feature';

export const candidateFeature: Feature = { resolvers: [], nodeSources: [] };
