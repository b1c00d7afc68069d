import type { Feature } from '../../common/feature';

export const candidacyFeature: Feature = { resolvers: [], nodeSources: [] };
