// The `outcome` label of a GraphQL request, from what was actually sent:
//   ok                      data without errors (and, for a mutation, without userErrors)
//   user_error              a mutation answered with userErrors (an expected business refusal)
//   <error code, lowercase> the first error's public code: unauthenticated, forbidden,
//                           bad_user_input, graphql_validation_failed, rate_limited, …
//   internal_server_error   a masked error, or a 5xx
// The codes are the fixed list the error formatter lets through (server/errors.ts), so the label
// has a bounded set of values; anything else counts as internal_server_error.

export const OK = 'ok';
export const USER_ERROR = 'user_error';
export const INTERNAL = 'internal_server_error';

export interface SentResponse {
  httpStatus: number;
  // The GraphQL result as sent, when Apollo produced one (null: refused before GraphQL).
  result: { data?: Record<string, unknown> | null; errors?: readonly { extensions?: { code?: unknown } }[] } | null;
  // 'mutation' makes userErrors count.
  operationType: string | null;
}

export function outcomeOf({ httpStatus, result, operationType }: SentResponse, publicCodes: ReadonlySet<string>): string {
  const firstError = result?.errors?.[0];
  if (firstError) {
    const code = firstError.extensions?.code;
    return typeof code === 'string' && publicCodes.has(code) ? code.toLowerCase() : INTERNAL;
  }
  if (httpStatus >= 500) return INTERNAL;
  if (result === null) {
    // Refused by the HTTP checks before Apollo (method, content type, body size, JSON).
    if (httpStatus === 401) return 'unauthenticated';
    if (httpStatus === 429) return 'rate_limited';
    if (httpStatus >= 400) return 'bad_request';
    return OK;
  }
  if (operationType === 'mutation' && hasUserErrors(result.data)) return USER_ERROR;
  return OK;
}

function hasUserErrors(data: Record<string, unknown> | null | undefined): boolean {
  for (const payload of Object.values(data ?? {})) {
    const userErrors = (payload as { userErrors?: unknown } | null)?.userErrors;
    if (Array.isArray(userErrors) && userErrors.length > 0) return true;
  }
  return false;
}
