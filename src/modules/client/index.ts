import type { Feature } from '../../common/feature';
import { clientNode } from './client.node';
import { ClientResolver } from './client.resolver';

export const clientFeature: Feature = { resolvers: [ClientResolver], nodeSources: [clientNode] };
