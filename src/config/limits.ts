// The one place that sets the API's limits. README.md § Security lists them all.

// Query shape, checked while the operation is validated (GraphQL Armor, and graphql's own parser for tokens).
export const QUERY_LIMITS = {
  // Nested selections; fragments do not count as a level of their own.
  depth: 8,
  aliases: 15,
  directives: 50,
  // Lexical tokens of the query text: the parser stops at the first one over.
  tokens: 1000,
  // Points per operation, computed with the variables (see query-limits.ts for the weights).
  cost: 1000,
} as const;

// Candidates in one upsertCandidates call (and one batch of the CSV import).
export const MAX_UPSERT_BATCH = 500;

// The upsert is set-based: a batch runs the same statements whatever its size (8 for 500 as for
// 5), and an item costs about 1.4 ms of the server over HTTP on a busy 2-core machine (validation,
// JSON; measured in test/integration/upsert-throughput.test.ts, README § Integrating an ATS), where
// one point of a read is a whole statement and its rows. So the rate-limit cost is 1 point per this
// many candidates (on top of the mutation's 10), not 1 per candidate: a full batch costs 30 points,
// and the default bucket (50 points per second) carries 833 candidates per second of one key, sustained.
export const UPSERT_CANDIDATES_PER_POINT = 25;

// Items in any list given as an argument or inside an input object (variables included).
export const INPUT_LIST_LIMIT = 250;
// The documented exceptions, by root field and path inside its arguments.
export const INPUT_LIST_EXCEPTIONS: Record<string, number> = {
  'upsertCandidates.input.candidates': MAX_UPSERT_BATCH,
};

// Request bodies. Some mutations legitimately send more than 100 kB: a batch of 500 candidates, a
// rubric written in four languages (up to 30 competencies, each with indicators, questions and
// anchors). A body whose operation is a mutation with only such root fields may be up to BULK_BODY_LIMIT.
export const REQUEST_BODY_LIMIT = 100 * 1024;
export const BULK_BODY_LIMIT = 1024 * 1024;
export const BULK_MUTATIONS: readonly string[] = ['upsertCandidates', 'createRubric', 'updateRubricDraft'];

// The token bucket per credential (see rate-limit.ts); the RATE_LIMIT_* variables override it.
export interface RateLimitConfig {
  capacity: number;
  refillPerSecond: number;
  // memory: per process. postgres: shared by every API process on the database (table rate_limit.bucket).
  store: 'memory' | 'postgres';
  // Connections of the PostgreSQL store's own pool.
  poolSize: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { capacity: 1000, refillPerSecond: 50, store: 'memory', poolSize: 2 };
