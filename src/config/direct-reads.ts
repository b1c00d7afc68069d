import { PostgreSqlDriver, type Knex, type PostgreSqlConnection } from '@mikro-orm/postgresql';
import pg from 'pg';

// The plain-row read path's statements (src/common/rows.ts) run straight on the `pg` client under
// the ORM's knex pool: written once per loader, sent with bind values, rows as arrays. Through
// em.execute each batch paid knex's query building, MikroORM's formatting of every value into
// the text and its result handling, which led the nested read's profile after the entities had
// gone. What stays the ORM's: the pool, the connection a read belongs on (the request's
// transaction, or the read route: read replicas, src/config/replicas.ts), its errors
// (DriverException), and knex's `query` event, which the metrics and the tests count statements by.

// A statement, as sent (`text`, with $1, $2 …) and as the `query` event shows it (`sql`, with `?`
// placeholders and the values as `bindings`, like the ORM's own statements: what a test can run again).
export interface DirectStatement {
  readonly text: string;
  readonly sql: string;
  // Prepared once per connection (see preparedName): only for statements whose generic plan is as
  // good as any, e.g. rows by key; a page's plan depends on its values (test/helpers/plans.ts checks both).
  readonly prepared?: boolean;
  // Text arrays (text[]) come back as PostgreSQL wrote them, for the caller to parse when read
  // (the plain rows' accessors: most answers show none of them).
  readonly textArrays?: boolean;
}

interface TypeParsers {
  getTypeParser(oid: number, format?: string): (value: string) => unknown;
}

interface PgClient extends TypeParsers {
  __knexUid?: string;
  __knexTxId?: string;
  query(query: ArrayRowsQuery): void;
}

// What ArrayRowsQuery uses of pg's Query (pg 8): its result's type parsers and rows, and the
// error a row's parser threw (reported when the statement ends, as pg does).
interface QueryInternals {
  _result: { fields: unknown[]; _parsers?: ((text: string) => unknown)[]; _types: TypeParsers; rows: unknown[][] };
  _canceledDueToError: unknown;
}

// pg's Query with rows as arrays, each the array pg's protocol parser made of the row's message,
// its values parsed in place. pg's own array mode copies every row into a second array and emits
// a 'row' event per row (an arguments array each), and builds an object of the column names per
// statement: on the nested read's ~1,000 rows, a tenth of what pg allocated. Nothing listens to
// 'row' here; the callback gets the rows when the statement ends, as before.
class ArrayRowsQuery extends pg.Query {
  constructor(
    config: { name: string | undefined; text: string; values: readonly unknown[]; types: TypeParsers | undefined },
    callback: (error: Error | undefined, result: { rows: unknown[][] }) => void,
  ) {
    // One shape of config for every statement (a spread of varying ones made pg's constructor
    // about 30 times slower in a micro-benchmark).
    const { name, text, values, types } = config;
    super({ name, text, values: values as unknown[], rowMode: 'array', types } as pg.QueryConfig, callback as never);
  }

  // One statement per query (the extended protocol): one row description.
  handleRowDescription(message: { fields: { dataTypeID: number; format?: string }[] }): void {
    const result = (this as unknown as QueryInternals)._result;
    result.fields = message.fields;
    result._parsers = message.fields.map((field) => result._types.getTypeParser(field.dataTypeID, field.format ?? 'text'));
  }

  handleDataRow(message: { fields: unknown[] }): void {
    const query = this as unknown as QueryInternals;
    if (query._canceledDueToError) return;
    const values = message.fields;
    const parsers = query._result._parsers!;
    try {
      for (let i = 0; i < values.length; i++) {
        const value = values[i];
        if (value !== null) values[i] = parsers[i](value as string);
      }
    } catch (error) {
      query._canceledDueToError = error;
      return;
    }
    query._result.rows.push(values);
  }
}

function runArrays(connection: PgClient, config: ConstructorParameters<typeof ArrayRowsQuery>[0]): Promise<unknown[][]> {
  return new Promise((resolve, reject) => {
    connection.query(
      new ArrayRowsQuery(config, (error, result) => {
        if (!error) return resolve(result.rows);
        // As pg's promise does: a stack that leads back here rather than to the socket's read.
        Error.captureStackTrace(error);
        reject(error);
      }),
    );
  });
}

// A prepared statement's text is prepared once per connection under a name of its own, so
// PostgreSQL parses it once and, once its plan cache finds a generic plan no dearer than the
// custom ones, stops planning it (plan_cache_mode auto). Names are never reused for another text;
// past the cap new texts go unnamed, so a process keeps a bounded number of prepared statements.
const preparedNames = new Map<string, string>();
const MAX_PREPARED = 1000;
let preparedCount = 0;

function preparedName(text: string): string | undefined {
  let name = preparedNames.get(text);
  if (name === undefined && preparedNames.size < MAX_PREPARED) {
    name = `oi_${++preparedCount}`;
    preparedNames.set(text, name);
  }
  return name;
}

// A migration that changed the type of a column under a prepared statement (a deploy, while this
// process still runs): PostgreSQL refuses the statement on every connection that prepared it. The
// text takes a new name, so each connection prepares it afresh; the old one goes with its connection.
function isStalePlan(error: unknown): boolean {
  return (error as { code?: unknown }).code === '0A000' && /cached plan must not change result type/.test(String(error));
}

function renamePrepared(text: string): void {
  if (preparedNames.has(text)) preparedNames.set(text, `oi_${++preparedCount}`);
}

const TEXT_ARRAY_OID = 1009;
const asText = (value: string) => value;
// Per connection: its own parsers, but text arrays as text.
const textArrayParsers = new WeakMap<PgClient, TypeParsers>();

function withTextArrays(connection: PgClient): TypeParsers {
  let parsers = textArrayParsers.get(connection);
  if (!parsers) {
    parsers = { getTypeParser: (oid, format) => (oid === TEXT_ARRAY_OID ? asText : connection.getTypeParser(oid, format)) };
    textArrayParsers.set(connection, parsers);
  }
  return parsers;
}

export class DirectReadsDriver extends PostgreSqlDriver {
  // The rows of a read, each an array of the statement's columns in order. Inside a transaction
  // (`transaction`: the entity manager's context) on its connection; otherwise where the request
  // reads from.
  readArrays(statement: DirectStatement, values: readonly unknown[], transaction?: Knex.Transaction | null): Promise<unknown[][]> {
    const read = transaction
      ? arraysWith(transaction.client, statement, values, transaction)
      : this.readArraysOn(this.getConnection('read'), statement, values);
    return this.rethrow(read);
  }

  // A statement that writes (with its own bind values, as readArrays): inside a transaction on its
  // connection, otherwise on the primary, never on a read replica.
  writeArrays(statement: DirectStatement, values: readonly unknown[], transaction?: Knex.Transaction | null): Promise<unknown[][]> {
    const client = transaction ? transaction.client : this.getConnection('write').getKnex().client;
    return this.rethrow(arraysWith(client, statement, values, transaction ?? null));
  }

  // Overridden where a connection may fail over to another (read replicas).
  protected readArraysOn(connection: PostgreSqlConnection, statement: DirectStatement, values: readonly unknown[]): Promise<unknown[][]> {
    return arraysWith(connection.getKnex().client, statement, values, null);
  }
}

async function arraysWith(
  client: Knex.Client,
  statement: DirectStatement,
  values: readonly unknown[],
  transaction: Knex.Transaction | null,
): Promise<unknown[][]> {
  // A transaction's client always hands out the transaction's connection (and takes nothing back).
  const connection = (await client.acquireConnection()) as PgClient;
  try {
    // As knex refuses it: a statement on a transaction that has ended would run outside it.
    if (transaction?.isCompleted()) throw new Error('Transaction query already complete');
    client.emit('query', {
      __knexUid: connection.__knexUid,
      __knexTxId: connection.__knexTxId,
      method: 'raw',
      sql: statement.sql,
      bindings: values,
      prepared: statement.prepared === true,
    });
    const run = () =>
      runArrays(connection, {
        name: statement.prepared ? preparedName(statement.text) : undefined,
        text: statement.text,
        values,
        types: statement.textArrays ? withTextArrays(connection) : undefined,
      });
    try {
      return await run();
    } catch (error) {
      if (!statement.prepared || !isStalePlan(error)) throw error;
      renamePrepared(statement.text);
      // Inside a transaction the statement's failure has ended it: the next one runs on the new name.
      if (transaction) throw error;
      return await run();
    }
  } catch (error) {
    // Which statement failed, as knex says it (without the values: a search term is personal data).
    if (error instanceof Error) error.message = `${statement.sql} - ${error.message}`;
    throw error;
  } finally {
    void client.releaseConnection(connection);
  }
}
