import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { parseExposition, scrape, scrapeText, valueOf, type Sample } from '../helpers/metrics';
import { ANONYMOUS, DEFAULT_OPERATION_NAME_CAPACITY, Metrics, OperationLabels, OTHER } from '../../src/server/metrics';
import { CandidatesNamesDocument, CreateCandidateDocument, ViewerDocument } from '../generated/graphql';

const REQUESTS = 'outside_in_graphql_requests_total';
const DURATION = 'outside_in_graphql_request_duration_seconds';
const STATEMENTS = 'outside_in_graphql_request_sql_statements';

// A raw POST to /graphql (any document, any token).
async function post(app: TestApp, query: string, token?: string): Promise<number> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  await response.text();
  return response.status;
}

// How much each series grew between two scrapes.
function delta(before: Sample[], after: Sample[], name: string, labels: Record<string, string>): number {
  return valueOf(after, name, labels) - valueOf(before, name, labels);
}

describe('GET /metrics', () => {
  let app: TestApp;
  let nordlys: TestFirm;

  beforeAll(async () => {
    app = await startTestApp();
    nordlys = await createTestFirm(app, 'metrics');
  });
  afterAll(() => app?.close());

  it('should count requests by operation name and outcome, with their latency and statements', async () => {
    const before = await scrape(app);
    await nordlys.asRecruiter.data(ViewerDocument);
    await nordlys.asRecruiter.data(ViewerDocument);
    const refused = await nordlys.asRecruiter.data(CreateCandidateDocument, { input: { firstName: '', lastName: 'Berg' } });
    expect(refused.createCandidate.userErrors.map((error) => error.code)).toEqual(['REQUIRED']);
    expect(await post(app, '{ __typename }')).toBe(200);
    expect(await post(app, 'query Viewer { viewer { kind } }', 'not-a-token')).toBe(401);
    expect(await post(app, 'query Broken { noSuchField }')).toBe(400);
    expect((await fetch(`${app.url}/graphql`)).status).toBe(405);
    const after = await scrape(app);

    const grown = (labels: Record<string, string>) => delta(before, after, REQUESTS, labels);
    expect(grown({ operation: 'Viewer', outcome: 'ok' })).toBe(2);
    expect(grown({ operation: 'CreateCandidate', outcome: 'user_error' })).toBe(1);
    expect(grown({ operation: 'anonymous', outcome: 'ok' })).toBe(1);
    expect(grown({ operation: 'Viewer', outcome: 'unauthenticated' })).toBe(1);
    // Not valid against the schema: its name is not taken (only real operations get series).
    expect(grown({ operation: 'other', outcome: 'graphql_validation_failed' })).toBe(1);
    expect(grown({ operation: 'Broken', outcome: 'graphql_validation_failed' })).toBe(0);
    expect(grown({ operation: 'other', outcome: 'bad_request' })).toBe(1);
    expect(delta(before, after, `${DURATION}_count`, { operation: 'Viewer' })).toBe(3);
    expect(delta(before, after, `${DURATION}_sum`, { operation: 'Viewer' })).toBeGreaterThan(0);
    expect(delta(before, after, `${STATEMENTS}_count`, { operation: 'CreateCandidate' })).toBe(1);

    // Label values are operation names and outcomes only: no ids, emails, tokens or messages.
    const operations = new Set(after.filter((sample) => sample.name === REQUESTS).map((sample) => sample.labels.operation));
    for (const operation of operations) expect(operation).toMatch(/^(anonymous|other|[A-Z][A-Za-z]+)$/);
    expect(await scrapeText(app)).not.toMatch(/@|not-a-token|Berg|noSuchField/);
  });

  it('should record in the statement histogram exactly the statements a request ran, also for concurrent requests', async () => {
    const single = await app.countStatements(() => nordlys.asRecruiter.data(CandidatesNamesDocument, { first: 5 }));
    const viewer = await app.countStatements(() => nordlys.asRecruiter.data(ViewerDocument));
    expect(single).toBeGreaterThan(0);
    expect(viewer).toBeGreaterThan(0);

    const before = await scrape(app);
    await nordlys.asRecruiter.data(CandidatesNamesDocument, { first: 5 });
    const middle = await scrape(app);
    expect(delta(before, middle, `${STATEMENTS}_count`, { operation: 'CandidatesNames' })).toBe(1);
    expect(delta(before, middle, `${STATEMENTS}_sum`, { operation: 'CandidatesNames' })).toBe(single);
    // The one observation falls in the first bucket at or above it.
    const bucket = [0, 1, 2, 4, 8, 16, 32, 64, 128, 256].find((bound) => bound >= single)!;
    expect(delta(before, middle, `${STATEMENTS}_bucket`, { operation: 'CandidatesNames', le: String(bucket) })).toBe(1);
    expect(delta(before, middle, `${STATEMENTS}_bucket`, { operation: 'CandidatesNames', le: String(bucket / 2) })).toBe(0);

    // Ten requests of two operations at once: each request's statements count to its own operation.
    await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        index % 2 === 0 ? nordlys.asRecruiter.data(CandidatesNamesDocument, { first: 5 }) : nordlys.asRecruiter.data(ViewerDocument),
      ),
    );
    const after = await scrape(app);
    expect(delta(middle, after, `${STATEMENTS}_count`, { operation: 'CandidatesNames' })).toBe(5);
    expect(delta(middle, after, `${STATEMENTS}_sum`, { operation: 'CandidatesNames' })).toBe(5 * single);
    expect(delta(middle, after, `${STATEMENTS}_sum`, { operation: 'Viewer' })).toBe(5 * viewer);
  });

  it('should show the primary pool, the webhook queue and the process', async () => {
    const samples = await scrape(app);
    const max = app.orm.config.get('pool')?.max;
    expect(valueOf(samples, 'outside_in_db_pool_max_connections', { pool: 'primary' })).toBe(max);
    for (const state of ['used', 'free', 'pending']) {
      expect(
        samples.some(
          (sample) => sample.name === 'outside_in_db_pool_connections' && sample.labels.pool === 'primary' && sample.labels.state === state,
        ),
      ).toBe(true);
    }
    expect(valueOf(samples, 'outside_in_db_pool_connections', { pool: 'primary', state: 'pending' })).toBe(0);
    // Nothing subscribed, so nothing waits.
    expect(valueOf(samples, 'outside_in_webhook_queue_depth', { stage: 'outbox' })).toBe(0);
    expect(samples.some((sample) => sample.name === 'outside_in_webhook_queue_depth' && sample.labels.stage === 'outbox')).toBe(true);
    expect(valueOf(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(valueOf(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('should answer in the Prometheus text format, without caching', async () => {
    const response = await fetch(`${app.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(text).toContain(`# TYPE ${REQUESTS} counter`);
    expect(text).toContain(`# TYPE ${DURATION} histogram`);
    expect(text).toContain(`# TYPE ${STATEMENTS} histogram`);
    expect(() => parseExposition(text)).not.toThrow();
  });
});

describe('operation names as labels', () => {
  const CAPACITY = 50;
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ metrics: { operationNameCapacity: CAPACITY } });
  });
  afterAll(() => app?.close());

  // Over HTTP, 20 times the cap (the whole path: parse, validate, label); 10,000 names below.
  it('should give the first names up to the cap a series each, and count every later name as "other"', async () => {
    const names = 1_000;
    let next = 0;
    // Eight clients at a time; the operation needs no SQL.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < names) {
          const index = next++;
          expect(await post(app, `query Made${index}Up { __typename }`)).toBe(200);
        }
      }),
    );
    const samples = await scrape(app);
    const series = samples.filter((sample) => sample.name === REQUESTS);
    const operations = new Set(series.map((sample) => sample.labels.operation));
    expect(app.server.metrics.operations.size).toBe(CAPACITY);
    expect(operations.size).toBe(CAPACITY + 1);
    expect(operations.has('other')).toBe(true);
    expect(series.reduce((sum, sample) => sum + sample.value, 0)).toBe(names);
    expect(valueOf(samples, REQUESTS, { operation: 'other', outcome: 'ok' })).toBe(names - CAPACITY);
    const histogramNames = (all: Sample[]) =>
      new Set(all.filter((sample) => sample.name === `${DURATION}_count`).map((sample) => sample.labels.operation));
    expect(histogramNames(samples).size).toBe(CAPACITY + 1);

    // A name admitted before the cap keeps its series.
    const [admitted] = [...operations].filter((operation) => operation !== 'other');
    const before = valueOf(samples, REQUESTS, { operation: admitted, outcome: 'ok' });
    expect(await post(app, `query ${admitted} { __typename }`)).toBe(200);
    expect(valueOf(await scrape(app), REQUESTS, { operation: admitted, outcome: 'ok' })).toBe(before + 1);
  }, 180_000);

  it('should keep the registry bounded for 10,000 distinct names, and take no name that is not a plain GraphQL name', async () => {
    const metrics = new Metrics({ operationNameCapacity: DEFAULT_OPERATION_NAME_CAPACITY });
    for (let index = 0; index < 10_000; index++) {
      const operation = metrics.operations.labelOf(`Client${index}Operation`);
      metrics.requests.inc({ operation, outcome: 'ok' });
      metrics.requestDuration.observe({ operation }, 0.01);
    }
    const samples = parseExposition((await metrics.exposition()).body);
    expect(samples.filter((sample) => sample.name === REQUESTS)).toHaveLength(DEFAULT_OPERATION_NAME_CAPACITY + 1);
    expect(valueOf(samples, REQUESTS, { operation: OTHER, outcome: 'ok' })).toBe(10_000 - DEFAULT_OPERATION_NAME_CAPACITY);

    const labels = new OperationLabels(10);
    expect(labels.labelOf(null)).toBe(ANONYMOUS);
    expect(labels.labelOf('')).toBe(ANONYMOUS);
    expect(labels.labelOf('ana@example.com')).toBe(OTHER);
    expect(labels.labelOf('x'.repeat(81))).toBe(OTHER);
    expect(labels.labelOf('with space')).toBe(OTHER);
    expect(labels.size).toBe(0);
  });
});
