import { ApiKeyScope, Role, type Access } from '../../common/access';

// Who may read and write clients (the firm's staff, and API keys with the mandate scopes).
export const CLIENTS_READ: Access[] = [Role.ADMIN, Role.RECRUITER, ApiKeyScope.MANDATES_READ];
export const CLIENTS_WRITE: Access[] = [Role.ADMIN, Role.RECRUITER, ApiKeyScope.MANDATES_WRITE];
