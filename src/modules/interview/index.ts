import type { Feature } from '../../common/feature';

export const interviewFeature: Feature = { resolvers: [], nodeSources: [] };
