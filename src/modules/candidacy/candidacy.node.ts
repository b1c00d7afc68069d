import { isAllowed } from '../../common/access';
import { defineNodeSource } from '../../common/node-source';
import { Candidacy } from './candidacy.entity';
import { PIPELINE_READERS } from './candidacy.access';

export const candidacyNode = defineNodeSource({
  typeName: 'Candidacy',
  entity: Candidacy,
  visibleTo: (principal) => (isAllowed(principal, PIPELINE_READERS) ? {} : null),
});
