import type { EntityClass, FilterQuery } from '@mikro-orm/postgresql';
import type { Principal } from './access';

// How node(id) finds one type: its entity, and which of them a principal may see
// (null: none at all). The firm scoping comes on top, from the tenant filter.
export interface NodeSource<T extends object = object> {
  typeName: string;
  entity: EntityClass<T>;
  visibleTo(principal: Principal): FilterQuery<T> | null;
}

export function defineNodeSource<T extends object>(source: NodeSource<T>): NodeSource {
  return source as unknown as NodeSource;
}
