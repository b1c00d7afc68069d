import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { Knex } from '@mikro-orm/postgresql';
import type { Metrics } from './metrics';
import { OTHER } from './operation-labels';
import { outcomeOf, type SentResponse } from './outcome';

// A step of /graphql's route (server/graphql-route.ts), on node:http's request and response.
export type RequestStep = (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

// What one /graphql request did, filled in as it runs and observed when its answer is sent.
interface RequestRecord {
  started: bigint;
  statements: number;
  // Set once the document parsed, validated and its operation was chosen.
  operation: { name: string | null; type: string } | null;
  response: GraphQLResponse | null;
  rateLimitRefusal: string | null;
}

// The request series (requests, latency, SQL statements per request, rate-limit refusals) of
// /graphql. Statements are counted by the connections' query events, attributed to the request
// whose async context ran them (AsyncLocalStorage), so concurrent requests do not mix.
export class RequestMetrics {
  private readonly scope = new AsyncLocalStorage<RequestRecord>();
  private readonly records = new WeakMap<IncomingMessage, RequestRecord>();

  constructor(
    private readonly metrics: Metrics,
    // Which RATE_LIMITED error this is (server/rate-limit), or null.
    private readonly rateLimitRefusalOf: (error: GraphQLError) => string | null = () => null,
  ) {}

  // First on /graphql: the clock starts, and the answer is observed once it is sent.
  track(): RequestStep {
    return (request, response, next) => {
      const record: RequestRecord = {
        started: process.hrtime.bigint(),
        statements: 0,
        operation: null,
        response: null,
        rateLimitRefusal: null,
      };
      this.records.set(request, record);
      response.once('finish', () => this.observe(record, response.statusCode));
      next();
    };
  }

  // Just before Apollo (after the body parser, whose stream events run outside the request's
  // async context): everything Apollo runs from here on counts its statements to this request.
  scoped(): RequestStep {
    return (request, _response, next) => {
      const record = this.records.get(request);
      if (record) this.scope.run(record, next);
      else next();
    };
  }

  // Counts each statement a connection runs to the request running it; returns the detach.
  countStatementsOf(knex: Knex): () => void {
    const onQuery = () => {
      const record = this.scope.getStore();
      if (record) record.statements++;
    };
    knex.on('query', onQuery);
    return () => void knex.removeListener('query', onQuery);
  }

  plugin(): ApolloServerPlugin {
    const scope = this.scope;
    const rateLimitRefusalOf = this.rateLimitRefusalOf;
    return {
      async requestDidStart() {
        const record = scope.getStore();
        if (!record) return;
        return {
          async didResolveOperation({ operationName, operation }) {
            record.operation = { name: operationName, type: operation?.operation ?? 'query' };
          },
          async didEncounterErrors({ errors }) {
            for (const error of errors) record.rateLimitRefusal ??= rateLimitRefusalOf(error);
          },
          async willSendResponse({ response }) {
            record.response = response;
          },
        };
      },
    };
  }

  private observe(record: RequestRecord, httpStatus: number): void {
    const operation = record.operation ? this.metrics.operations.labelOf(record.operation.name) : OTHER;
    const body = record.response?.body;
    const sent: SentResponse = {
      httpStatus,
      result: body?.kind === 'single' ? (body.singleResult as SentResponse['result']) : null,
      operationType: record.operation?.type ?? null,
    };
    const seconds = Number(process.hrtime.bigint() - record.started) / 1e9;
    this.metrics.requests.inc({ operation, outcome: outcomeOf(sent, this.metrics.publicErrorCodes) });
    this.metrics.requestDuration.observe({ operation }, seconds);
    this.metrics.requestStatements.observe({ operation }, record.statements);
    if (record.rateLimitRefusal) this.metrics.rateLimitRefusals.inc({ reason: record.rateLimitRefusal });
  }
}
