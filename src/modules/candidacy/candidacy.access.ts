import { ApiKeyScope, Role, type Access } from '../../common/access';

// The pipeline belongs with the mandates: the firm's staff, and systems with the mandate scopes.
// Reaching the candidate's personal data from a candidacy also needs candidates:read.
export const PIPELINE_READERS: Access[] = [Role.ADMIN, Role.RECRUITER, ApiKeyScope.MANDATES_READ];
export const PIPELINE_WRITERS: Access[] = [Role.ADMIN, Role.RECRUITER, ApiKeyScope.MANDATES_WRITE];
