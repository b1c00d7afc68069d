import { isAllowed } from '../../common/access';
import { defineNodeSource } from '../../common/node-source';
import { Mandate } from './mandate.entity';
import { MANDATES_READ } from './mandate.access';

export const mandateNode = defineNodeSource({
  typeName: 'Mandate',
  entity: Mandate,
  visibleTo: (principal) => (isAllowed(principal, MANDATES_READ) ? {} : null),
});
