import { ApiKeyScope, Role } from '../../common/access';
import { defineNodeSource } from '../../common/node-source';
import { Interview } from './interview.entity';

// The firm's staff and API keys with assessments:read; never client users.
export const interviewNode = defineNodeSource({
  typeName: 'Interview',
  entity: Interview,
  visibleTo: (principal) => {
    if (principal.kind === 'API_KEY') return principal.scopes.includes(ApiKeyScope.ASSESSMENTS_READ) ? {} : null;
    return principal.role === Role.CLIENT ? null : {};
  },
});
