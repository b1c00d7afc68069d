import type { Feature } from '../../common/feature';
import { userNode } from './user.node';
import { UserResolver } from './user.resolver';

export const userFeature: Feature = { resolvers: [UserResolver], nodeSources: [userNode] };
