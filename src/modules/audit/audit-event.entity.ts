import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Node } from '../../common/node';
import { toGlobalId } from '../../common/global-id';
import { Firm } from '../../common/firm.entity';

export enum AuditActorKind {
  USER = 'USER',
  API_KEY = 'API_KEY',
  // Reserved for work done without a credential; login records the user it signed in instead.
  ANONYMOUS = 'ANONYMOUS',
}
registerEnumType(AuditActorKind, { name: 'AuditActorKind', description: 'Who acted: a user, an API key, or nobody signed in.' });

// One entry of the firm's audit log: a mutation, or the personal data one request read of one
// type of object (one row for all the objects it read the same fields of).
// Append-only: never updated, so it has no updatedAt. Its summary holds ids, enums and counts,
// never free text or personal values, so erasing a candidate never has to rewrite the log.
// Actor and objects are plain ids, not foreign keys: the log outlives what it names.
@Entity()
@Index({ properties: ['firm', 'occurredAt', 'id'] })
@Index({ properties: ['firm', 'action', 'occurredAt'] })
// The filter by object: a row of one object by object_id (rows older than object_ids too), a row
// of several by the GIN index on object_ids. That one is not led by firm_id (a GIN index on uuids
// finds the object's few rows wherever they are; the firm is checked on them). Its pending list is
// kept small so that the planner's estimate stays true (Migration20261203130000).
@Index({ properties: ['firm', 'objectId', 'occurredAt'] })
@Index({
  name: 'audit_event_object_ids_index',
  expression: 'create index "audit_event_object_ids_index" on "audit_event" using gin ("object_ids") with (gin_pending_list_limit = 256)',
})
@Index({ properties: ['firm', 'actorUserId', 'occurredAt'] })
@Index({ properties: ['firm', 'actorApiKeyId', 'occurredAt'] })
@ObjectType({ implements: Node, description: 'An entry of the audit log: who did or read what, on which object, when.' })
export class AuditEvent {
  [OptionalProps]?:
    'nodeId' | 'id' | 'occurredAt' | 'actorUserId' | 'actorApiKeyId' | 'objectType' | 'objectId' | 'objectIds' | 'summary' | 'requestId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Firm, { ref: true, deleteRule: 'cascade' })
  firm!: Ref<Firm>;

  @Property({ type: 'timestamptz' })
  @Field()
  occurredAt: Date = new Date();

  @Enum(() => AuditActorKind)
  @Field(() => AuditActorKind)
  actorKind!: AuditActorKind;

  @Property({ type: 'uuid', nullable: true })
  actorUserId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  actorApiKeyId: string | null = null;

  @Property({ length: 100 })
  @Field({ description: 'The mutation (e.g. moveCandidacy), or read:<Type> for a read of personal data.' })
  action!: string;

  @Property({ length: 60, nullable: true })
  @Field(() => String, { nullable: true, description: 'The type of the object acted on or read, e.g. Candidate.' })
  objectType: string | null = null;

  // The object when the row is about exactly one (a mutation's main object, or a read of one).
  @Property({ type: 'uuid', nullable: true })
  objectId: string | null = null;

  // Every object the row is about: a read's whole group, a mutation's one object (or none).
  // Defaults to none for a writer that does not know the column (an older build during a deploy).
  @Property({ type: 'uuid[]', columnType: 'uuid[]', default: '{}' })
  objectIds: string[] = [];

  @Property({ type: 'jsonb' })
  @Field(() => GraphQLJSONObject, {
    description: 'What changed or was read: input field names, ids, enum values, counts, versions; never free text.',
  })
  summary: Record<string, unknown> = {};

  @Property({ length: 100, nullable: true })
  @Field(() => String, { nullable: true, description: 'The x-request-id of the request.' })
  requestId: string | null = null;

  get nodeId(): string {
    return toGlobalId('AuditEvent', this.id);
  }
}
