import type { GraphQLRequestContextDidResolveOperation, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { HttpStep } from './http-limits';
import type { Principal } from '../common/access';
import type { Context } from '../common/context';
import { parseLsn, readRoutes } from '../config/replicas';

// Which side a request reads from when read replicas are configured (DATABASE_REPLICA_URLS;
// src/config/replicas.ts routes the statements). The rule (README, "Scaling out"):
//   - a request starts on the primary: the token look-up (which may write lastUsedAt) and the
//     rate limiter run there;
//   - a mutation stays on the primary for everything: its transaction, and the reads of its payload;
//   - a query moves to a replica once the principal is known, but only to a replica that has
//     replayed the principal's last write (read-your-writes): after each mutation, the primary's
//     WAL position is kept in principal_write, which every API process reads;
//   - before the answer leaves, the request is back on the primary (audit rows, the idempotency
//     key, the principal's write position are written there).
// Anonymous queries have no writes of their own and may read from any healthy replica.

// Runs the rest of the request (Apollo) with a route of its own, starting on the primary. After
// the body is parsed: a stream's callbacks would not carry the route.
export function readRouteMiddleware(): HttpStep {
  return (_request, _response, next) => readRoutes.run({ side: 'primary', minLsn: 0n }, next);
}

// After authentication: a query of this principal reads from a replica that has seen its last write.
export async function routeQueryReads(requestContext: GraphQLRequestContextDidResolveOperation<Context>): Promise<void> {
  const route = readRoutes.getStore();
  if (!route || requestContext.operation?.operation !== 'query') return;
  const { principal, em } = requestContext.contextValue;
  let minLsn = 0n;
  if (principal) {
    const [row] = await em.execute<{ lsn: string }[]>(
      'select "lsn"::text as "lsn" from "principal_write" where "firm_id" = ? and "principal_id" = ?',
      [principal.firmId, principalId(principal)],
    );
    if (row) minLsn = parseLsn(row.lsn);
  }
  route.minLsn = minLsn;
  route.side = 'replica';
}

// Before the answer leaves: back on the primary.
export function endReadRoute(): void {
  const route = readRoutes.getStore();
  if (!route) return;
  route.side = 'primary';
  route.pinned = undefined;
}

// After a mutation (its transaction has ended): the principal's write position, on the primary.
export async function noteWrite(requestContext: GraphQLRequestContextWillSendResponse<Context>): Promise<void> {
  const { principal, em, logger } = requestContext.contextValue;
  if (!readRoutes.getStore() || requestContext.operation?.operation !== 'mutation' || !principal) return;
  try {
    // After the mutation's commit, so the position covers it; greatest(): a slower concurrent
    // request of the same principal must not move it back.
    await em.execute(
      `insert into "principal_write" ("firm_id", "principal_id", "lsn") values (?, ?, pg_current_wal_lsn())
       on conflict ("firm_id", "principal_id") do update set "lsn" = greatest("principal_write"."lsn", excluded."lsn")`,
      [principal.firmId, principalId(principal)],
      'run',
    );
  } catch (error) {
    // The write itself is committed; without its position the principal may read a replica a
    // moment behind. Not a reason to fail the answer.
    logger.warn({ err: error }, 'read routing: the write position of this principal could not be kept');
  }
}

function principalId(principal: Principal): string {
  return principal.kind === 'USER' ? principal.userId : principal.apiKeyId;
}
