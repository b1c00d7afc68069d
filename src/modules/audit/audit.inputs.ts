import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { ConnectionArgs, ConnectionType } from '../../common/connection';
import { AuditEvent } from './audit-event.entity';

@InputType()
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: 'Events of this User or ApiKey.' })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'Exactly this action, e.g. moveCandidacy or read:Candidate.' })
  action?: string | null;

  @Field(() => ID, { nullable: true, description: 'Events on this object: about it alone, or naming it among others (a read of a page).' })
  objectId?: string | null;

  @Field(() => Date, { nullable: true, description: 'At or after this time.' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this time.' })
  until?: Date | null;
}

@ArgsType()
export class AuditEventsArgs extends ConnectionArgs {
  @Field(() => AuditEventFilter, { nullable: true })
  filter?: AuditEventFilter | null;
}

@ObjectType()
export class AuditEventConnection extends ConnectionType('AuditEvent', AuditEvent) {}
