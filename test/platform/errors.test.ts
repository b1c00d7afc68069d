import { INTERNAL_ERROR_MESSAGE } from '../../src/common/errors';
import { NUL_CHARACTER_MESSAGE } from '../../src/server/nul-characters';
import { Candidate } from '../../src/modules/candidate';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes } from '../helpers/graphql-client';
import { ApiKeysDocument } from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
});
afterAll(() => app.close());

async function post(body: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: response.status, raw: await response.text(), headers: response.headers };
}

// What must never reach a client, whatever went wrong.
const INTERNALS = [/\bat .+\.[jt]s:\d+/, /\/work\//, /node_modules/, /select /i, /relation "/, /MikroORM/i, /stack/i];

describe('error masking', () => {
  it('should mask an unexpected failure as INTERNAL_SERVER_ERROR with the request id and no internals', async () => {
    await app.em().getConnection().execute('alter table api_key rename to api_key_gone');
    try {
      const response = await nordlys.asAdmin.request(ApiKeysDocument, {});
      expect(response.status).toBe(200);
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.parse(response.raw)).toEqual({
        data: null,
        errors: [{ message: INTERNAL_ERROR_MESSAGE, path: ['apiKeys'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }],
      });
      for (const pattern of INTERNALS) expect(response.raw).not.toMatch(pattern);
    } finally {
      await app.em().getConnection().execute('alter table api_key_gone rename to api_key');
    }
  });

  it('should echo a well-formed x-request-id from the caller', async () => {
    const response = await nordlys.asAdmin.request(ApiKeysDocument, {}, { 'x-request-id': 'ats-sync-42' });
    expect(response.headers.get('x-request-id')).toBe('ats-sync-42');
  });

  it('should forbid caching of every answer, which is personal to its caller', async () => {
    const response = await nordlys.asAdmin.request(ApiKeysDocument, {});
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('should answer a body that is not JSON with 400 and a JSON error', async () => {
    const response = await post('{"query": ');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.raw)).toEqual({
      errors: [{ message: 'The request body is not valid JSON.', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('should answer an oversized body with 413', async () => {
    const response = await post(JSON.stringify({ query: `{ viewer { kind } }`, padding: 'x'.repeat(1_100_000) }));
    expect(response.status).toBe(413);
    expect(JSON.parse(response.raw).errors[0].message).toBe(
      'The request body is larger than 100 kB (1,024 kB for a mutation of only upsertCandidates, createRubric, updateRubricDraft).',
    );
  });

  it('should answer a query with a syntax error with GRAPHQL_PARSE_FAILED', async () => {
    const response = await post(JSON.stringify({ query: '{ viewer { ' }));
    expect(response.status).toBe(400);
    expect(JSON.parse(response.raw).errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toEqual([
      'GRAPHQL_PARSE_FAILED',
    ]);
  });

  it('should answer an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    const response = await post(JSON.stringify({ query: '{ viewer { password } }' }));
    expect(response.status).toBe(400);
    const body = JSON.parse(response.raw);
    expect(body.errors.map((error: { extensions: { code: string } }) => error.extensions.code)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('should refuse a GET query: POST only (test/security has the CSRF tests)', async () => {
    const response = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ viewer { kind } }')}`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('should refuse batched requests', async () => {
    const response = await post(JSON.stringify([{ query: '{ viewer { kind } }' }, { query: '{ viewer { kind } }' }]));
    expect(response.status).toBe(400);
  });

  it('should say where the API is for unknown paths', async () => {
    const response = await fetch(`${app.url}/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'Not found. The API is at /graphql.' });
  });

  it('should not accept a GraphQL error code from a failing request as anything but what it is', async () => {
    const response = await app.anonymous().request(ApiKeysDocument, {});
    expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
  });

  // Found by the fuzz test: graphql-js stops after 50 bad variable values with an error that has
  // no code, which was masked as an internal error (and logged as one).
  it('should answer more than 50 bad variable values with BAD_USER_INPUT, not an internal error', async () => {
    const requirements = Array.from({ length: 60 }, () => ({ competencyKey: 'OUTSIDE_IN', weight: null, target: 3 }));
    const response = await post(
      JSON.stringify({
        query: 'mutation Set($input: SetRequirementProfileInput!) { setRequirementProfile(input: $input) { userErrors { code } } }',
        variables: { input: { mandateId: 'x', requirements } },
      }),
      { authorization: `Bearer ${nordlys.asRecruiter.token}` },
    );
    expect(response.status).toBe(400);
    const errors: { message: string; extensions: { code: string } }[] = JSON.parse(response.raw).errors;
    expect(errors).toHaveLength(51);
    expect(errors.map((error) => error.extensions.code)).toEqual(Array(51).fill('BAD_USER_INPUT'));
    expect(errors[0].message).toBe(
      'Variable "$input" got invalid value null at "input.requirements[0].weight"; Expected non-nullable type "Int!" not to be null.',
    );
    expect(errors[50].message).toBe('Too many errors processing variables, error limit reached. Execution aborted.');
  });

  // Found by the fuzz test: PostgreSQL text cannot hold U+0000, so a NUL in a filter or an input
  // failed in SQL as an internal error. Now it is refused before any SQL runs.
  describe('the NUL character', () => {
    const refused = { errors: [{ message: NUL_CHARACTER_MESSAGE, extensions: { code: 'BAD_USER_INPUT' } }] };
    const auth = () => ({ authorization: `Bearer ${nordlys.asAdmin.token}` });

    it('should refuse a NUL in a variable of a query with BAD_USER_INPUT and run no SQL', async () => {
      const body = JSON.stringify({
        query: 'query Rubrics($filter: RubricFilter) { rubrics(filter: $filter) { totalCount } }',
        variables: { filter: { key: 'OUTSIDE\u0000IN' } },
      });
      let response: Awaited<ReturnType<typeof post>> | null = null;
      expect(await app.countStatements(async () => (response = await post(body, auth())))).toBe(0);
      expect(response!.status).toBe(400);
      expect(JSON.parse(response!.raw)).toEqual(refused);
    });

    it('should refuse an unpaired surrogate in a variable (PostgreSQL cannot read it as JSON) and change nothing', async () => {
      const before = await app.em().count(Candidate, { firm: nordlys.firm.id });
      const body = JSON.stringify({
        query: 'mutation Upsert($input: UpsertCandidatesInput!) { upsertCandidates(input: $input) { createdCount } }',
        variables: {
          input: {
            candidates: [
              { externalRef: { system: 'lever', externalId: 'lone \ud800 surrogate' }, firstName: 'Ingrid', lastName: 'Solberg' },
            ],
          },
        },
      });
      let response: Awaited<ReturnType<typeof post>> | null = null;
      expect(await app.countStatements(async () => (response = await post(body, auth())))).toBe(0);
      expect(response!.status).toBe(400);
      expect(JSON.parse(response!.raw)).toEqual(refused);
      expect(await app.em().count(Candidate, { firm: nordlys.firm.id })).toBe(before);
    });

    it('should refuse a NUL escaped in a string literal of the operation', async () => {
      for (const escape of ['\\u0000', '\\u{0}']) {
        // The GraphQL escape itself: a backslash and u0000 in the operation's text.
        const response = await post(JSON.stringify({ query: `{ rubrics(filter: { key: "a${escape}b" }) { totalCount } }` }), auth());
        expect(response.status).toBe(400);
        expect(JSON.parse(response.raw)).toEqual(refused);
      }
    });

    it('should refuse a NUL in a mutation input and change nothing', async () => {
      const before = await app.em().count(Candidate, { firm: nordlys.firm.id });
      const response = await post(
        JSON.stringify({
          query: 'mutation Create($input: CreateCandidateInput!) { createCandidate(input: $input) { userErrors { code } } }',
          variables: { input: { firstName: 'Ingrid\u0000', lastName: 'Solberg' } },
        }),
        auth(),
      );
      expect(response.status).toBe(400);
      expect(JSON.parse(response.raw)).toEqual(refused);
      expect(await app.em().count(Candidate, { firm: nordlys.firm.id })).toBe(before);
    });

    it('should still accept other control and unusual characters', async () => {
      const response = await post(
        JSON.stringify({
          query: 'query Rubrics($filter: RubricFilter) { rubrics(filter: $filter) { totalCount } }',
          variables: { filter: { key: 'tab\tnew\nline \u200b \ud83d\ude00 \u0001' } },
        }),
        auth(),
      );
      expect(response.status).toBe(200);
      expect(JSON.parse(response.raw)).toEqual({ data: { rubrics: { totalCount: 0 } } });
    });
  });
});
