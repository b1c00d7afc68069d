import { defineNodeSource, wholeFirmFor } from '../../common/node-source';
import { Client } from './client.entity';
import { MANDATE_READERS } from '../../common/access';

// Clients are read with the mandates: staff and keys with mandates:read see every client of
// the firm; client users none (yet).
export const clientNode = defineNodeSource({
  typeName: 'Client',
  entity: Client,
  visibleTo: wholeFirmFor(MANDATE_READERS),
});
