import { ApiKeyScope, STAFF, type Access } from '../../common/access';

// Interviews and what scorecards say: the firm's staff, and systems with assessments:read.
// Which scorecards a caller gets at all is decided by independent scoring (independent-scoring.ts).
export const ASSESSMENT_READERS: Access[] = [...STAFF, ApiKeyScope.ASSESSMENTS_READ];

// Scoring is a human judgement: staff only, and only on their own scorecards; never an API key.
export const SCORERS: Access[] = [...STAFF];
