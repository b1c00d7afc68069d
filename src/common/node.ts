import { Field, ID, InterfaceType } from 'type-graphql';

@InterfaceType('Node', {
  description: 'An object with an opaque global id, fetchable with node(id:).',
  // Our object types are named after their classes (entities and client-facing views alike).
  resolveType: (value: object) => value.constructor.name,
})
export abstract class Node {
  @Field(() => ID, { name: 'id', description: 'Opaque global id.' })
  nodeId!: string;
}
