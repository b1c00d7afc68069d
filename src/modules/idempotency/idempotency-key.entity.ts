import { ArrayType, Entity, Index, Property, Unique } from '@mikro-orm/core';
import { TenantEntity } from '../../common/tenant.entity';
import type { StoredRead } from '../audit';

// The first response to a mutation sent with an Idempotency-Key, kept for 24 hours so a retry
// gets it again instead of running the mutation twice. Written in the transaction of the
// mutation's own writes (see idempotency.service.ts). Not exposed in the schema.
@Entity()
@Unique({ properties: ['firm', 'principal', 'key'] })
@Index({
  name: 'idempotency_key_subject_ids_index',
  expression: 'create index "idempotency_key_subject_ids_index" on "idempotency_key" using gin ("subject_ids")',
})
export class IdempotencyKey extends TenantEntity {
  // Who sent it: "user:<id>" or "api-key:<id>"; keys of different principals never meet.
  @Property({ length: 100 })
  principal!: string;

  @Property({ length: 255 })
  key!: string;

  // SHA-256 of the query, operation name and variables: the same key with another request is refused.
  @Property({ length: 64 })
  requestHash!: string;

  // The JSON body exactly as first sent (text, not jsonb: jsonb reorders keys, a replay must match byte for byte).
  @Property({ type: 'text' })
  responseBody!: string;

  @Property({ type: 'smallint' })
  responseStatus!: number;

  // The personal data the first request read (audit-trail.ts StoredRead: type, id, field names;
  // never values): a replay hands it out again, so its reads are logged again.
  @Property({ type: 'jsonb', default: '[]' })
  auditReads!: StoredRead[];

  // What the response is about: the ids of the rows its values were read from (see answer-subjects.ts).
  // Erasure deletes every response about a row of the erased person. Null for a response stored
  // before this was recorded: nobody knows what it is about, so any erasure in its firm deletes it.
  @Property({ type: ArrayType, columnType: 'uuid[]', nullable: true })
  subjectIds!: string[] | null;

  @Property({ type: 'timestamptz' })
  @Index()
  expiresAt!: Date;
}
