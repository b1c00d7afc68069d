import type { EntityClass, EntityDictionary, EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { isUuid } from '../../common/global-id';
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from '../../common/connection';
import { badUserInput, syncCursorExpired } from '../../common/errors';
import { SyncEntityType } from './sync-change.entity';

const TRANSACTION_ID = /^[0-9]{1,20}$/;
const IDENTITY = /^[0-9a-f]{16}$/;

// Which database this is: the cluster's system identifier (new for every initdb, so for every
// restore into a new cluster; readable by any user through pg_control_system()) and the database's
// oid (new for every created database, so for a restore into another database of the same cluster).
// Hashed, so the cursor stays opaque and short.
const DATABASE_IDENTITY = `left(md5((select system_identifier::text from pg_control_system()) || '/' ||
  (select oid::text from pg_database where datname = current_database())), 16)`;

// The oldest transaction still running when the statement's snapshot was taken (its xmin), but
// ignoring those known to run in other databases of the same server, which write no rows of
// ours: without that, any long transaction anywhere on the server would hold the sync back.
// A transaction that ended between the snapshot and the look at pg_stat_activity is not known,
// so it still counts: the horizon is only ever too early, never too late.
const HORIZON = `(select coalesce(min(x), pg_snapshot_xmax(pg_current_snapshot()))
  from pg_snapshot_xip(pg_current_snapshot()) as x
  where not exists (select 1 from pg_stat_activity a
                    where a.backend_xid = x::xid and a.datname is not null and a.datname <> current_database()))`;

interface SyncPageOptions {
  // Names the list inside its cursors.
  list: string;
  // Only rows whose last change was at or after this time.
  changedSince?: Date | null;
  first?: number | null;
  after?: string | null;
}

// Keyset pages in the order rows last changed, that never skip a row, however writes interleave.
//
// Ordering by updatedAt cannot promise that: updatedAt is taken before the transaction commits,
// so a transaction that commits late puts a row BEHIND a reader that has already passed that time,
// and the reader never sees the change. Here the order is the id of the transaction that last
// changed the row (sync_change, kept by triggers), and a page only shows rows whose transaction
// id lies below the horizon of the reading statement (HORIZON: its snapshot's xmin, for this
// database): every transaction below it has ended, and every one still to commit has an id at or
// above it. So nothing can ever appear
// behind a cursor. The price: a row shows once the transactions older than its own have ended,
// so a long-running transaction delays (never loses) what comes after it.
//
// `where` narrows the rows (tenant, filters); it is rendered by the ORM into a sub-select.
export async function paginateInSyncOrder<T extends { id: string }>(
  em: EntityManager,
  entity: EntityClass<T>,
  entityType: SyncEntityType,
  firmId: string,
  where: FilterQuery<T>,
  options: SyncPageOptions,
): Promise<Connection<T>> {
  const limit = pageSize(options.first);
  const after = options.after ? decodeSyncCursor(options.list, options.after) : null;
  const filtered = em.createQueryBuilder(entity, 'filtered').select('filtered.id').where(where).getKnexQuery().toSQL();
  const conditions = [`s."firm_id" = ?`, `s."entity_type" = ?`, `s."transaction_id" < ${HORIZON}`, `s."entity_id" in (${filtered.sql})`];
  const parameters: unknown[] = [firmId, entityType, ...filtered.bindings];
  if (options.changedSince) {
    conditions.push(`s."changed_at" >= ?::timestamptz`);
    parameters.push(options.changedSince.toISOString());
  }
  const keyset = after ? [`(s."transaction_id", s."entity_id") > (?::xid8, ?::uuid)`] : [];
  // The ids, their order, the rows themselves and the database's identity in ONE statement, so one
  // snapshot: a row changed between two statements would come with data newer than its place, and
  // again later. The identity row comes even when the page is empty (left join).
  const table = em.getMetadata().get(entity.name).tableName;
  const rows: (Record<string, unknown> & SyncColumns)[] = await em.execute(
    `with "meta" as (select ${DATABASE_IDENTITY} as "identity", pg_snapshot_xmax(pg_current_snapshot())::text as "next_transaction_id")
     select "meta"."identity" as "sync_identity", "meta"."next_transaction_id" as "sync_next_transaction_id", "page".*
     from "meta" left join lateral (
       select s."transaction_id" as "sync_transaction_id", e.*
       from "sync_change" s
       join "${table}" e on e."id" = s."entity_id"
       where ${[...conditions, ...keyset].join(' and ')}
       order by s."transaction_id", s."entity_id"
       limit ?
     ) "page" on true
     order by "page"."sync_transaction_id", "page"."id"`,
    [...parameters, ...(after ? [after.transactionId, after.entityId] : []), limit + 1],
  );
  const [{ sync_identity: identity, sync_next_transaction_id: nextTransactionId }] = rows;
  if (after) checkServable(after, identity, nextTransactionId);
  const found = rows.filter((row) => row.sync_transaction_id !== null);
  const transactionOf = new Map<string, string>();
  const items = found.slice(0, limit).map(({ sync_transaction_id, sync_identity: _identity, sync_next_transaction_id: _next, ...row }) => {
    const item = em.map(entity, row as EntityDictionary<T>);
    transactionOf.set(item.id, String(sync_transaction_id));
    return item;
  });
  return toConnection(
    items,
    found.length > limit,
    Boolean(after),
    (item) => encodeCursor(options.list, [identity, transactionOf.get(item.id)!, item.id]),
    async () => {
      const [{ count }] = await em.execute(
        `select count(*)::int as "count" from "sync_change" s where ${conditions.join(' and ')}`,
        parameters,
      );
      return count as number;
    },
  );
}

interface SyncColumns {
  sync_identity: string;
  sync_next_transaction_id: string;
  sync_transaction_id: string | null;
}

interface SyncCursor {
  // Null for a cursor issued before cursors carried it.
  identity: string | null;
  transactionId: string;
  entityId: string;
}

// [identity, transaction id, entity id]; cursors issued before the identity was added hold only the
// last two and are still taken, so syncs running across the upgrade go on (the identity cannot be
// checked for them; the transaction id still is).
function decodeSyncCursor(list: string, cursor: string): SyncCursor {
  let values: unknown[];
  try {
    values = decodeCursor(list, cursor, 3);
  } catch {
    values = [null, ...decodeCursor(list, cursor, 2)];
  }
  const [identity, transactionId, entityId] = values;
  if (
    !(identity === null || (typeof identity === 'string' && IDENTITY.test(identity))) ||
    !(typeof transactionId === 'string' && TRANSACTION_ID.test(transactionId)) ||
    !isUuid(entityId)
  ) {
    throw badUserInput('after is not a cursor of this list.', 'after');
  }
  return { identity, transactionId, entityId: entityId as string };
}

// A cursor is served only by the database that issued it: after a restore into another cluster or
// database the transaction ids restart, and reading on from an old one would skip rows silently.
// A transaction id at or above the next one to be given out proves the counter restarted even
// where the identity cannot tell (a cursor without one).
function checkServable(after: SyncCursor, identity: string, nextTransactionId: string): void {
  if ((after.identity !== null && after.identity !== identity) || BigInt(after.transactionId) >= BigInt(nextTransactionId)) {
    throw syncCursorExpired(
      'after is a cursor this database cannot serve (it comes from another database, or the database was restored): sync again from the start, without after.',
    );
  }
}
