import { Entity, Enum, ManyToOne, Property, type Ref } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { TenantEntity } from '../../common/tenant.entity';
import { Node } from '../../common/node';
import { Candidacy } from '../candidacy';

export enum InterviewKind {
  SCREENING = 'SCREENING',
  COMPETENCY = 'COMPETENCY',
  CLIENT = 'CLIENT',
}
registerEnumType(InterviewKind, { name: 'InterviewKind' });

export enum InterviewStatus {
  SCHEDULED = 'SCHEDULED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
  NO_SHOW = 'NO_SHOW',
}
registerEnumType(InterviewStatus, {
  name: 'InterviewStatus',
  description: 'Where an interview is in its life: SCHEDULED, then HELD, CANCELLED or NO_SHOW (the candidate did not come).',
});

// An interview of one candidacy. Its panel is the set of its scorecards: one per interviewer.
@Entity()
@ObjectType({ implements: Node, description: 'A structured interview of one candidacy, with a panel of interviewers.' })
export class Interview extends TenantEntity<
  'status' | 'durationMinutes' | 'location' | 'videoLink' | 'version' | 'heldAt' | 'scorecardsDueAt' | 'cancelledAt' | 'cancellationReason'
> {
  @ManyToOne(() => Candidacy, { ref: true, deleteRule: 'cascade', index: true })
  candidacy!: Ref<Candidacy>;

  @Enum(() => InterviewKind)
  @Field(() => InterviewKind)
  kind!: InterviewKind;

  @Property({ type: 'timestamptz' })
  @Field()
  scheduledAt!: Date;

  @Enum(() => InterviewStatus)
  @Field(() => InterviewStatus)
  status: InterviewStatus = InterviewStatus.SCHEDULED;

  @Property({ type: 'smallint', default: 60 })
  @Field(() => Int)
  durationMinutes: number = 60;

  @Property({ length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: 'Where it takes place, e.g. a meeting room and address.' })
  location: string | null = null;

  @Property({ length: 500, nullable: true })
  @Field(() => String, { nullable: true, description: 'The https link of the video meeting, if any.' })
  videoLink: string | null = null;

  // Raised by every change of time, place or status (optimistic locking).
  @Property({ default: 1 })
  @Field(() => Int)
  version: number = 1;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: 'When it was held; null unless HELD.' })
  heldAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, {
    nullable: true,
    description: "When the panel's scorecards are due: the time it was held plus the firm's setting (24 hours unless set).",
  })
  scorecardsDueAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true })
  cancelledAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: 'Why it was cancelled.' })
  cancellationReason: string | null = null;
}
