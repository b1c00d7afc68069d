import type { SecretBox } from '../common/secret-box';
import type { IncomingMessage } from 'node:http';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { Logger } from '../config/logger';
import { ApiErrorCode, unauthenticated } from '../common/errors';
import { LoaderRegistry } from '../common/loaders';
import { resolvePrincipal } from '../modules/auth';
import { newAuditTrail, type Context } from '../common/context';
import { recordMutation } from '../modules/audit';

// Runs before the operation is parsed, so it must not touch the database: a request refused by
// the query limits runs no SQL at all. The credential is checked in authenticate().
export function createContext(
  orm: MikroORM,
  request: IncomingMessage,
  requestId: string,
  logger: Logger,
  secrets: SecretBox,
  production = false,
): Context {
  const em = orm.em.fork({ clear: true, useContext: false }) as EntityManager;
  // The loaders come with the principal, in authenticate().
  const context: Omit<Context, 'loaders'> = {
    requestId,
    logger: logger.child({ requestId }),
    em,
    principal: null,
    token: bearerToken(request.headers.authorization),
    acceptLanguage: request.headers['accept-language'] ?? null,
    production,
    secrets,
    ip: request.socket.remoteAddress ?? 'unknown',
    http: { request },
    audit: newAuditTrail(),
    recordMutation,
  };
  return context as Context;
}

// Turns the bearer token into the principal and scopes the entity manager to its firm.
// Also makes the request's DataLoaders: Apollo hands resolvers a shallow copy of the object
// createContext returned, and the loaders must see the principal of that copy.
export async function authenticate(context: Context): Promise<void> {
  context.loaders = new LoaderRegistry(context);
  if (context.token === null) return;
  const principal = await resolvePrincipal(context.em, context.token);
  // A token that was sent but does not work fails the whole request, with HTTP 401.
  if (!principal) {
    throw new GraphQLError('The token is invalid, expired or revoked. Sign in again or use a valid API key.', {
      extensions: { code: ApiErrorCode.UNAUTHENTICATED, http: { status: 401 } },
    });
  }
  context.principal = principal;
  context.em.setFilterParams('tenant', { firmId: principal.firmId });
}

// The token of an `Authorization: Bearer <token>` header; null when there is none or it has another form.
export function parseBearer(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}

function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const token = parseBearer(header);
  if (token === null) throw unauthenticatedHttp('The Authorization header must be "Bearer <token>".');
  return token;
}

function unauthenticatedHttp(message: string): GraphQLError {
  const error = unauthenticated(message);
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 401 } } });
}
