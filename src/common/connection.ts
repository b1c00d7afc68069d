import { ArgsType, Extensions, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { EntityManager, FilterQuery, EntityName } from '@mikro-orm/postgresql';
import { badUserInput } from './errors';
import { readRows } from './rows';
import type { Selection } from './selection';

// The extension of a field whose value may be a promise (a plain field is otherwise read inline
// by compiled queries, which do not wait for it: server/direct-resolvers.ts).
export const PROMISED = 'promised';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, description: `How many items, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  after?: string | null;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  // Counted only when the query asks for it.
  readonly totalCount: Promise<number>;
}

// A Relay connection type named `${name}Connection`, with edges, nodes, pageInfo and totalCount.
export function ConnectionType<T extends object>(name: string, nodeType: ClassType<T>) {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field({ description: 'Opaque cursor: pass it as `after` to read on from here.' })
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => [nodeType])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    // A promise (counted only when asked): the field keeps a resolver (server/direct-resolvers.ts).
    @Extensions({ [PROMISED]: true })
    @Field(() => Int, { description: 'How many items the whole list holds.' })
    totalCount!: number;
  }
  return ConnectionClass;
}

// Checks `first`: out of range is an error the caller sees, never a silent cap.
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}.`, 'first');
  }
  return first;
}

type CursorValue = string | number | boolean | null;

// Cursors name their list, so a cursor of another list is refused instead of misread.
export function encodeCursor(list: string, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify([list, ...values]), 'utf8').toString('base64url');
}

export function decodeCursor(list: string, cursor: string, size: number, argumentName = 'after'): CursorValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed[0] !== list || parsed.length !== size + 1) {
    throw badUserInput(`${argumentName} is not a cursor of this list.`, argumentName);
  }
  return parsed.slice(1) as CursorValue[];
}

// An edge whose cursor is written when first read: most reads ask for none (the nested read, a
// sync's page), and writing each (the keys, a row's timestamp parsed, JSON, base64) was a good part
// of what building a page allocated.
class LazyEdge<T> implements Edge<T> {
  #cursor: string | undefined;
  readonly #cursorOf: (item: T) => string;

  constructor(
    readonly node: T,
    cursorOf: (item: T) => string,
  ) {
    this.#cursorOf = cursorOf;
  }

  get cursor(): string {
    return (this.#cursor ??= this.#cursorOf(this.node));
  }
}

export function toConnection<T>(
  items: T[],
  hasNextPage: boolean,
  hasPreviousPage: boolean,
  cursorOf: (item: T) => string,
  count: () => Promise<number>,
): Connection<T> {
  const edges = items.map((node) => new LazyEdge(node, cursorOf));
  let counted: Promise<number> | undefined;
  return {
    edges,
    nodes: items,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      get startCursor() {
        return edges[0]?.cursor ?? null;
      },
      get endCursor() {
        return edges.at(-1)?.cursor ?? null;
      },
    },
    get totalCount() {
      return (counted ??= count());
    },
  };
}

interface KeysetOptions<T> {
  // Names the list inside its cursors.
  list: string;
  // Sort keys; the last one must be unique (the id) so the order is total.
  keys: (keyof T & string)[];
  // Newest first: every key descending (default ascending).
  descending?: boolean;
  first?: number | null;
  after?: string | null;
  populate?: string[];
}

// Keyset pagination: each page continues strictly after the last row seen, so rows written
// meanwhile never make a page skip or repeat one.
export async function paginate<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  options: KeysetOptions<T>,
): Promise<Connection<T>> {
  const page = keysetPage(where, options);
  const rows = await em.find(entity, page.where, { orderBy: page.orderBy, limit: page.limit + 1, populate: options.populate as never });
  return page.connection(rows, () => em.count(entity, where));
}

// The same pages as plain rows (common/rows.ts): `fields` of each, for lists that only show them.
export async function paginateRows<T extends object, Result extends Partial<Record<keyof T, unknown>>>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  fields: readonly (keyof T & string)[],
  options: Omit<KeysetOptions<T>, 'populate'> & {
    // Columns read only as the row type's GraphQL field of the same name, left out when the
    // query names no such field (readRows); the page's keys are always read (the cursor).
    optional?: readonly (keyof T & string)[];
    selected?: Selection;
  },
): Promise<Connection<Result>> {
  const page = keysetPage(where, options);
  const optional = options.optional?.filter((field) => !options.keys.includes(field));
  const rows = await readRows<T, Result>(
    em,
    entity,
    fields,
    { where: page.where, orderBy: page.orderBy, limit: page.limit + 1 },
    { optional, selected: options.selected },
  );
  return page.connection(rows, () => em.count(entity, where));
}

function keysetPage<T extends object>(where: FilterQuery<T>, options: KeysetOptions<T>) {
  const limit = pageSize(options.first);
  const conditions: FilterQuery<T>[] = [where];
  if (options.after) {
    const values = decodeCursor(options.list, options.after, options.keys.length);
    conditions.push(afterKeyset(options.keys, values, options.descending ? '$lt' : '$gt') as FilterQuery<T>);
  }
  const orderBy = Object.fromEntries(options.keys.map((key) => [key, options.descending ? 'desc' : 'asc'])) as never;
  return {
    where: { $and: conditions } as FilterQuery<T>,
    orderBy,
    limit,
    connection<Item extends Partial<Record<keyof T, unknown>>>(rows: Item[], count: () => Promise<number>): Connection<Item> {
      const items = rows.slice(0, limit);
      return toConnection(
        items,
        rows.length > limit,
        Boolean(options.after),
        (item) =>
          encodeCursor(
            options.list,
            options.keys.map((key) => cursorValue(item[key])),
          ),
        count,
      );
    },
  };
}

function cursorValue(value: unknown): CursorValue {
  if (value instanceof Date) return value.toISOString();
  return value as CursorValue;
}

// (k1 > v1) OR (k1 = v1 AND k2 > v2) OR … (with < when descending)
function afterKeyset(keys: string[], values: CursorValue[], beyond: '$gt' | '$lt'): Record<string, unknown> {
  return {
    $or: keys.map((key, index) => {
      const condition: Record<string, unknown> = {};
      keys.slice(0, index).forEach((equalKey, equalIndex) => (condition[equalKey] = values[equalIndex]));
      condition[key] = { [beyond]: values[index] };
      return condition;
    }),
  };
}
