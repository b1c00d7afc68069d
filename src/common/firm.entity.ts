import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity';
import { Node } from './node';

// The tenant: an executive-search firm. Nothing ever crosses firms.
@Entity()
@ObjectType({ implements: Node, description: 'An executive-search firm: the owner of all its data.' })
export class Firm extends BaseEntity {
  @Property({ length: 200 })
  @Field()
  name!: string;

  @Property({ length: 60, unique: true })
  @Field({ description: 'Short unique handle of the firm.' })
  slug!: string;
}
