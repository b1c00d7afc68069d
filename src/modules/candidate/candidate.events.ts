import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../common/global-id';
import { emitEvents } from '../webhook';

// What a write of candidates tells integrators (webhook events candidate.created and
// candidate.updated): only the candidate's global id; the rest is read through the API (node).
export interface CandidatesWritten {
  createdIds: string[];
  updatedIds: string[];
}

// Called inside the writing transaction, after the write: the outbox writes the events if and only
// if the write commits, all of them in one statement (a bulk upsert's batch included).
export async function candidatesWritten(em: EntityManager, firmId: string, { createdIds, updatedIds }: CandidatesWritten): Promise<void> {
  await emitEvents(em, firmId, [
    ...createdIds.map((id) => ({ type: 'candidate.created' as const, data: { candidateId: toGlobalId('Candidate', id) } })),
    ...updatedIds.map((id) => ({ type: 'candidate.updated' as const, data: { candidateId: toGlobalId('Candidate', id) } })),
  ]);
}
