import type { Feature } from '../../common/feature';

export const clientFeature: Feature = { resolvers: [], nodeSources: [] };
