import { ApiKeyScope, Role, type Access } from '../../common/access';

// Webhooks carry the firm's events out to other systems: admins, and keys with webhooks:manage.
export const WEBHOOK_MANAGERS: Access[] = [Role.ADMIN, ApiKeyScope.WEBHOOKS_MANAGE];
