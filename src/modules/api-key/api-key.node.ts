import { Role } from '../../common/access';
import { defineNodeSource } from '../../common/node-source';
import { ApiKey } from './api-key.entity';

// Only admins manage keys; a key may see itself (viewer.apiKey).
export const apiKeyNode = defineNodeSource({
  typeName: 'ApiKey',
  entity: ApiKey,
  visibleTo: (principal) => {
    if (principal.kind === 'API_KEY') return { id: principal.apiKeyId };
    return principal.role === Role.ADMIN ? {} : null;
  },
});
