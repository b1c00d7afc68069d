import { Role, type Principal } from '../../common/access';
import { defineNodeSource, wholeFirmFor } from '../../common/node-source';
import { Mandate } from '../mandate';
import { Shortlist } from './shortlist.entity';
import { ShortlistEntry } from './shortlist-entry.entity';
import { ShortlistFeedback } from './shortlist-feedback.entity';
import { PresentedMandate, PresentedShortlistEntry } from './presented.types';
import { presentedMandatesWhere } from './presented-mandates';
import { SHORTLIST_READERS } from '../../common/access';

// The firm's side: staff and keys with shortlists:read see every entry and answer of the firm.
export const shortlistNode = defineNodeSource({
  typeName: 'Shortlist',
  entity: Shortlist,
  visibleTo: wholeFirmFor(SHORTLIST_READERS),
});

export const shortlistEntryNode = defineNodeSource({
  typeName: 'ShortlistEntry',
  entity: ShortlistEntry,
  visibleTo: wholeFirmFor(SHORTLIST_READERS),
});

export const shortlistFeedbackNode = defineNodeSource({
  typeName: 'ShortlistFeedback',
  entity: ShortlistFeedback,
  visibleTo: wholeFirmFor(SHORTLIST_READERS),
});

// The client's side: a client user sees their own company's mandates and the entries published
// to it, as client-facing views; nobody else sees these types at all.
function ownClientOf(principal: Principal): string | null {
  return principal.kind === 'USER' && principal.role === Role.CLIENT ? principal.clientId : null;
}

export const presentedMandateNode = defineNodeSource({
  typeName: 'PresentedMandate',
  entity: Mandate,
  visibleTo: (principal) => {
    const clientId = ownClientOf(principal);
    return clientId ? presentedMandatesWhere(clientId) : null;
  },
  present: PresentedMandate.of,
});

export const presentedShortlistEntryNode = defineNodeSource({
  typeName: 'PresentedShortlistEntry',
  entity: ShortlistEntry,
  visibleTo: (principal) => {
    const clientId = ownClientOf(principal);
    return clientId ? { withdrawnAt: null, published: { $ne: null }, shortlist: { mandate: { client: clientId } } } : null;
  },
  present: PresentedShortlistEntry.of,
});
