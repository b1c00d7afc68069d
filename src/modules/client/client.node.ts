import { isAllowed } from '../../common/access';
import { defineNodeSource } from '../../common/node-source';
import { Client } from './client.entity';
import { CLIENTS_READ } from './client.access';

// Staff and keys with mandates:read see every client of the firm; client users none (yet).
export const clientNode = defineNodeSource({
  typeName: 'Client',
  entity: Client,
  visibleTo: (principal) => (isAllowed(principal, CLIENTS_READ) ? {} : null),
});
