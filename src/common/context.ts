import type { SecretBox } from './secret-box';
import type { IncomingMessage } from 'node:http';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Principal } from './access';
import { unauthenticated } from './errors';
import type { LoaderRegistry } from './loaders';
import type { Selection } from './selection';

// What one request will write to the audit log, gathered while it runs (modules/audit writes it).
export interface AuditTrail {
  // The mutation running now (mutations run one after another), set as its resolver starts.
  mutation: { action: string; input: Record<string, unknown> } | null;
  // Personal data read: per object, the fields. Written in one statement before the response.
  reads: Map<string, { objectType: string; objectId: string; fields: Set<string> }>;
  // The audited object a child row belongs to (a scorecard revision's ratings → the scorecard).
  subjects: Map<string, { objectType: string; objectId: string }>;
  // When this request's mutation row was written (ms): its reads come strictly after it.
  mutatedAt: number;
}

export function newAuditTrail(): AuditTrail {
  return { mutation: null, reads: new Map(), subjects: new Map(), mutatedAt: 0 };
}

// The user a mutation acted as when the request had no principal yet (login: the user it signed in).
export interface ActingUser {
  firmId: string;
  userId: string;
}

// Adds a mutation's audit row to its transaction. The server wires modules/audit in here, so
// that runMutation (common) records every mutation without common knowing any feature.
export type MutationRecorder = (
  transaction: EntityManager,
  request: Context,
  mutation: NonNullable<AuditTrail['mutation']>,
  result: object,
  actingUser: ActingUser | null,
) => void;

// Everything that belongs to one request, and nothing that outlives it (made in server/context.ts).
export interface Context {
  requestId: string;
  logger: Logger;
  // A fork of the entity manager for this request only, scoped to the principal's firm.
  em: EntityManager;
  // Set by authenticate() once the operation has passed validation and the limits (see server/request-pipeline.ts).
  principal: Principal | null;
  // The bearer token as sent (needed by logout; the rate-limit key before any SQL has run).
  token: string | null;
  acceptLanguage: string | null;
  loaders: LoaderRegistry<Context>;
  // Production refuses what only makes sense on a developer's machine (e.g. loopback webhook URLs).
  production: boolean;
  // Seals and opens the secrets kept encrypted at rest (DATA_ENCRYPTION_KEY).
  secrets: SecretBox;
  // The caller's address: the rate-limit key of anonymous requests.
  ip: string;
  // The raw HTTP request and response, for the pipeline steps that read headers or set them.
  http: { request: IncomingMessage };
  // What the request did and read, for the audit log.
  audit: AuditTrail;
  recordMutation: MutationRecorder;
  // The fields a query's document asks for, by type (set as a query starts to run; unset for
  // mutations and anything else): the plain-row loaders leave out their optional columns that no
  // field asks for (common/rows.ts). Unset, they read every column.
  selected?: Selection;
}

// The principal, or UNAUTHENTICATED: for resolvers that run after the auth checker has passed.
export function principalOf(context: Context): Principal {
  if (!context.principal) throw unauthenticated();
  return context.principal;
}
