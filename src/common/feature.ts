import type { NodeSource } from './node-source';

// What a feature folder contributes to the API: its resolvers and the types node(id) finds.
export interface Feature {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: Function[];
  nodeSources: NodeSource[];
}
