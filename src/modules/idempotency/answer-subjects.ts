import { fromGlobalId, isUuid } from '../../common/global-id';

// What a stored response is about: the ids of the rows its values were read from. Erasure deletes
// every stored response about a row of the erased person (gdpr.service.ts), so this must hold for
// every value of the answer, whether or not the caller selected any `id`: `submitScorecard {
// scorecard { summary ratings { evidence } } }` names no id, but its values were resolved on the
// Scorecard and its Rating rows, and those are noted here.
//
// The rule: every value of a GraphQL answer is the result of a field resolved on a parent object
// (the field's source). While a keyed mutation executes, each source whose field is resolved is
// noted with its identity:
// - an entity's `id`, or the id inside a view's `nodeId` (PresentedShortlistEntry is the entry);
// - the ids it holds one level down: references to other rows, `...Id` fields, and the objects a
//   payload carries (a payload's own fields are resolved on the payload, not on its scorecard).
// A value type without an identity of its own (PresentedCandidate, PresentedFeedback, ExternalRef)
// is only reachable through a field of an object above it, whose identity was noted when that
// field was resolved: a text is always covered by its nearest ancestor with an id.
// Noting more than needed (a scorecard's interviewer, a candidacy's mandate) deletes nothing more at
// erasure: those rows belong to nobody's erasure. Noting too little would keep personal data.

// Notes the identity of `source` (see above) in `into`.
export function addIdentitiesOf(source: unknown, into: Set<string>): void {
  if (!addOwnIdentity(source, into)) return;
  for (const value of Object.values(source as object)) {
    if (isUuid(value)) into.add(value);
    else if (!Array.isArray(value)) addOwnIdentity(value, into);
  }
}

// The object's own id and node id; false when it is not an object at all.
function addOwnIdentity(value: unknown, into: Set<string>): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { id, nodeId } = value as { id?: unknown; nodeId?: unknown };
  if (isUuid(id)) into.add(id);
  const node = typeof nodeId === 'string' ? fromGlobalId(nodeId) : null;
  if (node) into.add(node.id);
  return true;
}

// Every id written in the answer itself (global ids and uuids in any string, JSON scalars
// included): what was copied into a value from elsewhere is about that too.
export function addIdsInAnswer(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (isUuid(value)) into.add(value);
    else {
      const node = fromGlobalId(value);
      if (node) into.add(node.id);
    }
  } else if (Array.isArray(value)) {
    for (const item of value) addIdsInAnswer(item, into);
  } else if (typeof value === 'object' && value !== null) {
    for (const item of Object.values(value)) addIdsInAnswer(item, into);
  }
}
