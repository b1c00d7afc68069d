import type { Feature } from '../../common/feature';
import { User } from './user.entity';
import { userNode } from './user.node';
import { UserResolver } from './user.resolver';

export const userFeature: Feature = { entities: [User], resolvers: [UserResolver], nodeSources: [userNode] };

export { DECOY_PASSWORD_HASH, verifyPassword } from './password';
export { User } from './user.entity';
export { userByIdLoader } from './user.loaders';
export { createUser } from './user.service';
