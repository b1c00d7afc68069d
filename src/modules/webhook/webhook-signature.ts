import { createHmac, randomBytes } from 'node:crypto';

export const SIGNATURE_HEADER = 'Outside-In-Signature';
const SECRET_PREFIX = 'whsec_';

export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64url');
}

// `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the timestamp is signed too, so a
// receiver can refuse old messages replayed later. During a rotation one v1 per secret, the new
// one first (as Stripe does): a receiver accepts the message when any of them matches its secret.
export function signWebhook(secrets: string[], body: string, timestamp: number): string {
  const digests = secrets.map((secret) => `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`);
  return [`t=${timestamp}`, ...digests].join(',');
}

// The body of a webhook request, the same on every attempt: the event as stored.
export function webhookBody(event: { id: string; type: string; createdAt: Date; data: unknown }): string {
  return JSON.stringify({ id: event.id, type: event.type, createdAt: event.createdAt.toISOString(), data: event.data });
}

// The headers of every webhook request, queued delivery or ping.
export function webhookHeaders(request: { eventId: string; type: string; deliveryId: string; signature: string }): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'Outside-In-Webhooks/1',
    'outside-in-event-id': request.eventId,
    'outside-in-event-type': request.type,
    'outside-in-delivery-id': request.deliveryId,
    [SIGNATURE_HEADER.toLowerCase()]: request.signature,
  };
}
