import type { RequestHandler } from 'express';

// PostgreSQL text cannot hold U+0000: a NUL in any string of a request would fail deep in SQL as
// an internal error (found by the fuzz test). No field of the API has a use for it, so a request
// carrying one is refused up front, before any SQL: in a variable, or escaped in a string literal
// of the operation (\u0000 or \u{0}).
const NUL = '\u0000';
const ESCAPED_NUL = /\\u0000|\\u\{0+\}/i;

export const NUL_CHARACTER_MESSAGE = 'Text must not contain the NUL character (U+0000).';

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([key, item]) => key.includes(NUL) || holdsNul(item));
  return false;
}

// The operation and variables of a POST body or of a GET query string.
function operationOf(body: unknown, query: Record<string, unknown>): { source: unknown; variables: unknown } {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const { query: source, variables } = body as Record<string, unknown>;
    if (source !== undefined || variables !== undefined) return { source, variables };
  }
  let variables: unknown = query.variables;
  if (typeof variables === 'string') {
    try {
      variables = JSON.parse(variables);
    } catch {
      // Not JSON: Apollo answers that itself.
    }
  }
  return { source: query.query, variables };
}

export function refuseNulCharacters(): RequestHandler {
  return (request, response, next) => {
    const { source, variables } = operationOf(request.body, request.query as Record<string, unknown>);
    const inSource = typeof source === 'string' && (source.includes(NUL) || ESCAPED_NUL.test(source));
    if (inSource || holdsNul(variables)) {
      response.status(400).json({ errors: [{ message: NUL_CHARACTER_MESSAGE, extensions: { code: 'BAD_USER_INPUT' } }] });
      return;
    }
    next();
  };
}
