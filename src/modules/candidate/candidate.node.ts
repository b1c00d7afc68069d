import { defineNodeSource } from '../../common/node-source';
import { Candidate } from './candidate.entity';
import { CANDIDATE_READERS, isAllowed } from '../../common/access';

// Personal data: the firm's staff and keys with candidates:read; never client users. A record
// merged into another is gone for node(id) (a sync still shows it once, marked merged).
export const candidateNode = defineNodeSource({
  typeName: 'Candidate',
  entity: Candidate,
  visibleTo: (principal) => (isAllowed(principal, CANDIDATE_READERS) ? { mergedAt: null } : null),
});
