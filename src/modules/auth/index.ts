import type { Feature } from '../../common/feature';
import { AuthResolver } from './auth.resolver';

export const authFeature: Feature = { resolvers: [AuthResolver], nodeSources: [] };
