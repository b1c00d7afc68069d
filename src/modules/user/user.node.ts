import { Role } from '../../common/access';
import { defineNodeSource } from '../../common/node-source';
import { User } from './user.entity';

// The firm's staff see its users; a client contact sees only themself; API keys see none.
export const userNode = defineNodeSource({
  typeName: 'User',
  entity: User,
  visibleTo: (principal) => {
    if (principal.kind !== 'USER') return null;
    return principal.role === Role.CLIENT ? { id: principal.userId } : {};
  },
});
