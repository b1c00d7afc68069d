import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';

// Found by trying the API as a new user and by the fuzz run: input at the edges of the scalars,
// operation types the API does not have and protocol extensions answered with an internal error,
// and error messages that did not say what to do.

let app: TestApp;
let nordlys: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
});
afterAll(() => app.close());

async function post(body: unknown, token: string | null = nordlys.asAdmin.token) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] };
  return { status: response.status, errors: (json.errors ?? []).map(({ message, extensions }) => ({ message, code: extensions.code })) };
}

const OUT_OF_RANGE = 'DateTime must lie between the years 0001 and 9999, e.g. "2026-12-02T09:30:00Z".';

// Every operation that takes a DateTime, with the variable that carries it.
const DATE_TIME_INPUTS: [string, string, (date: string) => Record<string, unknown>][] = [
  ['candidates', 'query($d: DateTime) { candidates(first: 1, filter: { updatedSince: $d }) { totalCount } }', (d) => ({ d })],
  ['mandateChanges', 'query($d: DateTime) { mandateChanges(first: 1, filter: { updatedSince: $d }) { totalCount } }', (d) => ({ d })],
  ['candidacyChanges', 'query($d: DateTime) { candidacyChanges(first: 1, filter: { updatedSince: $d }) { totalCount } }', (d) => ({ d })],
  ['auditEvents since', 'query($d: DateTime) { auditEvents(first: 1, filter: { since: $d }) { totalCount } }', (d) => ({ d })],
  ['auditEvents until', 'query($d: DateTime) { auditEvents(first: 1, filter: { until: $d }) { totalCount } }', (d) => ({ d })],
  [
    'createCandidate consent',
    'mutation($input: CreateCandidateInput!) { createCandidate(input: $input) { userErrors { code } } }',
    (d) => ({ input: { firstName: 'Kari', lastName: 'Nordmann', consent: { status: 'GIVEN', givenAt: d } } }),
  ],
  [
    'scheduleInterview',
    'mutation($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { userErrors { code } } }',
    (d) => ({ input: { candidacyId: 'x', kind: 'COMPETENCY', interviewerIds: ['y'], scheduledAt: d } }),
  ],
];

describe('DateTime at the edges', () => {
  it.each(DATE_TIME_INPUTS)('should refuse year 0000 in %s with BAD_USER_INPUT and run nothing', async (_name, query, variables) => {
    const variable = Object.keys(variables(''))[0];
    const { status, errors } = await post({ query, variables: variables('0000-01-01T00:00:00Z') });
    expect(status).toBe(400);
    expect(errors).toEqual([
      { code: 'BAD_USER_INPUT', message: expect.stringMatching(new RegExp(`^Variable "\\$${variable}" got invalid value `)) },
    ]);
    expect(errors[0].message.endsWith(OUT_OF_RANGE)).toBe(true);
  });

  it('should accept the first and the last day it allows', async () => {
    const [, query, variables] = DATE_TIME_INPUTS[0];
    for (const date of ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59Z']) {
      expect(await post({ query, variables: variables(date) })).toEqual({ status: 200, errors: [] });
    }
  });

  it('should refuse year 10000 and a malformed date with the expected format in the message', async () => {
    const query = DATE_TIME_INPUTS[0][1];
    expect(await post({ query, variables: { d: '+010000-01-01T00:00:00Z' } })).toEqual({
      status: 400,
      errors: [{ code: 'BAD_USER_INPUT', message: expect.stringContaining('e.g. "2026-12-02T09:30:00Z"') }],
    });
    expect(await post({ query, variables: { d: '2026-13-01' } })).toEqual({
      status: 400,
      errors: [
        {
          code: 'BAD_USER_INPUT',
          message:
            'Variable "$d" got invalid value "2026-13-01"; DateTime cannot represent an invalid date-time-string 2026-13-01. ' +
            'Expected an ISO 8601 date and time with a time zone, e.g. "2026-12-02T09:30:00Z".',
        },
      ],
    });
  });

  it('should refuse year 0000 written into the query text as a validation error', async () => {
    expect(await post({ query: '{ candidates(first: 1, filter: { updatedSince: "0000-01-01T00:00:00Z" }) { totalCount } }' })).toEqual({
      status: 400,
      errors: [{ code: 'GRAPHQL_VALIDATION_FAILED', message: OUT_OF_RANGE }],
    });
  });
});

describe('operations and protocol extensions the API does not serve', () => {
  it('should refuse a subscription at validation, pointing to webhooks', async () => {
    expect(await post({ query: 'subscription { viewer { kind } }' })).toEqual({
      status: 400,
      errors: [
        {
          code: 'GRAPHQL_VALIDATION_FAILED',
          message:
            'This API has no subscription operations: send a query or a mutation. To be told of changes, subscribe a webhook (createWebhookSubscription).',
        },
      ],
    });
  });

  it('should answer a persisted query whose hash is not its query with BAD_REQUEST', async () => {
    const body = { query: '{ viewer { kind } }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } };
    expect(await post(body)).toEqual({
      status: 400,
      errors: [
        {
          code: 'BAD_REQUEST',
          message:
            "The persisted query's sha256Hash is not the SHA-256 of the query sent with it: send the hash of exactly that query text.",
        },
      ],
    });
  });

  it('should answer a persisted query of another version, or of none, with BAD_REQUEST (found by the fuzz test)', async () => {
    const message =
      'Only version 1 of persisted queries is supported: send extensions.persistedQuery as { "version": 1, "sha256Hash": "<SHA-256 of the query, hex>" }.';
    for (const persistedQuery of [{ version: 2, sha256Hash: 'a'.repeat(64) }, { sha256Hash: 'a'.repeat(64) }]) {
      expect(await post({ query: '{ viewer { kind } }', extensions: { persistedQuery } })).toEqual({
        status: 400,
        errors: [{ code: 'BAD_REQUEST', message }],
      });
    }
  });

  it('should answer an unknown persisted query with PERSISTED_QUERY_NOT_FOUND', async () => {
    expect(await post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } })).toEqual({
      status: 200,
      errors: [{ code: 'PERSISTED_QUERY_NOT_FOUND', message: 'PersistedQueryNotFound' }],
    });
  });
});

describe('error messages that say what to do', () => {
  it('should name an unknown field without a stray question mark', async () => {
    expect(await post({ query: '{ mandates(first: 1) { edges { node { titel } } } }' })).toEqual({
      status: 400,
      errors: [{ code: 'GRAPHQL_VALIDATION_FAILED', message: 'Cannot query field "titel" on type "Mandate".' }],
    });
  });

  it('should list the valid values of an enum, in a variable and in the query text', async () => {
    const valid = 'Valid values: DRAFT, OPEN, PRESENTED, FILLED, CANCELLED.';
    expect(
      await post({
        query: 'query($s: MandateStatus) { mandates(first: 1, filter: { status: $s }) { totalCount } }',
        variables: { s: 'OPPEN' },
      }),
    ).toEqual({
      status: 400,
      errors: [
        {
          code: 'BAD_USER_INPUT',
          message: `Variable "$s" got invalid value "OPPEN"; Value "OPPEN" does not exist in "MandateStatus" enum. ${valid}`,
        },
      ],
    });
    expect(await post({ query: '{ mandates(first: 1, filter: { status: OPPEN }) { totalCount } }' })).toEqual({
      status: 400,
      errors: [{ code: 'GRAPHQL_VALIDATION_FAILED', message: `Value "OPPEN" does not exist in "MandateStatus" enum. ${valid}` }],
    });
  });

  it('should say which role or scope FORBIDDEN misses, and what the caller has', async () => {
    expect(await post({ query: '{ apiKeys(first: 1) { totalCount } }' }, nordlys.asRecruiter.token)).toEqual({
      status: 200,
      errors: [{ code: 'FORBIDDEN', message: 'This needs a user with the role ADMIN; you are signed in as a RECRUITER user.' }],
    });
    expect(await post({ query: '{ candidates(first: 1) { totalCount } }' }, nordlys.asClientUser.token)).toEqual({
      status: 200,
      errors: [
        {
          code: 'FORBIDDEN',
          message:
            'This needs a user with the role ADMIN or RECRUITER, or an API key with the scope CANDIDATES_READ; you are signed in as a CLIENT user.',
        },
      ],
    });
  });
});
