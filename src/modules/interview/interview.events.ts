import type { EntityManager } from '@mikro-orm/postgresql';
import { toGlobalId } from '../../common/global-id';
import { emitEvent } from '../webhook';
import type { Interview } from './interview.entity';

// What an interview's life tells integrators about: ids only (never the place, link or reason),
// written in the transaction of the change, so the event exists if and only if the change commits.
export async function interviewChanged(
  em: EntityManager,
  firmId: string,
  type: 'interview.scheduled' | 'interview.rescheduled' | 'interview.cancelled',
  interview: Interview,
): Promise<void> {
  await emitEvent(em, firmId, type, {
    interviewId: toGlobalId('Interview', interview.id),
    candidacyId: toGlobalId('Candidacy', interview.candidacy.id),
  });
}
