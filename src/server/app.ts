import type { SecretBox } from '../common/secret-box';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler } from 'express';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from '../config/logger';
import type { Context } from '../common/context';
import { createContext } from './context';
import { errorFormatter, errorLoggingPlugin, PUBLIC_CODES } from './errors';
import { supportedOperationTypes } from './operation-types';
import { compiledQueriesGateway } from './compiled-queries';
import { explorerRouter } from './explorer';
import { DEFAULT_RATE_LIMIT, type RateLimitConfig } from '../config/limits';
import { refuseNulCharacters } from './nul-characters';
import { requestPipelinePlugin } from './request-pipeline';
import { createRateLimiter, rateLimitRefusalOf } from './rate-limit';
import { createApiMetrics, type ApiMetrics } from './metrics';
import { armorProtection, parseOptions } from './query-limits';
import { bodyLimitMessage, jsonBody, methodAndTypeGuard, refuse, type HttpStep } from './http-limits';
import { graphqlRoute, isGraphqlPath } from './graphql-route';
import type { RateLimiter } from './rate-limit';
import { createIdempotencyStore } from '../modules/idempotency';
import { createPdfPrinter, reportRouter } from '../modules/report';
import { replicaStatus } from '../config/replicas';
import { readRouteMiddleware } from './read-routing';

export interface ServerOptions {
  orm: MikroORM;
  schema: GraphQLSchema;
  logger: Logger;
  production: boolean;
  // Seals and opens secrets kept encrypted at rest (from DATA_ENCRYPTION_KEY).
  secrets: SecretBox;
  // The token bucket per credential; defaults to DEFAULT_RATE_LIMIT (readConfig reads RATE_LIMIT_*).
  rateLimit?: Partial<RateLimitConfig>;
  // GET /metrics: METRICS_TOKEN (required in production), and how many operation names get series.
  metrics?: { token?: string | null; operationNameCapacity?: number };
  // Queries on code compiled per document (compiled-queries.ts); false runs everything on
  // graphql-js, which the tests hold the compiled answers to.
  compiledQueries?: boolean;
}

export interface AppServer {
  httpServer: http.Server;
  // The process's metrics (read replicas add their series with registerReplicaMetrics).
  metrics: ApiMetrics['metrics'];
  // Stops taking requests, lets running ones finish, then closes the HTTP server.
  stop(): Promise<void>;
}

export async function createAppServer({
  orm,
  schema,
  logger,
  production,
  secrets,
  rateLimit,
  metrics: metricsOptions,
  compiledQueries = true,
}: ServerOptions): Promise<AppServer> {
  const rateLimiter = createRateLimiter({ ...DEFAULT_RATE_LIMIT, ...rateLimit }, orm.config.get('clientUrl'));
  const metrics = createApiMetrics({
    orm,
    production,
    token: metricsOptions?.token ?? null,
    operationNameCapacity: metricsOptions?.operationNameCapacity,
    publicErrorCodes: PUBLIC_CODES,
    rateLimitRefusalOf,
  });
  const armor = armorProtection();
  const app = express();
  // POST /graphql on node:http itself (graphql-route.ts); everything else on Express, whose
  // /graphql (the explorer for a browser, 405 for the rest) ends in the same route. Set below.
  let graphql: (request: http.IncomingMessage, response: http.ServerResponse) => void = app;
  const httpServer = http.createServer((request, response) => {
    if (request.method === 'POST' && isGraphqlPath(request.url)) {
      identify(request, response);
      graphql(request, response);
    } else app(request, response);
  });
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  const apollo = new ApolloServer<Context>({
    ...(compiledQueries ? { gateway: compiledQueriesGateway(schema) } : { schema }),
    introspection: !production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    formatError: errorFormatter(schema, { listEnumValues: !production }),
    parseOptions,
    validationRules: [supportedOperationTypes, ...armor.validationRules],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: STOP_GRACE_MS }),
      ApolloServerPluginLandingPageDisabled(),
      // The API sets no cache hints (every answer is personal and per caller: no-store below);
      // the plugin would still walk every resolved field, ~30% of a ranking's allocations.
      ApolloServerPluginCacheControlDisabled(),
      ...armor.plugins,
      errorLoggingPlugin,
      metrics.plugin,
      requestPipelinePlugin({ rateLimiter, idempotency: createIdempotencyStore() }),
    ],
  });
  try {
    await apollo.start();
  } catch (error) {
    metrics.close();
    await rateLimiter.close();
    throw error;
  }

  // Every request: its id (the caller's if it is a plain one), and a log line once answered.
  const identify = (request: http.IncomingMessage, response: http.ServerResponse): void => {
    const incoming = request.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    response.setHeader('x-request-id', requestId);
    // Only when the line would be written (the benchmark and production run at warn or above).
    if (!logger.isLevelEnabled('info')) return;
    const started = process.hrtime.bigint();
    response.on('finish', () =>
      logger.info(
        {
          requestId,
          method: request.method,
          url: (request.url ?? '').split('?')[0],
          status: response.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      ),
    );
  };
  app.use((request, response, next) => {
    identify(request, response);
    next();
  });

  // Work under way: GraphQL executions and report pages. The drain waits for the answers still to
  // be sent, but not for work whose caller has gone (a client or load balancer that closed its
  // connection at a deploy): stopping waits for that too, so that none meets a closed database
  // pool or printer half-way.
  const underWay = new Set<Promise<void>>();
  const track = (work: Promise<void>): void => {
    underWay.add(work);
    const over = () => void underWay.delete(work);
    work.then(over, over);
  };

  app.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/readyz', async (_request, response) => {
    try {
      await orm.em.getConnection().execute('select 1');
      response.json({ status: 'ready' });
    } catch {
      response.status(503).json({ status: 'unavailable', reason: 'database not reachable' });
    }
  });

  app.use(metrics.router);

  if (!production) app.use(explorerRouter());

  // The client report's links (opened in a browser: no bearer header). Its PDFs are printed by
  // one Chromium of this process's own, started on the first PDF and closed with the server.
  const printer = createPdfPrinter({ logger: logger.child({ component: 'report-printer' }) });
  app.use(reportRouter({ orm, logger, printer, started: track }));

  const steps: HttpStep[] = [
    metrics.track,
    (_request, response, next) => {
      response.setHeader('cache-control', 'no-store');
      next();
    },
    methodAndTypeGuard(rateLimiter),
    ...jsonBody(rateLimiter),
    refuseNulCharacters(),
    // With read replicas only: each request gets the route its reads follow.
    ...(replicaStatus(orm).length > 0 ? [readRouteMiddleware()] : []),
    metrics.scoped,
  ];
  const onError = jsonErrorHandler(logger, rateLimiter);
  graphql = graphqlRoute({
    started: track,
    steps,
    apollo,
    context: async (request, response) =>
      createContext(orm, request, String(response.getHeader('x-request-id')), logger, secrets, production),
    onError,
  });

  app.use('/graphql', (request, response) => graphql(request, response));
  app.use((_request, response) => {
    response.status(404).json({ error: 'Not found. The API is at /graphql.' });
  });
  app.use(((error, request, response, _next) => onError(error, request, response)) as ErrorRequestHandler);

  return {
    httpServer,
    metrics: metrics.metrics,
    async stop() {
      const deadline = Date.now() + STOP_GRACE_MS;
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await settled(underWay, deadline - Date.now());
      metrics.close();
      await printer.close();
      await rateLimiter.close();
    },
  };
}

// How long stopping waits for the answers and the work under way (Apollo's default drain).
const STOP_GRACE_MS = 10_000;

// When every one of `work` has settled, or `ms` have passed (none left: at once).
async function settled(work: Set<Promise<void>>, ms: number): Promise<void> {
  if (work.size === 0 || ms <= 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled(work),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
    }),
  ]);
  clearTimeout(timer);
}

// Errors outside GraphQL (a malformed or oversized body): a JSON answer, never an HTML stack.
function jsonErrorHandler(
  logger: Logger,
  rateLimiter: RateLimiter,
): (error: unknown, request: http.IncomingMessage, response: http.ServerResponse) => void {
  return (error, request, response) => {
    // Too late for an answer of its own (a streamed one failed): end the connection.
    if (response.headersSent) return void response.destroy();
    const given = (error as { status?: unknown } | null | undefined)?.status;
    const status = typeof given === 'number' && given >= 400 && given < 500 ? given : 500;
    if (status === 500) logger.error({ err: error }, 'unexpected error outside GraphQL');
    const message =
      status === 413
        ? bodyLimitMessage()
        : status === 400
          ? 'The request body is not valid JSON.'
          : status === 500
            ? 'Internal server error.'
            : 'The request could not be handled.';
    void refuse(rateLimiter, request, response, status, message);
  };
}
