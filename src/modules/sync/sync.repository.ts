import type { EntityClass, EntityDictionary, EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { isUuid } from '../../common/global-id';
import { decodeCursor, encodeCursor, pageSize, toConnection, type Connection } from '../../common/connection';
import { badUserInput } from '../../common/errors';
import { SyncEntityType } from './sync-change.entity';

const TRANSACTION_ID = /^[0-9]{1,20}$/;

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
  const after = options.after ? decodeCursor(options.list, options.after, 2) : null;
  if (after && !(typeof after[0] === 'string' && TRANSACTION_ID.test(after[0]) && isUuid(after[1]))) {
    throw badUserInput('after is not a cursor of this list.', 'after');
  }
  const filtered = em.createQueryBuilder(entity, 'filtered').select('filtered.id').where(where).getKnexQuery().toSQL();
  const conditions = [`s."firm_id" = ?`, `s."entity_type" = ?`, `s."transaction_id" < ${HORIZON}`, `s."entity_id" in (${filtered.sql})`];
  const parameters: unknown[] = [firmId, entityType, ...filtered.bindings];
  if (options.changedSince) {
    conditions.push(`s."changed_at" >= ?::timestamptz`);
    parameters.push(options.changedSince.toISOString());
  }
  const keyset = after ? [`(s."transaction_id", s."entity_id") > (?::xid8, ?::uuid)`] : [];
  // The ids, their order and the rows themselves in ONE statement, so one snapshot: a row
  // changed between two statements would come with data newer than its place, and again later.
  const table = em.getMetadata().get(entity.name).tableName;
  const rows: (Record<string, unknown> & { sync_transaction_id: string })[] = await em.execute(
    `select s."transaction_id"::text as "sync_transaction_id", e.*
     from "sync_change" s
     join "${table}" e on e."id" = s."entity_id"
     where ${[...conditions, ...keyset].join(' and ')}
     order by s."transaction_id", s."entity_id"
     limit ?`,
    [...parameters, ...(after ? [String(after[0]), String(after[1])] : []), limit + 1],
  );
  const transactionOf = new Map<string, string>();
  const items = rows.slice(0, limit).map(({ sync_transaction_id, ...row }) => {
    const item = em.map(entity, row as EntityDictionary<T>);
    transactionOf.set(item.id, sync_transaction_id);
    return item;
  });
  return toConnection(
    items,
    rows.length > limit,
    Boolean(after),
    (item) => encodeCursor(options.list, [transactionOf.get(item.id)!, item.id]),
    async () => {
      const [{ count }] = await em.execute(
        `select count(*)::int as "count" from "sync_change" s where ${conditions.join(' and ')}`,
        parameters,
      );
      return count as number;
    },
  );
}
