import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { Node } from '../../common/node';
import { Client } from '../client';
import { User } from '../user';
import { Rubric } from '../rubric';

export enum LeadershipLevel {
  EXECUTIVE = 'EXECUTIVE',
  SENIOR = 'SENIOR',
  FRONTLINE = 'FRONTLINE',
}
registerEnumType(LeadershipLevel, {
  name: 'LeadershipLevel',
  description: 'EXECUTIVE: top management, strategic. SENIOR: tactical. FRONTLINE: first-line, operational.',
});

export enum MandateStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  PRESENTED = 'PRESENTED',
  FILLED = 'FILLED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(MandateStatus, { name: 'MandateStatus' });

// A search assignment from a client for one leadership role.
@Entity()
@ObjectType({ implements: Node, description: 'A search assignment from a client for one leadership role.' })
export class Mandate extends TenantEntity<'status' | 'location' | 'version'> {
  @Property({ length: 200 })
  @Field()
  title!: string;

  @ManyToOne(() => Client, { ref: true, index: true })
  client!: Ref<Client>;

  @Enum(() => LeadershipLevel)
  @Field(() => LeadershipLevel)
  leadershipLevel!: LeadershipLevel;

  @Property({ length: 200, nullable: true })
  @Field(() => String, { nullable: true })
  location: string | null = null;

  @ManyToOne(() => User, { ref: true, index: true })
  leadRecruiter!: Ref<User>;

  @Enum(() => MandateStatus)
  @Field(() => MandateStatus)
  status: MandateStatus = MandateStatus.DRAFT;

  // The published rubric version every score of this mandate is given against.
  @ManyToOne(() => Rubric, { ref: true, index: true })
  rubric!: Ref<Rubric>;

  // Raised on every change of the requirement profile (optimistic locking).
  @Property({ default: 1 })
  @Field(() => Int, { description: 'Version of the requirement profile; raised by every change.' })
  version: number = 1;
}
