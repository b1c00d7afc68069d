import { defineNodeSource, wholeFirmFor } from '../../common/node-source';
import { MANDATES_READ } from '../mandate/mandate.access';
import { Client } from './client.entity';

// Clients are read with the mandates: staff and keys with mandates:read see every client of
// the firm; client users none (yet).
export const clientNode = defineNodeSource({
  typeName: 'Client',
  entity: Client,
  visibleTo: wholeFirmFor(MANDATES_READ),
});
