import type { EntityManager } from '@mikro-orm/postgresql';
import { uuidArray } from '../../common/sql';
import type { StoredRead } from '../audit';

// SQL of the idempotency store. Every function runs on the entity manager's transaction when it
// has one (em.execute), so the stored response commits or rolls back with the mutation's writes.

export interface KeyOwner {
  firmId: string;
  principal: string;
  key: string;
}

export interface StoredResponse {
  requestHash: string;
  body: string;
  status: number;
  // What the first request read of personal data, logged again for every replay.
  reads: StoredRead[];
}

// A response to store: with what it is about (answer-subjects.ts), for erasure.
export interface NewStoredResponse extends StoredResponse {
  subjectIds: string[];
}

// Until the transaction ends: a concurrent request with the same key waits here, then finds
// the first one's response (each statement of READ COMMITTED sees what committed before it).
// The wait is bounded (lock_timeout, set for this transaction in the same statement): retries
// of a stuck request must not pile up and hold every pooled connection. Returns false when the
// first request still holds the key after `waitMs`.
export async function lockKey(em: EntityManager, owner: KeyOwner, waitMs: number): Promise<boolean> {
  try {
    await em.execute(`select set_config('lock_timeout', ?, true), pg_advisory_xact_lock(hashtextextended(?, 0))`, [
      `${waitMs}ms`,
      `idempotency:${owner.firmId}:${owner.principal}:${owner.key}`,
    ]);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === LOCK_NOT_AVAILABLE) return false;
    throw error;
  }
}

const LOCK_NOT_AVAILABLE = '55P03';

// The live (unexpired) response stored for the key, if any.
export async function findStoredResponse(em: EntityManager, owner: KeyOwner): Promise<StoredResponse | null> {
  const rows: { request_hash: string; response_body: string; response_status: number; audit_reads: StoredRead[] }[] = await em.execute(
    `select "request_hash", "response_body", "response_status", "audit_reads" from "idempotency_key"
      where "firm_id" = ? and "principal" = ? and "key" = ? and "expires_at" > now()`,
    [owner.firmId, owner.principal, owner.key],
  );
  const row = rows[0];
  return row ? { requestHash: row.request_hash, body: row.response_body, status: row.response_status, reads: row.audit_reads } : null;
}

// Inserts the response; an expired row of the same key (not yet purged) is replaced.
export async function storeResponse(
  em: EntityManager,
  owner: KeyOwner,
  response: NewStoredResponse,
  retentionSeconds: number,
): Promise<void> {
  await em.execute(
    `insert into "idempotency_key"
       ("id", "created_at", "updated_at", "firm_id", "principal", "key", "request_hash", "response_body", "response_status", "audit_reads",
        "subject_ids", "expires_at")
     values (gen_random_uuid(), now(), now(), ?, ?, ?, ?, ?, ?, ?::jsonb, ?::uuid[], now() + make_interval(secs => ?))
     on conflict ("firm_id", "principal", "key") do update
       set "created_at" = excluded."created_at", "updated_at" = excluded."updated_at", "request_hash" = excluded."request_hash",
           "response_body" = excluded."response_body", "response_status" = excluded."response_status",
           "audit_reads" = excluded."audit_reads", "subject_ids" = excluded."subject_ids", "expires_at" = excluded."expires_at"
     where "idempotency_key"."expires_at" <= now()`,
    [
      owner.firmId,
      owner.principal,
      owner.key,
      response.requestHash,
      response.body,
      response.status,
      JSON.stringify(response.reads),
      uuidArray(response.subjectIds),
      retentionSeconds,
    ],
  );
}

// Deletes up to `limit` expired responses (of all firms); returns how many.
export async function purgeExpired(em: EntityManager, limit = 1000): Promise<number> {
  const rows: { id: string }[] = await em.execute(
    `delete from "idempotency_key" where "id" in (
       select "id" from "idempotency_key" where "expires_at" <= now() limit ?
     ) returning "id"`,
    [limit],
  );
  return rows.length;
}

// For erasure (GDPR): deletes the firm's stored responses about any of `rowIds` (the erased
// person's rows: see gdpr.service.ts), and those stored before responses recorded what they are
// about (subject_ids null): nobody can tell they are not about the person. Returns how many.
export async function deleteResponsesAbout(em: EntityManager, firmId: string, rowIds: string[]): Promise<number> {
  const rows: { id: string }[] = await em.execute(
    `delete from "idempotency_key" where "firm_id" = ? and ("subject_ids" && ?::uuid[] or "subject_ids" is null) returning "id"`,
    [firmId, uuidArray(rowIds)],
  );
  return rows.length;
}
