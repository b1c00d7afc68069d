import { defineNodeSource, wholeFirmFor } from '../../common/node-source';
import { Candidate } from './candidate.entity';
import { CANDIDATE_READERS } from '../../common/access';

// Personal data: the firm's staff and keys with candidates:read; never client users.
export const candidateNode = defineNodeSource({
  typeName: 'Candidate',
  entity: Candidate,
  visibleTo: wholeFirmFor(CANDIDATE_READERS),
});
