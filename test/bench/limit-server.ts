import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { localIdOf } from '../../src/common/global-id';
import { hashToken } from '../../src/common/token';
import { reportFailure, serveChildProtocol } from './child';
import {
  AGREEMENT_SQL,
  ASSESSMENT_SQL,
  CALIBRATION_SQL,
  CANDIDATES_SQL,
  CANDIDATES_WITH_REFS_AUDITED_SQL,
  CANDIDATES_WITH_REFS_SQL,
  NESTED_SQL,
  RANKING_SQL,
  TALENT_POOL_SQL,
} from './limit-queries';

// The physical limit: a bare node:http server that takes the same POST (same JSON body, same
// bearer token) as the GraphQL server, runs the one hand-written statement of the operation
// over a pg pool of the same size as the app's (10), and copies PostgreSQL's JSON text into
// the response. No GraphQL, no ORM, no validation beyond what the statement checks.

const statements: Record<string, { sql: string; params: (variables: Record<string, unknown>) => unknown[] | null }> = {
  '/ranking': { sql: RANKING_SQL, params: (v) => withId(localIdOf(String(v.id), 'Mandate'), v.first) },
  '/assessment': { sql: ASSESSMENT_SQL, params: (v) => withId(localIdOf(String(v.id), 'Candidacy')) },
  '/candidates': { sql: CANDIDATES_SQL, params: (v) => [v.first] },
  '/nested': { sql: NESTED_SQL, params: (v) => withId(localIdOf(String(v.id), 'Mandate'), v.first) },
  '/candidatesWithRefs': { sql: CANDIDATES_WITH_REFS_SQL, params: (v) => [v.first] },
  // Not a limit: the floor of a server that audits the page's reads (see limit-queries.ts).
  '/candidatesWithRefsAudited': { sql: CANDIDATES_WITH_REFS_AUDITED_SQL, params: (v) => [v.first, randomUUID()] },
  '/calibration': { sql: CALIBRATION_SQL, params: (v) => [v.first] },
  '/agreement': { sql: AGREEMENT_SQL, params: (v) => withId(localIdOf(String(v.id), 'Mandate')) },
  '/talentPool': { sql: TALENT_POOL_SQL, params: (v) => withId(localIdOf(String(v.id), 'Mandate'), v.first) },
};

function withId(id: string | null, ...rest: unknown[]): unknown[] | null {
  return id === null ? null : [id, ...rest];
}

async function main(): Promise<void> {
  const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL!, max: 10 });
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void answer(pool, request, Buffer.concat(chunks).toString('utf8')).then(
        ({ status, body }) => {
          response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
          response.end(body);
        },
        () => {
          response.writeHead(500, { 'content-type': 'application/json' });
          response.end('{"errors":[{"message":"Internal server error."}]}');
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serveChildProtocol((server.address() as AddressInfo).port, async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await pool.end();
  });
}

async function answer(pool: pg.Pool, request: http.IncomingMessage, text: string): Promise<{ status: number; body: string }> {
  const statement = statements[request.url ?? ''];
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  if (!statement || request.method !== 'POST') return { status: 404, body: '{"error":"Not found."}' };
  if (!token) return { status: 401, body: '{"errors":[{"message":"No token."}]}' };
  const params = statement.params((JSON.parse(text) as { variables: Record<string, unknown> }).variables);
  if (params === null) return { status: 200, body: '{"data":{"node":null}}' };
  const { rows } = await pool.query<{ body: string | null }>(statement.sql, [hashToken(token), ...params]);
  // No row (or a null body): the key does not work.
  if (!rows[0]?.body) return { status: 401, body: '{"errors":[{"message":"The token is invalid."}]}' };
  return { status: 200, body: rows[0].body };
}

main().catch(reportFailure);
