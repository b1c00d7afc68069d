import type { Feature } from '../../common/feature';
import { Session } from './session.entity';
import { AuthResolver } from './auth.resolver';

export const authFeature: Feature = { entities: [Session], resolvers: [AuthResolver], nodeSources: [] };

export { login, resolvePrincipal } from './auth.service';
export { Session } from './session.entity';
