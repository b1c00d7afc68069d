import { ApiKeyScope, STAFF, type Access } from '../../common/access';

// Clients, mandates with their requirement profiles, and the pipeline of candidacies: the
// firm's staff, and systems with the mandate scopes. Client users get their own read-only
// views of their company's mandates later (shortlists).
export const MANDATES_READ: Access[] = [...STAFF, ApiKeyScope.MANDATES_READ];
export const MANDATES_WRITE: Access[] = [...STAFF, ApiKeyScope.MANDATES_WRITE];

// A mandate's relations (client, lead recruiter, rubric, profile): readable with mandates:read,
// and by a key with mandates:write in the payloads of the mutations it may make.
export const MANDATE_RELATIONS_READ: Access[] = [...MANDATES_READ, ApiKeyScope.MANDATES_WRITE];
