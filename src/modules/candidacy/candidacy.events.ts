import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../common/global-id';
import { emitEvent } from '../webhook';
import type { CandidacyStage } from './candidacy.entity';

// What a candidacy tells integrators about (webhook event candidacy.stage_changed): ids and the
// two stages, never personal data or the reason.
export interface CandidacyStageChangedEvent {
  candidacyId: string;
  mandateId: string;
  candidateId: string;
  fromStage: CandidacyStage;
  toStage: CandidacyStage;
}

// Called inside the transaction that moves the candidacy, after the move: the outbox writes the
// event if and only if the move commits. The payload names everything by its global id, as the API does.
export async function candidacyStageChanged(em: EntityManager, firmId: string, event: CandidacyStageChangedEvent): Promise<void> {
  await emitEvent(em, firmId, 'candidacy.stage_changed', {
    candidacyId: toGlobalId('Candidacy', event.candidacyId),
    mandateId: toGlobalId('Mandate', event.mandateId),
    candidateId: toGlobalId('Candidate', event.candidateId),
    fromStage: event.fromStage,
    toStage: event.toStage,
  });
}
