import { randomUUID } from 'node:crypto';
import { parse } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ApiKeyScope } from '../../src/common/access';
import { deleteIdempotentResponsesAbout, purgeExpiredIdempotencyKeys } from '../../src/modules/idempotency';
import { localIdOf } from '../../src/common/global-id';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient, type GraphQLResponse } from '../helpers/graphql-client';
import { auditRowsOf, newRequestId, requestHeaders } from '../helpers/audit-fixtures';
import { CandidatesDocument, CreateCandidateDocument, type CreateCandidateInput, type CreateCandidateMutation } from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
});
afterAll(() => app.close());

// A candidate whose last name is unique to the test, so rows can be counted exactly.
function candidateInput(marker: string, extra: Partial<CreateCandidateInput> = {}): CreateCandidateInput {
  return { firstName: 'Ingrid', lastName: marker, ...extra };
}

function create(caller: GraphQLClient, input: CreateCandidateInput, key?: string): Promise<GraphQLResponse<CreateCandidateMutation>> {
  return caller.request(CreateCandidateDocument, { input }, key === undefined ? {} : { 'Idempotency-Key': key });
}

async function count(sql: string, params: unknown[]): Promise<number> {
  const [row] = await app.em().getConnection().execute(`select count(*)::int as n from (${sql}) counted`, params);
  return row.n;
}

const candidatesNamed = (lastName: string) => count('select 1 from candidate where last_name = ?', [lastName]);
const storedKeys = (key: string) => count('select 1 from idempotency_key where key = ?', [key]);

// The shape of every statement the server ran while `work` ran: literals become ?, so the same
// statement with other values compares equal.
async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const knex = app.orm.em.getConnection().getKnex();
  const statements: string[] = [];
  const onQuery = (query: { sql: string }) =>
    statements.push(
      query.sql
        .replace(/'(?:[^']|'')*'/g, '?')
        .replace(/\btrx\d+/g, 'trx')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  knex.on('query', onQuery);
  try {
    await work();
  } finally {
    knex.removeListener('query', onQuery);
  }
  return statements;
}

const writes = (statements: string[]) => statements.filter((sql) => /^(insert|update|delete)\b/i.test(sql));

describe('Idempotency-Key on mutations', () => {
  it('should answer a retry with the first response, byte for byte, and write nothing more', async () => {
    const marker = `retry-${randomUUID()}`;
    const key = randomUUID();
    const first = await create(nordlys.asRecruiter, candidateInput(marker), key);
    expect(first.status).toBe(200);
    expect(first.data?.createCandidate.userErrors).toEqual([]);
    expect(first.headers.get('idempotent-replayed')).toBeNull();

    let retry!: GraphQLResponse<CreateCandidateMutation>;
    const statements = await statementsDuring(async () => {
      retry = await create(nordlys.asRecruiter, candidateInput(marker), key);
    });
    expect(retry.status).toBe(200);
    expect(retry.raw).toBe(first.raw);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(writes(statements)).toEqual([]);
    expect(await candidatesNamed(marker)).toBe(1);
    expect(await storedKeys(key)).toBe(1);

    // Variables serialised in another key order are the same request.
    const reordered = await nordlys.asRecruiter.request(
      CreateCandidateDocument,
      { input: { lastName: marker, firstName: 'Ingrid' } },
      { 'Idempotency-Key': key },
    );
    expect(reordered.raw).toBe(first.raw);
    expect(await candidatesNamed(marker)).toBe(1);
  });

  it('should refuse the same key with a different request (HTTP 422) and write nothing', async () => {
    const key = randomUUID();
    const marker = `reuse-${randomUUID()}`;
    await create(nordlys.asRecruiter, candidateInput(marker), key);

    const other = `reuse-other-${randomUUID()}`;
    let reused!: GraphQLResponse<CreateCandidateMutation>;
    const statements = await statementsDuring(async () => {
      reused = await create(nordlys.asRecruiter, candidateInput(other), key);
    });
    expect(reused.status).toBe(422);
    expect(reused.data).toBeNull();
    expect(reused.errors).toEqual([
      {
        message:
          'This Idempotency-Key was already used for a different request (another query, operation name or variables). Use a new key for a new request.',
        extensions: { code: 'IDEMPOTENCY_KEY_REUSED' },
      },
    ]);
    expect(writes(statements)).toEqual([]);
    expect(await candidatesNamed(other)).toBe(0);
    expect(await candidatesNamed(marker)).toBe(1);

    // Another operation text with the same variables is another request too.
    const renamed = parse(`mutation Renamed($input: CreateCandidateInput!) { createCandidate(input: $input) { userErrors { code } } }`);
    const byName = await nordlys.asRecruiter.request(
      renamed as TypedDocumentNode<unknown, { input: CreateCandidateInput }>,
      { input: candidateInput(marker) },
      { 'Idempotency-Key': key },
    );
    expect([byName.status, errorCodes(byName)]).toEqual([422, ['IDEMPOTENCY_KEY_REUSED']]);
    expect(await candidatesNamed(marker)).toBe(1);
  });

  it('should keep the keys of different principals and firms apart', async () => {
    const key = `shared-${randomUUID()}`;
    const marker = `principals-${randomUUID()}`;
    const { client: apiKey } = await nordlys.apiKey([ApiKeyScope.CANDIDATES_WRITE, ApiKeyScope.CANDIDATES_READ]);
    const callers = [nordlys.asRecruiter, nordlys.asAdmin, apiKey, fjellvik.asRecruiter];
    const responses = [];
    for (const caller of callers) responses.push(await create(caller, candidateInput(marker), key));
    for (const response of responses) {
      expect([response.status, response.data?.createCandidate.userErrors, response.headers.get('idempotent-replayed')]).toEqual([
        200,
        [],
        null,
      ]);
    }
    const ids = responses.map((response) => response.data!.createCandidate.candidate!.id);
    expect(new Set(ids).size).toBe(4);
    expect(await candidatesNamed(marker)).toBe(4);
    expect(await storedKeys(key)).toBe(4);
    const principals: { principal: string }[] = await app
      .em()
      .getConnection()
      .execute('select principal from idempotency_key where key = ? order by principal', [key]);
    expect(principals).toHaveLength(4);
    expect(principals.map((row) => row.principal.split(':')[0]).sort()).toEqual(['api-key', 'user', 'user', 'user']);
  });

  it('should run 10 concurrent identical requests once and give all of them the same response', async () => {
    const key = randomUUID();
    const marker = `concurrent-${randomUUID()}`;
    const responses = await Promise.all(Array.from({ length: 10 }, () => create(nordlys.asRecruiter, candidateInput(marker), key)));
    expect(await candidatesNamed(marker)).toBe(1);
    expect(await storedKeys(key)).toBe(1);
    expect(new Set(responses.map((response) => response.raw)).size).toBe(1);
    expect(responses.map((response) => response.status)).toEqual(Array(10).fill(200));
    expect(responses[0].data?.createCandidate.userErrors).toEqual([]);
    expect(responses.filter((response) => response.headers.get('idempotent-replayed') === null)).toHaveLength(1);
  });

  it('should store and replay a response with user errors, without running the mutation again', async () => {
    const ref = `gh-${randomUUID()}`;
    const holder = await create(
      nordlys.asRecruiter,
      candidateInput(`holder-${randomUUID()}`, { externalRefs: [{ system: 'greenhouse', externalId: ref }] }),
    );
    expect(holder.data?.createCandidate.userErrors).toEqual([]);

    const key = randomUUID();
    const marker = `user-error-${randomUUID()}`;
    const input = candidateInput(marker, { externalRefs: [{ system: 'greenhouse', externalId: ref }] });
    const first = await create(nordlys.asRecruiter, input, key);
    expect(first.status).toBe(200);
    expect(first.data?.createCandidate).toEqual({
      candidate: null,
      userErrors: [
        {
          code: 'ALREADY_EXISTS',
          field: ['input', 'externalRefs', '0', 'externalId'],
          message: `Another candidate already has external id "${ref}" in greenhouse.`,
        },
      ],
    });

    // Even once the ref is free, the retry gets the first answer: the key is used up.
    await app.em().getConnection().execute('delete from candidate_external_ref where external_id = ?', [ref]);
    const retry = await create(nordlys.asRecruiter, input, key);
    expect(retry.raw).toBe(first.raw);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await candidatesNamed(marker)).toBe(0);
  });

  it('should roll back only the failed mutation field of a keyed operation, and keep the rest (savepoints)', async () => {
    // A unique violation raised by PostgreSQL inside the second field: the service turns it into
    // a user error; the savepoint must leave the request's transaction usable for the third field.
    const refused = `db-refused-${randomUUID()}`;
    const connection = app.em().getConnection();
    await connection.execute(`create or replace function test_refuse_ref() returns trigger language plpgsql as $$
      begin
        if new.external_id like 'db-refused-%' then raise exception 'taken' using errcode = 'unique_violation'; end if;
        return new;
      end $$`);
    await connection.execute(
      'create trigger test_refuse_ref before insert on candidate_external_ref for each row execute function test_refuse_ref()',
    );
    try {
      const marker = `savepoint-${randomUUID()}`;
      const document = parse(`mutation Three($a: CreateCandidateInput!, $b: CreateCandidateInput!, $c: CreateCandidateInput!) {
        a: createCandidate(input: $a) { candidate { lastName } userErrors { code } }
        b: createCandidate(input: $b) { candidate { lastName } userErrors { code } }
        c: createCandidate(input: $c) { candidate { lastName } userErrors { code } }
      }`) as TypedDocumentNode<Record<string, unknown>, Record<string, CreateCandidateInput>>;
      const variables = {
        a: candidateInput(`${marker}-a`),
        b: candidateInput(`${marker}-b`, { externalRefs: [{ system: 'greenhouse', externalId: refused }] }),
        c: candidateInput(`${marker}-c`),
      };
      const key = randomUUID();
      const first = await nordlys.asRecruiter.request(document, variables, { 'Idempotency-Key': key });
      expect(first.status).toBe(200);
      expect(first.data).toEqual({
        a: { candidate: { lastName: `${marker}-a` }, userErrors: [] },
        b: { candidate: null, userErrors: [{ code: 'ALREADY_EXISTS' }] },
        c: { candidate: { lastName: `${marker}-c` }, userErrors: [] },
      });
      expect([await candidatesNamed(`${marker}-a`), await candidatesNamed(`${marker}-b`), await candidatesNamed(`${marker}-c`)]).toEqual([
        1, 0, 1,
      ]);
      const retry = await nordlys.asRecruiter.request(document, variables, { 'Idempotency-Key': key });
      expect(retry.raw).toBe(first.raw);
      expect([await candidatesNamed(`${marker}-a`), await candidatesNamed(`${marker}-c`)]).toEqual([1, 1]);
    } finally {
      await connection.execute('drop trigger test_refuse_ref on candidate_external_ref');
      await connection.execute('drop function test_refuse_ref()');
    }
  });

  it('should roll back a keyed mutation whose execution fails, store no key, and run it on the retry', async () => {
    const marker = `explodes-${randomUUID()}`;
    const connection = app.em().getConnection();
    await connection.execute(`create or replace function test_explode() returns trigger language plpgsql as $$
      begin
        if new.last_name like 'explodes-%' then raise exception 'boom'; end if;
        return new;
      end $$`);
    await connection.execute('create trigger test_explode before insert on candidate for each row execute function test_explode()');
    const key = randomUUID();
    // The first field succeeds, the second fails: with a key the whole request is all or nothing.
    const document = parse(`mutation Two($a: CreateCandidateInput!, $b: CreateCandidateInput!) {
      a: createCandidate(input: $a) { candidate { lastName } userErrors { code } }
      b: createCandidate(input: $b) { candidate { lastName } userErrors { code } }
    }`) as TypedDocumentNode<Record<string, unknown>, Record<string, CreateCandidateInput>>;
    const variables = { a: candidateInput(`fine-${marker}`), b: candidateInput(marker) };
    let failed!: GraphQLResponse<Record<string, unknown>>;
    try {
      failed = await nordlys.asRecruiter.request(document, variables, { 'Idempotency-Key': key });
    } finally {
      await connection.execute('drop trigger test_explode on candidate');
      await connection.execute('drop function test_explode()');
    }
    expect(failed.data).toBeNull();
    expect(errorCodes(failed)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(failed.raw).not.toMatch(/boom|trigger|insert/i);
    expect(await candidatesNamed(`fine-${marker}`)).toBe(0);
    expect(await storedKeys(key)).toBe(0);

    const retry = await nordlys.asRecruiter.request(document, variables, { 'Idempotency-Key': key });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.data).toEqual({
      a: { candidate: { lastName: `fine-${marker}` }, userErrors: [] },
      b: { candidate: { lastName: marker }, userErrors: [] },
    });
    expect([await candidatesNamed(`fine-${marker}`), await candidatesNamed(marker), await storedKeys(key)]).toEqual([1, 1, 1]);
  });

  it('should ignore the header on queries, valid or not, and run no extra SQL for it', async () => {
    const plain = await statementsDuring(() => nordlys.asRecruiter.request(CandidatesDocument, { first: 5 }));
    const valid = randomUUID();
    for (const key of [valid, 'not valid: has spaces']) {
      let response!: GraphQLResponse<unknown>;
      const keyed = await statementsDuring(async () => {
        response = await nordlys.asRecruiter.request(CandidatesDocument, { first: 5 }, { 'Idempotency-Key': key });
      });
      expect([response.status, response.errors]).toEqual([200, undefined]);
      expect(keyed).toEqual(plain);
    }
    expect(await storedKeys(valid)).toBe(0);
  });

  it('should refuse a malformed key with HTTP 400 and a clear message, and write nothing', async () => {
    const marker = `bad-key-${randomUUID()}`;
    for (const key of ['', 'has a space', 'a'.repeat(256), 'clé']) {
      let response!: GraphQLResponse<CreateCandidateMutation>;
      const statements = await statementsDuring(async () => {
        response = await create(nordlys.asRecruiter, candidateInput(marker), key);
      });
      expect(response.status).toBe(400);
      expect(response.errors).toEqual([
        {
          message: 'The Idempotency-Key header must be 1 to 255 visible ASCII characters (no spaces), e.g. a UUID.',
          extensions: { code: 'IDEMPOTENCY_KEY_INVALID' },
        },
      ]);
      expect(writes(statements)).toEqual([]);
    }
    expect(await candidatesNamed(marker)).toBe(0);

    const longest = `${'k'.repeat(254)}~`;
    const accepted = await create(nordlys.asRecruiter, candidateInput(marker), longest);
    expect([accepted.status, accepted.data?.createCandidate.userErrors]).toEqual([200, []]);
    expect(await storedKeys(longest)).toBe(1);
  });

  it('should forget a key after 24 hours: the request runs again, and expired keys are purged', async () => {
    const key = randomUUID();
    const marker = `expiry-${randomUUID()}`;
    const first = await create(nordlys.asRecruiter, candidateInput(marker), key);
    const connection = app.em().getConnection();
    // Still inside the 24 hours: replayed.
    await connection.execute(
      `update idempotency_key set created_at = now() - interval '23 hours 59 minutes', expires_at = now() + interval '1 minute' where key = ?`,
      [key],
    );
    expect((await create(nordlys.asRecruiter, candidateInput(marker), key)).raw).toBe(first.raw);
    expect(await candidatesNamed(marker)).toBe(1);

    await connection.execute(
      `update idempotency_key set created_at = now() - interval '25 hours', expires_at = now() - interval '1 hour' where key = ?`,
      [key],
    );
    const again = await create(nordlys.asRecruiter, candidateInput(marker), key);
    expect([again.status, again.headers.get('idempotent-replayed'), again.data?.createCandidate.userErrors]).toEqual([200, null, []]);
    expect(again.raw).not.toBe(first.raw);
    expect(await candidatesNamed(marker)).toBe(2);
    // The expired row was replaced by the new response, which is live for 24 hours.
    const [row] = await connection.execute(
      `select count(*)::int as n, bool_and(expires_at between now() + interval '23 hours 59 minutes' and now() + interval '24 hours') as live from idempotency_key where key = ?`,
      [key],
    );
    expect(row).toEqual({ n: 1, live: true });

    // The purge deletes expired rows only.
    const stale = `stale-${randomUUID()}`;
    await create(nordlys.asRecruiter, candidateInput(`${marker}-stale`), stale);
    await connection.execute(`update idempotency_key set expires_at = now() - interval '1 second' where key = ?`, [stale]);
    const expiredBefore = await count('select 1 from idempotency_key where expires_at <= now()', []);
    expect(expiredBefore).toBeGreaterThanOrEqual(1);
    expect(await purgeExpiredIdempotencyKeys(app.em())).toBe(expiredBefore);
    expect([await storedKeys(stale), await storedKeys(key)]).toEqual([0, 1]);
  });

  it('should run no idempotency SQL without the header, and exactly lock, look-up and store with it', async () => {
    const plain = await statementsDuring(() => create(nordlys.asRecruiter, candidateInput(`plain-${randomUUID()}`)));
    expect(plain.filter((sql) => /idempotency|advisory/i.test(sql))).toEqual([]);
    const keyed = await statementsDuring(() => create(nordlys.asRecruiter, candidateInput(`keyed-${randomUUID()}`), randomUUID()));
    const extra = [...keyed];
    for (const sql of plain) if (extra.includes(sql)) extra.splice(extra.indexOf(sql), 1);
    expect(extra.map((sql) => sql.slice(0, 60))).toEqual([
      'select set_config(?, ?, true), pg_advisory_xact_lock(hashtex',
      'select "request_hash", "response_body", "response_status", "',
      // runMutation's transaction nests as a savepoint inside the request's transaction.
      'SAVEPOINT trx;',
      'RELEASE SAVEPOINT trx;',
      'insert into "idempotency_key" ("id", "created_at", "updated_',
    ]);
    expect(keyed.filter((sql) => /^(BEGIN|COMMIT)/.test(sql))).toEqual(['BEGIN;', 'COMMIT;']);
  });

  it('should ignore the header on anonymous mutations (login): there is no principal to keep it for', async () => {
    const key = randomUUID();
    const login = parse(`mutation Login($input: LoginInput!) { login(input: $input) { userErrors { code } } }`) as TypedDocumentNode<
      unknown,
      Record<string, unknown>
    >;
    const response = await app
      .anonymous()
      .request(login, { input: { email: nordlys.recruiter.email, password: 'wrong password' } }, { 'Idempotency-Key': key });
    expect([response.status, response.data]).toEqual([200, { login: { userErrors: [{ code: 'INVALID_CREDENTIALS' }] } }]);
    expect(await storedKeys(key)).toBe(0);
  });

  it('should record what a stored response is about: the rows its values were read from, though it shows no id', async () => {
    const lastName = `Subjects-${randomUUID()}`;
    const key = randomUUID();
    const noIds = parse(
      `mutation ($input: CreateCandidateInput!) { createCandidate(input: $input) { candidate { lastName externalRefs { externalId } } } }`,
    ) as TypedDocumentNode<unknown, { input: CreateCandidateInput }>;
    const response = await nordlys.asRecruiter.request(
      noIds,
      { input: candidateInput(lastName, { externalRefs: [{ system: 'greenhouse', externalId: `ats-${lastName}` }] }) },
      { 'Idempotency-Key': key },
    );
    expect(response.data).toEqual({ createCandidate: { candidate: { lastName, externalRefs: [{ externalId: `ats-${lastName}` }] } } });
    const [candidate]: { id: string }[] = await app
      .em()
      .getConnection()
      .execute('select id from candidate where last_name = ?', [lastName]);
    const [ref]: { id: string }[] = await app
      .em()
      .getConnection()
      .execute('select id from candidate_external_ref where candidate_id = ?', [candidate.id]);
    const [row]: { subject_ids: string[] }[] = await app
      .em()
      .getConnection()
      .execute('select subject_ids from idempotency_key where key = ?', [key]);
    // The candidate and its ref, and what they refer to (the firm): never anything else.
    expect(row.subject_ids).toEqual([candidate.id, ref.id, nordlys.firm.id].sort());
  });

  it('should delete the stored responses about the given rows and those not known to be about anything, in the firm only', async () => {
    const marker = `about-${randomUUID()}`;
    const [nordlysKey, fjellvikKey, otherKey] = [randomUUID(), randomUUID(), randomUUID()];
    const first = await create(nordlys.asRecruiter, candidateInput(marker), nordlysKey);
    await create(fjellvik.asRecruiter, candidateInput(marker), fjellvikKey);
    await create(nordlys.asRecruiter, candidateInput(`${marker}-other`), otherKey);
    const candidateId = localIdOf(first.data!.createCandidate.candidate!.id, 'Candidate')!;
    // Stored before responses recorded what they are about.
    const unknownKeys = [randomUUID(), randomUUID()];
    for (const [firm, key] of [
      [nordlys, unknownKeys[0]],
      [fjellvik, unknownKeys[1]],
    ] as const) {
      await app
        .em()
        .getConnection()
        .execute(
          `insert into idempotency_key (id, created_at, updated_at, firm_id, principal, key, request_hash, response_body, response_status, expires_at)
           values (gen_random_uuid(), now(), now(), ?, 'user:test', ?, 'hash', '{"data":{}}', 200, now() + interval '1 day')`,
          [firm.firm.id, key],
        );
    }
    expect(await deleteIdempotentResponsesAbout(app.em(), nordlys.firm.id, [randomUUID()])).toBe(1);
    expect(await storedKeys(unknownKeys[0])).toBe(0);
    expect(await deleteIdempotentResponsesAbout(app.em(), nordlys.firm.id, [randomUUID(), candidateId])).toBe(1);
    expect(await Promise.all([nordlysKey, fjellvikKey, otherKey, unknownKeys[1]].map(storedKeys))).toEqual([0, 1, 1, 1]);
    expect(await deleteIdempotentResponsesAbout(app.em(), nordlys.firm.id, [])).toBe(0);
  });

  it('should answer 503 and keep nothing when the commit itself fails: nothing is acknowledged that is not committed', async () => {
    // A deferred constraint trigger fails at COMMIT, after the mutation and the stored response were written.
    const connection = app.em().getConnection();
    await connection.execute(`create or replace function test_fail_commit() returns trigger language plpgsql as $$
      begin
        if new.key like 'fail-commit-%' then raise exception 'no commit'; end if;
        return new;
      end $$`);
    await connection.execute(`create constraint trigger test_fail_commit after insert on idempotency_key
      deferrable initially deferred for each row execute function test_fail_commit()`);
    const key = `fail-commit-${randomUUID()}`;
    const marker = `uncommitted-${randomUUID()}`;
    let failed!: GraphQLResponse<CreateCandidateMutation>;
    try {
      failed = await create(nordlys.asRecruiter, candidateInput(marker), key);
    } finally {
      await connection.execute('drop trigger test_fail_commit on idempotency_key');
      await connection.execute('drop function test_fail_commit()');
    }
    expect(failed.status).toBe(503);
    expect(failed.data).toBeNull();
    expect(failed.errors).toEqual([
      {
        message:
          'The change could not be confirmed as saved. Retry with the same Idempotency-Key: it returns the result if it was saved, or makes the change now.',
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: failed.headers.get('x-request-id') },
      },
    ]);
    expect([await candidatesNamed(marker), await storedKeys(key)]).toEqual([0, 0]);

    const retry = await create(nordlys.asRecruiter, candidateInput(marker), key);
    expect([retry.status, retry.headers.get('idempotent-replayed'), retry.data?.createCandidate.userErrors]).toEqual([200, null, []]);
    expect([await candidatesNamed(marker), await storedKeys(key)]).toEqual([1, 1]);
  });
  // A replay runs no resolver, yet hands out the same personal data again: the reads stored with
  // the response are logged for the replaying request too.
  it('should log the personal data a replayed response hands out, as it did for the first response', async () => {
    const marker = `read-${randomUUID()}`;
    const key = randomUUID();
    const email = `${marker}@example.com`;
    const document = parse(`mutation WithEmail($input: CreateCandidateInput!) {
      createCandidate(input: $input) { candidate { lastName email } userErrors { code } }
    }`) as TypedDocumentNode<unknown, { input: CreateCandidateInput }>;
    const send = (requestId: string) =>
      nordlys.asRecruiter.request(
        document,
        { input: candidateInput(marker, { email }) },
        { 'Idempotency-Key': key, ...requestHeaders(requestId) },
      );

    const firstId = newRequestId('keyed-first');
    const first = await send(firstId);
    expect([first.status, first.data]).toEqual([200, { createCandidate: { candidate: { lastName: marker, email }, userErrors: [] } }]);
    const [{ id: candidateId }] = await app.em().getConnection().execute('select id from candidate where last_name = ?', [marker]);
    const read = {
      firmId: nordlys.firm.id,
      actorKind: 'USER',
      actorUserId: nordlys.recruiter.id,
      actorApiKeyId: null,
      action: 'read:Candidate',
      objectType: 'Candidate',
      objectId: candidateId,
      objectIds: [candidateId],
      summary: { fields: ['email'] },
    };
    const firstRows = await auditRowsOf(app, firstId);
    expect(firstRows.map((row) => row.action)).toEqual(['createCandidate', 'read:Candidate']);
    expect(firstRows[1]).toEqual(read);

    const retryId = newRequestId('keyed-retry');
    const retry = await send(retryId);
    expect([retry.status, retry.headers.get('idempotent-replayed'), retry.raw]).toEqual([200, 'true', first.raw]);
    expect(await auditRowsOf(app, retryId)).toEqual([read]);
    expect(await candidatesNamed(marker)).toBe(1);
  });

  it('should answer 409 IDEMPOTENCY_KEY_IN_PROGRESS when the first request holds its key for more than 10 s', async () => {
    const key = randomUUID();
    const marker = `stuck-${randomUUID()}`;
    const principal = `user:${nordlys.recruiter.id}`;
    // The "first request" is simulated by holding the key's lock in another transaction.
    const response = await app.em().transactional(async (tx) => {
      await tx
        .getConnection()
        .execute(
          'select pg_advisory_xact_lock(hashtextextended(?, 0))',
          [`idempotency:${nordlys.firm.id}:${principal}:${key}`],
          'all',
          tx.getTransactionContext(),
        );
      return create(nordlys.asRecruiter, candidateInput(marker), key);
    });
    expect([response.status, errorCodes(response)]).toEqual([409, ['IDEMPOTENCY_KEY_IN_PROGRESS']]);
    expect(await candidatesNamed(marker)).toBe(0);
    expect(await storedKeys(key)).toBe(0);
  }, 30_000);
});
