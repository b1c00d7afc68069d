import { ApiKeyScope, Role, STAFF, type Access } from '../../common/access';

// Who may read rubrics: the firm's staff, and systems that read mandates or assessments
// (both need the competencies and scales to make sense of what they read).
export const RUBRIC_READERS: Access[] = [...STAFF, ApiKeyScope.MANDATES_READ, ApiKeyScope.ASSESSMENTS_READ];

// Who may write drafts: people only; no API key scope writes rubrics.
export const RUBRIC_AUTHORS: Access[] = [...STAFF];

// Publishing freezes a version every score will be given against: a partner's decision.
export const RUBRIC_PUBLISHERS: Access[] = [Role.ADMIN];
