import type { GraphQLRequestContextDidResolveOperation, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { Context } from '../../server/context';

// PLACEHOLDER (hardening, #7): Idempotency-Key on mutations.
export interface IdempotencyStore {
  readonly kind: 'placeholder';
}

export function createIdempotencyStore(): IdempotencyStore {
  return { kind: 'placeholder' };
}

export async function beginIdempotentRequest(
  _store: IdempotencyStore,
  _requestContext: GraphQLRequestContextDidResolveOperation<Context>,
): Promise<void> {}

export async function finishIdempotentRequest(
  _store: IdempotencyStore,
  _requestContext: GraphQLRequestContextWillSendResponse<Context>,
): Promise<void> {}
