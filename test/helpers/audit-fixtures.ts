import { randomUUID } from 'node:crypto';
import type { TestApp } from './test-app';

// An audit row as the tests compare it: everything but its own id and time.
export interface AuditRow {
  firmId: string;
  actorKind: string;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  objectIds: string[];
  summary: Record<string, unknown>;
}

// A request id of our own (sent as x-request-id), to find exactly the rows one request wrote.
export function newRequestId(label: string): string {
  return `${label}-${randomUUID()}`;
}

export function requestHeaders(requestId: string): Record<string, string> {
  return { 'x-request-id': requestId };
}

// The rows one request wrote: its mutation first, then its reads by type, fields and objects.
export async function auditRowsOf(app: TestApp, requestId: string): Promise<AuditRow[]> {
  const rows: Record<string, unknown>[] = await app
    .em()
    .getConnection()
    .execute(
      `select firm_id, actor_kind, actor_user_id, actor_api_key_id, action, object_type, object_id, object_ids, summary
       from audit_event where request_id = ? order by (action like 'read:%'), object_type, summary::text collate "C", object_ids`,
      [requestId],
    );
  return rows.map((row) => ({
    firmId: row.firm_id as string,
    actorKind: row.actor_kind as string,
    actorUserId: row.actor_user_id as string | null,
    actorApiKeyId: row.actor_api_key_id as string | null,
    action: row.action as string,
    objectType: row.object_type as string | null,
    objectId: row.object_id as string | null,
    objectIds: row.object_ids as string[],
    summary: row.summary as Record<string, unknown>,
  }));
}

export async function auditRowCount(app: TestApp): Promise<number> {
  const [{ count }] = await app.em().getConnection().execute(`select count(*)::int as count from audit_event`);
  return count;
}

// Every value in the audit log as text, to scan it for what must never be there.
export async function auditLogText(app: TestApp): Promise<string> {
  const [{ text }] = await app.em().getConnection().execute(`select coalesce(string_agg(a::text, '\n'), '') as text from audit_event a`);
  return text;
}
