import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../common/connection';
import { Payload } from '../../common/payload';
import { Shortlist } from './shortlist.entity';
import { ShortlistEntry } from './shortlist-entry.entity';
import { FeedbackDecision, ShortlistFeedback } from './shortlist-feedback.entity';
import { PresentedFeedback, PresentedMandate, PresentedShortlistEntry } from './presented.types';
import { SHORTLIST_LIMITS as LIMITS } from './shortlist.limits';

@InputType()
export class AddToShortlistInput {
  @Field(() => ID, { description: 'The mandate whose shortlist it is.' })
  mandateId!: string;

  @Field(() => ID, { description: 'A candidacy of that mandate that is not REJECTED or WITHDRAWN.' })
  candidacyId!: string;

  @Field({ description: `For the client: why this candidate; at most ${LIMITS.note} characters.` })
  note!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The Shortlist.version you read; the change is refused with CONFLICT if it moved on. Left out: no check.',
  })
  expectedVersion?: number | null;
}

@ObjectType()
export class AddToShortlistPayload extends Payload {
  @Field(() => ShortlistEntry, { nullable: true })
  entry: ShortlistEntry | null = null;

  @Field(() => Shortlist, { nullable: true })
  shortlist: Shortlist | null = null;
}

@InputType()
export class UpdateShortlistEntryInput {
  @Field(() => ID)
  entryId!: string;

  @Field({ description: `The new note for the client; at most ${LIMITS.note} characters. Shown after the next publication.` })
  note!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The Shortlist.version you read; the change is refused with CONFLICT if it moved on. Left out: no check.',
  })
  expectedVersion?: number | null;
}

@ObjectType()
export class UpdateShortlistEntryPayload extends Payload {
  @Field(() => ShortlistEntry, { nullable: true })
  entry: ShortlistEntry | null = null;

  @Field(() => Shortlist, { nullable: true })
  shortlist: Shortlist | null = null;
}

@InputType()
export class ReorderShortlistInput {
  @Field(() => ID)
  mandateId!: string;

  @Field(() => [ID], { description: 'Every active entry of the shortlist exactly once, in the new order.' })
  entryIds!: string[];

  @Field(() => Int, { nullable: true, description: 'The Shortlist.version you read; the change is refused if it moved on.' })
  expectedVersion?: number | null;
}

@ObjectType()
export class ReorderShortlistPayload extends Payload {
  @Field(() => Shortlist, { nullable: true })
  shortlist: Shortlist | null = null;
}

@InputType()
export class WithdrawFromShortlistInput {
  @Field(() => ID)
  entryId!: string;

  @Field({ description: `Why (never shown to the client); at most ${LIMITS.withdrawalReason} characters.` })
  reason!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The Shortlist.version you read; the change is refused with CONFLICT if it moved on. Left out: no check.',
  })
  expectedVersion?: number | null;
}

@ObjectType()
export class WithdrawFromShortlistPayload extends Payload {
  @Field(() => ShortlistEntry, { nullable: true })
  entry: ShortlistEntry | null = null;

  @Field(() => Shortlist, { nullable: true })
  shortlist: Shortlist | null = null;
}

@InputType()
export class PublishShortlistInput {
  @Field(() => ID)
  mandateId!: string;

  @Field(() => Int, { nullable: true, description: 'The Shortlist.version you reviewed; publishing is refused if it moved on.' })
  expectedVersion?: number | null;
}

@ObjectType()
export class PublishShortlistPayload extends Payload {
  @Field(() => Shortlist, { nullable: true })
  shortlist: Shortlist | null = null;
}

@InputType()
export class GiveShortlistFeedbackInput {
  @Field(() => ID, { description: 'A PresentedShortlistEntry id.' })
  entryId!: string;

  @Field(() => FeedbackDecision)
  decision!: FeedbackDecision;

  @Field(() => String, { nullable: true, description: `At most ${LIMITS.comment} characters.` })
  comment?: string | null;
}

@ObjectType()
export class GiveShortlistFeedbackPayload extends Payload {
  @Field(() => PresentedShortlistEntry, { nullable: true })
  entry: PresentedShortlistEntry | null = null;

  @Field(() => PresentedFeedback, { nullable: true })
  feedback: PresentedFeedback | null = null;
}

@ArgsType()
export class ShortlistEntriesArgs {
  @Field({ defaultValue: false, description: 'Also the withdrawn entries, after the active ones.' })
  includeWithdrawn!: boolean;
}

@ObjectType()
export class ShortlistFeedbackConnection extends ConnectionType('ShortlistFeedback', ShortlistFeedback) {}

@ObjectType()
export class PresentedMandateConnection extends ConnectionType('PresentedMandate', PresentedMandate) {}
