import { defineNodeSource, wholeFirmFor } from '../../common/node-source';
import { Rubric } from './rubric.entity';
import { Competency } from './competency.entity';
import { RUBRIC_READERS } from '../../common/access';

// Readers see every rubric of their firm, drafts included; anyone else sees none.
export const rubricNode = defineNodeSource({
  typeName: 'Rubric',
  entity: Rubric,
  visibleTo: wholeFirmFor(RUBRIC_READERS),
});

export const competencyNode = defineNodeSource({
  typeName: 'Competency',
  entity: Competency,
  visibleTo: wholeFirmFor(RUBRIC_READERS),
});
