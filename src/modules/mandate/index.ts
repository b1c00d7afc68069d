import type { Feature } from '../../common/feature';

export const mandateFeature: Feature = { resolvers: [], nodeSources: [] };
