import { createHash } from 'node:crypto';
import {
  HeaderMap,
  type GraphQLRequestContextDidResolveOperation,
  type GraphQLRequestContextExecutionDidStart,
  type GraphQLRequestContextResponseForOperation,
  type GraphQLRequestContextWillSendResponse,
  type GraphQLRequestExecutionListener,
  type GraphQLResponse,
} from '@apollo/server';
import type { Transaction } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import type { Principal } from '../../common/access';
import type { Context } from '../../common/context';
import { withholdResponse } from '../../common/errors';
import { restoreReads, type StoredRead, storedReads } from '../audit';
import { addIdentitiesOf, addIdsInAnswer } from './answer-subjects';
import { findStoredResponse, lockKey, purgeExpired, storeResponse, type KeyOwner } from './idempotency.repository';
import { SecretBox } from '../../common/secret-box';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_RETENTION_SECONDS = 24 * 60 * 60;
// A replayed response carries this header, so a client can tell it from a fresh one.
export const REPLAYED_HEADER = 'idempotent-replayed';

export enum IdempotencyErrorCode {
  INVALID = 'IDEMPOTENCY_KEY_INVALID',
  REUSED = 'IDEMPOTENCY_KEY_REUSED',
  IN_PROGRESS = 'IDEMPOTENCY_KEY_IN_PROGRESS',
}

// How long a duplicate waits for the first request with its key before it gets a conflict.
const KEY_WAIT_MS = 10_000;

export interface IdempotencyStore {
  retentionSeconds: number;
  // Every this many stored responses, the process deletes a batch of expired ones.
  purgeEvery: number;
  storedSincePurge: number;
}

export function createIdempotencyStore(options: Partial<Pick<IdempotencyStore, 'retentionSeconds' | 'purgeEvery'>> = {}): IdempotencyStore {
  return {
    retentionSeconds: options.retentionSeconds ?? IDEMPOTENCY_RETENTION_SECONDS,
    purgeEvery: options.purgeEvery ?? 100,
    storedSincePurge: 0,
  };
}

// One keyed mutation in flight: the transaction it runs in, or the response it replays.
interface KeyedRequest {
  owner: KeyOwner;
  requestHash: string;
  em: EntityManager;
  transaction: Transaction | null;
  replay: { body: string; status: number; reads: StoredRead[] } | null;
  // What the answer is about, noted while the mutation executes (answer-subjects.ts).
  subjects: Set<string>;
}

// Keyed by the request's context object (the same one through every hook of a request).
const inFlight = new WeakMap<Context, KeyedRequest>();

// 1–255 visible ASCII characters: what a UUID, a ULID or any sane client key is made of.
const VALID_KEY = /^[\x21-\x7e]{1,255}$/;

// Pipeline step 4 (after authentication). For a mutation with a key: opens the transaction the
// whole operation runs in, takes the key's lock, and either finds the first response (replayed
// by replayIdempotentResponse instead of executing) or lets the mutation run. Queries and
// requests without the header run no SQL here.
export async function beginIdempotentRequest(
  store: IdempotencyStore,
  requestContext: GraphQLRequestContextDidResolveOperation<Context>,
): Promise<void> {
  if (requestContext.operation?.operation !== 'mutation') return;
  const context = requestContext.contextValue;
  const key = parseKey(context.http.request.headers[IDEMPOTENCY_HEADER]);
  // Without a principal (login) there is nobody to keep the key for: the header is ignored.
  if (key === null || context.principal === null) return;

  const owner: KeyOwner = { firmId: context.principal.firmId, principal: principalKey(context.principal), key };
  const em = context.em;
  const transaction = (await em.getConnection('write').begin()) as Transaction;
  em.setTransactionContext(transaction);
  const request: KeyedRequest = { owner, requestHash: requestHash(requestContext), em, transaction, replay: null, subjects: new Set() };
  // From here on finishIdempotentRequest ends the transaction, whatever happens next.
  inFlight.set(context, request);

  if (!(await lockKey(em, owner, KEY_WAIT_MS))) {
    throw new GraphQLError(
      `A request with this Idempotency-Key is still running after ${KEY_WAIT_MS / 1000} s. Retry later with the same key.`,
      { extensions: { code: IdempotencyErrorCode.IN_PROGRESS, http: { status: 409 } } },
    );
  }
  const stored = await findStoredResponse(em, owner);
  if (!stored) return;
  if (stored.requestHash !== request.requestHash) {
    throw new GraphQLError(
      'This Idempotency-Key was already used for a different request (another query, operation name or variables). ' +
        'Use a new key for a new request.',
      { extensions: { code: IdempotencyErrorCode.REUSED, http: { status: 422 } } },
    );
  }
  const body = SecretBox.isSealed(stored.body) ? context.secrets.open(stored.body, sealContextOf(owner)) : stored.body;
  request.replay = { body, status: stored.status, reads: stored.reads };
  await endTransaction(request, 'rollback');
}

// Apollo's responseForOperation: the stored first response, instead of running the mutation again.
// No resolver runs, so the personal data in it is put on this request's audit trail from the
// stored reads: willSendResponse logs them as this request's reads, as for the first one.
export function replayIdempotentResponse(requestContext: GraphQLRequestContextResponseForOperation<Context>): GraphQLResponse | null {
  const replay = inFlight.get(requestContext.contextValue)?.replay;
  if (!replay) return null;
  restoreReads(requestContext.contextValue.audit, replay.reads);
  return {
    body: { kind: 'single', singleResult: JSON.parse(replay.body) },
    http: { status: replay.status, headers: new HeaderMap([[REPLAYED_HEADER, 'true']]) },
  };
}

// executionDidStart: while a keyed mutation executes, the source of every field it resolves is
// noted, so the stored answer records what it is about (answer-subjects.ts). Every other request,
// replays included, adds no listener: Apollo's wrapper around each resolver then finds no hook.
export function noteAnswerSubjects(
  requestContext: GraphQLRequestContextExecutionDidStart<Context>,
): GraphQLRequestExecutionListener<Context> | undefined {
  const request = inFlight.get(requestContext.contextValue);
  if (!request || request.replay) return undefined;
  // A source with many fields (an entity in a list) is looked at once.
  const seen = new WeakSet<object>();
  return {
    willResolveField({ source }) {
      if (typeof source !== 'object' || source === null || seen.has(source)) return;
      seen.add(source);
      addIdentitiesOf(source, request.subjects);
    },
  };
}

// willSendResponse: a response without errors is stored and committed with the mutation's
// writes, before it is sent. Anything else rolls back, so a keyed request is all or nothing.
export async function finishIdempotentRequest(
  store: IdempotencyStore,
  requestContext: GraphQLRequestContextWillSendResponse<Context>,
): Promise<void> {
  const context = requestContext.contextValue;
  const request = context ? inFlight.get(context) : undefined;
  if (!request) return;
  inFlight.delete(context);
  if (request.transaction === null) return;

  const { response } = requestContext;
  const result = response.body.kind === 'single' ? response.body.singleResult : null;
  if (!result || result.errors?.length || result.data == null) {
    await endTransaction(request, 'rollback').catch((error) => context.logger.warn({ err: error }, 'idempotency: rollback failed'));
    // Data next to errors would describe writes that were just rolled back.
    if (result && result.data != null) response.body = { kind: 'single', singleResult: { ...result, data: null } };
    return;
  }

  try {
    const answer = JSON.stringify(result);
    // An answer that hands out a secret (a new API key, a webhook signing secret) is kept sealed
    // with DATA_ENCRYPTION_KEY, like the secrets themselves: a dump of the table must not reveal it.
    const body = HANDS_OUT_SECRET.test(answer) ? context.secrets.seal(answer, sealContextOf(request.owner)) : answer;
    addIdsInAnswer(result.data, request.subjects);
    await storeResponse(
      request.em,
      request.owner,
      {
        requestHash: request.requestHash,
        body,
        status: response.http.status ?? 200,
        reads: storedReads(context.audit),
        subjectIds: [...request.subjects].sort(),
      },
      store.retentionSeconds,
    );
    await endTransaction(request, 'commit');
  } catch (error) {
    // Nothing may be acknowledged that is not known to be committed. If the commit did go
    // through before the connection broke, a retry with the same key replays it.
    context.logger.error({ err: error }, 'idempotency: the keyed mutation could not be committed');
    await endTransaction(request, 'rollback').catch(() => undefined);
    withholdResponse(
      response,
      context.requestId,
      503,
      'The change could not be confirmed as saved. Retry with the same Idempotency-Key: it returns the result if it was saved, or makes the change now.',
    );
    return;
  }

  if (++store.storedSincePurge >= store.purgeEvery) {
    store.storedSincePurge = 0;
    await purgeExpired(request.em).catch((error) => context.logger.warn({ err: error }, 'idempotency: purge of expired keys failed'));
  }
}

async function endTransaction(request: KeyedRequest, how: 'commit' | 'rollback'): Promise<void> {
  const transaction = request.transaction;
  if (!transaction) return;
  request.transaction = null;
  request.em.resetTransactionContext();
  // Not em.commit(): that would flush the request's entity manager, which mutations never rely on.
  const connection = request.em.getConnection('write');
  await (how === 'commit' ? connection.commit(transaction) : connection.rollback(transaction));
}

function parseKey(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  if (typeof header !== 'string' || !VALID_KEY.test(header)) {
    throw new GraphQLError('The Idempotency-Key header must be 1 to 255 visible ASCII characters (no spaces), e.g. a UUID.', {
      extensions: { code: IdempotencyErrorCode.INVALID, http: { status: 400 } },
    });
  }
  return header;
}

const HANDS_OUT_SECRET = /"secret":"/;

// What a sealed answer is bound to: it opens only for the key it was stored under.
function sealContextOf(owner: KeyOwner): string {
  return `idempotency:${owner.firmId}:${owner.principal}:${owner.key}`;
}

function principalKey(principal: Principal): string {
  return principal.kind === 'USER' ? `user:${principal.userId}` : `api-key:${principal.apiKeyId}`;
}

// The request as sent: query text, operation name and variables (keys sorted, so a client that
// serialises the same variables in another order is still making the same request).
function requestHash(requestContext: GraphQLRequestContextDidResolveOperation<Context>): string {
  const { request, source } = requestContext;
  return createHash('sha256')
    .update(canonicalJson([source, request.operationName ?? null, request.variables ?? {}]))
    .digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
