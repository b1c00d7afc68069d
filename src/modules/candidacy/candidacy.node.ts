import { defineNodeSource, wholeFirmFor } from '../../common/node-source';
import { Candidacy } from './candidacy.entity';
import { candidaciesById } from './candidacy.loaders';
import { MANDATE_READERS } from '../../common/access';

// The pipeline belongs with the mandates.
export const candidacyNode = defineNodeSource({
  typeName: 'Candidacy',
  entity: Candidacy,
  visibleTo: wholeFirmFor(MANDATE_READERS),
  rowsById: candidaciesById,
});
