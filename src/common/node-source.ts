import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { isAllowed, type Access, type Principal } from './access';

// How node(id) finds one type: its entity, and which of them a principal may see
// (null: none at all). The firm scoping comes on top, from the tenant filter.
export interface NodeSource<T extends object = object> {
  typeName: string;
  entity: EntityClass<T>;
  visibleTo(principal: Principal): FilterQuery<T> | null;
  // For a client-facing view of an entity under its own type name (e.g. PresentedMandate of a
  // Mandate): what node(id) returns for a visible row. Without it, the row itself.
  present?(row: T): object;
  // The type's plain rows by id in the request's firm (common/rows.ts rowsByKey: the loader's
  // statement, written once), for a principal who sees the whole firm of it (visibleTo gives {}):
  // node(id) then reads no managed entity. Any narrower rule goes through em.find with it.
  rowsById?(em: EntityManager, ids: readonly string[]): Promise<readonly { id: string }[]>;
}

export function defineNodeSource<T extends object>(source: NodeSource<T>): NodeSource {
  return source as unknown as NodeSource;
}

// For types whose readers see every row of their firm: all of them to a principal the rules
// allow, none to anyone else.
export function wholeFirmFor(rules: readonly Access[]): (principal: Principal) => Record<string, never> | null {
  return (principal) => (isAllowed(principal, rules) ? {} : null);
}

// Whether a visibleTo rule is no rule beyond the firm's (`{}`): then rowsById reads exactly
// what em.find would.
export function isWholeFirm(visible: object): boolean {
  return Reflect.ownKeys(visible).length === 0;
}
