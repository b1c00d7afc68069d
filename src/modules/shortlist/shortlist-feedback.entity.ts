import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { Node } from '../../common/node';
import { User } from '../user';
import { ShortlistEntry } from './shortlist-entry.entity';

export enum FeedbackDecision {
  INTERESTED = 'INTERESTED',
  MAYBE = 'MAYBE',
  DECLINED = 'DECLINED',
}
registerEnumType(FeedbackDecision, { name: 'FeedbackDecision', description: "A client user's answer to a presented candidate." });

// One answer of a client user to a shortlist entry. Answers are never changed: a new one is
// added, and the latest of each user counts.
@Entity()
@Index({ properties: ['entry', 'author', 'createdAt'] })
@ObjectType({ implements: Node, description: "A client user's answer to a presented candidate." })
export class ShortlistFeedback extends TenantEntity<'comment' | 'author'> {
  @ManyToOne(() => ShortlistEntry, { ref: true, deleteRule: 'cascade' })
  entry!: Ref<ShortlistEntry>;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  author: Ref<User> | null = null;

  @Enum(() => FeedbackDecision)
  @Field(() => FeedbackDecision)
  decision!: FeedbackDecision;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true })
  comment: string | null = null;
}
