import { defineNodeSource, wholeFirmFor } from '../../common/node-source';
import { Interview } from './interview.entity';
import { interviewsById } from './interview.loaders';
import { ASSESSMENT_READERS } from '../../common/access';

// The firm's staff and API keys with assessments:read; never client users.
export const interviewNode = defineNodeSource({
  typeName: 'Interview',
  entity: Interview,
  visibleTo: wholeFirmFor(ASSESSMENT_READERS),
  rowsById: interviewsById,
});
