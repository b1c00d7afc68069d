import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { GraphqlRequest, HttpStep } from './http-limits';

// POST /graphql on node:http's request and response, without Express: Express's router, its
// request and response objects (each given Express's prototypes) and res.send (an ETag hashed per
// answer) were about half the Node CPU of the least request (`{ __typename }` with a key: 1.36 →
// 0.65 ms side by side), and nothing on this route needs them. The steps are the ones the route
// had under Express, in the same order; the rest of the API (health, metrics, explorer, report
// links, 404, and /graphql by any other method) stays on Express, whose /graphql ends here too.

// Paths Express's app.use('/graphql') took: /graphql and below it, in any case, any query string.
export function isGraphqlPath(url: string | undefined): boolean {
  if (url === undefined) return false;
  const end = url.indexOf('?');
  let path = end < 0 ? url : url.slice(0, end);
  // An absolute-form target (a request through a proxy): its path.
  if (!path.startsWith('/')) path = URL.canParse(path) ? new URL(path).pathname : path;
  const lower = path.toLowerCase();
  return lower === '/graphql' || lower.startsWith('/graphql/');
}

export interface GraphqlRouteOptions<TContext extends BaseContext> {
  steps: HttpStep[];
  apollo: ApolloServer<TContext>;
  context: (request: GraphqlRequest, response: ServerResponse) => Promise<TContext>;
  // An error of a step or of Apollo's handler: the JSON answer Express's error handler gave.
  onError: (error: unknown, request: IncomingMessage, response: ServerResponse) => void;
  // Each execution once it starts, settled when it is over (stopping waits for them).
  started: (execution: Promise<void>) => void;
}

export function graphqlRoute<TContext extends BaseContext>({
  steps,
  apollo,
  context,
  onError,
  started,
}: GraphqlRouteOptions<TContext>): (request: IncomingMessage, response: ServerResponse) => void {
  return (request: GraphqlRequest, response) => {
    let index = 0;
    const next = (error?: unknown): void => {
      if (error !== undefined) return onError(error, request, response);
      const step = steps[index++];
      if (step === undefined) {
        started(executeGraphql(apollo, request, response, context).catch((failure: unknown) => onError(failure, request, response)));
        return;
      }
      try {
        step(request, response, next);
      } catch (failure) {
        onError(failure, request, response);
      }
    };
    next();
  };
}

// What Apollo's Express integration (@as-integrations/express5, no longer a dependency) did, written for node:http.
async function executeGraphql<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  request: GraphqlRequest,
  response: ServerResponse,
  context: GraphqlRouteOptions<TContext>['context'],
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = request.url ?? '';
  const query = url.indexOf('?');
  const result = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: (request.method ?? '').toUpperCase(),
      headers,
      search: query < 0 ? '' : url.slice(query),
      body: request.body,
    },
    context: () => context(request, response),
  });
  for (const [key, value] of result.headers) response.setHeader(key, value);
  response.statusCode = result.status ?? 200;
  if (result.body.kind === 'complete') {
    // Encoded once, as bytes: with the text, node:http would prefix its headers to the answer (a
    // second copy of it) and encode it again after its length had been counted.
    const body = Buffer.from(result.body.string, 'utf8');
    response.setHeader('content-length', body.length);
    response.end(body);
    return;
  }
  for await (const chunk of result.body.asyncIterator) response.write(chunk);
  response.end();
}
