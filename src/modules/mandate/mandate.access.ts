import { ApiKeyScope, Role, type Access } from '../../common/access';

// Who may read and write mandates and their requirement profiles. Client users get their own
// read-only views of their company's mandates later (shortlists).
export const MANDATES_READ: Access[] = [Role.ADMIN, Role.RECRUITER, ApiKeyScope.MANDATES_READ];
export const MANDATES_WRITE: Access[] = [Role.ADMIN, Role.RECRUITER, ApiKeyScope.MANDATES_WRITE];

// A mandate's relations (client, lead recruiter, rubric, profile): readable with mandates:read,
// and by a key with mandates:write in the payloads of the mutations it may make.
export const MANDATE_RELATIONS_READ: Access[] = [...MANDATES_READ, ApiKeyScope.MANDATES_WRITE];
