import { defineNodeSource, wholeFirmFor } from '../../common/node-source';
import { MANDATES_READ } from '../mandate/mandate.access';
import { Candidacy } from './candidacy.entity';

// The pipeline belongs with the mandates.
export const candidacyNode = defineNodeSource({
  typeName: 'Candidacy',
  entity: Candidacy,
  visibleTo: wholeFirmFor(MANDATES_READ),
});
