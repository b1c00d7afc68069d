import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../common/global-id';
import { emitEvent } from '../webhook';

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
// commits. The payload names everything by its global id, as the API does.
export async function shortlistPublished(em: EntityManager, firmId: string, event: ShortlistPublishedEvent): Promise<void> {
  await emitEvent(em, firmId, 'shortlist.published', {
    shortlistId: toGlobalId('Shortlist', event.shortlistId),
    mandateId: toGlobalId('Mandate', event.mandateId),
    publicationNumber: event.publicationNumber,
    entryIds: event.entryIds.map((id) => toGlobalId('ShortlistEntry', id)),
  });
}

export async function shortlistFeedbackGiven(em: EntityManager, firmId: string, event: ShortlistFeedbackGivenEvent): Promise<void> {
  await emitEvent(em, firmId, 'shortlist.feedback_given', {
    feedbackId: toGlobalId('ShortlistFeedback', event.feedbackId),
    entryId: toGlobalId('ShortlistEntry', event.entryId),
    mandateId: toGlobalId('Mandate', event.mandateId),
    decision: event.decision,
  });
}
