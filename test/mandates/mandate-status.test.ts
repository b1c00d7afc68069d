import { ApiKeyScope } from '../../src/common/access';
import { MandateStatus } from '../../src/modules/mandate';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes } from '../helpers/graphql-client';
import { insertMandate, storedMandate } from '../helpers/mandate-fixtures';
import { ChangeMandateStatusDocument } from '../generated/graphql';

let app: TestApp;
let nordlys: TestFirm;
let fjellvik: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  nordlys = await createTestFirm(app, 'nordlys');
  fjellvik = await createTestFirm(app, 'fjellvik');
});
afterAll(() => app.close());

const { DRAFT, OPEN, PRESENTED, FILLED, CANCELLED } = MandateStatus;
const ALLOWED: [MandateStatus, MandateStatus][] = [
  [DRAFT, OPEN],
  [DRAFT, CANCELLED],
  [OPEN, PRESENTED],
  [OPEN, CANCELLED],
  [PRESENTED, FILLED],
  [PRESENTED, OPEN],
  [PRESENTED, CANCELLED],
];
const EVERY_PAIR = Object.values(MandateStatus).flatMap((from) => Object.values(MandateStatus).map((to) => [from, to] as const));
const REFUSED = EVERY_PAIR.filter(([from, to]) => !ALLOWED.some(([a, b]) => a === from && b === to));

const REFUSALS: Record<MandateStatus, string> = {
  DRAFT: 'from DRAFT it can go to OPEN or CANCELLED.',
  OPEN: 'from OPEN it can go to PRESENTED or CANCELLED.',
  PRESENTED: 'from PRESENTED it can go to FILLED or OPEN or CANCELLED.',
  FILLED: '',
  CANCELLED: '',
};

function refusal(from: MandateStatus, to: MandateStatus): string {
  const start = `A mandate cannot go from ${from} to ${to}`;
  return from === FILLED || from === CANCELLED ? `${start}: ${from} is final.` : `${start}; ${REFUSALS[from]}`;
}

describe('changeMandateStatus', () => {
  it.each(ALLOWED)('should move a mandate from %s to %s', async (from, to) => {
    const mandate = await insertMandate(app, nordlys, { status: from });
    const { changeMandateStatus } = await nordlys.asRecruiter.data(ChangeMandateStatusDocument, {
      input: { mandateId: mandate.nodeId, status: to },
    });
    expect(changeMandateStatus).toEqual({ mandate: { id: mandate.nodeId, status: to }, userErrors: [] });
    expect((await storedMandate(app, mandate.id)).status).toBe(to);
  });

  it.each(REFUSED)('should refuse to move a mandate from %s to %s with INVALID_STATE and change nothing', async (from, to) => {
    const mandate = await insertMandate(app, nordlys, { status: from });
    const before = await storedMandate(app, mandate.id);
    const { changeMandateStatus } = await nordlys.asRecruiter.data(ChangeMandateStatusDocument, {
      input: { mandateId: mandate.nodeId, status: to },
    });
    expect(changeMandateStatus).toEqual({
      mandate: null,
      userErrors: [{ code: 'INVALID_STATE', field: ['input', 'status'], message: refusal(from, to) }],
    });
    expect(await storedMandate(app, mandate.id)).toEqual(before);
  });

  it('should take a mandate through its whole life, back to OPEN once when the client wants more candidates', async () => {
    const mandate = await insertMandate(app, nordlys);
    for (const status of [OPEN, PRESENTED, OPEN, PRESENTED, FILLED]) {
      const { changeMandateStatus } = await nordlys.asAdmin.data(ChangeMandateStatusDocument, {
        input: { mandateId: mandate.nodeId, status },
      });
      expect(changeMandateStatus.mandate?.status).toBe(status);
    }
  });

  it('should answer NOT_FOUND for a mandate of another firm and change nothing', async () => {
    const other = await insertMandate(app, fjellvik);
    const { changeMandateStatus } = await nordlys.asAdmin.data(ChangeMandateStatusDocument, {
      input: { mandateId: other.nodeId, status: OPEN },
    });
    expect(changeMandateStatus).toEqual({
      mandate: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'mandateId'], message: 'No mandate with this id.' }],
    });
    expect((await storedMandate(app, other.id)).status).toBe(DRAFT);
  });

  it('should let only one of two simultaneous changes from the same status through', async () => {
    const mandate = await insertMandate(app, nordlys, { status: PRESENTED });
    const [filled, cancelled] = await Promise.all([
      nordlys.asRecruiter.data(ChangeMandateStatusDocument, { input: { mandateId: mandate.nodeId, status: FILLED } }),
      nordlys.asAdmin.data(ChangeMandateStatusDocument, { input: { mandateId: mandate.nodeId, status: CANCELLED } }),
    ]);
    const results = [filled.changeMandateStatus, cancelled.changeMandateStatus];
    expect(results.filter((result) => result.userErrors.length === 0)).toHaveLength(1);
    const winner = results.find((result) => result.userErrors.length === 0)!.mandate!.status;
    expect(results.find((result) => result.userErrors.length > 0)!.userErrors[0].message).toBe(
      `A mandate cannot go from ${winner} to ${winner === FILLED ? CANCELLED : FILLED}: ${winner} is final.`,
    );
    expect((await storedMandate(app, mandate.id)).status).toBe(winner);
  });

  it.each([
    ['admin', true],
    ['recruiter', true],
    ['client user', false],
    ['API key with mandates:read', false],
    ['API key with mandates:write', true],
  ])('should let the %s change the status: %s', async (caller, allowed) => {
    const clients = {
      admin: async () => nordlys.asAdmin,
      recruiter: async () => nordlys.asRecruiter,
      'client user': async () => nordlys.asClientUser,
      'API key with mandates:read': async () => (await nordlys.apiKey([ApiKeyScope.MANDATES_READ])).client,
      'API key with mandates:write': async () => (await nordlys.apiKey([ApiKeyScope.MANDATES_WRITE])).client,
    } as const;
    const mandate = await insertMandate(app, nordlys);
    const client = await clients[caller as keyof typeof clients]();
    const response = await client.request(ChangeMandateStatusDocument, { input: { mandateId: mandate.nodeId, status: OPEN } });
    if (allowed) {
      expect(response.data!.changeMandateStatus).toEqual({ mandate: { id: mandate.nodeId, status: OPEN }, userErrors: [] });
    } else {
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect((await storedMandate(app, mandate.id)).status).toBe(DRAFT);
    }
  });
});
