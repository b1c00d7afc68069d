import { toGlobalId } from '../../src/common/global-id';
import { encodeCursor } from '../../src/common/connection';
import { ApiKeyScope } from '../../src/common/access';
import { Client } from '../../src/modules/client';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import { insertClient, insertMandate } from '../helpers/mandate-fixtures';
import {
  ClientMandatesDocument,
  ClientNodeDocument,
  ClientsDocument,
  CreateClientDocument,
  UpdateClientDocument,
  type ClientsQuery,
  type CreateClientInput,
} from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
});
afterAll(() => app.close());

const VALID: CreateClientInput = {
  name: 'Fjordnett AS',
  organisationNumber: '912 345 678',
  industry: 'Telecommunications',
  employeeCount: 850,
  country: 'NO',
};

// Every client of the firm as stored, for "nothing changed" assertions.
async function storedClients(testFirm: TestFirm) {
  const clients = await app.em().find(Client, { firm: testFirm.firm.id }, { orderBy: { id: 'asc' } });
  return clients.map(({ id, name, organisationNumber, industry, employeeCount, country, updatedAt }) => ({
    id,
    name,
    organisationNumber,
    industry,
    employeeCount: employeeCount === null ? null : Number(employeeCount),
    country,
    updatedAt: updatedAt.toISOString(),
  }));
}

function uniqueNumber(): string {
  return String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
}

describe('createClient', () => {
  it('should create a client with every field when a recruiter gives valid input', async () => {
    const input = { ...VALID, organisationNumber: uniqueNumber() };
    const { createClient } = await nordlys.asRecruiter.data(CreateClientDocument, { input });
    expect(createClient.userErrors).toEqual([]);
    expect(createClient.client).toEqual({ id: expect.any(String), ...input });
    const stored = await app.em().findOneOrFail(Client, { name: 'Fjordnett AS', organisationNumber: input.organisationNumber });
    expect(stored.nodeId).toBe(createClient.client!.id);
    expect(stored.firm.id).toBe(nordlys.firm.id);
    expect(Number(stored.employeeCount)).toBe(850);
  });

  it('should create a client from a name and a country alone, trimming texts', async () => {
    const { createClient } = await nordlys.asAdmin.data(CreateClientDocument, {
      input: { name: '  Havbris Sjømat AS  ', country: 'NO', organisationNumber: '   ', industry: null },
    });
    expect(createClient).toEqual({
      client: {
        id: expect.any(String),
        name: 'Havbris Sjømat AS',
        organisationNumber: null,
        industry: null,
        employeeCount: null,
        country: 'NO',
      },
      userErrors: [],
    });
  });

  it('should store the country in upper case when it is given in lower case', async () => {
    const { createClient } = await nordlys.asRecruiter.data(CreateClientDocument, {
      input: { name: 'Dansk Dagligvare A/S', country: ' dk ' },
    });
    expect(createClient.userErrors).toEqual([]);
    expect(createClient.client!.country).toBe('DK');
  });

  it.each([1, 10_000_000])('should accept %d employees', async (employeeCount) => {
    const { createClient } = await nordlys.asRecruiter.data(CreateClientDocument, {
      input: { name: `Size ${employeeCount}`, country: 'SE', employeeCount },
    });
    expect(createClient.userErrors).toEqual([]);
    expect(createClient.client!.employeeCount).toBe(employeeCount);
  });

  const invalid: [string, Partial<CreateClientInput>, { code: string; field: string[]; message: string }][] = [
    ['an empty name', { name: '' }, { code: 'REQUIRED', field: ['input', 'name'], message: 'name is required.' }],
    ['a blank name', { name: '   ' }, { code: 'REQUIRED', field: ['input', 'name'], message: 'name is required.' }],
    [
      'a name over 200 characters',
      { name: 'N'.repeat(201) },
      { code: 'TOO_LONG', field: ['input', 'name'], message: 'name is longer than 200 characters.' },
    ],
    [
      'an organisation number over 40 characters',
      { organisationNumber: '9'.repeat(41) },
      { code: 'TOO_LONG', field: ['input', 'organisationNumber'], message: 'organisationNumber is longer than 40 characters.' },
    ],
    [
      'an industry over 100 characters',
      { industry: 'i'.repeat(101) },
      { code: 'TOO_LONG', field: ['input', 'industry'], message: 'industry is longer than 100 characters.' },
    ],
    ...[0, -3, 10_000_001].map(
      (employeeCount) =>
        [
          `${employeeCount} employees`,
          { employeeCount },
          {
            code: 'OUT_OF_RANGE',
            field: ['input', 'employeeCount'],
            message: 'employeeCount must be a whole number from 1 to 10000000.',
          },
        ] as [string, Partial<CreateClientInput>, { code: string; field: string[]; message: string }],
    ),
    ['an empty country', { country: '' }, { code: 'REQUIRED', field: ['input', 'country'], message: 'country is required.' }],
    ...['NOR', 'N', 'XX', 'ZZ', 'EU', 'UK', '1A', 'Norway'].map(
      (country) =>
        [
          `the country ${country}`,
          { country },
          { code: 'INVALID', field: ['input', 'country'], message: 'country must be an ISO 3166-1 alpha-2 code, e.g. NO.' },
        ] as [string, Partial<CreateClientInput>, { code: string; field: string[]; message: string }],
    ),
  ];

  it.each(invalid)('should refuse %s and store nothing', async (_case, change, error) => {
    const before = await storedClients(nordlys);
    const { createClient } = await nordlys.asRecruiter.data(CreateClientDocument, {
      input: { ...VALID, organisationNumber: uniqueNumber(), ...change },
    });
    expect(createClient).toEqual({ client: null, userErrors: [error] });
    expect(await storedClients(nordlys)).toEqual(before);
  });

  it('should report every problem of the input at once', async () => {
    const { createClient } = await nordlys.asRecruiter.data(CreateClientDocument, {
      input: { name: '', organisationNumber: 'x'.repeat(41), industry: 'y'.repeat(101), employeeCount: 0, country: 'XX' },
    });
    expect(createClient.userErrors).toEqual([
      { code: 'REQUIRED', field: ['input', 'name'], message: 'name is required.' },
      { code: 'TOO_LONG', field: ['input', 'organisationNumber'], message: 'organisationNumber is longer than 40 characters.' },
      { code: 'TOO_LONG', field: ['input', 'industry'], message: 'industry is longer than 100 characters.' },
      { code: 'OUT_OF_RANGE', field: ['input', 'employeeCount'], message: 'employeeCount must be a whole number from 1 to 10000000.' },
      { code: 'INVALID', field: ['input', 'country'], message: 'country must be an ISO 3166-1 alpha-2 code, e.g. NO.' },
    ]);
  });

  it('should refuse a fractional employee count as a GraphQL input error', async () => {
    const response = await nordlys.asRecruiter.request(CreateClientDocument, { input: { ...VALID, employeeCount: 2.5 } });
    expect(response.data).toBeNull();
    expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
  });

  it('should refuse an organisation number already used in the same country, together with other problems', async () => {
    const organisationNumber = uniqueNumber();
    await insertClient(app, nordlys, { name: 'Original AS', organisationNumber, country: 'NO' });
    const before = await storedClients(nordlys);
    const { createClient } = await nordlys.asRecruiter.data(CreateClientDocument, {
      input: { name: 'Copycat AS', organisationNumber, country: 'no', employeeCount: 0 },
    });
    expect(createClient).toEqual({
      client: null,
      userErrors: [
        { code: 'OUT_OF_RANGE', field: ['input', 'employeeCount'], message: 'employeeCount must be a whole number from 1 to 10000000.' },
        {
          code: 'ALREADY_EXISTS',
          field: ['input', 'organisationNumber'],
          message: 'Another client in NO already has this organisation number.',
        },
      ],
    });
    expect(await storedClients(nordlys)).toEqual(before);
  });

  it('should let only one of several simultaneous clients with the same organisation number through', async () => {
    const organisationNumber = uniqueNumber();
    const results = await Promise.all(
      ['Twin One AS', 'Twin Two AS', 'Twin Three AS'].map((name) =>
        nordlys.asRecruiter.data(CreateClientDocument, { input: { name, organisationNumber, country: 'NO' } }),
      ),
    );
    const errors = results.map((result) => result.createClient.userErrors);
    expect(errors.filter((list) => list.length === 0)).toHaveLength(1);
    expect(errors.filter((list) => list.length > 0)).toEqual([
      [
        {
          code: 'ALREADY_EXISTS',
          field: ['input', 'organisationNumber'],
          message: 'Another client in NO already has this organisation number.',
        },
      ],
      [
        {
          code: 'ALREADY_EXISTS',
          field: ['input', 'organisationNumber'],
          message: 'Another client in NO already has this organisation number.',
        },
      ],
    ]);
    expect(await app.em().count(Client, { organisationNumber })).toBe(1);
  });

  it('should allow the same organisation number in another country and in another firm', async () => {
    const organisationNumber = uniqueNumber();
    await insertClient(app, nordlys, { name: 'Nordic One AS', organisationNumber, country: 'NO' });
    const inSweden = await nordlys.asRecruiter.data(CreateClientDocument, {
      input: { name: 'Nordic One AB', organisationNumber, country: 'SE' },
    });
    const inOtherFirm = await fjellvik.asRecruiter.data(CreateClientDocument, {
      input: { name: 'Nordic One AS', organisationNumber, country: 'NO' },
    });
    expect(inSweden.createClient.userErrors).toEqual([]);
    expect(inOtherFirm.createClient.userErrors).toEqual([]);
  });

  it('should allow any number of clients without an organisation number', async () => {
    for (const name of ['Unregistered One', 'Unregistered Two']) {
      const { createClient } = await nordlys.asRecruiter.data(CreateClientDocument, { input: { name, country: 'FI' } });
      expect(createClient.userErrors).toEqual([]);
    }
  });
});

describe('updateClient', () => {
  it('should change only the fields given, and clear optional ones given as null', async () => {
    const client = await insertClient(app, nordlys, {
      name: 'Polar Logistikk AS',
      organisationNumber: uniqueNumber(),
      industry: 'Logistics',
      employeeCount: 120,
      country: 'NO',
    });
    const { updateClient } = await nordlys.asRecruiter.data(UpdateClientDocument, {
      input: { clientId: client.nodeId, employeeCount: 140, industry: null, organisationNumber: null },
    });
    expect(updateClient).toEqual({
      client: {
        id: client.nodeId,
        name: 'Polar Logistikk AS',
        organisationNumber: null,
        industry: null,
        employeeCount: 140,
        country: 'NO',
      },
      userErrors: [],
    });
    const stored = await app.em().findOneOrFail(Client, client.id);
    expect([stored.name, stored.organisationNumber, stored.industry, Number(stored.employeeCount)]).toEqual([
      'Polar Logistikk AS',
      null,
      null,
      140,
    ]);
  });

  it('should rename a client and move it to another country', async () => {
    const client = await insertClient(app, nordlys, { name: 'Old Name AS', country: 'NO' });
    const { updateClient } = await nordlys.asAdmin.data(UpdateClientDocument, {
      input: { clientId: client.nodeId, name: 'New Name ApS', country: 'dk' },
    });
    expect(updateClient.userErrors).toEqual([]);
    expect(updateClient.client).toMatchObject({ name: 'New Name ApS', country: 'DK' });
  });

  it('should keep its own organisation number without calling it taken', async () => {
    const organisationNumber = uniqueNumber();
    const client = await insertClient(app, nordlys, { name: 'Keeper AS', organisationNumber, country: 'NO' });
    const { updateClient } = await nordlys.asRecruiter.data(UpdateClientDocument, {
      input: { clientId: client.nodeId, organisationNumber, country: 'NO' },
    });
    expect(updateClient.userErrors).toEqual([]);
  });

  it.each([
    ['taking the number of another client', (number: string) => ({ organisationNumber: number })],
    ['moving to the country where its number is taken', () => ({ country: 'SE' })],
  ])('should refuse %s with ALREADY_EXISTS and change nothing', async (_case, change) => {
    const taken = uniqueNumber();
    await insertClient(app, nordlys, { name: 'Taken AB', organisationNumber: taken, country: 'SE' });
    const client = await insertClient(app, nordlys, { name: 'Mover AS', organisationNumber: taken, country: 'NO' });
    const before = await storedClients(nordlys);
    const { updateClient } = await nordlys.asRecruiter.data(UpdateClientDocument, {
      input: { clientId: client.nodeId, country: 'SE', ...change(taken) },
    });
    expect(updateClient).toEqual({
      client: null,
      userErrors: [
        {
          code: 'ALREADY_EXISTS',
          field: ['input', 'organisationNumber'],
          message: 'Another client in SE already has this organisation number.',
        },
      ],
    });
    expect(await storedClients(nordlys)).toEqual(before);
  });

  it('should refuse to clear the name or the country, and report bad values, changing nothing', async () => {
    const client = await insertClient(app, nordlys, { name: 'Steady AS', country: 'NO' });
    const before = await storedClients(nordlys);
    const { updateClient } = await nordlys.asRecruiter.data(UpdateClientDocument, {
      input: { clientId: client.nodeId, name: null, country: null, employeeCount: 10_000_001, industry: 'i'.repeat(101) },
    });
    expect(updateClient).toEqual({
      client: null,
      userErrors: [
        { code: 'REQUIRED', field: ['input', 'name'], message: 'name is required.' },
        { code: 'TOO_LONG', field: ['input', 'industry'], message: 'industry is longer than 100 characters.' },
        { code: 'OUT_OF_RANGE', field: ['input', 'employeeCount'], message: 'employeeCount must be a whole number from 1 to 10000000.' },
        { code: 'REQUIRED', field: ['input', 'country'], message: 'country is required.' },
      ],
    });
    expect(await storedClients(nordlys)).toEqual(before);
  });

  it.each([
    ['a client of another firm', () => fjellvik.client.nodeId],
    ['an id that does not exist', () => toGlobalId('Client', '00000000-0000-4000-8000-000000000000')],
    ['an id of another type', () => nordlys.admin.nodeId],
    ['a malformed id', () => 'not-an-id'],
  ])('should answer NOT_FOUND for %s and change nothing', async (_case, clientId) => {
    const before = [await storedClients(nordlys), await storedClients(fjellvik)];
    const { updateClient } = await nordlys.asAdmin.data(UpdateClientDocument, { input: { clientId: clientId(), name: 'Hijacked' } });
    expect(updateClient).toEqual({
      client: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'clientId'], message: 'No client with this id.' }],
    });
    expect([await storedClients(nordlys), await storedClients(fjellvik)]).toEqual(before);
  });
});

describe('clients', () => {
  let firm: TestFirm;
  let names: string[];

  beforeAll(async () => {
    firm = await createTestFirm(app, 'listing');
    // Made out of order: the list is by name.
    for (const name of ['Cirrus AS', 'Aurora AS', 'Elvebakken AS', 'Bølge AS']) await insertClient(app, firm, { name });
    names = [firm.client.name, 'Aurora AS', 'Bølge AS', 'Cirrus AS', 'Elvebakken AS'].sort((a, b) => (a < b ? -1 : 1));
  });

  it("should page through the firm's clients by name, and no other firm's", async () => {
    const first = await firm.asRecruiter.data(ClientsDocument, { first: 3 });
    expect(first.clients.totalCount).toBe(5);
    expect(first.clients.edges.map((edge) => edge.node.name)).toEqual(names.slice(0, 3));
    expect(first.clients.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.clients.edges[0].cursor,
      endCursor: first.clients.edges[2].cursor,
    });
    const second = await firm.asRecruiter.data(ClientsDocument, { first: 3, after: first.clients.pageInfo.endCursor });
    expect(second.clients.edges.map((edge) => edge.node.name)).toEqual(names.slice(3));
    expect(second.clients.pageInfo.hasNextPage).toBe(false);
  });

  it('should visit clients of the same name once each, in id order, one per page', async () => {
    const twins = await createTestFirm(app, 'twins');
    const ids = [twins.client.id];
    for (let index = 0; index < 3; index++) ids.push((await insertClient(app, twins, { name: twins.client.name })).id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page++) {
      const { clients }: ClientsQuery = await twins.asRecruiter.data(ClientsDocument, { first: 1, after });
      seen.push(...clients.edges.map((edge) => edge.node.id));
      after = clients.pageInfo.endCursor ?? null;
      if (!after) break;
    }
    expect(seen).toEqual([...ids].sort().map((id) => toGlobalId('Client', id)));
  });

  it('should refuse a cursor of another list', async () => {
    const response = await firm.asRecruiter.request(ClientsDocument, {
      after: encodeCursor('mandates', ['2026-01-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']),
    });
    expect(response.errors?.map((error) => [error.message, error.extensions])).toEqual([
      ['after is not a cursor of this list.', { code: 'BAD_USER_INPUT', argumentName: 'after' }],
    ]);
  });

  it("should list the client's mandates, oldest first", async () => {
    const client = await insertClient(app, firm, { name: 'Mandated AS' });
    const titles = ['CEO', 'CFO', 'COO'];
    for (const title of titles) await insertMandate(app, firm, { title, clientId: client.id });
    await insertMandate(app, firm, { title: 'Elsewhere' });
    const page = await firm.asRecruiter.data(ClientMandatesDocument, { id: client.nodeId, first: 2 });
    expect(page.node).toEqual({
      id: client.nodeId,
      mandates: {
        totalCount: 3,
        nodes: [expect.objectContaining({ title: 'CEO' }), expect.objectContaining({ title: 'CFO' })],
        pageInfo: { hasNextPage: true, endCursor: expect.any(String) },
      },
    });
    const rest = await firm.asRecruiter.data(ClientMandatesDocument, {
      id: client.nodeId,
      after: (page.node as { mandates: { pageInfo: { endCursor: string } } }).mandates.pageInfo.endCursor,
    });
    expect((rest.node as { mandates: { nodes: { title: string }[] } }).mandates.nodes.map((mandate) => mandate.title)).toEqual(['COO']);
  });
});

describe('access to clients', () => {
  type Caller = () => Promise<GraphQLClient>;
  const callers: Record<string, Caller> = {
    admin: async () => nordlys.asAdmin,
    recruiter: async () => nordlys.asRecruiter,
    'client user': async () => nordlys.asClientUser,
    'API key with mandates:read': async () => (await nordlys.apiKey([ApiKeyScope.MANDATES_READ])).client,
    'API key with mandates:write': async () => (await nordlys.apiKey([ApiKeyScope.MANDATES_WRITE])).client,
    'API key with candidates:read and candidates:write': async () =>
      (await nordlys.apiKey([ApiKeyScope.CANDIDATES_READ, ApiKeyScope.CANDIDATES_WRITE])).client,
  };

  it.each([
    ['admin', true],
    ['recruiter', true],
    ['client user', false],
    ['API key with mandates:read', true],
    ['API key with mandates:write', false],
    ['API key with candidates:read and candidates:write', false],
  ])('should let the %s read clients: %s', async (caller, allowed) => {
    const client = await callers[caller]();
    const list = await client.request(ClientsDocument, { first: 1 });
    const node = await client.request(ClientNodeDocument, { id: nordlys.client.nodeId });
    if (allowed) {
      expect(list.errors).toBeUndefined();
      expect(list.data!.clients.totalCount).toBeGreaterThan(0);
      expect(node.data!.node).toMatchObject({ __typename: 'Client', id: nordlys.client.nodeId, name: nordlys.client.name });
    } else {
      expect(list.data).toBeNull();
      expect(errorCodes(list)).toEqual(['FORBIDDEN']);
      expect(JSON.parse(node.raw)).toEqual({ data: { node: null } });
    }
  });

  it.each([
    ['admin', true],
    ['recruiter', true],
    ['client user', false],
    ['API key with mandates:read', false],
    ['API key with mandates:write', true],
    ['API key with candidates:read and candidates:write', false],
  ])('should let the %s create and update clients: %s', async (caller, allowed) => {
    const client = await callers[caller]();
    const before = await storedClients(nordlys);
    const created = await client.request(CreateClientDocument, { input: { name: `By ${caller}`, country: 'NO' } });
    const updated = await client.request(UpdateClientDocument, { input: { clientId: nordlys.client.nodeId, industry: `By ${caller}` } });
    if (allowed) {
      expect(created.data!.createClient.userErrors).toEqual([]);
      expect(updated.data!.updateClient.client!.industry).toBe(`By ${caller}`);
    } else {
      for (const response of [created, updated]) {
        expect(response.data).toBeNull();
        expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      }
      expect(await storedClients(nordlys)).toEqual(before);
    }
  });

  it('should refuse callers without a token as UNAUTHENTICATED', async () => {
    const list = await app.anonymous().request(ClientsDocument, {});
    const created = await app.anonymous().request(CreateClientDocument, { input: VALID });
    expect(errorCodes(list)).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(created)).toEqual(['UNAUTHENTICATED']);
  });

  it("should show another firm's admin neither the client nor its id", async () => {
    const node = await fjellvik.asAdmin.data(ClientNodeDocument, { id: nordlys.client.nodeId });
    expect(node.node).toBeNull();
    const { clients } = await fjellvik.asAdmin.data(ClientsDocument, { first: 100 });
    expect(clients.edges.map((edge) => edge.node.id)).not.toContain(nordlys.client.nodeId);
  });
});
