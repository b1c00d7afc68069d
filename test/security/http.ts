import type { TestApp } from '../helpers/test-app';

export interface RawResponse {
  status: number;
  headers: Headers;
  raw: string;
  // The parsed body, or null when it is not JSON.
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[] } | null;
  // SQL statements the server ran for this request.
  statements: number;
}

export interface SendOptions {
  token?: string | null;
  method?: string;
  contentType?: string | null;
  headers?: Record<string, string>;
}

// One HTTP request to /graphql as it is written (any method, type and body), with the SQL it caused.
export async function send(app: TestApp, body: string | undefined, options: SendOptions = {}): Promise<RawResponse> {
  const { token = null, method = 'POST', contentType = 'application/json', headers = {} } = options;
  let response!: Response;
  let raw = '';
  const statements = await app.countStatements(async () => {
    response = await fetch(`${app.url}/graphql`, {
      method,
      headers: {
        ...(contentType ? { 'content-type': contentType } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      // A string body would get text/plain from fetch: bytes get no content type at all.
      body: contentType === null && body !== undefined ? new TextEncoder().encode(body) : body,
    });
    raw = await response.text();
  });
  let parsed: RawResponse['body'] = null;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = null;
  }
  return { status: response.status, headers: response.headers, raw, body: parsed, statements };
}

// A GraphQL operation as JSON.
export function graphql(app: TestApp, query: string, variables: Record<string, unknown> = {}, options: SendOptions = {}) {
  return send(app, JSON.stringify({ query, variables }), options);
}

export function codes(response: RawResponse): (string | undefined)[] {
  return (response.body?.errors ?? []).map((error) => error.extensions?.code);
}
