import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { Node } from '../../common/node';
import { Candidacy } from '../candidacy';

export enum InterviewKind {
  SCREENING = 'SCREENING',
  COMPETENCY = 'COMPETENCY',
  CLIENT = 'CLIENT',
}
registerEnumType(InterviewKind, { name: 'InterviewKind' });

// An interview of one candidacy. Its panel is the set of its scorecards: one per interviewer.
@Entity()
@ObjectType({ implements: Node, description: 'A structured interview of one candidacy, with a panel of interviewers.' })
export class Interview extends TenantEntity {
  @ManyToOne(() => Candidacy, { ref: true, deleteRule: 'cascade', index: true })
  candidacy!: Ref<Candidacy>;

  @Enum(() => InterviewKind)
  @Field(() => InterviewKind)
  kind!: InterviewKind;

  @Property({ type: 'timestamptz' })
  @Field()
  scheduledAt!: Date;
}
