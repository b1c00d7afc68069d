import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import { Kind, parse } from 'graphql';
import { BULK_BODY_LIMIT, BULK_MUTATIONS, QUERY_LIMITS, REQUEST_BODY_LIMIT } from '../config/limits';
import { parseBearer } from './context';
import { rateLimitHeaders, rateLimitKey, type RateLimiter } from './rate-limit';

// The HTTP side of /graphql, before Apollo: POST only, JSON only, bodies of a bounded size.
// Refusals are JSON in the shape of a GraphQL error response, with the rate-limit headers.
// On node:http's own request and response (graphql-route.ts runs them without Express).

// A request of /graphql: its body once parsed.
export type GraphqlRequest = IncomingMessage & { body?: unknown };

// One step before Apollo: calls next() to go on (next(error) for the route's error answer), or answers.
export type HttpStep = (request: GraphqlRequest, response: ServerResponse, next: (error?: unknown) => void) => void;

// A JSON answer as Express's res.json wrote it (type with charset, length).
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.statusCode = status;
  response.setHeader('content-type', 'application/json; charset=utf-8');
  response.setHeader('content-length', Buffer.byteLength(text));
  response.end(text);
}

const kB = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-US')} kB`;

export function bodyLimitMessage(): string {
  return (
    `The request body is larger than ${kB(REQUEST_BODY_LIMIT)} ` +
    `(${kB(BULK_BODY_LIMIT)} for a mutation of only ${BULK_MUTATIONS.join(', ')}).`
  );
}

export async function refuse(limiter: RateLimiter, request: IncomingMessage, response: ServerResponse, status: number, message: string) {
  const state = await limiter
    .peek(rateLimitKey(parseBearer(request.headers.authorization), request.socket.remoteAddress ?? 'unknown'))
    .catch(() => null);
  if (state) for (const [name, value] of rateLimitHeaders(limiter, state)) response.setHeader(name, value);
  sendJson(response, status, { errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
}

// 405 for anything but POST (GET included: no queries in URLs, so none in logs or caches or
// cross-site links), 415 for anything but application/json.
export function methodAndTypeGuard(limiter: RateLimiter): HttpStep {
  return (request, response, next) => {
    if (request.method !== 'POST') {
      response.setHeader('allow', 'POST');
      void refuse(limiter, request, response, 405, 'Only POST is allowed on /graphql, with a JSON body.');
      return;
    }
    const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      void refuse(limiter, request, response, 415, 'The request body must be JSON, sent with Content-Type: application/json.');
      return;
    }
    next();
  };
}

const bodyBytes = new WeakMap<IncomingMessage, number>();

// Reads bodies up to the bulk limit (larger ones are refused by the JSON parser, as 413), then
// holds everything over REQUEST_BODY_LIMIT to the plain limit unless it is a bulk mutation.
export function jsonBody(limiter: RateLimiter): HttpStep[] {
  return [
    // Express's JSON parser (body-parser's: its charsets, encodings, limit and errors); it needs
    // nothing of Express's request or response.
    express.json({
      limit: BULK_BODY_LIMIT,
      verify: (request, _response, buffer) => bodyBytes.set(request, buffer.length),
    }) as unknown as HttpStep,
    (request, response, next) => {
      // Apollo refuses batches too (allowBatchedHttpRequests: false); here the refusal gets the rate-limit headers.
      if (Array.isArray(request.body)) return void refuse(limiter, request, response, 400, 'Operation batching disabled.');
      if ((bodyBytes.get(request) ?? 0) <= REQUEST_BODY_LIMIT || isBulkMutation(request.body)) return next();
      void refuse(limiter, request, response, 413, bodyLimitMessage());
    },
  ];
}

// A mutation whose every root field is one of BULK_MUTATIONS, alone in its document.
function isBulkMutation(body: unknown): boolean {
  const query = (body as { query?: unknown } | null)?.query;
  if (typeof query !== 'string') return false;
  try {
    const definitions = parse(query, { maxTokens: QUERY_LIMITS.tokens }).definitions;
    const operations = definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    if (operations.length !== 1 || operations[0].operation !== 'mutation') return false;
    return operations[0].selectionSet.selections.every(
      (selection) => selection.kind === Kind.FIELD && BULK_MUTATIONS.includes(selection.name.value),
    );
  } catch {
    return false;
  }
}
