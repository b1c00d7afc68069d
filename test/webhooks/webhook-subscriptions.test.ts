import { ApiKeyScope } from '../../src/common/access';
import { refusedAddress, refusedHost } from '../../src/modules/webhook';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import {
  CreateWebhookSubscriptionDocument,
  DeleteWebhookSubscriptionDocument,
  DisableWebhookSubscriptionDocument,
  EnableWebhookSubscriptionDocument,
  RedeliverWebhookDocument,
  WebhookEventTypesDocument,
  WebhookNodeDocument,
  WebhookSubscriptionsDocument,
  type CreateWebhookSubscriptionInput,
} from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
});
afterAll(() => app.close());

const EVENTS = [
  'candidacy.stage_changed',
  'scorecard.submitted',
  'shortlist.published',
  'shortlist.feedback_given',
  'candidate.erased',
  'candidate.created',
  'candidate.updated',
  'candidate.merged',
  'mandate.status_changed',
  'interview.scheduled',
  'interview.rescheduled',
  'interview.cancelled',
];

async function subscriptionRows(firmId: string): Promise<unknown[]> {
  return app.em().getConnection().execute('select * from webhook_subscription where firm_id = ? order by created_at, id', [firmId]);
}

async function create(caller: GraphQLClient, input: Partial<CreateWebhookSubscriptionInput> = {}) {
  const { createWebhookSubscription } = await caller.data(CreateWebhookSubscriptionDocument, {
    input: { url: 'https://ats.example.com/hooks/outside-in', events: ['candidacy.stage_changed'], ...input },
  });
  return createWebhookSubscription;
}

describe('createWebhookSubscription', () => {
  it('should subscribe a URL to events and show the signing secret once', async () => {
    const firm = await createTestFirm(app, 'create');
    const payload = await create(firm.asAdmin, {
      url: ' https://ATS.example.com/hooks/outside-in?tenant=nordlys ',
      events: ['scorecard.submitted', ' candidacy.stage_changed', 'scorecard.submitted'],
      description: ' Greenhouse ',
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(payload.subscription).toEqual({
      id: expect.any(String),
      url: 'https://ats.example.com/hooks/outside-in?tenant=nordlys',
      events: ['scorecard.submitted', 'candidacy.stage_changed'],
      description: 'Greenhouse',
      status: 'ACTIVE',
      createdAt: expect.any(String),
    });
    const list = await firm.asAdmin.request(WebhookSubscriptionsDocument, {});
    expect(list.data!.webhookSubscriptions).toEqual({ totalCount: 1, nodes: [payload.subscription] });
    expect(list.raw).not.toContain(payload.secret!);
  });

  it('should list the events one can subscribe to', async () => {
    expect((await nordlys.asAdmin.data(WebhookEventTypesDocument)).webhookEventTypes).toEqual(EVENTS);
  });

  it.each([
    ['a URL that is not a URL', { url: 'ats.example.com/hooks' }, [['INVALID', ['input', 'url'], 'url is not a URL.']]],
    ['an ftp URL', { url: 'ftp://ats.example.com/hooks' }, [['INVALID', ['input', 'url'], 'url must start with https:// or http://.']]],
    ['a javascript URL', { url: 'javascript:alert(1)' }, [['INVALID', ['input', 'url'], 'url must start with https:// or http://.']]],
    [
      'the cloud metadata address',
      { url: 'http://169.254.169.254/latest/meta-data/' },
      [
        [
          'INVALID',
          ['input', 'url'],
          'url points to a link-local address (where cloud metadata services answer), which a webhook may not reach.',
        ],
      ],
    ],
    [
      'a metadata host name',
      { url: 'http://metadata.google.internal/computeMetadata/v1/' },
      [['INVALID', ['input', 'url'], 'url points to a cloud metadata service, which a webhook may not reach.']],
    ],
    [
      'an IPv6 link-local address',
      { url: 'http://[fe80::1]:8080/' },
      [['INVALID', ['input', 'url'], 'url points to a link-local address, which a webhook may not reach.']],
    ],
    [
      'the metadata address mapped into IPv6',
      { url: 'http://[::ffff:169.254.169.254]/' },
      [
        [
          'INVALID',
          ['input', 'url'],
          'url points to a link-local address (where cloud metadata services answer), which a webhook may not reach.',
        ],
      ],
    ],
    [
      'the metadata address written as one number',
      { url: 'http://2852039166/' },
      [
        [
          'INVALID',
          ['input', 'url'],
          'url points to a link-local address (where cloud metadata services answer), which a webhook may not reach.',
        ],
      ],
    ],
    [
      'a URL with a password',
      { url: 'https://user:secret@ats.example.com/hooks' },
      [['INVALID', ['input', 'url'], 'url must not hold a user name or password; verify the signature instead.']],
    ],
    ['an empty URL', { url: '  ' }, [['REQUIRED', ['input', 'url'], 'url is required.']]],
    [
      'a URL over 2000 characters',
      { url: `https://ats.example.com/${'x'.repeat(1980)}` },
      [['TOO_LONG', ['input', 'url'], 'url is longer than 2000 characters.']],
    ],
    [
      'an unknown event',
      { events: ['candidacy.stage_changed', 'candidate.merged_into'] },
      [['INVALID', ['input', 'events', '1'], `"candidate.merged_into" is not an event; the events are ${EVENTS.join(', ')}.`]],
    ],
    ['no events', { events: [] }, [['REQUIRED', ['input', 'events'], `Subscribe to at least one event: ${EVENTS.join(', ')}.`]]],
    [
      'a description over 200 characters',
      { description: 'x'.repeat(201) },
      [['TOO_LONG', ['input', 'description'], 'description is longer than 200 characters.']],
    ],
  ])('should refuse %s and write nothing', async (_case, input, errors) => {
    const before = await subscriptionRows(nordlys.firm.id);
    const payload = await create(nordlys.asAdmin, input as Partial<CreateWebhookSubscriptionInput>);
    expect(payload.userErrors).toEqual(errors.map(([code, field, message]) => ({ code, field, message })));
    expect(payload.subscription).toBeNull();
    expect(payload.secret).toBeNull();
    expect(await subscriptionRows(nordlys.firm.id)).toEqual(before);
  });

  it('should allow a loopback receiver outside production', async () => {
    const payload = await create(nordlys.asAdmin, { url: 'http://127.0.0.1:9999/hooks' });
    expect(payload.userErrors).toEqual([]);
  });

  it('should refuse a loopback receiver in production', async () => {
    const production = await startTestApp({ production: true });
    try {
      const firm = await createTestFirm(production, 'production');
      for (const url of ['http://127.0.0.1:9999/hooks', 'http://localhost/hooks', 'http://[::1]/hooks', 'http://api.localhost/hooks']) {
        const payload = await create(firm.asAdmin, { url });
        expect(payload.userErrors).toEqual([
          { code: 'INVALID', field: ['input', 'url'], message: 'url points to a loopback address, which a webhook may not reach.' },
        ]);
      }
    } finally {
      await production.close();
    }
  });

  it('should refuse more than 20 subscriptions of one firm', async () => {
    const firm = await createTestFirm(app, 'many');
    for (let index = 0; index < 20; index++) expect((await create(firm.asAdmin)).userErrors).toEqual([]);
    expect((await create(firm.asAdmin)).userErrors).toEqual([
      { code: 'OUT_OF_RANGE', field: ['input'], message: 'A firm can have at most 20 webhook subscriptions; delete one first.' },
    ]);
  });
});

describe('disable, enable and delete', () => {
  it('should disable, enable and delete a subscription', async () => {
    const firm = await createTestFirm(app, 'lifecycle');
    const { subscription } = await create(firm.asAdmin);
    const subscriptionId = subscription!.id;
    const { disableWebhookSubscription } = await firm.asAdmin.data(DisableWebhookSubscriptionDocument, { input: { subscriptionId } });
    expect(disableWebhookSubscription).toEqual({ subscription: { ...subscription, status: 'DISABLED' }, userErrors: [] });
    const { enableWebhookSubscription } = await firm.asAdmin.data(EnableWebhookSubscriptionDocument, { input: { subscriptionId } });
    expect(enableWebhookSubscription.subscription!.status).toBe('ACTIVE');
    const { deleteWebhookSubscription } = await firm.asAdmin.data(DeleteWebhookSubscriptionDocument, { input: { subscriptionId } });
    expect(deleteWebhookSubscription).toEqual({ deletedSubscriptionId: subscriptionId, userErrors: [] });
    expect(await subscriptionRows(firm.firm.id)).toEqual([]);
    expect((await firm.asAdmin.data(WebhookNodeDocument, { id: subscriptionId })).node).toBeNull();
  });

  it.each([
    ['a malformed id', 'not-an-id'],
    ['an id of another type', nordlysUserId],
  ])('should answer NOT_FOUND for %s', async (_case, id) => {
    const subscriptionId = typeof id === 'function' ? id() : id;
    const input = { subscriptionId };
    const payloads = [
      (await nordlys.asAdmin.data(DisableWebhookSubscriptionDocument, { input })).disableWebhookSubscription,
      (await nordlys.asAdmin.data(EnableWebhookSubscriptionDocument, { input })).enableWebhookSubscription,
      (await nordlys.asAdmin.data(DeleteWebhookSubscriptionDocument, { input })).deleteWebhookSubscription,
    ];
    for (const payload of payloads) {
      expect(payload.userErrors).toEqual([
        { code: 'NOT_FOUND', field: ['input', 'subscriptionId'], message: 'No webhook subscription with this id.' },
      ]);
    }
    const { redeliverWebhook } = await nordlys.asAdmin.data(RedeliverWebhookDocument, { input: { deliveryId: subscriptionId } });
    expect(redeliverWebhook.userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'deliveryId'], message: 'No webhook delivery with this id.' },
    ]);
  });
});

function nordlysUserId(): string {
  return Buffer.from(`User:${nordlys.admin.id}`).toString('base64url');
}

describe('webhook access', () => {
  it.each([
    ['the admin', async () => nordlys.asAdmin],
    ['an API key with webhooks:manage', async () => (await nordlys.apiKey([ApiKeyScope.WEBHOOKS_MANAGE])).client],
  ])('should let %s manage subscriptions', async (_name, caller) => {
    const client = await caller();
    const { subscription } = await create(client);
    expect((await client.data(WebhookNodeDocument, { id: subscription!.id })).node).toEqual({
      __typename: 'WebhookSubscription',
      id: subscription!.id,
    });
    const { deleteWebhookSubscription } = await client.data(DeleteWebhookSubscriptionDocument, {
      input: { subscriptionId: subscription!.id },
    });
    expect(deleteWebhookSubscription.userErrors).toEqual([]);
  });

  it.each([
    ['a recruiter', async () => nordlys.asRecruiter],
    ['a client user', async () => nordlys.asClientUser],
    [
      'an API key with every other scope',
      async () => (await nordlys.apiKey(Object.values(ApiKeyScope).filter((scope) => scope !== ApiKeyScope.WEBHOOKS_MANAGE))).client,
    ],
  ])('should refuse %s with FORBIDDEN, and answer null by node', async (_name, caller) => {
    const client = await caller();
    const { subscription } = await create(nordlys.asAdmin);
    const before = await subscriptionRows(nordlys.firm.id);
    const input = { url: 'https://ats.example.com/hooks', events: ['candidacy.stage_changed'] };
    expect(errorCodes(await client.request(CreateWebhookSubscriptionDocument, { input }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await client.request(WebhookSubscriptionsDocument, {}))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await client.request(DeleteWebhookSubscriptionDocument, { input: { subscriptionId: subscription!.id } }))).toEqual([
      'FORBIDDEN',
    ]);
    expect((await client.data(WebhookNodeDocument, { id: subscription!.id })).node).toBeNull();
    expect(await subscriptionRows(nordlys.firm.id)).toEqual(before);
  });

  it("should treat another firm's subscription as one that does not exist", async () => {
    const { subscription } = await create(nordlys.asAdmin);
    expect((await fjellvik.asAdmin.data(WebhookNodeDocument, { id: subscription!.id })).node).toBeNull();
    const { deleteWebhookSubscription } = await fjellvik.asAdmin.data(DeleteWebhookSubscriptionDocument, {
      input: { subscriptionId: subscription!.id },
    });
    expect(deleteWebhookSubscription.userErrors).toEqual([
      { code: 'NOT_FOUND', field: ['input', 'subscriptionId'], message: 'No webhook subscription with this id.' },
    ]);
    expect((await fjellvik.asAdmin.data(WebhookSubscriptionsDocument, {})).webhookSubscriptions.totalCount).toBe(0);
  });
});

describe('webhook address rules', () => {
  const development = { allowLoopback: true };
  const production = { allowLoopback: false };
  it.each([
    ['169.254.169.254', development, 'a link-local address (where cloud metadata services answer)'],
    ['169.254.1.1', development, 'a link-local address (where cloud metadata services answer)'],
    ['100.100.100.200', development, 'a cloud metadata service'],
    ['fd00:ec2::254', development, 'a cloud metadata service'],
    ['fe80::abcd', development, 'a link-local address'],
    ['::ffff:a9fe:a9fe', development, 'a link-local address (where cloud metadata services answer)'],
    ['0.0.0.0', development, 'an unspecified address'],
    ['::', development, 'an unspecified address'],
    ['224.0.0.1', development, 'a multicast or reserved address'],
    ['ff02::1', development, 'a multicast address'],
    ['127.0.0.1', production, 'a loopback address'],
    ['127.1.2.3', production, 'a loopback address'],
    ['::1', production, 'a loopback address'],
    ['::ffff:127.0.0.1', production, 'a loopback address'],
    ['127.0.0.1', development, null],
    ['10.0.0.12', production, null],
    ['192.168.1.20', production, null],
    ['93.184.216.34', production, null],
    ['2001:db8::1', production, null],
  ])('should judge %s (%o) as %s', (address, policy, reason) => {
    expect(refusedAddress(address, policy)).toBe(reason);
  });

  it('should judge host names by name and by their literal address', () => {
    expect(refusedHost('METADATA.google.internal.', development)).toBe('a cloud metadata service');
    expect(refusedHost('[::1]', production)).toBe('a loopback address');
    expect(refusedHost('localhost', production)).toBe('a loopback address');
    expect(refusedHost('ats.example.com', production)).toBeNull();
  });
});
