import { defineNodeSource, wholeFirmFor } from '../../common/node-source';
import { ASSESSMENT_READERS } from '../scorecard/scorecard.access';
import { Interview } from './interview.entity';

// The firm's staff and API keys with assessments:read; never client users.
export const interviewNode = defineNodeSource({
  typeName: 'Interview',
  entity: Interview,
  visibleTo: wholeFirmFor(ASSESSMENT_READERS),
});
