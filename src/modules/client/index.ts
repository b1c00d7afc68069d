import type { Feature } from '../../common/feature';
import { Client } from './client.entity';
import { clientNode } from './client.node';
import { ClientResolver } from './client.resolver';

export const clientFeature: Feature = { entities: [Client], resolvers: [ClientResolver], nodeSources: [clientNode] };

export { Client } from './client.entity';
export { clientByIdLoader } from './client.loaders';
export { createClient, type CreateClientData } from './client.service';
