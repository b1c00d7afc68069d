import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../common/global-id';
import { emitEvent } from '../webhook';

// What a scorecard tells integrators about (webhook event scorecard.submitted, for the first
// submission and every amendment): ids and the revision number, never scores or evidence.
export interface ScorecardSubmittedEvent {
  scorecardId: string;
  interviewId: string;
  candidacyId: string;
  // 1 for the submission, then one more per amendment.
  revision: number;
}

// Called inside the transaction that writes the revision: the outbox writes the event if and only
// if the revision commits. The payload names everything by its global id, as the API does.
export async function scorecardSubmitted(em: EntityManager, firmId: string, event: ScorecardSubmittedEvent): Promise<void> {
  await emitEvent(em, firmId, 'scorecard.submitted', {
    scorecardId: toGlobalId('Scorecard', event.scorecardId),
    interviewId: toGlobalId('Interview', event.interviewId),
    candidacyId: toGlobalId('Candidacy', event.candidacyId),
    revision: event.revision,
  });
}
