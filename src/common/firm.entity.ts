import { Entity, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from './base.entity';
import { Node } from './node';

// The tenant: an executive-search firm. Nothing ever crosses firms.
@Entity()
@ObjectType({ implements: Node, description: 'An executive-search firm: the owner of all its data.' })
export class Firm extends BaseEntity<'scorecardDueHours'> {
  @Property({ length: 200 })
  @Field()
  name!: string;

  @Property({ length: 60, unique: true })
  @Field({ description: 'Short unique handle of the firm.' })
  slug!: string;

  // How long after an interview is held its scorecards are due (structured-interview practice:
  // within a day, while memory is fresh).
  @Property({ default: 24 })
  scorecardDueHours: number = 24;
}
