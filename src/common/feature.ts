import type { EntityClass } from '@mikro-orm/core';
import type { NodeSource } from './node-source';

// What a feature folder contributes to the API: its tables (entities), its resolvers and the
// types node(id) finds.
export interface Feature {
  entities: EntityClass<object>[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: Function[];
  nodeSources: NodeSource[];
}
