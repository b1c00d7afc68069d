import type { FilterQuery } from '@mikro-orm/postgresql';
import { type Mandate, MandateStatus } from '../mandate';

// Which mandates a client user sees: their company's, but no drafts, which are still the firm's
// own preparation.
export function presentedMandatesWhere(clientId: string): FilterQuery<Mandate> {
  return { client: clientId, status: { $ne: MandateStatus.DRAFT } };
}
