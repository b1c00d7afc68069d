import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { Logger } from '../config/logger';
import type { Principal } from '../common/access';
import { ApiErrorCode, unauthenticated } from '../common/errors';
import { LoaderRegistry } from '../common/loaders';
import { resolvePrincipal } from '../modules/auth/auth.service';

// Everything that belongs to one request, and nothing that outlives it.
export interface Context {
  requestId: string;
  logger: Logger;
  // A fork of the entity manager for this request only, scoped to the principal's firm.
  em: EntityManager;
  principal: Principal | null;
  // The bearer token as sent (needed by logout).
  token: string | null;
  acceptLanguage: string | null;
  loaders: LoaderRegistry<Context>;
  // Production refuses what only makes sense on a developer's machine (e.g. loopback webhook URLs).
  production: boolean;
}

export async function createContext(orm: MikroORM, request: Request, logger: Logger, production = false): Promise<Context> {
  const requestId = String(request.res?.getHeader('x-request-id') ?? randomUUID());
  const em = orm.em.fork({ clear: true, useContext: false }) as EntityManager;
  const token = bearerToken(request.headers.authorization);
  let principal: Principal | null = null;
  if (token !== null) {
    principal = await resolvePrincipal(em, token);
    // A token that was sent but does not work fails the whole request, with HTTP 401.
    if (!principal) {
      throw new GraphQLError('The token is invalid, expired or revoked. Sign in again or use a valid API key.', {
        extensions: { code: ApiErrorCode.UNAUTHENTICATED, http: { status: 401 } },
      });
    }
    em.setFilterParams('tenant', { firmId: principal.firmId });
  }
  const context = {
    requestId,
    logger: logger.child({ requestId }),
    em,
    principal,
    token,
    acceptLanguage: request.headers['accept-language'] ?? null,
    production,
  } as Context;
  context.loaders = new LoaderRegistry(context);
  return context;
}

function bearerToken(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw unauthenticatedHttp('The Authorization header must be "Bearer <token>".');
  return match[1];
}

function unauthenticatedHttp(message: string): GraphQLError {
  const error = unauthenticated(message);
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 401 } } });
}

// The principal, or UNAUTHENTICATED: for resolvers that run after the auth checker has passed.
export function principalOf(context: Context): Principal {
  if (!context.principal) throw unauthenticated();
  return context.principal;
}
