import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../common/global-id';
import { emitEvent } from '../webhook';

// What an erasure tells integrators (webhook event candidate.erased): only the candidate's id, so
// that they can erase their copy too.
export interface CandidateErasedEvent {
  candidateId: string;
}

// Called inside the erasure's transaction, after the data is gone: the outbox writes the event if
// and only if the erasure commits. The id is the global id, as the API shows it.
export async function candidateErased(em: EntityManager, firmId: string, event: CandidateErasedEvent): Promise<void> {
  await emitEvent(em, firmId, 'candidate.erased', { candidateId: toGlobalId('Candidate', event.candidateId) });
}
