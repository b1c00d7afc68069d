import { ReferenceKind } from '@mikro-orm/core';
import type { EntityClass, EntityManager, EntityMetadata, EntityName, FilterQuery, QueryOrderMap } from '@mikro-orm/postgresql';
import { toGlobalId } from './global-id';
import { uuidArray } from './sql';

// The read path (README, "Performance"). What a query only shows is read as plain rows, not as
// managed entities: making and tracking ~1,000 entities was most of a nested read's CPU. A row has
// the columns its GraphQL type shows, its many-to-ones as { id } (what Ref<T> offers readers), and
// the type's name as its class, so `id` (Node.nodeId) and Node's resolveType work on rows as on
// entities. Entities fit the row types too: node(id) and mutation payloads still hand entities to
// the same field resolvers. Writes keep using entities in their transaction.

// A many-to-one in a plain row.
export interface RowRef {
  readonly id: string;
}

type RefOf<Value> = null extends Value ? RowRef | null : undefined extends Value ? RowRef | null : RowRef;

// The plain row of an entity: the scalar properties `Scalars`, and the many-to-ones `Refs` as ids.
export type Row<Entity, Scalars extends keyof Entity, Refs extends keyof Entity = never> = Pick<Entity, Scalars | ('id' & keyof Entity)> & {
  readonly [K in Refs]: RefOf<Entity[K]>;
} & { readonly nodeId: string };

// One class per GraphQL type name, named after it (Node's resolveType reads constructor.name).
const rowClasses = new Map<string, new () => object>();

function rowClass(typeName: string): new () => object {
  let rowClass = rowClasses.get(typeName);
  if (!rowClass) {
    const named = {
      [typeName]: class {
        declare id: string;
        get nodeId(): string {
          return toGlobalId(typeName, this.id);
        }
      },
    };
    rowClass = named[typeName];
    rowClasses.set(typeName, rowClass);
  }
  return rowClass;
}

export interface RowQuery<Entity extends object> {
  where: FilterQuery<Entity>;
  orderBy?: QueryOrderMap<Entity>;
  limit?: number;
}

// Reads `fields` (property names; many-to-ones give their id) of the rows of `entity` that match,
// in one statement. The tenant filter applies as on em.find: scoped to the request's firm on the
// row's own firm_id, and an error when the manager has no firm.
export async function readRows<Entity extends object, Result>(
  em: EntityManager,
  entity: EntityName<Entity>,
  fields: readonly (keyof Entity & string)[],
  query: RowQuery<Entity>,
): Promise<Result[]> {
  const meta = em.getMetadata().get<Entity>(entity);
  const queryBuilder = em
    .createQueryBuilder(entity)
    .select(['id', ...fields.filter((field) => field !== 'id')] as never)
    .where(query.where);
  if (query.orderBy) queryBuilder.orderBy(query.orderBy);
  if (query.limit !== undefined) queryBuilder.limit(query.limit);
  await queryBuilder.applyFilters();
  const rows = (await queryBuilder.execute('all', true)) as Record<string, unknown>[];
  const references = fields.filter((field) => {
    const kind = meta.properties[field as never as keyof typeof meta.properties].kind;
    return kind === ReferenceKind.MANY_TO_ONE || kind === ReferenceKind.ONE_TO_ONE;
  });
  const RowClass = rowClass(meta.className);
  return rows.map((row) => {
    for (const field of references) {
      const id = row[field];
      row[field] = id === null || id === undefined ? null : { id };
    }
    return Object.assign(new RowClass(), row) as Result;
  });
}

// A loader's statement: `fields` of the rows whose `key` (the id or a many-to-one) is one of a
// batch of ids, in `orderBy` order (ascending). The SQL is written once from the metadata and
// sent with two bind values (the firm, the ids as one array), so a batch costs no query
// building. The firm is the tenant filter's own condition (what em.find would add), so a read
// without a firm fails as it does there.
//
// `along` brings, in the same statement, the row a many-to-one of each row points at (a left
// join on its id and the same firm): the many-to-one is then that whole row instead of { id }
// (which it still has), and the caller primes that row's loader with it. One round trip fewer
// where a read always goes on to the row pointed at (a scorecard's latest revision).
export function rowsByKey<Entity extends object, Result, Along extends object = never>(
  entity: EntityClass<Entity>,
  fields: readonly (keyof Entity & string)[],
  key: keyof Entity & string,
  orderBy: readonly (keyof Entity & string)[] = [],
  along?: { ref: keyof Entity & string; entity: EntityClass<Along>; fields: readonly (keyof Along & string)[] },
): (em: EntityManager, keys: readonly string[]) => Promise<Result[]> {
  let statement: KeyedStatement | null = null;
  return async (em, keys) => {
    if (keys.length === 0) return [];
    const meta = em.getMetadata().get<Entity>(entity.name);
    statement ??= keyedStatement(
      meta,
      ['id', ...fields.filter((field) => field !== 'id')],
      key,
      orderBy,
      along && {
        ref: along.ref,
        meta: em.getMetadata().get<Along>(along.entity.name),
        fields: ['id', ...along.fields.filter((field) => field !== 'id')],
      },
    );
    const condition = (await em.applyFilters(meta.className, {}, undefined, 'read')) as { firm?: unknown } | undefined;
    if (typeof condition?.firm !== 'string') throw new Error(`Plain rows of ${meta.className} are read in one firm only.`);
    const rows: Record<string, unknown>[] = await em.execute(statement.sql, [condition.firm, uuidArray(keys)]);
    const { shape, along: alongShape } = statement;
    const platform = em.getPlatform();
    return rows.map((row) => {
      const result = toRow(shape, row, platform);
      if (alongShape) {
        const { ref, shape: joined } = alongShape;
        const prefixed: Record<string, unknown> = {};
        joined.fields.forEach((field, i) => {
          prefixed[field] = row[`j${i}`];
          delete (result as Record<string, unknown>)[`j${i}`];
        });
        (result as Record<string, unknown>)[ref] = prefixed.id == null ? null : toRow(joined, prefixed, platform);
      }
      return result as Result;
    });
  };
}

// A row as read into the row type: many-to-ones as { id }, timestamps as Dates.
function toRow(shape: RowShape, row: Record<string, unknown>, platform: { parseDate(value: string): Date }): object {
  for (const field of shape.references) {
    const id = row[field];
    row[field] = id === null ? null : { id };
  }
  // MikroORM has pg hand over timestamps as text and parses them itself, as here.
  for (const field of shape.dates) {
    const value = row[field];
    if (typeof value === 'string') row[field] = platform.parseDate(value);
  }
  return Object.assign(new shape.RowClass(), row);
}

function rowShape<Entity extends object>(meta: EntityMetadata<Entity>, fields: readonly string[]): RowShape {
  const property = (name: string) => meta.properties[name as keyof typeof meta.properties];
  return {
    fields,
    references: fields.filter((field) => [ReferenceKind.MANY_TO_ONE, ReferenceKind.ONE_TO_ONE].includes(property(field).kind)),
    // Timestamps; a SQL date (type 'date') stays the 'YYYY-MM-DD' text the ORM reads too.
    dates: fields.filter((field) => property(field).runtimeType === 'Date'),
    RowClass: rowClass(meta.className),
  };
}

function keyedStatement<Entity extends object>(
  meta: EntityMetadata<Entity>,
  fields: readonly string[],
  key: string,
  orderBy: readonly string[],
  along?: { ref: string; meta: EntityMetadata; fields: readonly string[] },
): KeyedStatement {
  const column = (entityMeta: EntityMetadata, name: string) =>
    `"${entityMeta.properties[name as keyof typeof entityMeta.properties].fieldNames[0]}"`;
  const own = (name: string) => `t.${column(meta as EntityMetadata, name)}`;
  const selected = fields.map((field) => `${own(field)} as "${field}"`);
  let from = `"${meta.tableName}" t`;
  if (along) {
    // Short numbered aliases: PostgreSQL cuts names over 63 bytes, which "<ref>.<field>" could pass.
    selected.push(...along.fields.map((field, i) => `j.${column(along.meta, field)} as "j${i}"`));
    // By primary key for each row: LATERAL … LIMIT 1 keeps the planner from turning it into a
    // hash join over the firm's whole table (read-path.test.ts pins it).
    from +=
      ` left join lateral (select * from "${along.meta.tableName}" j where j.${column(along.meta, 'id')} = ${own(along.ref)}` +
      ` and j.${column(along.meta, 'firm')} = ${own('firm')} limit 1) j on true`;
  }
  const sql =
    `select ${selected.join(', ')} from ${from}` +
    ` where ${own('firm')} = ? and ${own(key)} = any(?::uuid[])` +
    (orderBy.length > 0 ? ` order by ${orderBy.map((field) => `${own(field)} asc`).join(', ')}` : '');
  return {
    sql,
    shape: rowShape(meta, fields),
    along: along && { ref: along.ref, shape: rowShape(along.meta, along.fields) },
  };
}

interface RowShape {
  fields: readonly string[];
  references: readonly string[];
  dates: readonly string[];
  RowClass: new () => object;
}

interface KeyedStatement {
  sql: string;
  shape: RowShape;
  along?: { ref: string; shape: RowShape };
}
