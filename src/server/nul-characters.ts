import { sendJson, type HttpStep } from './http-limits';

// PostgreSQL text cannot hold U+0000, nor (as JSON) an unpaired UTF-16 surrogate such as "\ud800":
// either in any string of a request failed deep in SQL as an internal error (both found by the
// fuzz test). No field of the API has a use for them, so a request carrying one is refused up
// front, before any SQL: in a variable, or a NUL escaped in a string literal of the operation
// (\u0000 or \u{0}; graphql-js itself refuses surrogate escapes in literals).
const NUL = '\u0000';
const ESCAPED_NUL = /\\u0000|\\u\{0+\}/i;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const NUL_CHARACTER_MESSAGE = 'Text must not contain the NUL character (U+0000) or an unpaired UTF-16 surrogate.';

function unstorable(text: string): boolean {
  return text.includes(NUL) || LONE_SURROGATE.test(text);
}

function holdsNul(value: unknown): boolean {
  if (typeof value === 'string') return unstorable(value);
  if (Array.isArray(value)) return value.some(holdsNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([key, item]) => unstorable(key) || holdsNul(item));
  return false;
}

// The operation and variables of a POST body (http-limits.ts refuses every other method).
function operationOf(body: unknown): { source: unknown; variables: unknown } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { source: undefined, variables: undefined };
  const { query: source, variables } = body as Record<string, unknown>;
  return { source, variables };
}

export function refuseNulCharacters(): HttpStep {
  return (request, response, next) => {
    const { source, variables } = operationOf(request.body);
    const inSource = typeof source === 'string' && (source.includes(NUL) || ESCAPED_NUL.test(source));
    if (inSource || holdsNul(variables)) {
      sendJson(response, 400, { errors: [{ message: NUL_CHARACTER_MESSAGE, extensions: { code: 'BAD_USER_INPUT' } }] });
      return;
    }
    next();
  };
}
