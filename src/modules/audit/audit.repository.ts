import type { EntityManager } from '@mikro-orm/postgresql';
import { writeArrays } from '../../common/rows';
import { uuidArray } from '../../common/sql';
import type { AuditActorKind } from './audit-event.entity';

export interface ReadEventRows {
  firmId: string;
  actorKind: AuditActorKind;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  occurredAt: Date;
  requestId: string;
  // One row each: the objects of one type whose same fields were read.
  groups: { id: string; objectType: string; objectIds: string[]; fields: string[] }[];
}

// The read rows of one request in one statement with bind values, straight on pg (no value
// formatted into the text, one text for every request). Per row its objects go as one array
// literal and its fields as JSON, in parallel arrays unnested together; `object_id` is kept for a
// row of exactly one object, so such a row reads as before.
const INSERT_READ_EVENTS = `insert into "audit_event" ("id", "firm_id", "occurred_at", "actor_kind", "actor_user_id", "actor_api_key_id",
                            "action", "object_type", "object_id", "object_ids", "summary", "request_id")
 select g."id", ?, ?, ?, ?, ?, 'read:' || g."object_type", g."object_type",
        case when cardinality(g."object_ids") = 1 then g."object_ids"[1] end, g."object_ids",
        jsonb_build_object('fields', g."fields"), ?
   from (select u."id", u."object_type", u."object_ids"::uuid[] as "object_ids", u."fields"::jsonb as "fields"
           from unnest(?::uuid[], ?::text[], ?::text[], ?::text[]) as u("id", "object_type", "object_ids", "fields")) g`;

// Outside any transaction `em` holds: on the primary, committed on its own.
export async function insertReadEvents(em: EntityManager, rows: ReadEventRows): Promise<void> {
  const { groups } = rows;
  // Prepared (parsed and planned once per connection): every read of personal data writes it, and
  // its plan (unnest of the bind values) is the same whatever they are.
  await writeArrays(
    em,
    INSERT_READ_EVENTS,
    [
      rows.firmId,
      rows.occurredAt,
      rows.actorKind,
      rows.actorUserId,
      rows.actorApiKeyId,
      rows.requestId,
      groups.map((group) => group.id),
      groups.map((group) => group.objectType),
      groups.map((group) => uuidArray(group.objectIds)),
      groups.map((group) => JSON.stringify(group.fields)),
    ],
    { prepared: true, outsideTransaction: true },
  );
}
