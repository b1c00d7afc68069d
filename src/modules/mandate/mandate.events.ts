import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../common/global-id';
import { emitEvent } from '../webhook';
import type { MandateStatus } from './mandate.entity';

// What a mandate tells integrators when its status changes (webhook event mandate.status_changed):
// its id and the two statuses.
export interface MandateStatusChangedEvent {
  mandateId: string;
  fromStatus: MandateStatus;
  toStatus: MandateStatus;
}

// Called inside the transaction that changes the status: the event exists if and only if it commits.
export async function mandateStatusChanged(em: EntityManager, firmId: string, event: MandateStatusChangedEvent): Promise<void> {
  await emitEvent(em, firmId, 'mandate.status_changed', {
    mandateId: toGlobalId('Mandate', event.mandateId),
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
  });
}
