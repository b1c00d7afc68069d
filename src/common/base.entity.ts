import { randomUUID } from 'node:crypto';
import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { toGlobalId } from './global-id';

// Every table: a UUID key made in the process (so ids exist before the insert), and timestamps.
@ObjectType()
export abstract class BaseEntity<Optional = never> {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'nodeId' | Optional;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'timestamptz' })
  @Field()
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  @Field()
  updatedAt: Date = new Date();

  // The opaque global id of the Node interface; the GraphQL type name is the class name.
  get nodeId(): string {
    return toGlobalId(this.constructor.name, this.id);
  }
}
