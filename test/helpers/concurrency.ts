import type { GraphQLResponse } from './graphql-client';
import type { TestApp } from './test-app';

// What the concurrency tests share: every answer of a burst must be a plain 200 without errors,
// and the burst must really contend (transactions seen waiting on each other's locks).

export function ok<T>(response: GraphQLResponse<T>): T {
  expect({ status: response.status, errors: response.errors }).toEqual({ status: 200, errors: undefined });
  return response.data!;
}

// How many of the test database's transactions wait on a lock right now.
export async function transactionsWaiting(app: TestApp): Promise<number> {
  const [row]: { waiting: number }[] = await app
    .em()
    .execute(`select count(*)::int as waiting from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`);
  return row.waiting;
}
