import { defineNodeSource, wholeFirmFor } from '../../common/node-source';
import { Mandate } from './mandate.entity';
import { MANDATES_READ } from './mandate.access';

export const mandateNode = defineNodeSource({
  typeName: 'Mandate',
  entity: Mandate,
  visibleTo: wholeFirmFor(MANDATES_READ),
});
