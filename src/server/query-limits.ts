import type { GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import type { Context } from './context';

// PLACEHOLDER (hardening, #7): the per-operation cost computed with the variables; throws when over the limit.
export function checkOperationCost(_requestContext: GraphQLRequestContextDidResolveOperation<Context>): number {
  return 1;
}
