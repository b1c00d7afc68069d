import type { EntityManager } from '@mikro-orm/postgresql';
import { emitEvent, webhookPayloads } from '../webhook';

// What the shortlist tells integrators about (webhook events shortlist.published and
// shortlist.feedback_given): ids and minimal facts, never personal data or texts.
export interface ShortlistPublishedEvent {
  mandateId: string;
  shortlistId: string;
  publicationNumber: number;
  entryIds: string[];
  // The user who published.
  publishedById: string | null;
}

export interface ShortlistFeedbackGivenEvent {
  mandateId: string;
  entryId: string;
  feedbackId: string;
  decision: string;
}

// Called by the services inside the mutation's transaction, after the change is made: the
// place where the webhook outbox records the event, so it is written if and only if the change
// commits.
export async function shortlistPublished(em: EntityManager, firmId: string, event: ShortlistPublishedEvent): Promise<void> {
  await emitEvent(em, firmId, 'shortlist.published', webhookPayloads.shortlistPublished(event));
}

export async function shortlistFeedbackGiven(em: EntityManager, firmId: string, event: ShortlistFeedbackGivenEvent): Promise<void> {
  await emitEvent(em, firmId, 'shortlist.feedback_given', webhookPayloads.shortlistFeedbackGiven(event));
}
