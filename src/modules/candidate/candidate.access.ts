import { ApiKeyScope, STAFF, type Access } from '../../common/access';

// Candidates are personal data: the firm's staff, and systems with the candidate scopes.
export const CANDIDATE_READERS: Access[] = [...STAFF, ApiKeyScope.CANDIDATES_READ];
export const CANDIDATE_WRITERS: Access[] = [...STAFF, ApiKeyScope.CANDIDATES_WRITE];
