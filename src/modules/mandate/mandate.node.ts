import { defineNodeSource, wholeFirmFor } from '../../common/node-source';
import { Mandate } from './mandate.entity';
import { mandatesById } from './mandate.loaders';
import { MANDATE_READERS } from '../../common/access';

export const mandateNode = defineNodeSource({
  typeName: 'Mandate',
  entity: Mandate,
  visibleTo: wholeFirmFor(MANDATE_READERS),
  rowsById: mandatesById,
});
