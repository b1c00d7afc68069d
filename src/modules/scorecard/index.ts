import type { Feature } from '../../common/feature';

export const scorecardFeature: Feature = { resolvers: [], nodeSources: [] };
