import { ApiKeyScope, Role, type Access } from '../../common/access';

// Candidates are personal data: the firm's staff, and systems with the candidate scopes.
export const CANDIDATE_READERS: Access[] = [Role.ADMIN, Role.RECRUITER, ApiKeyScope.CANDIDATES_READ];
export const CANDIDATE_WRITERS: Access[] = [Role.ADMIN, Role.RECRUITER, ApiKeyScope.CANDIDATES_WRITE];
