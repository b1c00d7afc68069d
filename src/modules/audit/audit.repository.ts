import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuditActorKind } from './audit-event.entity';

export interface ReadEventRows {
  firmId: string;
  actorKind: AuditActorKind;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  occurredAt: Date;
  requestId: string;
  reads: { id: string; objectType: string; objectId: string; fields: string[] }[];
}

// The read rows of one request in one statement, the reads as one JSON parameter: a page of 50
// candidates with their email is 50 rows, and making them as entities (insertMany) cost more Node
// CPU than the rest of the page's read path.
export async function insertReadEvents(em: EntityManager, rows: ReadEventRows): Promise<void> {
  await em.execute(
    `insert into "audit_event" ("id", "firm_id", "occurred_at", "actor_kind", "actor_user_id", "actor_api_key_id",
                                "action", "object_type", "object_id", "summary", "request_id")
     select r."id", ?, ?, ?, ?, ?, 'read:' || r."objectType", r."objectType", r."objectId", jsonb_build_object('fields', r."fields"), ?
       from jsonb_to_recordset(?::jsonb) as r("id" uuid, "objectType" text, "objectId" uuid, "fields" jsonb)`,
    [rows.firmId, rows.occurredAt, rows.actorKind, rows.actorUserId, rows.actorApiKeyId, rows.requestId, JSON.stringify(rows.reads)],
  );
}
