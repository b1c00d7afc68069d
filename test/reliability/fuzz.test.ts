import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { buildAppSchema } from '../../src/server/schema';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { signIn } from '../helpers/fixtures';
import { FULL_RELIABILITY_RUN as FULL_RUN, reliabilityScale } from '../helpers/reliability';
import { ALL_SCOPES, buildMatrixWorld, type Target } from '../access/matrix-world';
import {
  edgeValues,
  OPERATION_TYPES,
  OperationGenerator,
  PROTOCOL_VARIANTS,
  type DateInput,
  type Draw,
  type GeneratedOperation,
  type IdPool,
  type Pools,
} from './fuzz-schema';

// Property-based fuzzing of the whole API over real HTTP: every mutation of the built schema with
// generated (valid-looking and hostile) inputs, random queries, every date and time input at the
// edges of its type, every operation type, and the protocol around operations (persisted queries,
// odd bodies, methods), sent by the callers of two firms. For every case: no internal error, no
// 5xx, and nothing of the other firm in the answer.
// `npm test` runs a short variant; `npm run test:reliability` runs at least 10,000 cases.
// FUZZ_SEED=<n> replays a run.

const SEED = Number(process.env.FUZZ_SEED ?? 7_2026_1122);
const MUTATION_CASES = reliabilityScale(300, 6_000);
const QUERY_CASES = reliabilityScale(150, 4_000);
const OPERATION_TYPE_CASES = reliabilityScale(30, 600);
// Per protocol variant.
const PROTOCOL_ROUNDS = reliabilityScale(4, 100);
// The full run also sends every date edge written into the query text, and with hostile other arguments.
const HOSTILE_DATE_ROUNDS = reliabilityScale(0, 2);
const TIMEOUT = reliabilityScale(150_000, 1_800_000);

type FirmName = 'A' | 'B';

interface Caller {
  name: string;
  firm: FirmName;
  token: string;
  // Users sign in again after a fuzzed logout ended their session.
  email: string | null;
}

interface Failure {
  case: number;
  caller: string;
  root: string;
  reason: string;
  status: number;
  body: string;
  query: string;
  variables: string;
  // A protocol case: the request as sent.
  http?: string;
}

let app: TestApp;
let schema: GraphQLSchema;
let generator: OperationGenerator;
let callers: Caller[];
let pools: Record<FirmName, Pools>;
let firmIds: Record<FirmName, string>;
const owners = new Map<string, string>();
const notStored = new Set<string>();
// Every case sent by this file, for the closing line.
let totalCases = 0;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const TOKEN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;

// Every uuid in a text: as it is, or inside a base64 token (global ids, cursors).
function uuidsIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(UUID)) found.add(match[0].toLowerCase());
  for (const token of text.matchAll(TOKEN)) {
    const decoded = Buffer.from(token[0], 'base64').toString('latin1');
    for (const match of decoded.matchAll(UUID)) found.add(match[0].toLowerCase());
  }
  return found;
}

// Which firm owns each stored row: every table with a firm_id, and the firms themselves.
async function loadOwners(): Promise<void> {
  const connection = app.em().getConnection();
  const tables: { table_name: string }[] = await connection.execute(
    `select c.table_name from information_schema.columns c
       join information_schema.columns i on i.table_schema = c.table_schema and i.table_name = c.table_name and i.column_name = 'id'
      where c.table_schema = current_schema() and c.column_name = 'firm_id'`,
  );
  for (const { table_name: table } of tables) {
    const rows: { id: string; firm: string }[] = await connection.execute(`select id::text as id, firm_id::text as firm from "${table}"`);
    for (const row of rows) owners.set(row.id, row.firm);
  }
  const firms: { id: string }[] = await connection.execute('select id::text as id from firm');
  for (const firm of firms) owners.set(firm.id, firm.id);
  notStored.clear();
}

async function ownerOf(id: string): Promise<string | undefined> {
  if (!owners.has(id) && !notStored.has(id)) {
    // Made during the run: read the owners again once.
    await loadOwners();
    if (!owners.has(id)) notStored.add(id);
  }
  return owners.get(id);
}

// The other firm's ids in an answer. An error message may quote what the caller sent (a bad
// value, an unknown key); everywhere else an id of the other firm is a leak.
async function leaksIn(body: unknown, sent: Set<string>, otherFirm: string): Promise<string[]> {
  const leaks: string[] = [];
  const visit = async (value: unknown, key: string | null): Promise<void> => {
    if (typeof value === 'string') {
      for (const id of uuidsIn(value)) {
        if (key === 'message' && sent.has(id)) continue;
        if ((await ownerOf(id)) === otherFirm) leaks.push(`${key}: ${id}`);
      }
    } else if (Array.isArray(value)) {
      for (const item of value) await visit(item, key);
    } else if (value && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) await visit(item, name);
    }
  };
  await visit(body, null);
  return leaks;
}

function poolOf(...targets: Target[]): IdPool {
  const pool: IdPool = {};
  for (const target of targets) {
    for (const [type, id] of Object.entries(target.ids)) (pool[type] ??= []).push(id);
    (pool.Candidacy ??= []).push(...target.candidacyIds);
  }
  return pool;
}

beforeAll(async () => {
  app = await startTestApp();
  schema = await buildAppSchema();
  generator = new OperationGenerator(schema);
  const world = await buildMatrixWorld(app);
  const { a, b } = world;
  const keyA = await a.apiKey(ALL_SCOPES);
  const keyB = await b.apiKey(ALL_SCOPES);
  callers = [
    { name: 'adminA', firm: 'A', token: a.asAdmin.token!, email: a.admin.email },
    { name: 'recruiterA', firm: 'A', token: a.asRecruiter.token!, email: a.recruiter.email },
    { name: 'clientUserA', firm: 'A', token: a.asClientUser.token!, email: a.clientUser.email },
    { name: 'apiKeyA(all scopes)', firm: 'A', token: keyA.client.token!, email: null },
    { name: 'adminB', firm: 'B', token: b.asAdmin.token!, email: b.admin.email },
    { name: 'recruiterB', firm: 'B', token: b.asRecruiter.token!, email: b.recruiter.email },
    { name: 'clientUserB', firm: 'B', token: b.asClientUser.token!, email: b.clientUser.email },
    { name: 'apiKeyB(all scopes)', firm: 'B', token: keyB.client.token!, email: null },
  ];
  const poolA = poolOf(world.targets.OWN, world.targets.OTHER);
  const poolB = poolOf(world.targets.FOREIGN);
  poolA.User.push(a.admin.nodeId, a.recruiter.nodeId);
  poolB.User.push(b.admin.nodeId, b.recruiter.nodeId);
  pools = { A: { own: poolA, other: poolB }, B: { own: poolB, other: poolA } };
  firmIds = { A: a.firm.id, B: b.firm.id };
  await loadOwners();
}, 120_000);
afterAll(() => app?.close());

class Tally {
  readonly counts = new Map<string, number>();
  add(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
  get total(): number {
    return [...this.counts.values()].reduce((sum, count) => sum + count, 0);
  }
  print(title: string): string {
    const lines = [...this.counts.entries()].sort((x, y) => y[1] - x[1]).map(([key, count]) => `  ${String(count).padStart(6)}  ${key}`);
    return `${title}\n${lines.join('\n')}`;
  }
}

// What an answer was, for the counts: data, userErrors by code, GraphQL errors by code, or a status.
function outcomeOf(
  status: number,
  body: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] } | null,
): string {
  if (!body) return `HTTP ${status}, no JSON`;
  if (body.errors?.length)
    return `error ${[...new Set(body.errors.map((error) => error.extensions?.code ?? '?'))].join('+')} (HTTP ${status})`;
  const payload = Object.values(body.data ?? {})[0] as { userErrors?: { code: string }[] } | null;
  if (payload?.userErrors?.length)
    return `userErrors ${[...new Set(payload.userErrors.map((error) => error.code ?? '(code not selected)'))].join('+')}`;
  return 'data';
}

async function send(caller: Caller, operation: GeneratedOperation) {
  const http = operation.http ?? {
    method: 'POST',
    contentType: 'application/json',
    body: JSON.stringify({ query: operation.query, variables: operation.variables }),
  };
  const response = await fetch(`${app.url}/graphql${http.search ? `?${http.search}` : ''}`, {
    method: http.method,
    headers: {
      ...(http.contentType ? { 'content-type': http.contentType } : {}),
      authorization: `Bearer ${caller.token}`,
      ...http.headers,
    },
    body: http.method === 'GET' ? undefined : (http.body ?? ''),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: response.status, raw: await response.text(), sent: http.body ?? http.search ?? '' };
}

function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? String(error);
}

// Runs one case and returns why it failed, or null.
async function check(
  caller: Caller,
  operation: GeneratedOperation,
  outcomes: Tally,
): Promise<{ reason: string; status: number; raw: string } | null> {
  let answer: Awaited<ReturnType<typeof send>>;
  try {
    answer = await send(caller, operation);
  } catch (first) {
    // A kept-alive connection can be closed by the server just as the client reuses it; one
    // retry tells that race from a server that drops this request every time.
    outcomes.add(`retried after no HTTP answer (${causeOf(first)})`);
    try {
      answer = await send(caller, operation);
    } catch (error) {
      return { reason: `no HTTP answer, twice: ${causeOf(error)}`, status: 0, raw: '' };
    }
  }
  const { status, raw, sent } = answer;
  let body: Parameters<typeof outcomeOf>[1] = null;
  try {
    body = JSON.parse(raw);
  } catch {
    body = null;
  }
  outcomes.add(outcomeOf(status, body));
  if (/\blogout\b/.test(operation.query) && status === 200 && caller.email) {
    // The fuzzed logout ended this caller's session: sign in again, as a person would.
    caller.token = (await signIn(app, caller.email)).token!;
  }
  if (status === 401) return { reason: 'the caller was refused as UNAUTHENTICATED: its credential stopped working', status, raw };
  if (status >= 500) return { reason: `HTTP ${status}`, status, raw };
  // Node's HTTP parser answers a request line or headers over its 16 kB limit (a long GET URL)
  // with a bare 431 before any of our code runs: a refusal, not an answer of the API.
  if (status === 431 && operation.http?.method === 'GET') return null;
  if (!body) return { reason: 'the answer is not JSON', status, raw };
  if (body.errors?.some((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR'))
    return { reason: 'INTERNAL_SERVER_ERROR', status, raw };
  const otherFirm = firmIds[caller.firm === 'A' ? 'B' : 'A'];
  const leaks = await leaksIn(body, uuidsIn(sent), otherFirm);
  if (leaks.length) return { reason: `ids of the other firm: ${leaks.join(', ')}`, status, raw };
  return null;
}

// Runs `cases` generated operations one after the other (a seed then replays the same run), each
// by a random caller unless `callerFor` names one.
async function fuzz(
  title: string,
  cases: number,
  operationFor: (draw: Draw, index: number, caller: Caller) => GeneratedOperation,
  callerFor?: (index: number) => Caller | null,
) {
  const failures: Failure[] = [];
  const roots = new Tally();
  const byCaller = new Tally();
  const outcomes = new Tally();
  let index = 0;
  await fc.assert(
    fc.asyncProperty(fc.gen(), async (draw) => {
      const caseNumber = index++;
      const caller = callerFor?.(caseNumber) ?? callers[draw(() => fc.integer({ min: 0, max: callers.length - 1 }))];
      const operation = operationFor(draw, caseNumber, caller);
      roots.add(operation.root);
      byCaller.add(caller.name);
      const failure = await check(caller, operation, outcomes);
      if (failure) {
        failures.push({
          case: caseNumber,
          caller: caller.name,
          root: operation.root,
          reason: failure.reason,
          status: failure.status,
          body: failure.raw.slice(0, 600),
          query: operation.query.slice(0, 1500),
          variables: JSON.stringify(operation.variables).slice(0, 1500),
          ...(operation.http ? { http: JSON.stringify(operation.http).slice(0, 1500) } : {}),
        });
      }
    }),
    { seed: SEED, numRuns: cases, endOnFailure: true, interruptAfterTimeLimit: 90_000 },
  );
  totalCases += index;
  console.log(
    [
      `${title}: ${index} cases, seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${failures.length} failures`,
      outcomes.print('outcomes:'),
      byCaller.print('callers:'),
      roots.print('root fields:'),
    ].join('\n'),
  );
  return { failures, roots, cases: index };
}

describe('fuzzing the API', () => {
  // The detector the fuzz cases rely on: it must see the other firm's ids in each form.
  it("should recognise the other firm's ids as raw uuids, global ids and inside cursors", async () => {
    const mandate = pools.A.other.Mandate[0];
    const raw = Buffer.from(mandate, 'base64url').toString('utf8').split(':')[1];
    const cursor = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', raw])).toString('base64url');
    const ownMandate = pools.A.own.Mandate[0];
    expect(await leaksIn({ data: { node: { id: mandate } } }, new Set(), firmIds.B)).toEqual([`id: ${raw}`]);
    expect(await leaksIn({ data: { x: `see ${raw}` } }, new Set(), firmIds.B)).toEqual([`x: ${raw}`]);
    expect(await leaksIn({ data: { pageInfo: { endCursor: cursor } } }, new Set(), firmIds.B)).toEqual([`endCursor: ${raw}`]);
    expect(await leaksIn({ data: { node: { id: ownMandate } } }, new Set(), firmIds.B)).toEqual([]);
    // A message may quote what the caller sent; a data field may not return it.
    expect(await leaksIn({ errors: [{ message: `No mandate ${mandate}.` }] }, new Set([raw]), firmIds.B)).toEqual([]);
    expect(await leaksIn({ data: { node: { id: mandate } } }, new Set([raw]), firmIds.B)).toEqual([`id: ${raw}`]);
  });

  it(
    "should answer every generated call of every mutation without an internal error or another firm's ids",
    async () => {
      const mutations = generator.mutations;
      const { failures, roots, cases } = await fuzz('mutations', MUTATION_CASES, (draw, index, caller) =>
        // Round robin: every mutation of the schema gets its share, whatever the seed.
        generator.mutation(draw, mutations[index % mutations.length], pools[caller.firm]),
      );
      expect(cases).toBe(MUTATION_CASES);
      expect([...roots.counts.keys()].sort()).toEqual(mutations.map((mutation) => mutation.name).sort());
      expect(failures.slice(0, 5)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "should answer random queries without an internal error or another firm's ids",
    async () => {
      const { failures, cases } = await fuzz('queries', QUERY_CASES, (draw, _index, caller) => generator.query(draw, pools[caller.firm]));
      expect(cases).toBe(QUERY_CASES);
      expect(failures.slice(0, 5)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'should refuse or accept every date and time at the edges of its type, in every date input, never with an internal error',
    async () => {
      const inputs = generator.dateInputs;
      // The inputs where a year 0000 once reached PostgreSQL and came back as an internal error.
      expect(inputs.map((input) => input.label)).toEqual(
        expect.arrayContaining([
          'Query.candidates(filter.updatedSince: DateTime)',
          'Query.mandateChanges(filter.updatedSince: DateTime)',
          'Query.candidacyChanges(filter.updatedSince: DateTime)',
          'Query.auditEvents(filter.since: DateTime)',
          'Query.auditEvents(filter.until: DateTime)',
          'Mutation.createCandidate(input.consent.givenAt: DateTime)',
          'Mutation.scheduleInterview(input.scheduledAt: DateTime)',
        ]),
      );
      // Every edge in every input as a variable, with the other arguments valid-looking and sent by
      // the admin (who may call them all), so the value goes as far as it can: to the SQL. Every
      // edge also written into the query text (parsed by another path); the full run writes every
      // edge into every input, and sends each again with hostile other arguments by any caller.
      interface DateCase {
        input: DateInput;
        value: unknown;
        form: 'variable' | 'literal';
        plausibleRest: boolean;
      }
      const dateCases: DateCase[] = [];
      for (const input of inputs) {
        const values = edgeValues(input.scalar);
        values.forEach((value, index) => {
          dateCases.push({ input, value, form: 'variable', plausibleRest: true });
          if (FULL_RUN || (index + inputs.indexOf(input)) % inputs.length === 0)
            dateCases.push({ input, value, form: 'literal', plausibleRest: true });
          for (let round = 0; round < HOSTILE_DATE_ROUNDS; round++) {
            for (const form of ['variable', 'literal'] as const) dateCases.push({ input, value, form, plausibleRest: false });
          }
        });
      }
      const admin = callers.find((caller) => caller.name === 'adminA')!;
      const sent = new Set<string>();
      const { failures, cases } = await fuzz(
        'date and time edges',
        dateCases.length,
        (draw, index, caller) => {
          const { input, value, form, plausibleRest } = dateCases[index];
          sent.add(`${input.label} ${JSON.stringify(value)}`);
          return generator.dateEdge(draw, input, value, form, pools[caller.firm], plausibleRest);
        },
        (index) => (dateCases[index].plausibleRest ? admin : null),
      );
      expect(cases).toBe(dateCases.length);
      expect(sent).toEqual(
        new Set(inputs.flatMap((input) => edgeValues(input.scalar).map((value) => `${input.label} ${JSON.stringify(value)}`))),
      );
      expect(failures.slice(0, 5)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'should answer every operation type (query, mutation, subscription; named, anonymous, shorthand) without an internal error',
    async () => {
      const { failures, roots, cases } = await fuzz('operation types', OPERATION_TYPE_CASES, (draw, index, caller) =>
        generator.operationOfType(draw, OPERATION_TYPES[index % OPERATION_TYPES.length], pools[caller.firm]),
      );
      expect(cases).toBe(OPERATION_TYPE_CASES);
      const kinds = new Set([...roots.counts.keys()].map((root) => root.split(':')[0]));
      expect(kinds).toEqual(new Set(OPERATION_TYPES));
      expect(failures.slice(0, 5)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'should answer persisted queries, extensions, odd bodies, methods and content types without an internal error or a 5xx',
    async () => {
      const total = PROTOCOL_VARIANTS.length * PROTOCOL_ROUNDS;
      const { failures, roots, cases } = await fuzz('protocol', total, (draw, index, caller) =>
        generator.protocol(draw, PROTOCOL_VARIANTS[index % PROTOCOL_VARIANTS.length], pools[caller.firm]),
      );
      expect(cases).toBe(total);
      const perVariant = new Tally();
      for (const [root, count] of roots.counts) for (let n = 0; n < count; n++) perVariant.add(root.split(':')[0]);
      expect(Object.fromEntries(perVariant.counts)).toEqual(
        Object.fromEntries(PROTOCOL_VARIANTS.map((variant) => [variant, PROTOCOL_ROUNDS])),
      );
      expect(failures.slice(0, 5)).toEqual([]);
    },
    TIMEOUT,
  );

  afterAll(() => {
    console.log(
      `fuzz total: ${totalCases} cases (${MUTATION_CASES} mutations, ${QUERY_CASES} queries, the rest edges and protocol), seed ${SEED}`,
    );
  });
});
