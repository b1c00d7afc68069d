import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../common/global-id';
import type { WebhookEventType } from './webhook-event-type';
import { WebhookSubscriptionStatus } from './webhook-subscription.entity';

// The transactional outbox. Call it with the entity manager of the transaction that makes the
// change: the event and one delivery per active subscription to its type are written in that
// transaction (one statement), so they exist exactly when the change commits. The relay of the
// delivery worker then puts the deliveries on the job queue. Nothing is written when no
// subscription wants the event. `data` carries ids (global ids, as the API shows them) and
// minimal facts, never personal data. Returns the event id.
export async function emitEvent(em: EntityManager, firmId: string, type: WebhookEventType, data: Record<string, unknown>): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await em.execute(
    `with "subscription" as (
       select "id" from "webhook_subscription" where "firm_id" = ? and "status" = ? and ? = any("events")
     ), "event" as (
       insert into "webhook_event" ("id", "created_at", "updated_at", "firm_id", "type", "data")
       select ?, ?::timestamptz, ?::timestamptz, ?, ?, ?::jsonb where exists (select 1 from "subscription")
       returning "id"
     )
     insert into "webhook_delivery" ("id", "created_at", "updated_at", "firm_id", "subscription_id", "event_id", "status", "attempt_count")
     select gen_random_uuid(), ?::timestamptz, ?::timestamptz, ?, s."id", e."id", 'PENDING', 0 from "subscription" s cross join "event" e`,
    [firmId, WebhookSubscriptionStatus.ACTIVE, type, id, now, now, firmId, type, JSON.stringify(data), now, now, firmId],
  );
  return id;
}

// The payloads of the events the API emits, so every emitter sends the same shape.
export const webhookPayloads = {
  candidacyStageChanged(candidacy: { id: string; mandateId: string; candidateId: string }, fromStage: string, toStage: string) {
    return {
      candidacyId: toGlobalId('Candidacy', candidacy.id),
      mandateId: toGlobalId('Mandate', candidacy.mandateId),
      candidateId: toGlobalId('Candidate', candidacy.candidateId),
      fromStage,
      toStage,
    };
  },
  scorecardSubmitted(scorecard: { id: string; interviewId: string; candidacyId: string }, revision: number) {
    return {
      scorecardId: toGlobalId('Scorecard', scorecard.id),
      interviewId: toGlobalId('Interview', scorecard.interviewId),
      candidacyId: toGlobalId('Candidacy', scorecard.candidacyId),
      revision,
    };
  },
  // Shaped like the shortlist feature's ShortlistPublishedEvent / ShortlistFeedbackGivenEvent.
  shortlistPublished(event: { mandateId: string; shortlistId: string; publicationNumber: number; entryIds: string[] }) {
    return {
      shortlistId: toGlobalId('Shortlist', event.shortlistId),
      mandateId: toGlobalId('Mandate', event.mandateId),
      publicationNumber: event.publicationNumber,
      entryIds: event.entryIds.map((id) => toGlobalId('ShortlistEntry', id)),
    };
  },
  shortlistFeedbackGiven(event: { mandateId: string; entryId: string; feedbackId: string; decision: string }) {
    return {
      feedbackId: toGlobalId('ShortlistFeedback', event.feedbackId),
      entryId: toGlobalId('ShortlistEntry', event.entryId),
      mandateId: toGlobalId('Mandate', event.mandateId),
      decision: event.decision,
    };
  },
  candidateErased(candidateId: string) {
    return { candidateId: toGlobalId('Candidate', candidateId) };
  },
};
