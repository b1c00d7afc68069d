import { defineNodeSource } from '../../common/node-source';
import { Firm } from '../../common/firm.entity';

// Everyone of a firm may see the firm itself, and no other.
export const firmNode = defineNodeSource({
  typeName: 'Firm',
  entity: Firm,
  visibleTo: (principal) => ({ id: principal.firmId }),
});
