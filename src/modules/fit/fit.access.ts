import { ApiKeyScope, Role, type Access } from '../../common/access';

// Scores, fit and ranking: the firm's staff and systems with assessments:read. Client users
// see fit only through the shortlists published to them.
export const SCORE_READERS: Access[] = [Role.ADMIN, Role.RECRUITER, ApiKeyScope.ASSESSMENTS_READ];
