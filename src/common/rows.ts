import { randomUUID } from 'node:crypto';
import { ReferenceKind } from '@mikro-orm/core';
import { types } from 'pg';
import type { EntityClass, EntityManager, EntityMetadata, EntityName, FilterQuery, Platform, QueryOrderMap } from '@mikro-orm/postgresql';
import { toGlobalId } from './global-id';
import { uuidArray } from './sql';
import type { Selection } from './selection';

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

// The base of every row class. A keyed row (rowsByKey) keeps its values as read, so that a
// timestamp stays text until someone reads it (parsed once, then kept): an answer shows few of
// them; so does a text array. Its timestamps and text arrays are accessors of its class, so
// spreads and Object.keys do not list them.
const NOT_KEPT: unknown[] = [];

class PlainRow {
  #read: unknown[] = NOT_KEPT;

  static keep(row: PlainRow, values: unknown[]): void {
    row.#read = values;
  }

  static timestamp(row: PlainRow, index: number, parse: (text: string) => Date | string): unknown {
    const value = row.#read[index];
    if (typeof value !== 'string') return value;
    // MikroORM has pg hand over timestamps as text and parses them itself, as here.
    const date = parse(value);
    row.#read[index] = date;
    return date;
  }

  // A text array (text[]) as PostgreSQL wrote it, parsed by pg's own parser on first read (or
  // already an array: a statement that let pg parse it).
  static textArray(row: PlainRow, index: number): unknown {
    const value = row.#read[index];
    if (typeof value !== 'string') return value;
    const array = parseTextArray(value);
    row.#read[index] = array;
    return array;
  }

  static setKept(row: PlainRow, index: number, value: unknown): void {
    row.#read[index] = value;
  }
}

// The optional columns a query leaves out: those no field of its document names on the type
// (none without a selection: mutations and internal reads read every column).
function leftOut<Field extends string>(optional: readonly Field[], selected: Selection | undefined, typeName: string): Field[] {
  if (!selected || optional.length === 0) return [];
  const asked = selected.get(typeName);
  return optional.filter((field) => !asked?.has(field));
}

// The row a many-to-one brought along (rowsByKey's `along`): the plain row itself, or null where
// the many-to-one is only { id } or an entity's reference (which may not be loaded).
export function rowAlong<Result>(ref: unknown): Result | null {
  return ref instanceof PlainRow ? (ref as Result) : null;
}

// pg's parser of text[] (oid 1009, which pg-types' TypeId does not list), as the connection uses it.
const parseTextArray = types.getTypeParser(1009 as never, 'text') as (text: string) => string[];

// One class per GraphQL type name, named after it (Node's resolveType reads constructor.name).
const rowClasses = new Map<string, new () => PlainRow>();

function rowClass(typeName: string): new () => PlainRow {
  let rowClass = rowClasses.get(typeName);
  if (!rowClass) {
    const named = {
      [typeName]: class extends PlainRow {
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
// row's own firm_id, and an error when the manager has no firm. The query builder writes the
// statement (any filter a page needs) once per shape of the query (its structure: keys,
// operators, list lengths, nulls, value kinds); later reads of that shape only bind their values
// (see pageStatement). It runs straight on pg like rowsByKey's, into the same rows.
//
// `optional` and `selected` as rowsByKey's: the columns no field of the query names are left out
// (a candidates page read every column of 50 candidates where a sync's query shows six), and
// reading one of them from a row throws. A column of the order (the cursor's keys) or of the
// condition must not be optional.
export async function readRows<Entity extends object, Result>(
  em: EntityManager,
  entity: EntityName<Entity>,
  fields: readonly (keyof Entity & string)[],
  query: RowQuery<Entity>,
  columns: { optional?: readonly (keyof Entity & string)[]; selected?: Selection } = {},
): Promise<Result[]> {
  const meta = em.getMetadata().get<Entity>(entity);
  const left = leftOut(columns.optional ?? [], columns.selected, meta.className);
  const selected = ['id', ...fields.filter((field) => field !== 'id' && !left.includes(field))];
  const { text, sql, values } = await pageStatement(em, meta, selected, query);
  const rows = await directReads(em).readArrays({ text, sql, textArrays: true }, values, em.getTransactionContext());
  const shape = shapeOf(meta, selected, em.getPlatform(), left);
  return rows.map((row) => toRow(shape, row) as Result);
}

// The statement of a readRows query and its values. Building it with the query builder was most
// of what a page cost Node beyond its rows (the profile's `toQuery`, `where`, criteria nodes), so
// each shape is built once more with a marker in place of every value: the markers' places among
// the bind values say where each value of a later query goes. A shape is kept only if the build
// with its first real values gives the same text and exactly those values in those places (so a
// value the ORM converts, or writes into the text, leaves its shape built every time, as before).
// The firm of the tenant filter is bound per read, taken from the filter as rowsByKey does.
interface PageStatement {
  text: string;
  sql: string;
  // Per bind value: the index of the query's value, or FIRM / LIMIT.
  places: readonly number[];
}

const FIRM = -1;
const LIMIT = -2;
// A text no query holds, and a limit no page asks for, to find where the values are bound.
const VALUE_MARKER = `page value ${randomUUID()} `;
const LIMIT_MARKER = 987_654_321;
const MAX_PAGE_STATEMENTS = 500;
// By entity, columns, order, limit and the shape of the condition; null: built every time.
const pageStatements = new Map<string, PageStatement | null>();

async function pageStatement<Entity extends object>(
  em: EntityManager,
  meta: EntityMetadata<Entity>,
  selected: readonly string[],
  query: RowQuery<Entity>,
): Promise<{ text: string; sql: string; values: readonly unknown[] }> {
  const values: unknown[] = [];
  const shape = shapeOfCondition(query.where, values);
  const key =
    shape === null
      ? null
      : `${meta.className}|${selected.join(',')}|${JSON.stringify(query.orderBy ?? null)}|${query.limit !== undefined}|${shape}`;
  const known = key === null ? null : pageStatements.get(key);
  if (known) {
    const firm = await tenantFirm(em, meta);
    return { text: known.text, sql: known.sql, values: bound(known.places, firm, query.limit, values) };
  }
  const learn = key !== null && known === undefined && pageStatements.size < MAX_PAGE_STATEMENTS;
  // Marked before the query builder sees the condition (it may rewrite it in place).
  let index = 0;
  const marked = learn ? withMarkers(query.where, () => `${VALUE_MARKER}${index++}`) : null;
  const built = await buildPage(em, meta, selected, query);
  if (learn) pageStatements.set(key, await learnPlaces(em, meta, selected, query, marked, values, built));
  return built;
}

// The query builder's statement for a query (what every read did before).
async function buildPage<Entity extends object>(
  em: EntityManager,
  meta: EntityMetadata<Entity>,
  selected: readonly string[],
  query: RowQuery<Entity>,
): Promise<{ text: string; sql: string; values: readonly unknown[] }> {
  const queryBuilder = em
    .createQueryBuilder(meta.className)
    .select(selected as never)
    .where(query.where as never);
  if (query.orderBy) queryBuilder.orderBy(query.orderBy as never);
  if (query.limit !== undefined) queryBuilder.limit(query.limit);
  await queryBuilder.applyFilters();
  const { sql: text, _sql: statement, params } = queryBuilder.toQuery();
  // pg binds a list or an object otherwise than the ORM writes it into its text; no page filter
  // makes one today (the query builder spreads `$in` lists itself).
  if (params.some((param) => Array.isArray(param) || (param !== null && typeof param === 'object' && !(param instanceof Date)))) {
    throw new Error(`Plain rows of ${meta.className}: a filter value that is a list or an object.`);
  }
  return { text, sql: statement.sql, values: params };
}

// Where each value of a shape goes, or null when the shape cannot be kept (see PageStatement).
async function learnPlaces<Entity extends object>(
  em: EntityManager,
  meta: EntityMetadata<Entity>,
  selected: readonly string[],
  query: RowQuery<Entity>,
  marked: unknown,
  queryValues: readonly unknown[],
  built: { text: string; sql: string; values: readonly unknown[] },
): Promise<PageStatement | null> {
  const firm = await tenantFirm(em, meta);
  const markedBuild = await buildPage(em, meta, selected, {
    where: marked as FilterQuery<Entity>,
    orderBy: query.orderBy,
    limit: query.limit === undefined ? undefined : LIMIT_MARKER,
  });
  if (markedBuild.text !== built.text || markedBuild.sql !== built.sql) return null;
  const places: number[] = [];
  for (const value of markedBuild.values) {
    if (typeof value === 'string' && value.startsWith(VALUE_MARKER)) places.push(Number(value.slice(VALUE_MARKER.length)));
    else if (value === LIMIT_MARKER) places.push(LIMIT);
    else if (typeof firm === 'string' && value === firm) places.push(FIRM);
    else return null;
  }
  const values = bound(places, firm, query.limit, queryValues);
  const same = values.length === built.values.length && values.every((value, i) => sameValue(value, built.values[i]));
  return same ? { text: built.text, sql: built.sql, places } : null;
}

// A shape's bind values for one query: its values, the tenant firm and the limit in their places.
function bound(places: readonly number[], firm: unknown, limit: number | undefined, values: readonly unknown[]): unknown[] {
  return places.map((place) => (place === FIRM ? firm : place === LIMIT ? limit : values[place]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}

// The firm of the tenant filter, as em.find would add it: an error when the manager has none.
async function tenantFirm(em: EntityManager, meta: EntityMetadata): Promise<unknown> {
  const condition = (await em.applyFilters(meta.className, {}, undefined, 'read')) as { firm?: unknown } | undefined;
  return condition?.firm;
}

// The structure of a condition as text, its values (strings, numbers, booleans, Dates) pushed
// onto `values` in order; null for anything else (an entity, a reference, a raw fragment): such
// a query is built every time. Nulls stay in the shape: the ORM writes them as `is null`.
function shapeOfCondition(value: unknown, values: unknown[]): string | null {
  if (value === null) return 'N';
  if (value === undefined) return 'U';
  switch (typeof value) {
    case 'string':
      values.push(value);
      return 's';
    case 'number':
      values.push(value);
      return 'n';
    case 'boolean':
      values.push(value);
      return 'b';
    case 'object':
      break;
    default:
      return null;
  }
  if (value instanceof Date) {
    values.push(value);
    return 'd';
  }
  const parts: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const part = shapeOfCondition(item, values);
      if (part === null) return null;
      parts.push(part);
    }
    return `[${parts.join(',')}]`;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return null;
  if (Object.getOwnPropertySymbols(value).length > 0) return null;
  for (const [name, item] of Object.entries(value)) {
    const part = shapeOfCondition(item, values);
    if (part === null) return null;
    parts.push(`${JSON.stringify(name)}:${part}`);
  }
  return `{${parts.join(',')}}`;
}

// The same condition with every value (as shapeOfCondition finds them, in the same order) a marker.
function withMarkers(value: unknown, marker: () => string): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value !== 'object' || value instanceof Date) return marker();
  if (Array.isArray(value)) return value.map((item) => withMarkers(item, marker));
  return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, withMarkers(item, marker)]));
}

// The shapes of readRows, by entity and columns.
const shapes = new Map<string, RowShape>();

function shapeOf(meta: EntityMetadata, fields: readonly string[], platform: Platform, left: readonly string[]): RowShape {
  const key = `${meta.className}:${fields.join(',')}|${left.join(',')}`;
  let shape = shapes.get(key);
  if (!shape) {
    shape = rowShape(meta, fields, 0, platform, left);
    shapes.set(key, shape);
  }
  return shape;
}

// A loader's statement: `fields` of the rows whose `key` (the id or a many-to-one) is one of a
// batch of ids, in `orderBy` order (ascending). The SQL is written once from the metadata and
// sent with two bind values (the firm, the ids as one array) straight to pg (the driver's
// readArrays, src/config/direct-reads.ts), so a batch costs no query building. The firm is the
// tenant filter's own condition (what em.find would add), so a read without a firm fails as it
// does there.
//
// `along` brings, in the same statement, the row a many-to-one of each row points at (a left
// join on its id and the same firm): the many-to-one is then that whole row instead of { id }
// (which it still has), and the caller primes that row's loader with it. One round trip fewer
// where a read always goes on to the row pointed at (a scorecard's latest revision).
//
// `optional`: columns read only as the GraphQL field of the same name of the row's type (its
// class name), by nothing else. A query's read (`selected`: what its document asks, by type)
// leaves out those that no field of the document names: PostgreSQL sends less and pg decodes
// fewer strings (on the nested read, each rating's id, evidence and timestamps were most of its
// row). Such a row's left-out property throws when read, so a reader nobody declared fails loudly
// instead of seeing nothing. Without `selected` (mutations, internal reads), every column. The
// row along may have `optional` columns too: those read only by the fields of the same name of
// the row's own type (a scorecard's `summary` is its latest revision's).
export function rowsByKey<Entity extends object, Result, Along extends object = never>(
  entity: EntityClass<Entity>,
  fields: readonly (keyof Entity & string)[],
  key: keyof Entity & string,
  orderBy: readonly (keyof Entity & string)[] = [],
  along?: {
    ref: keyof Entity & string;
    entity: EntityClass<Along>;
    fields: readonly (keyof Along & string)[];
    optional?: readonly (keyof Along & string)[];
  },
  optional: readonly (keyof Entity & string)[] = [],
): (em: EntityManager, keys: readonly string[], selected?: Selection) => Promise<Result[]> {
  if (optional.includes(key) || (along && optional.includes(along.ref)) || along?.optional?.includes('id' as keyof Along & string))
    throw new Error('A key column is never optional.');
  const alongOptional: readonly string[] = along?.optional ?? [];
  const all = ['id', ...fields.filter((field) => field !== 'id')];
  // By the columns left out ('' for none).
  const statements = new Map<string, KeyedStatement>();
  return async (em, keys, selected) => {
    if (keys.length === 0) return [];
    const meta = em.getMetadata().get<Entity>(entity.name);
    const left = leftOut(optional, selected, meta.className);
    // The row along's optional columns are read by the fields of the owning row's type.
    const alongLeft = leftOut(alongOptional, selected, meta.className);
    const statementKey = `${left.join(',')}|${alongLeft.join(',')}`;
    let statement = statements.get(statementKey);
    if (!statement) {
      statement = keyedStatement(
        meta,
        all.filter((field) => !left.includes(field as keyof Entity & string)),
        key,
        orderBy,
        along && {
          ref: along.ref,
          meta: em.getMetadata().get<Along>(along.entity.name),
          fields: ['id', ...along.fields.filter((field) => field !== 'id' && !alongLeft.includes(field))],
          left: alongLeft,
        },
        em.getPlatform(),
        left,
      );
      // At most 2^(optional columns) statements per loader; the lists are short.
      statements.set(statementKey, statement);
    }
    const condition = (await em.applyFilters(meta.className, {}, undefined, 'read')) as { firm?: unknown } | undefined;
    if (typeof condition?.firm !== 'string') throw new Error(`Plain rows of ${meta.className} are read in one firm only.`);
    const rows = await directReads(em).readArrays(statement, [condition.firm, uuidArray(keys)], em.getTransactionContext());
    const { shape, along: alongShape } = statement;
    const results = new Array<Result>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = toRow(shape, rows[i]);
      if (alongShape) {
        const values = rows[i];
        (row as unknown as Record<string, unknown>)[alongShape.ref] =
          values[shape.fields.length] === null ? null : toRow(alongShape.shape, values);
      }
      results[i] = row as Result;
    }
    return results;
  };
}

// A module's own statement (`sql` with `?` placeholders, as em.execute takes it) on the read path,
// as the loaders' run: straight on pg with bind values, rows as arrays of its columns in order, on
// the request's transaction or read route. Saves em.execute's formatting of every value into the
// text and its result handling. The text must not carry values (it is kept, once per text), and no
// `?` may stand for anything but a placeholder.
export function readArrays(
  em: EntityManager,
  sql: string,
  params: readonly unknown[],
  options: { prepared?: boolean } = {},
): Promise<unknown[][]> {
  return directReads(em).readArrays(directStatement(sql, options.prepared === true), params, em.getTransactionContext());
}

// The same for a statement that writes (an insert of many rows from arrays): on the request's
// transaction if the manager has one, otherwise on the primary, never on a read replica.
// `prepared` as readArrays': for a statement whose plan does not depend on its values.
// `outsideTransaction`: on the primary on its own, whatever transaction the manager holds (what
// a fork of the manager would do, without the fork: the read audit writes so on every request).
export function writeArrays(
  em: EntityManager,
  sql: string,
  params: readonly unknown[],
  options: { prepared?: boolean; outsideTransaction?: boolean } = {},
): Promise<unknown[][]> {
  const transaction = options.outsideTransaction === true ? null : em.getTransactionContext();
  return directReads(em).writeArrays(directStatement(sql, options.prepared === true), params, transaction);
}

// The statements of readArrays and writeArrays in pg's form ($1, $2 …): a few texts, written by the code.
const directStatements = new Map<string, DirectStatement>();
const MAX_DIRECT_STATEMENTS = 500;

function directStatement(sql: string, prepared: boolean): DirectStatement {
  // Keyed by both: whether a text goes prepared is its caller's choice, not the first caller's.
  const key = prepared ? `prepared:${sql}` : sql;
  let statement = directStatements.get(key);
  if (!statement) {
    let number = 0;
    statement = { text: sql.replace(/\?/g, () => `$${++number}`), sql, prepared };
    if (directStatements.size >= MAX_DIRECT_STATEMENTS) directStatements.clear();
    directStatements.set(key, statement);
  }
  return statement;
}

// An entity's plain rows read in another statement (joined there under an alias), for a read that
// always goes on to those rows: no loader's round trip more. `columns(alias)` is their select list
// (the id first); `read(values, offset)` makes the row of a statement's array row whose columns from
// `offset` on are those, or null where the id is null (nothing joined). The rows are those of
// rowsByKey over the same fields.
export interface RowsAlong<Result> {
  columns(alias: string): string;
  read(values: unknown[], offset: number): Result | null;
}

export function rowsAlong<Entity extends object, Result>(
  entity: EntityClass<Entity>,
  fields: readonly (keyof Entity & string)[],
): (em: EntityManager) => RowsAlong<Result> {
  const selected = ['id', ...fields.filter((field) => field !== 'id')];
  // A shape per offset (its timestamps are accessors of the values at their index).
  const shapes = new Map<number, RowShape>();
  return (em) => {
    const meta = em.getMetadata().get<Entity>(entity.name);
    const column = (name: string) => `"${meta.properties[name as keyof typeof meta.properties].fieldNames[0]}"`;
    return {
      columns: (alias) => selected.map((field) => `${alias}.${column(field)}`).join(', '),
      read: (values, offset) => {
        if (values[offset] === null) return null;
        let shape = shapes.get(offset);
        if (!shape) {
          shape = rowShape(meta, selected, offset, em.getPlatform());
          shapes.set(offset, shape);
        }
        return toRow(shape, values) as Result;
      },
    };
  };
}

// What the driver offers the read path (src/config/direct-reads.ts, the ORM's driver).
interface DirectStatement {
  text: string;
  sql: string;
  prepared?: boolean;
  textArrays?: boolean;
}

interface DirectReads {
  readArrays(statement: DirectStatement, values: readonly unknown[], transaction: unknown): Promise<unknown[][]>;
  writeArrays(statement: DirectStatement, values: readonly unknown[], transaction: unknown): Promise<unknown[][]>;
}

function directReads(em: EntityManager): DirectReads {
  const driver = em.getDriver() as Partial<DirectReads>;
  if (typeof driver.readArrays !== 'function' || typeof driver.writeArrays !== 'function')
    throw new Error('Plain rows need the ORM options of src/config/orm.config.ts (its driver).');
  return driver as DirectReads;
}

// How a column becomes a row's property.
const enum Column {
  VALUE,
  // A many-to-one: { id }.
  REFERENCE,
  // A timestamp: parsed into a Date when first read (most answers show few of them).
  TIMESTAMP,
  // A text array: parsed when first read (the statements of rowsByKey and readRows leave it text).
  TEXT_ARRAY,
}

interface RowShape {
  // The row's properties, in the order of the statement's columns from `offset` on.
  fields: readonly string[];
  columns: readonly Column[];
  offset: number;
  RowClass: new () => PlainRow;
  // Whether a row keeps the statement's array (only its timestamps and text arrays read it later):
  // a row that does not (a rating of the nested read) leaves it to the next scavenge.
  keep: boolean;
}

// A row as read into the row type: many-to-ones as { id }, timestamps as Dates (when read).
function toRow(shape: RowShape, values: unknown[]): PlainRow {
  if (values.length < shape.offset + shape.fields.length) throw new Error(`A ${shape.RowClass.name} row of ${values.length} columns.`);
  const row = new shape.RowClass();
  if (shape.keep) PlainRow.keep(row, values);
  const { fields, columns, offset } = shape;
  for (let i = 0; i < fields.length; i++) {
    const column = columns[i];
    if (column === Column.TIMESTAMP || column === Column.TEXT_ARRAY) continue;
    const value = values[offset + i];
    (row as unknown as Record<string, unknown>)[fields[i]] = column === Column.REFERENCE && value !== null ? { id: value } : value;
  }
  return row;
}

function rowShape<Entity extends object>(
  meta: EntityMetadata<Entity>,
  fields: readonly string[],
  offset: number,
  platform: Platform,
  left: readonly string[] = [],
): RowShape {
  const property = (name: string) => meta.properties[name as keyof typeof meta.properties];
  const columns = fields.map((field) => {
    const { kind, runtimeType, columnTypes } = property(field);
    if (kind === ReferenceKind.MANY_TO_ONE || kind === ReferenceKind.ONE_TO_ONE) return Column.REFERENCE;
    if (columnTypes?.[0] === 'text[]') return Column.TEXT_ARRAY;
    // A SQL date (type 'date') stays the 'YYYY-MM-DD' text the ORM reads too.
    return runtimeType === 'Date' ? Column.TIMESTAMP : Column.VALUE;
  });
  // The timestamps as accessors of this shape's class (named after the type, as rowClass's).
  const Base = rowClass(meta.className);
  const named = { [meta.className]: class extends Base {} };
  const RowClass = named[meta.className];
  const parse = (text: string) => platform.parseDate(text);
  columns.forEach((column, i) => {
    if (column !== Column.TIMESTAMP && column !== Column.TEXT_ARRAY) return;
    const index = offset + i;
    Object.defineProperty(RowClass.prototype, fields[i], {
      get(this: PlainRow) {
        return column === Column.TIMESTAMP ? PlainRow.timestamp(this, index, parse) : PlainRow.textArray(this, index);
      },
      set(this: PlainRow, value: unknown) {
        PlainRow.setKept(this, index, value);
      },
      enumerable: true,
      configurable: true,
    });
  });
  for (const field of left) {
    Object.defineProperty(RowClass.prototype, field, {
      get() {
        throw new Error(`${meta.className}.${field} was not read: no field of the query asks for it (rowsByKey's optional columns).`);
      },
      configurable: true,
    });
  }
  const keep = columns.some((column) => column === Column.TIMESTAMP || column === Column.TEXT_ARRAY);
  return { fields, columns, offset, RowClass, keep };
}

function keyedStatement<Entity extends object>(
  meta: EntityMetadata<Entity>,
  fields: readonly string[],
  key: string,
  orderBy: readonly string[],
  along: { ref: string; meta: EntityMetadata; fields: readonly string[]; left: readonly string[] } | undefined,
  platform: Platform,
  left: readonly string[],
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
  const statement = (firm: string, keys: string) =>
    `select ${selected.join(', ')} from ${from}` +
    ` where ${own('firm')} = ${firm} and ${own(key)} = any(${keys}::uuid[])` +
    (orderBy.length > 0 ? ` order by ${orderBy.map((field) => `${own(field)} asc`).join(', ')}` : '');
  return {
    text: statement('$1', '$2'),
    sql: statement('?', '?'),
    // Rows by key: the same plan for any keys, so PostgreSQL may keep one (a generic plan).
    prepared: true,
    textArrays: true,
    shape: rowShape(meta, fields, 0, platform, left),
    // The joined row's columns follow the row's own; the first is its id.
    along: along && { ref: along.ref, shape: rowShape(along.meta, along.fields, fields.length, platform, along.left) },
  };
}

interface KeyedStatement {
  text: string;
  sql: string;
  prepared: true;
  textArrays: true;
  shape: RowShape;
  along?: { ref: string; shape: RowShape };
}
