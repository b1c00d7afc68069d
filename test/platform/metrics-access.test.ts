import { toGlobalId } from '../../src/common/global-id';
import { createLogger } from '../../src/config/logger';
import { ConfigError, readConfig } from '../../src/config/env';
import { startWebhookWorker, type WebhookWorker } from '../../src/modules/webhook';
import { serveWorkerMetrics, type WorkerMetrics } from '../../src/server/metrics';
import { startTestApp, testSecretBox, type TestApp } from '../helpers/test-app';
import { createTestFirm } from '../helpers/fixtures';
import { insertCandidacy } from '../helpers/interview-fixtures';
import { eventually, WebhookReceiver } from '../helpers/integration-fixtures';
import { parseExposition, scrape, valueOf } from '../helpers/metrics';
import { CreateWebhookSubscriptionDocument, MoveCandidacyDocument } from '../generated/graphql';

const TOKEN = 'metrics-token-for-the-scraper-0123456789';

async function get(url: string, authorization?: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${url}/metrics`, { headers: authorization ? { authorization } : {} });
  return { status: response.status, body: await response.text() };
}

async function post(app: TestApp, query: string, token?: string): Promise<number> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  await response.text();
  return response.status;
}

describe('who may scrape /metrics', () => {
  const apps: TestApp[] = [];
  afterAll(() => Promise.all(apps.map((app) => app.close())));
  const start = async (options: Parameters<typeof startTestApp>[0]) => {
    const app = await startTestApp(options);
    apps.push(app);
    return app;
  };

  it('should answer in production only with METRICS_TOKEN: 401 without a token, 403 with a wrong one, 200 with it', async () => {
    const app = await start({ production: true, metrics: { token: TOKEN } });
    const without = await get(app.url);
    expect(without.status).toBe(401);
    expect(JSON.parse(without.body)).toEqual({ error: 'Metrics need Authorization: Bearer <METRICS_TOKEN>.' });
    expect((await get(app.url, 'Basic abc')).status).toBe(401);
    expect((await get(app.url, `Bearer ${TOKEN}x`)).status).toBe(403);
    expect((await get(app.url, 'Bearer short')).status).toBe(403);
    const granted = await get(app.url, `Bearer ${TOKEN}`);
    expect(granted.status).toBe(200);
    expect(granted.body).toContain('# TYPE outside_in_graphql_requests_total counter');
    expect(granted.body).not.toContain(TOKEN);
  });

  it('should refuse every scrape in production when no METRICS_TOKEN is set', async () => {
    const app = await start({ production: true });
    expect((await get(app.url)).status).toBe(401);
    const refused = await get(app.url, `Bearer ${TOKEN}`);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toEqual({ error: 'Metrics are not public in production: set METRICS_TOKEN on the server.' });
  });

  it('should be open in development, unless a METRICS_TOKEN is set', async () => {
    const open = await start({});
    expect((await get(open.url)).status).toBe(200);
    const guarded = await start({ metrics: { token: TOKEN } });
    expect((await get(guarded.url)).status).toBe(401);
    expect((await get(guarded.url, `Bearer ${TOKEN}`)).status).toBe(200);
  });

  it('should count rate-limit refusals by reason', async () => {
    // One point: the second anonymous request is refused; a failed token spends its address's
    // failure bucket, so the next token from there is refused before its look-up.
    const app = await start({ rateLimit: { capacity: 1, refillPerSecond: 0.0001 } });
    expect(await post(app, '{ __typename }')).toBe(200);
    expect(await post(app, '{ __typename }')).toBe(429);
    expect(await post(app, '{ __typename }', 'invented-token-1')).toBe(401);
    expect(await post(app, '{ __typename }', 'invented-token-2')).toBe(429);
    const samples = await scrape(app);
    expect(valueOf(samples, 'outside_in_rate_limit_refusals_total', { reason: 'bucket' })).toBe(1);
    expect(valueOf(samples, 'outside_in_rate_limit_refusals_total', { reason: 'invalid_tokens' })).toBe(1);
    expect(valueOf(samples, 'outside_in_graphql_requests_total', { operation: 'anonymous', outcome: 'rate_limited' })).toBe(2);
    expect(valueOf(samples, 'outside_in_graphql_requests_total', { operation: 'anonymous', outcome: 'unauthenticated' })).toBe(1);
    expect(valueOf(samples, 'outside_in_graphql_requests_total', { operation: 'anonymous', outcome: 'ok' })).toBe(1);
  });
});

describe('metrics configuration', () => {
  it('should read METRICS_TOKEN and WORKER_METRICS_PORT, refusing a guessable token and a bad port', () => {
    expect(readConfig({})).toMatchObject({ metricsToken: null, workerMetricsPort: null });
    expect(readConfig({ METRICS_TOKEN: TOKEN, WORKER_METRICS_PORT: '9465' })).toMatchObject({
      metricsToken: TOKEN,
      workerMetricsPort: 9465,
    });
    expect(() => readConfig({ METRICS_TOKEN: 'short' })).toThrow(
      new ConfigError('METRICS_TOKEN must be at least 16 characters without spaces.'),
    );
    expect(() => readConfig({ WORKER_METRICS_PORT: 'nine' })).toThrow(
      new ConfigError('WORKER_METRICS_PORT must be a whole number from 0 to 65535, got "nine".'),
    );
  });
});

describe('webhook metrics', () => {
  let app: TestApp;
  let receiver: WebhookReceiver;
  let worker: WebhookWorker | null = null;
  let workerMetrics: WorkerMetrics | null = null;

  beforeAll(async () => {
    app = await startTestApp();
    // The first attempt fails (500), the retry succeeds.
    receiver = new WebhookReceiver([500, 200]);
  });
  afterAll(async () => {
    await worker?.stop();
    await workerMetrics?.close();
    await receiver.stop();
    await app.close();
  });

  it("should show the waiting deliveries on the API's /metrics and the delivery outcomes on the worker's", async () => {
    const firm = await createTestFirm(app, 'hooks');
    const pipeline = await insertCandidacy(app, firm, { stage: 'SCREENING' as never });
    const url = await receiver.start();
    const { createWebhookSubscription } = await firm.asAdmin.data(CreateWebhookSubscriptionDocument, {
      input: { url, events: ['candidacy.stage_changed'] },
    });
    expect(createWebhookSubscription.userErrors).toEqual([]);
    receiver.secret = createWebhookSubscription.secret!;
    const { moveCandidacy } = await firm.asRecruiter.data(MoveCandidacyDocument, {
      input: { candidacyId: toGlobalId('Candidacy', pipeline.candidacy.id), stage: 'INTERVIEWING' },
    });
    expect(moveCandidacy.userErrors).toEqual([]);
    // No worker yet: the delivery waits in the outbox (the job queue has no schema yet either).
    const waiting = await scrape(app);
    expect(valueOf(waiting, 'outside_in_webhook_queue_depth', { stage: 'outbox' })).toBe(1);
    expect(waiting.some((sample) => sample.name === 'outside_in_webhook_queue_depth' && sample.labels.stage === 'created')).toBe(false);

    // The worker process: its own /metrics, with the API's token rule.
    workerMetrics = await serveWorkerMetrics({ orm: app.orm, port: 0, production: true, token: TOKEN });
    const workerUrl = `http://127.0.0.1:${workerMetrics.port}`;
    expect((await get(workerUrl)).status).toBe(401);
    const observe = workerMetrics.metrics;
    worker = await startWebhookWorker({
      connectionString: app.orm.config.get('clientUrl')!,
      secrets: testSecretBox(),
      logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
      allowLoopback: true,
      pollIntervalMs: 50,
      retryDelaySeconds: 1,
      retryLimit: 2,
      maxAgeSeconds: 3600,
      timeoutMs: 1000,
      onOutcome: (outcome, seconds) => observe.observeWebhookOutcome(outcome, seconds),
    });
    const scrapeWorker = async () => {
      const { status, body } = await get(workerUrl, `Bearer ${TOKEN}`);
      expect(status).toBe(200);
      return parseExposition(body);
    };
    const done = await eventually(
      'the retried delivery',
      scrapeWorker,
      (samples) => valueOf(samples, 'outside_in_webhook_deliveries_total', { outcome: 'delivered' }) === 1,
    );
    expect(receiver.requests).toHaveLength(2);
    expect(valueOf(done, 'outside_in_webhook_deliveries_total', { outcome: 'retrying' })).toBe(1);
    expect(valueOf(done, 'outside_in_webhook_deliveries_total', { outcome: 'failed' })).toBe(0);
    expect(valueOf(done, 'outside_in_webhook_attempt_duration_seconds_count')).toBe(2);
    expect(valueOf(done, 'outside_in_webhook_queue_depth', { stage: 'outbox' })).toBe(0);
    expect(valueOf(done, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(valueOf(done, 'outside_in_db_pool_max_connections', { pool: 'primary' })).toBeGreaterThan(0);
    expect((await fetch(`${workerUrl}/graphql`)).status).toBe(404);

    // The API's view of the queue once the worker made its schema: nothing waits any more.
    const api = await scrape(app);
    for (const stage of ['outbox', 'created', 'retry', 'active']) {
      expect(valueOf(api, 'outside_in_webhook_queue_depth', { stage })).toBe(0);
      expect(api.some((sample) => sample.name === 'outside_in_webhook_queue_depth' && sample.labels.stage === stage)).toBe(true);
    }
  }, 120_000);
});
