import type { Feature } from '../../common/feature';

export const rubricFeature: Feature = { resolvers: [], nodeSources: [] };
