import http from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { TestApp } from './test-app';
import type { GraphQLClient } from './graphql-client';
import { UpsertCandidatesFullDocument, type UpsertCandidateInput } from '../generated/graphql';

// `count` items of one ATS, numbered from `from`, each a full record as an ATS would send it.
export function atsCandidates(count: number, options: { from?: number; system?: string; prefix?: string } = {}): UpsertCandidateInput[] {
  const { from = 0, system = 'greenhouse', prefix = 'gh' } = options;
  return Array.from({ length: count }, (_, offset) => {
    const number = from + offset;
    return {
      externalRef: { system, externalId: `${prefix}-${number}` },
      firstName: `Kandidat ${number}`,
      lastName: 'Lindqvist',
      email: `kandidat.${number}@${prefix}.example`,
      headline: `Kundedirektør ${number}, Fjordnett AS`,
      location: 'Bergen',
      languages: ['nb', 'en'],
      tags: ['ats-import'],
    };
  });
}

// Upserts through the API and returns the payload, failing the test on any GraphQL error.
export async function upsert(caller: GraphQLClient, candidates: UpsertCandidateInput[]) {
  const { upsertCandidates } = await caller.data(UpsertCandidatesFullDocument, { input: { candidates } });
  return upsertCandidates;
}

// Every candidate of a firm with its refs, as stored (by creation, then first name), for comparing before and after.
export async function storedCandidates(app: TestApp, firmId: string): Promise<Record<string, unknown>[]> {
  return app
    .em()
    .getConnection()
    .execute(
      `select c.*, coalesce(json_agg(json_build_object('system', r.system, 'externalId', r.external_id) order by r.system)
            filter (where r.id is not null), '[]') as refs
     from candidate c left join candidate_external_ref r on r.candidate_id = c.id
     where c.firm_id = ? group by c.id order by c.created_at, c.first_name, c.id`,
      [firmId],
    );
}

// The SQL statements the server ran while `work` ran, write statements of `table` only.
export async function writesTo(app: TestApp, table: string, work: () => Promise<unknown>): Promise<string[]> {
  const knex = app.orm.em.getConnection().getKnex();
  const writes: string[] = [];
  const pattern = new RegExp(`^\\s*(with[\\s\\S]*)?(insert\\s+into|update|delete\\s+from)\\s+"${table}"`, 'i');
  const onQuery = (query: { sql: string }) => {
    if (pattern.test(query.sql)) writes.push(query.sql);
  };
  knex.on('query', onQuery);
  try {
    await work();
  } finally {
    knex.removeListener('query', onQuery);
  }
  return writes;
}

// A webhook receiver on 127.0.0.1 that checks every request's signature and answers as told:
// `answers[n]` for the n-th request (a status, or 'hang' to never answer), then 200.
export class WebhookReceiver {
  readonly requests: { headers: http.IncomingHttpHeaders; body: string; signatureValid: boolean }[] = [];
  secret = '';
  private server: http.Server | null = null;
  private readonly hanging: http.ServerResponse[] = [];

  constructor(private readonly answers: (number | 'hang')[] = []) {}

  async start(): Promise<string> {
    this.server = http.createServer((request, response) => {
      let body = '';
      request.setEncoding('utf8');
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        this.requests.push({ headers: request.headers, body, signatureValid: verifySignature(this.secret, request.headers, body) });
        const answer = this.answers[this.requests.length - 1] ?? 200;
        if (answer === 'hang') this.hanging.push(response);
        else response.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'no');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/outside-in`;
  }

  async stop(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

// As a receiver should check it: HMAC-SHA256 of "<t>.<body>" with the secret, compared in
// constant time, and a timestamp no older than five minutes. During a rotation the header holds
// one v1 per secret; any one matching is enough.
export function verifySignature(secret: string, headers: http.IncomingHttpHeaders, body: string): boolean {
  const header = String(headers['outside-in-signature'] ?? '');
  const match = /^t=(\d+)((?:,v1=[0-9a-f]{64})+)$/.exec(header);
  if (!match || !secret) return false;
  const expected = createHmac('sha256', secret).update(`${match[1]}.${body}`).digest();
  const signatures = match[2]
    .slice(1)
    .split(',')
    .map((part) => Buffer.from(part.slice(3), 'hex'));
  return (
    signatures.some((given) => given.length === expected.length && timingSafeEqual(given, expected)) &&
    Math.abs(Date.now() / 1000 - Number(match[1])) < 300
  );
}

// Waits until `condition` holds, polling; fails with `what` after `timeoutMs`.
export async function eventually<T>(
  what: string,
  probe: () => Promise<T>,
  condition: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (condition(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
