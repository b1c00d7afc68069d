import type { FilterQuery } from '@mikro-orm/postgresql';
import { ApiKeyScope, Role, STAFF, type Access } from '../../common/access';
import { MandateStatus, type Mandate } from '../mandate/mandate.entity';

// Shortlists, their entries and the client's feedback, as the firm sees them: its staff, and
// systems with shortlists:read. Who the candidates are (Candidacy) still needs mandates:read.
export const SHORTLIST_READERS: Access[] = [...STAFF, ApiKeyScope.SHORTLISTS_READ];

// Putting candidates in front of a client is a recruiter's judgement: people only, no API key.
export const SHORTLIST_WRITERS: Access[] = [...STAFF];

// The client-facing views and feedback: client users only, on their own company's mandates.
export const CLIENT_PORTAL: Access[] = [Role.CLIENT];

// Which mandates a client user sees: their company's, but no drafts, which are still the firm's
// own preparation.
export function presentedMandatesWhere(clientId: string): FilterQuery<Mandate> {
  return { client: clientId, status: { $ne: MandateStatus.DRAFT } };
}
