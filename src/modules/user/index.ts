import type { Feature } from '../../common/feature';
import { userNode } from './user.node';

export const userFeature: Feature = { resolvers: [], nodeSources: [userNode] };
