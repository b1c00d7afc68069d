import { createHmac } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiKeyScope } from '../../src/common/access';
import { localIdOf } from '../../src/common/global-id';
import { SecretBox } from '../../src/common/secret-box';
import { ConfigError, parseDataEncryptionKey, readConfig } from '../../src/config/env';
import { sealClearWebhookSecrets } from '../../src/modules/webhook';
import { startTestApp, testSecretBox, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes } from '../helpers/graphql-client';
import { verifySignature, WebhookReceiver } from '../helpers/integration-fixtures';
import { CreateWebhookSubscriptionDocument, PingWebhookSubscriptionDocument, RotateWebhookSecretDocument } from '../generated/graphql';

let app: TestApp;
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await Promise.all(receivers.map((receiver) => receiver.stop()));
  await app.close();
});

async function subscribed(firm?: TestFirm) {
  firm ??= await createTestFirm(app, 'secrets');
  const receiver = new WebhookReceiver();
  receivers.push(receiver);
  const url = await receiver.start();
  const { createWebhookSubscription } = await firm.asAdmin.data(CreateWebhookSubscriptionDocument, {
    input: { url, events: ['candidate.created'] },
  });
  expect(createWebhookSubscription.userErrors).toEqual([]);
  receiver.secret = createWebhookSubscription.secret!;
  return { firm, receiver, subscriptionId: createWebhookSubscription.subscription!.id, secret: createWebhookSubscription.secret! };
}

async function storedRow(subscriptionId: string): Promise<{ id: string; secret: string; previous_secret: string | null }> {
  const [row]: { id: string; secret: string; previous_secret: string | null }[] = await app
    .em()
    .getConnection()
    .execute(`select "id", "secret", "previous_secret" from "webhook_subscription" where "id" = ?`, [
      localIdOf(subscriptionId, 'WebhookSubscription'),
    ]);
  return row;
}

async function ping(firm: TestFirm, subscriptionId: string) {
  const { pingWebhookSubscription } = await firm.asAdmin.data(PingWebhookSubscriptionDocument, { input: { subscriptionId } });
  expect(pingWebhookSubscription.attempt?.succeeded).toBe(true);
}

const signaturesOf = (header: unknown) => String(header).split(',').slice(1);

describe('webhook secrets at rest', () => {
  it('should keep no secret in the database: the column holds AES-256-GCM ciphertext that the key opens', async () => {
    const { subscriptionId, secret } = await subscribed();
    const row = await storedRow(subscriptionId);
    expect(row.secret).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]+$/);
    expect(row.secret).not.toContain(secret);
    expect(row.secret).not.toContain(secret.slice(6));
    expect(row.secret).not.toContain(Buffer.from(secret).toString('base64url'));
    // The whole table, as a dump would show it.
    const dump = JSON.stringify(await app.em().getConnection().execute('select * from webhook_subscription'));
    expect(dump).not.toContain(secret.slice(6));
    expect(testSecretBox().open(row.secret, row.id)).toBe(secret);
    // Bound to its row: the same ciphertext does not open as another subscription's.
    expect(() => testSecretBox().open(row.secret, '00000000-0000-4000-8000-000000000000')).toThrow();
  });

  it('should seal secrets stored in clear before, when the app starts, and keep signing with them', async () => {
    const { firm, receiver, subscriptionId } = await subscribed();
    const clear = 'whsec_written-before-encryption-at-rest-0000000000';
    const id = localIdOf(subscriptionId, 'WebhookSubscription');
    await app.em().getConnection().execute(`update "webhook_subscription" set "secret" = ? where "id" = ?`, [clear, id]);
    receiver.secret = clear;
    // Read as it is until sealed.
    await ping(firm, subscriptionId);
    expect(await sealClearWebhookSecrets(app.em() as EntityManager, testSecretBox())).toBeGreaterThanOrEqual(1);
    const row = await storedRow(subscriptionId);
    expect(SecretBox.isSealed(row.secret)).toBe(true);
    expect(row.secret).not.toContain(clear);
    await ping(firm, subscriptionId);
    expect(receiver.requests.map((request) => request.signatureValid)).toEqual([true, true]);
    // Run again: nothing left to seal.
    expect(await sealClearWebhookSecrets(app.em() as EntityManager, testSecretBox())).toBe(0);
  });

  it('should read DATA_ENCRYPTION_KEY as 32 bytes of hex or base64, and refuse to start production without one', () => {
    const key = Buffer.alloc(32, 7);
    expect(parseDataEncryptionKey(key.toString('hex'))).toEqual(key);
    expect(parseDataEncryptionKey(key.toString('base64'))).toEqual(key);
    for (const bad of ['', 'short', Buffer.alloc(31).toString('base64'), Buffer.alloc(33).toString('hex')]) {
      expect(() => parseDataEncryptionKey(bad)).toThrow(ConfigError);
    }
    expect(() => readConfig({ NODE_ENV: 'production' })).toThrow(
      'NODE_ENV=production needs DATA_ENCRYPTION_KEY (it encrypts webhook secrets at rest): 32 random bytes as 64 hex digits or as base64 (e.g. `openssl rand -base64 32`).',
    );
    expect(readConfig({ NODE_ENV: 'production', DATA_ENCRYPTION_KEY: key.toString('hex') }).dataEncryptionKey).toEqual(key);
    expect(readConfig({}).dataEncryptionKey).toBeNull();
  });
});

describe('rotateWebhookSecret', () => {
  it('should return a new secret once and sign with both secrets, the new one first, for 24 hours', async () => {
    const { firm, receiver, subscriptionId, secret: oldSecret } = await subscribed();
    const before = Date.now();
    const response = await firm.asAdmin.request(RotateWebhookSecretDocument, { input: { subscriptionId } });
    const { rotateWebhookSecret } = response.data!;
    expect(rotateWebhookSecret.userErrors).toEqual([]);
    const newSecret = rotateWebhookSecret.secret!;
    expect(newSecret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newSecret).not.toBe(oldSecret);
    const expiresAt = new Date(rotateWebhookSecret.subscription!.previousSecretExpiresAt!).getTime();
    expect(expiresAt - before).toBeGreaterThanOrEqual(24 * 3600 * 1000 - 1000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(24 * 3600 * 1000);
    expect(response.raw).not.toContain(oldSecret);

    const row = await storedRow(subscriptionId);
    expect([row.secret, row.previous_secret].join()).not.toContain(newSecret.slice(6));
    expect([row.secret, row.previous_secret].join()).not.toContain(oldSecret.slice(6));

    await ping(firm, subscriptionId);
    const [request] = receiver.requests;
    const [timestamp] = String(request.headers['outside-in-signature']).split(',');
    const sign = (secret: string) =>
      `v1=${createHmac('sha256', secret)
        .update(`${timestamp.slice(2)}.${request.body}`)
        .digest('hex')}`;
    expect(signaturesOf(request.headers['outside-in-signature'])).toEqual([sign(newSecret), sign(oldSecret)]);
    // A receiver that still has the old secret, and one that has the new, both accept it.
    expect(verifySignature(oldSecret, request.headers, request.body)).toBe(true);
    expect(verifySignature(newSecret, request.headers, request.body)).toBe(true);
    expect(verifySignature('whsec_someone-else', request.headers, request.body)).toBe(false);
  });

  it('should keep the answer of a rotation with an Idempotency-Key sealed, and replay the same secret', async () => {
    const { firm, subscriptionId } = await subscribed();
    const key = `rotate-${Date.now()}`;
    const first = await firm.asAdmin.request(RotateWebhookSecretDocument, { input: { subscriptionId } }, { 'idempotency-key': key });
    const secret = first.data!.rotateWebhookSecret.secret!;
    const replay = await firm.asAdmin.request(RotateWebhookSecretDocument, { input: { subscriptionId } }, { 'idempotency-key': key });
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.data!.rotateWebhookSecret.secret).toBe(secret);
    const stored: { response_body: string }[] = await app
      .em()
      .getConnection()
      .execute(`select "response_body" from "idempotency_key" where "key" = ?`, [key]);
    expect(stored).toHaveLength(1);
    expect(SecretBox.isSealed(stored[0].response_body)).toBe(true);
    expect(stored[0].response_body).not.toContain(secret.slice(6));
  });

  it('should sign with the new secret alone once the 24 hours are over', async () => {
    const { firm, receiver, subscriptionId } = await subscribed();
    const { rotateWebhookSecret } = await firm.asAdmin.data(RotateWebhookSecretDocument, { input: { subscriptionId } });
    await app
      .em()
      .getConnection()
      .execute(`update "webhook_subscription" set "previous_secret_expires_at" = now() - interval '1 second' where "id" = ?`, [
        localIdOf(subscriptionId, 'WebhookSubscription'),
      ]);
    receiver.secret = rotateWebhookSecret.secret!;
    await ping(firm, subscriptionId);
    expect(signaturesOf(receiver.requests[0].headers['outside-in-signature'])).toHaveLength(1);
    expect(receiver.requests[0].signatureValid).toBe(true);
  });

  it('should let a key with webhooks:manage rotate, refuse one without it with FORBIDDEN, and change nothing then', async () => {
    const { firm, subscriptionId } = await subscribed();
    const before = await storedRow(subscriptionId);
    for (const scopes of [[ApiKeyScope.CANDIDATES_WRITE], [ApiKeyScope.CANDIDATES_READ, ApiKeyScope.MANDATES_READ]]) {
      const { client } = await firm.apiKey(scopes);
      const response = await client.request(RotateWebhookSecretDocument, { input: { subscriptionId } });
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.data).toBeNull();
    }
    expect(errorCodes(await firm.asRecruiter.request(RotateWebhookSecretDocument, { input: { subscriptionId } }))).toEqual(['FORBIDDEN']);
    expect(await storedRow(subscriptionId)).toEqual(before);
    const { client: manager } = await firm.apiKey([ApiKeyScope.WEBHOOKS_MANAGE]);
    const { rotateWebhookSecret } = await manager.data(RotateWebhookSecretDocument, { input: { subscriptionId } });
    expect(rotateWebhookSecret.userErrors).toEqual([]);
    expect((await storedRow(subscriptionId)).previous_secret).toBe(before.secret);
  });

  it("should answer NOT_FOUND for an unknown or another firm's subscription and write nothing", async () => {
    const { subscriptionId } = await subscribed();
    const before = await storedRow(subscriptionId);
    const other = await createTestFirm(app, 'other');
    for (const id of [subscriptionId, 'nonsense']) {
      const { rotateWebhookSecret } = await other.asAdmin.data(RotateWebhookSecretDocument, { input: { subscriptionId: id } });
      expect(rotateWebhookSecret).toEqual({
        subscription: null,
        secret: null,
        userErrors: [{ code: 'NOT_FOUND', field: ['input', 'subscriptionId'], message: 'No webhook subscription with this id.' }],
      });
    }
    expect(await storedRow(subscriptionId)).toEqual(before);
  });
});
