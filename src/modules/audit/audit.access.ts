import { Role, type Access } from '../../common/access';

// The log tells who looked at which candidate: for the firm's admins only. Not for API keys
// (no system needs it) and never for client users.
export const AUDIT_READERS: Access[] = [Role.ADMIN];
