// The events a webhook can subscribe to, named as integrators see them.
export const WEBHOOK_EVENT_TYPES = [
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
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(name: string): name is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(name);
}
