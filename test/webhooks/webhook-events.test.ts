import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../src/common/global-id';
import { ApiKeyScope } from '../../src/common/access';
import { MandateStatus } from '../../src/modules/mandate';
import { importCandidateRows, parseCandidateCsv } from '../../src/modules/integration';
import { WebhookSubscription } from '../../src/modules/webhook';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes } from '../helpers/graphql-client';
import { atsCandidates, upsert, WebhookReceiver } from '../helpers/integration-fixtures';
import { insertMandate } from '../helpers/mandate-fixtures';
import {
  ChangeMandateStatusDocument,
  CreateCandidateDocument,
  CreateWebhookSubscriptionDocument,
  NodesDocument,
  PingWebhookSubscriptionDocument,
  UpdateCandidateDocument,
  WebhookDeliveryLogDocument,
} from '../generated/graphql';

let app: TestApp;
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await Promise.all(receivers.map((receiver) => receiver.stop()));
  await app.close();
});

const NEW_EVENTS = ['candidate.created', 'candidate.updated', 'mandate.status_changed'];

async function subscribedFirm(events = NEW_EVENTS, answers: number[] = []) {
  const firm = await createTestFirm(app, 'events');
  const receiver = new WebhookReceiver(answers);
  receivers.push(receiver);
  const url = await receiver.start();
  const { createWebhookSubscription } = await firm.asAdmin.data(CreateWebhookSubscriptionDocument, { input: { url, events } });
  expect(createWebhookSubscription.userErrors).toEqual([]);
  receiver.secret = createWebhookSubscription.secret!;
  return { firm, receiver, subscriptionId: createWebhookSubscription.subscription!.id };
}

// The outbox of a firm, oldest first: what the relay will deliver.
async function outbox(firm: TestFirm): Promise<{ type: string; data: Record<string, string> }[]> {
  return app
    .em()
    .getConnection()
    .execute(
      `select e."type", e."data" from "webhook_event" e where e."firm_id" = ? and e."type" <> 'ping'
       order by e."created_at", e."type", e."data"->>'candidateId', e."data"->>'mandateId'`,
      [firm.firm.id],
    );
}

async function deliveriesOf(firm: TestFirm): Promise<number> {
  const [{ count }] = await app
    .em()
    .getConnection()
    .execute(`select count(*)::int as "count" from "webhook_delivery" where "firm_id" = ?`, [firm.firm.id]);
  return count;
}

// Every id of every event names something the API can show through node.
async function expectResolvable(firm: TestFirm, events: { data: Record<string, string> }[]) {
  const ids = events.flatMap((event) => Object.values(event.data).filter((value) => /^[A-Za-z0-9_-]{20,}$/.test(value)));
  const { nodes } = await firm.asAdmin.data(NodesDocument, { ids });
  expect(nodes.map((node) => node?.id)).toEqual(ids);
}

describe('candidate and mandate events', () => {
  it('should write candidate.created and candidate.updated with the candidate id only, and nothing for an update that changes nothing', async () => {
    const { firm } = await subscribedFirm();
    const { createCandidate } = await firm.asRecruiter.data(CreateCandidateDocument, {
      input: { firstName: 'Ingrid', lastName: 'Solberg', email: 'ingrid@example.com' },
    });
    const candidateId = createCandidate.candidate!.id;
    const update = (headline: string) => firm.asRecruiter.data(UpdateCandidateDocument, { input: { candidateId, headline } });
    expect((await update('COO, Hydro')).updateCandidate.userErrors).toEqual([]);
    expect((await update('COO, Hydro')).updateCandidate.userErrors).toEqual([]);

    const events = await outbox(firm);
    expect(events).toEqual([
      { type: 'candidate.created', data: { candidateId } },
      { type: 'candidate.updated', data: { candidateId } },
    ]);
    expect(JSON.stringify(events)).not.toContain('Ingrid');
    await expectResolvable(firm, events);
  });

  it('should write one event per created and updated item of a bulk upsert, in one statement, and none for unchanged ones', async () => {
    const { firm } = await subscribedFirm();
    const first = await upsert(firm.asAdmin, atsCandidates(3));
    const ids = first.results.map((result) => result.candidate!.id);
    const again = atsCandidates(3);
    again[1] = { ...again[1], headline: 'Chief People Officer' };
    const second = await upsert(firm.asAdmin, again);
    expect(second.results.map((result) => result.status)).toEqual(['UNCHANGED', 'UPDATED', 'UNCHANGED']);

    const events = await outbox(firm);
    expect(
      events
        .filter((event) => event.type === 'candidate.created')
        .map((event) => event.data.candidateId)
        .sort(),
    ).toEqual([...ids].sort());
    expect(events.filter((event) => event.type === 'candidate.updated')).toEqual([
      { type: 'candidate.updated', data: { candidateId: ids[1] } },
    ]);
    expect(events).toHaveLength(4);
    await expectResolvable(firm, events);
    // One delivery per event for the one subscription.
    expect(await deliveriesOf(firm)).toBe(4);
  });

  it('should cost a bulk upsert the same number of statements for 5 and for 100 new candidates, events included', async () => {
    const { firm } = await subscribedFirm();
    const small = await app.countStatements(() => upsert(firm.asAdmin, atsCandidates(5, { prefix: 'small' })));
    const large = await app.countStatements(() => upsert(firm.asAdmin, atsCandidates(100, { prefix: 'large' })));
    expect(large).toBe(small);
    expect((await outbox(firm)).length).toBe(105);
  });

  it('should write candidate events for a CSV import, through the same upsert', async () => {
    const { firm } = await subscribedFirm();
    const csv = 'system,external_id,first_name,last_name\ncsv,1,Astrid,Berg\ncsv,2,Kari,Nilsen\n';
    const summary = await importCandidateRows(app.em() as EntityManager, firm.firm.id, parseCandidateCsv(csv));
    expect(summary.created).toBe(2);
    const events = await outbox(firm);
    expect(events.map((event) => event.type)).toEqual(['candidate.created', 'candidate.created']);
    await expectResolvable(firm, events);
  });

  it('should write mandate.status_changed with the mandate id and both statuses, and nothing for a refused change', async () => {
    const { firm } = await subscribedFirm();
    const mandate = await insertMandate(app, firm);
    const mandateId = toGlobalId('Mandate', mandate.id);
    const change = (status: 'OPEN' | 'FILLED') => firm.asRecruiter.data(ChangeMandateStatusDocument, { input: { mandateId, status } });
    expect((await change('OPEN')).changeMandateStatus.userErrors).toEqual([]);
    // DRAFT → OPEN done; OPEN → FILLED is not a step the mandate can take.
    expect((await change('FILLED')).changeMandateStatus.userErrors.map((error) => error.code)).toEqual(['INVALID_STATE']);
    const events = await outbox(firm);
    expect(events).toEqual([
      { type: 'mandate.status_changed', data: { mandateId, fromStatus: MandateStatus.DRAFT, toStatus: MandateStatus.OPEN } },
    ]);
    await expectResolvable(firm, events);
  });

  it('should write nothing when no subscription wants the event', async () => {
    const { firm } = await subscribedFirm(['candidate.erased']);
    await firm.asRecruiter.data(CreateCandidateDocument, { input: { firstName: 'Nora', lastName: 'Dahl' } });
    await upsert(firm.asAdmin, atsCandidates(2));
    expect(await outbox(firm)).toEqual([]);
    expect(await deliveriesOf(firm)).toBe(0);
  });
});

describe('pingWebhookSubscription', () => {
  it('should send a signed ping now and answer with the attempt, logged as a delivery', async () => {
    const { firm, receiver, subscriptionId } = await subscribedFirm();
    const { pingWebhookSubscription } = await firm.asAdmin.data(PingWebhookSubscriptionDocument, { input: { subscriptionId } });
    expect(pingWebhookSubscription.userErrors).toEqual([]);
    expect(pingWebhookSubscription.attempt).toEqual({
      number: 1,
      responseStatus: 200,
      durationMs: expect.any(Number),
      error: null,
      succeeded: true,
    });
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request.signatureValid).toBe(true);
    expect(request.headers['outside-in-event-type']).toBe('ping');
    const delivery = pingWebhookSubscription.delivery!;
    expect(request.body).toBe(delivery.event.body);
    expect(JSON.parse(request.body)).toMatchObject({ type: 'ping', data: { subscriptionId } });
    expect(delivery).toMatchObject({ status: 'DELIVERED', attemptCount: 1 });
    const { node } = await firm.asAdmin.data(WebhookDeliveryLogDocument, { id: subscriptionId });
    expect(node?.__typename === 'WebhookSubscription' && node.deliveries.nodes.map((entry) => [entry.id, entry.status])).toEqual([
      [delivery.id, 'DELIVERED'],
    ]);
  });

  it("should report the receiver's failure in the attempt, once, without retrying", async () => {
    const { firm, receiver, subscriptionId } = await subscribedFirm(NEW_EVENTS, [503]);
    const { pingWebhookSubscription } = await firm.asAdmin.data(PingWebhookSubscriptionDocument, { input: { subscriptionId } });
    expect(pingWebhookSubscription.attempt).toMatchObject({
      responseStatus: 503,
      error: 'the receiver answered HTTP 503',
      succeeded: false,
    });
    expect(pingWebhookSubscription.delivery).toMatchObject({ status: 'FAILED', attemptCount: 1 });
    expect(receiver.requests).toHaveLength(1);
  });

  it('should refuse to reach a link-local address, as every delivery does', async () => {
    const { firm } = await subscribedFirm();
    // Written past the API's check, as a URL whose host later resolves there would be.
    const subscription = await app.em().transactional(async (tx) =>
      (tx as EntityManager).create(WebhookSubscription, {
        firm: firm.firm,
        url: 'http://169.254.169.254/latest/meta-data',
        events: ['candidate.created'],
        secret: 'whsec_test',
      }),
    );
    const { pingWebhookSubscription } = await firm.asAdmin.data(PingWebhookSubscriptionDocument, {
      input: { subscriptionId: toGlobalId('WebhookSubscription', subscription.id) },
    });
    expect(pingWebhookSubscription.attempt).toMatchObject({
      responseStatus: null,
      error: '169.254.169.254 is a link-local address (where cloud metadata services answer)',
      succeeded: false,
    });
  });

  it("should answer NOT_FOUND for an unknown or another firm's subscription, and FORBIDDEN without webhooks:manage", async () => {
    const { subscriptionId } = await subscribedFirm();
    const other = await createTestFirm(app, 'other');
    for (const id of [subscriptionId, 'nonsense']) {
      const { pingWebhookSubscription } = await other.asAdmin.data(PingWebhookSubscriptionDocument, { input: { subscriptionId: id } });
      expect(pingWebhookSubscription.userErrors).toEqual([
        { code: 'NOT_FOUND', field: ['input', 'subscriptionId'], message: 'No webhook subscription with this id.' },
      ]);
    }
    const { client } = await other.apiKey([ApiKeyScope.CANDIDATES_WRITE]);
    for (const caller of [client, other.asRecruiter]) {
      expect(errorCodes(await caller.request(PingWebhookSubscriptionDocument, { input: { subscriptionId } }))).toEqual(['FORBIDDEN']);
    }
    const { client: manager } = await other.apiKey([ApiKeyScope.WEBHOOKS_MANAGE]);
    const { pingWebhookSubscription } = await manager.data(PingWebhookSubscriptionDocument, { input: { subscriptionId } });
    expect(pingWebhookSubscription.userErrors.map((error) => error.code)).toEqual(['NOT_FOUND']);
  });
});
