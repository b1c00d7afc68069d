import { toGlobalId } from '../../src/common/global-id';
import { ApiKeyScope } from '../../src/common/access';
import { Mandate, MandateStatus } from '../../src/modules/mandate';
import { Candidacy, CandidacyStage } from '../../src/modules/candidacy';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import { having, insertAssessedMandate, shortlistState, type AssessedMandate } from '../helpers/shortlist-fixtures';
import { subscribeToEveryEvent } from '../gdpr/gdpr-fixtures';
import {
  AddToShortlistDocument,
  CandidacyDetailsDocument,
  MandateShortlistDocument,
  MandateShortlistIdDocument,
  NodesDocument,
  PublishShortlistDocument,
  ReorderShortlistDocument,
  UpdateShortlistEntryDocument,
  WithdrawFromShortlistDocument,
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

const MISSING = '00000000-0000-4000-8000-000000000000';

async function add(
  world: AssessedMandate,
  index: number,
  note = `Note for candidate ${index + 1}.`,
  as: GraphQLClient = nordlys.asRecruiter,
) {
  return (
    await as.data(AddToShortlistDocument, {
      input: { mandateId: world.mandate.nodeId, candidacyId: world.candidacies[index].candidacy.nodeId, note },
    })
  ).addToShortlist;
}

async function publish(world: AssessedMandate, expectedVersion?: number) {
  return (await nordlys.asRecruiter.data(PublishShortlistDocument, { input: { mandateId: world.mandate.nodeId, expectedVersion } }))
    .publishShortlist;
}

async function withdraw(entryId: string, reason = 'The candidate accepted another offer.') {
  return (await nordlys.asRecruiter.data(WithdrawFromShortlistDocument, { input: { entryId, reason } })).withdrawFromShortlist;
}

async function shortlistOf(world: AssessedMandate) {
  const { node } = await nordlys.asRecruiter.data(MandateShortlistDocument, { id: world.mandate.nodeId });
  return having(node, 'shortlist').shortlist;
}

async function historyOf(candidacyId: string) {
  const { node } = await nordlys.asRecruiter.data(CandidacyDetailsDocument, { id: candidacyId });
  return having(node, 'history').history;
}

async function setStage(candidacyId: string, stage: CandidacyStage): Promise<void> {
  await app.em().nativeUpdate(Candidacy, { id: candidacyId }, { stage });
}

describe('addToShortlist', () => {
  it('should add the candidacy at the end with its note and move it to SHORTLISTED with a history entry', async () => {
    const world = await insertAssessedMandate(app, nordlys, { candidates: 2 });
    const first = await add(world, 0, '  Built the outside-in programme at Fjordkraft.  ');
    expect(first.userErrors).toEqual([]);
    expect(first.entry).toEqual({
      id: expect.any(String),
      note: 'Built the outside-in programme at Fjordkraft.',
      position: 1,
      withdrawnAt: null,
      withdrawalReason: null,
      publishedNote: null,
      publishedPosition: null,
      publishedAt: null,
      candidacy: { id: world.candidacies[0].candidacy.nodeId, stage: 'SHORTLISTED' },
      addedBy: { id: nordlys.recruiter.nodeId },
      withdrawnBy: null,
    });
    expect(first.shortlist).toMatchObject({ version: 1, publishedVersion: null, publishedAt: null, publicationCount: 0 });

    const second = await add(world, 1);
    expect(second.entry?.position).toBe(2);
    expect(second.shortlist?.version).toBe(2);
    expect(second.shortlist?.entries.map((entry) => entry.id)).toEqual([first.entry!.id, second.entry!.id]);

    const history = await historyOf(world.candidacies[0].candidacy.nodeId);
    expect(history.at(-1)).toEqual({
      fromStage: 'INTERVIEWING',
      toStage: 'SHORTLISTED',
      reason: 'Added to the shortlist.',
      createdAt: expect.any(String),
      movedBy: { id: nordlys.recruiter.nodeId },
    });
  });

  it('should leave a candidacy that is further along than SHORTLISTED where it is, without a history entry', async () => {
    const world = await insertAssessedMandate(app, nordlys, { candidates: 1 });
    await setStage(world.candidacies[0].candidacy.id, CandidacyStage.OFFER);
    const before = await historyOf(world.candidacies[0].candidacy.nodeId);
    const { entry, userErrors } = await add(world, 0);
    expect(userErrors).toEqual([]);
    expect(entry?.candidacy.stage).toBe('OFFER');
    expect(await historyOf(world.candidacies[0].candidacy.nodeId)).toEqual(before);
  });

  it('should let an admin add too', async () => {
    const world = await insertAssessedMandate(app, nordlys, { candidates: 1 });
    const { entry, userErrors } = await add(world, 0, 'Strong.', nordlys.asAdmin);
    expect(userErrors).toEqual([]);
    expect(entry?.addedBy).toEqual({ id: nordlys.admin.nodeId });
  });

  it('should add a withdrawn candidacy again as a new entry', async () => {
    const world = await insertAssessedMandate(app, nordlys, { candidates: 1 });
    const first = await add(world, 0, 'First time.');
    await withdraw(first.entry!.id);
    const again = await add(world, 0, 'Second time.');
    expect(again.userErrors).toEqual([]);
    expect(again.entry).toMatchObject({ note: 'Second time.', position: 1 });
    expect(again.entry!.id).not.toBe(first.entry!.id);
    const shortlist = await shortlistOf(world);
    expect(shortlist.all.map((entry) => [entry.id, entry.position, entry.withdrawnAt === null])).toEqual([
      [again.entry!.id, 1, true],
      [first.entry!.id, null, false],
    ]);
  });

  describe('bad input', () => {
    let world: AssessedMandate;
    let other: AssessedMandate;

    beforeAll(async () => {
      world = await insertAssessedMandate(app, nordlys, { candidates: 4 });
      other = await insertAssessedMandate(app, nordlys, { candidates: 1 });
      await add(world, 0, 'Already on it.');
      await setStage(world.candidacies[1].candidacy.id, CandidacyStage.REJECTED);
      await setStage(world.candidacies[2].candidacy.id, CandidacyStage.WITHDRAWN);
    });

    const cases: [string, () => { mandateId: string; candidacyId: string; note: string }, object[]][] = [
      [
        'a candidacy of another mandate',
        () => ({ mandateId: world.mandate.nodeId, candidacyId: other.candidacies[0].candidacy.nodeId, note: 'x' }),
        [
          {
            code: 'INVALID',
            field: ['input', 'candidacyId'],
            message: "This candidacy is in another mandate's pipeline: add a candidacy of this mandate.",
          },
        ],
      ],
      [
        'a REJECTED candidacy',
        () => ({ mandateId: world.mandate.nodeId, candidacyId: world.candidacies[1].candidacy.nodeId, note: 'x' }),
        [
          {
            code: 'INVALID_STATE',
            field: ['input', 'candidacyId'],
            message: 'The candidacy is REJECTED: move it back into the pipeline before shortlisting it.',
          },
        ],
      ],
      [
        'a WITHDRAWN candidacy',
        () => ({ mandateId: world.mandate.nodeId, candidacyId: world.candidacies[2].candidacy.nodeId, note: 'x' }),
        [
          {
            code: 'INVALID_STATE',
            field: ['input', 'candidacyId'],
            message: 'The candidacy is WITHDRAWN: move it back into the pipeline before shortlisting it.',
          },
        ],
      ],
      [
        'a candidacy that is already on the shortlist',
        () => ({ mandateId: world.mandate.nodeId, candidacyId: world.candidacies[0].candidacy.nodeId, note: 'x' }),
        [{ code: 'ALREADY_EXISTS', field: ['input', 'candidacyId'], message: 'This candidacy is already on the shortlist.' }],
      ],
      [
        'an empty note',
        () => ({ mandateId: world.mandate.nodeId, candidacyId: world.candidacies[3].candidacy.nodeId, note: '   ' }),
        [{ code: 'REQUIRED', field: ['input', 'note'], message: 'note is required.' }],
      ],
      [
        'a note of 2001 characters',
        () => ({ mandateId: world.mandate.nodeId, candidacyId: world.candidacies[3].candidacy.nodeId, note: 'n'.repeat(2001) }),
        [{ code: 'TOO_LONG', field: ['input', 'note'], message: 'note is longer than 2000 characters.' }],
      ],
      [
        'a candidacy that does not exist',
        () => ({ mandateId: world.mandate.nodeId, candidacyId: toGlobalId('Candidacy', MISSING), note: 'x' }),
        [{ code: 'NOT_FOUND', field: ['input', 'candidacyId'], message: 'No candidacy with this id.' }],
      ],
      [
        'an id of another type as candidacy',
        () => ({ mandateId: world.mandate.nodeId, candidacyId: world.candidacies[3].candidate.nodeId, note: 'x' }),
        [{ code: 'NOT_FOUND', field: ['input', 'candidacyId'], message: 'No candidacy with this id.' }],
      ],
      [
        'a mandate that does not exist',
        () => ({ mandateId: toGlobalId('Mandate', MISSING), candidacyId: world.candidacies[3].candidacy.nodeId, note: 'x' }),
        [{ code: 'NOT_FOUND', field: ['input', 'mandateId'], message: 'No mandate with this id.' }],
      ],
      [
        'several problems at once',
        () => ({ mandateId: world.mandate.nodeId, candidacyId: world.candidacies[1].candidacy.nodeId, note: '' }),
        [
          { code: 'REQUIRED', field: ['input', 'note'], message: 'note is required.' },
          {
            code: 'INVALID_STATE',
            field: ['input', 'candidacyId'],
            message: 'The candidacy is REJECTED: move it back into the pipeline before shortlisting it.',
          },
        ],
      ],
    ];

    it.each(cases)('should refuse %s and change nothing', async (_case, input, userErrors) => {
      const before = await shortlistState(app, world.mandate.id);
      const { addToShortlist } = await nordlys.asRecruiter.data(AddToShortlistDocument, { input: input() });
      expect(addToShortlist).toEqual({ entry: null, shortlist: null, userErrors });
      expect(await shortlistState(app, world.mandate.id)).toEqual(before);
    });

    it.each([MandateStatus.FILLED, MandateStatus.CANCELLED])('should refuse to change the shortlist of a %s mandate', async (status) => {
      const closed = await insertAssessedMandate(app, nordlys, { candidates: 1, status });
      const { addToShortlist } = await nordlys.asRecruiter.data(AddToShortlistDocument, {
        input: { mandateId: closed.mandate.nodeId, candidacyId: closed.candidacies[0].candidacy.nodeId, note: 'x' },
      });
      expect(addToShortlist.userErrors).toEqual([
        { code: 'INVALID_STATE', field: ['input', 'mandateId'], message: `The mandate is ${status}: its shortlist can no longer change.` },
      ]);
      expect((await shortlistState(app, closed.mandate.id)).shortlist).toEqual([]);
    });

    it("should answer another firm's mandate and candidacy exactly like ones that do not exist", async () => {
      const foreign = await insertAssessedMandate(app, fjellvik, { candidates: 1 });
      const before = await shortlistState(app, foreign.mandate.id);
      const foreignMandate = await nordlys.asRecruiter.request(AddToShortlistDocument, {
        input: { mandateId: foreign.mandate.nodeId, candidacyId: foreign.candidacies[0].candidacy.nodeId, note: 'x' },
      });
      const missingMandate = await nordlys.asRecruiter.request(AddToShortlistDocument, {
        input: { mandateId: toGlobalId('Mandate', MISSING), candidacyId: toGlobalId('Candidacy', MISSING), note: 'x' },
      });
      expect(foreignMandate.raw).toBe(missingMandate.raw);
      const foreignCandidacy = await nordlys.asRecruiter.request(AddToShortlistDocument, {
        input: { mandateId: world.mandate.nodeId, candidacyId: foreign.candidacies[0].candidacy.nodeId, note: 'x' },
      });
      const missingCandidacy = await nordlys.asRecruiter.request(AddToShortlistDocument, {
        input: { mandateId: world.mandate.nodeId, candidacyId: toGlobalId('Candidacy', MISSING), note: 'x' },
      });
      expect(foreignCandidacy.raw).toBe(missingCandidacy.raw);
      expect(await shortlistState(app, foreign.mandate.id)).toEqual(before);
    });
  });

  it('should give one of two simultaneous adds of the same candidacy ALREADY_EXISTS, never a server error', async () => {
    const world = await insertAssessedMandate(app, nordlys, { candidates: 1 });
    const results = await Promise.all([add(world, 0, 'One.'), add(world, 0, 'Two.'), add(world, 0, 'Three.')]);
    const errors = results.map((result) => result.userErrors.map((error) => error.code));
    expect(errors.sort()).toEqual([[], ['ALREADY_EXISTS'], ['ALREADY_EXISTS']]);
    expect((await shortlistState(app, world.mandate.id)).entries).toHaveLength(1);
  });

  it('should make one shortlist with dense positions when different candidacies are added at the same moment', async () => {
    const world = await insertAssessedMandate(app, nordlys, { candidates: 4 });
    const results = await Promise.all([0, 1, 2, 3].map((index) => add(world, index)));
    expect(results.map((result) => result.userErrors)).toEqual([[], [], [], []]);
    const state = await shortlistState(app, world.mandate.id);
    expect(state.shortlist).toHaveLength(1);
    expect(state.shortlist[0]).toMatchObject({ version: 4 });
    expect(state.entries.map((entry) => entry.position).sort()).toEqual([1, 2, 3, 4]);
  });
});

describe('updateShortlistEntry', () => {
  it('should change the note and raise the version, without changing what the client sees', async () => {
    const world = await insertAssessedMandate(app, nordlys, { candidates: 1 });
    const { entry } = await add(world, 0, 'Before.');
    await publish(world);
    const { updateShortlistEntry } = await nordlys.asRecruiter.data(UpdateShortlistEntryDocument, {
      input: { entryId: entry!.id, note: 'After.' },
    });
    expect(updateShortlistEntry.userErrors).toEqual([]);
    expect(updateShortlistEntry.entry).toMatchObject({ note: 'After.', publishedNote: 'Before.' });
    expect(updateShortlistEntry.shortlist).toEqual({ version: 3 });
  });

  it('should keep the version when the note stays the same', async () => {
    const world = await insertAssessedMandate(app, nordlys, { candidates: 1 });
    const { entry } = await add(world, 0, 'Same.');
    const { updateShortlistEntry } = await nordlys.asRecruiter.data(UpdateShortlistEntryDocument, {
      input: { entryId: entry!.id, note: ' Same. ' },
    });
    expect(updateShortlistEntry.shortlist).toEqual({ version: 1 });
  });

  // Found by an independent review: the error named input.mandateId, which this input does not have.
  it('should refuse a change on a CANCELLED mandate, naming the entry', async () => {
    const world = await insertAssessedMandate(app, nordlys, { candidates: 1 });
    const { entry } = await add(world, 0, 'Before.');
    await app.em().nativeUpdate(Mandate, { id: world.mandate.id }, { status: MandateStatus.CANCELLED });
    const { updateShortlistEntry } = await nordlys.asRecruiter.data(UpdateShortlistEntryDocument, {
      input: { entryId: entry!.id, note: 'After.' },
    });
    expect(updateShortlistEntry.userErrors).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'entryId'], message: 'The mandate is CANCELLED: its shortlist can no longer change.' },
    ]);
    expect(updateShortlistEntry.entry).toBeNull();
  });

  it.each([
    ['an empty note', 'ACTIVE', '', [{ code: 'REQUIRED', field: ['input', 'note'], message: 'note is required.' }]],
    [
      'a withdrawn entry',
      'WITHDRAWN',
      'New.',
      [
        {
          code: 'INVALID_STATE',
          field: ['input', 'entryId'],
          message: 'This entry was withdrawn from the shortlist; add the candidacy again to present it.',
        },
      ],
    ],
    [
      'an entry that does not exist',
      'MISSING',
      'New.',
      [{ code: 'NOT_FOUND', field: ['input', 'entryId'], message: 'No shortlist entry with this id.' }],
    ],
    [
      "another firm's entry",
      'FOREIGN',
      'New.',
      [{ code: 'NOT_FOUND', field: ['input', 'entryId'], message: 'No shortlist entry with this id.' }],
    ],
    [
      "the client's view of an entry",
      'PRESENTED',
      'New.',
      [{ code: 'NOT_FOUND', field: ['input', 'entryId'], message: 'No shortlist entry with this id.' }],
    ],
  ])('should refuse %s and change nothing', async (_case, which, note, userErrors) => {
    const world = await insertAssessedMandate(app, nordlys, { candidates: 1 });
    const { entry } = await add(world, 0, 'Kept.');
    let entryId = entry!.id;
    if (which === 'WITHDRAWN') await withdraw(entryId);
    if (which === 'MISSING') entryId = toGlobalId('ShortlistEntry', MISSING);
    if (which === 'PRESENTED') entryId = toGlobalId('PresentedShortlistEntry', (await shortlistState(app, world.mandate.id)).entries[0].id);
    if (which === 'FOREIGN') {
      const foreign = await insertAssessedMandate(app, fjellvik, { candidates: 1 });
      entryId = (
        await fjellvik.asRecruiter.data(AddToShortlistDocument, {
          input: { mandateId: foreign.mandate.nodeId, candidacyId: foreign.candidacies[0].candidacy.nodeId, note: 'Theirs.' },
        })
      ).addToShortlist.entry!.id;
    }
    const before = await shortlistState(app, world.mandate.id);
    const { updateShortlistEntry } = await nordlys.asRecruiter.data(UpdateShortlistEntryDocument, { input: { entryId, note } });
    expect(updateShortlistEntry).toEqual({ entry: null, shortlist: null, userErrors });
    expect(await shortlistState(app, world.mandate.id)).toEqual(before);
  });
});

describe('reorderShortlist', () => {
  let world: AssessedMandate;
  let ids: string[];

  beforeEach(async () => {
    world = await insertAssessedMandate(app, nordlys, { candidates: 4 });
    ids = [];
    for (const index of [0, 1, 2, 3]) ids.push((await add(world, index)).entry!.id);
    await withdraw(ids[3]);
  });

  it('should put the active entries in the order given and raise the version', async () => {
    const { reorderShortlist } = await nordlys.asRecruiter.data(ReorderShortlistDocument, {
      input: { mandateId: world.mandate.nodeId, entryIds: [ids[2], ids[0], ids[1]], expectedVersion: 5 },
    });
    expect(reorderShortlist.userErrors).toEqual([]);
    expect(reorderShortlist.shortlist?.version).toBe(6);
    expect(reorderShortlist.shortlist?.entries.map((entry) => [entry.id, entry.position])).toEqual([
      [ids[2], 1],
      [ids[0], 2],
      [ids[1], 3],
    ]);
  });

  it.each([
    [
      'an entry left out',
      () => [ids[2], ids[0]],
      [
        {
          code: 'INVALID',
          field: ['input', 'entryIds'],
          message: 'entryIds must name every active entry of the shortlist exactly once; 1 of 3 is missing.',
        },
      ],
    ],
    [
      'an entry named twice',
      () => [ids[2], ids[0], ids[2], ids[1]],
      [{ code: 'INVALID', field: ['input', 'entryIds', '2'], message: 'This entry is named more than once.' }],
    ],
    [
      'a withdrawn entry',
      () => [ids[2], ids[0], ids[1], ids[3]],
      [{ code: 'NOT_FOUND', field: ['input', 'entryIds', '3'], message: 'No active entry of this shortlist with this id.' }],
    ],
    [
      'an id that names nothing',
      () => [ids[2], 'garbage', ids[0]],
      [
        { code: 'NOT_FOUND', field: ['input', 'entryIds', '1'], message: 'No active entry of this shortlist with this id.' },
        {
          code: 'INVALID',
          field: ['input', 'entryIds'],
          message: 'entryIds must name every active entry of the shortlist exactly once; 1 of 3 is missing.',
        },
      ],
    ],
  ])('should refuse %s and change nothing', async (_case, entryIds, userErrors) => {
    const before = await shortlistState(app, world.mandate.id);
    const { reorderShortlist } = await nordlys.asRecruiter.data(ReorderShortlistDocument, {
      input: { mandateId: world.mandate.nodeId, entryIds: entryIds() },
    });
    expect(reorderShortlist).toEqual({ shortlist: null, userErrors });
    expect(await shortlistState(app, world.mandate.id)).toEqual(before);
  });

  it('should refuse a stale expectedVersion with CONFLICT and change nothing', async () => {
    const before = await shortlistState(app, world.mandate.id);
    const { reorderShortlist } = await nordlys.asRecruiter.data(ReorderShortlistDocument, {
      input: { mandateId: world.mandate.nodeId, entryIds: [ids[2], ids[0], ids[1]], expectedVersion: 4 },
    });
    expect(reorderShortlist.userErrors).toEqual([
      {
        code: 'CONFLICT',
        field: ['input', 'expectedVersion'],
        message: 'The shortlist is at version 5, not 4: it was changed meanwhile. Read it again and redo your change.',
      },
    ]);
    expect(await shortlistState(app, world.mandate.id)).toEqual(before);
  });
});

describe('withdrawFromShortlist', () => {
  it('should take the entry off, close the gap in the order and leave the candidacy where it is', async () => {
    const world = await insertAssessedMandate(app, nordlys, { candidates: 3 });
    const ids = [];
    for (const index of [0, 1, 2]) ids.push((await add(world, index)).entry!.id);
    const { entry, shortlist, userErrors } = await withdraw(ids[1], '  Took a role at a competitor.  ');
    expect(userErrors).toEqual([]);
    expect(entry).toMatchObject({
      id: ids[1],
      position: null,
      withdrawnAt: expect.any(String),
      withdrawalReason: 'Took a role at a competitor.',
      withdrawnBy: { id: nordlys.recruiter.nodeId },
      candidacy: { stage: 'SHORTLISTED' },
    });
    expect(shortlist?.version).toBe(4);
    expect(shortlist?.entries.map((active) => [active.id, active.position])).toEqual([
      [ids[0], 1],
      [ids[2], 2],
    ]);
  });

  it.each([
    ['without a reason', false, ' ', [{ code: 'REQUIRED', field: ['input', 'reason'], message: 'reason is required.' }]],
    [
      'an entry withdrawn before',
      true,
      'Again.',
      [
        {
          code: 'INVALID_STATE',
          field: ['input', 'entryId'],
          message: 'This entry was withdrawn from the shortlist; add the candidacy again to present it.',
        },
      ],
    ],
  ])('should refuse %s and change nothing', async (_case, withdrawnBefore, reason, userErrors) => {
    const world = await insertAssessedMandate(app, nordlys, { candidates: 1 });
    const { entry } = await add(world, 0);
    if (withdrawnBefore) await withdraw(entry!.id);
    const before = await shortlistState(app, world.mandate.id);
    expect(await withdraw(entry!.id, reason)).toEqual({ entry: null, shortlist: null, userErrors });
    expect(await shortlistState(app, world.mandate.id)).toEqual(before);
  });

  it('should withdraw from the shortlist of a CANCELLED mandate: a candidate may ask to be taken off at any time', async () => {
    const world = await insertAssessedMandate(app, nordlys, { candidates: 1 });
    const { entry } = await add(world, 0);
    await publish(world);
    await app.em().nativeUpdate('Mandate', { id: world.mandate.id }, { status: MandateStatus.CANCELLED });
    expect((await withdraw(entry!.id)).userErrors).toEqual([]);
  });
});

describe('publishShortlist', () => {
  // Found by an independent review: shortlist.published carried a shortlistId that no query could
  // read (Shortlist was no Node). Every id an event carries resolves through node.
  it('should emit shortlist.published with ids that all resolve through nodes, the shortlist id the one read before', async () => {
    await subscribeToEveryEvent(app, nordlys);
    const world = await insertAssessedMandate(app, nordlys, { candidates: 2 });
    const shortlistId = async () =>
      having((await nordlys.asRecruiter.data(MandateShortlistIdDocument, { id: world.mandate.nodeId })).node, 'shortlist').shortlist.id;
    const beforeAnything = await shortlistId();
    const first = await add(world, 0);
    const second = await add(world, 1);
    expect(await shortlistId()).toBe(beforeAnything);
    expect((await publish(world)).userErrors).toEqual([]);
    const [event] = (await app
      .em()
      .getConnection()
      .execute(`select data from webhook_event where firm_id = ? and type = 'shortlist.published' order by created_at desc limit 1`, [
        nordlys.firm.id,
      ])) as { data: { shortlistId: string; mandateId: string; entryIds: string[] } }[];
    expect(event.data).toEqual({
      shortlistId: beforeAnything,
      mandateId: world.mandate.nodeId,
      publicationNumber: 1,
      entryIds: [first.entry!.id, second.entry!.id],
    });
    const { nodes } = await nordlys.asRecruiter.data(NodesDocument, {
      ids: [event.data.shortlistId, event.data.mandateId, ...event.data.entryIds],
    });
    expect(nodes).toEqual([
      { __typename: 'Shortlist', id: beforeAnything },
      { __typename: 'Mandate', id: world.mandate.nodeId },
      { __typename: 'ShortlistEntry', id: first.entry!.id },
      { __typename: 'ShortlistEntry', id: second.entry!.id },
    ]);
    const { nodes: forClient } = await nordlys.asClientUser.data(NodesDocument, { ids: [event.data.shortlistId] });
    expect(forClient).toEqual([null]);
  });

  it('should snapshot the entries, move candidacies and an OPEN mandate to PRESENTED, and record who published', async () => {
    const world = await insertAssessedMandate(app, nordlys, { candidates: 2 });
    const first = await add(world, 0, 'Best outside-in record.');
    await add(world, 1, 'Strong operator.');
    await nordlys.asRecruiter.data(ReorderShortlistDocument, {
      input: { mandateId: world.mandate.nodeId, entryIds: [(await shortlistOf(world)).entries[1].id, first.entry!.id] },
    });
    const { shortlist, userErrors } = await publish(world, 3);
    expect(userErrors).toEqual([]);
    expect(shortlist).toMatchObject({
      version: 4,
      publishedVersion: 4,
      publishedAt: expect.any(String),
      publicationCount: 1,
      mandate: { id: world.mandate.nodeId, status: 'PRESENTED' },
    });
    expect(shortlist!.entries.map((entry) => [entry.note, entry.publishedNote, entry.publishedPosition, entry.candidacy.stage])).toEqual([
      ['Strong operator.', 'Strong operator.', 1, 'PRESENTED'],
      ['Best outside-in record.', 'Best outside-in record.', 2, 'PRESENTED'],
    ]);
    expect((await historyOf(world.candidacies[0].candidacy.nodeId)).at(-1)).toEqual({
      fromStage: 'SHORTLISTED',
      toStage: 'PRESENTED',
      reason: 'Presented to the client (shortlist publication 1).',
      createdAt: expect.any(String),
      movedBy: { id: nordlys.recruiter.nodeId },
    });
    const state = await shortlistState(app, world.mandate.id);
    expect(state.publications).toEqual([
      expect.objectContaining({ number: 1, shortlist_version: 4, published_by_id: nordlys.recruiter.id }),
    ]);
    expect(state.snapshots.map((snapshot) => [snapshot.position, snapshot.fit, snapshot.coverage, snapshot.must_haves_met])).toEqual(
      expect.arrayContaining([
        [1, 95, 1, true],
        [2, 95, 1, true],
      ]),
    );
  });

  it('should publish again: a PRESENTED mandate and candidacies stay, with no new history, and a new snapshot is taken', async () => {
    const world = await insertAssessedMandate(app, nordlys, { candidates: 2 });
    await add(world, 0);
    await publish(world);
    const movesBefore = (await shortlistState(app, world.mandate.id)).moves.length;
    await add(world, 1);
    const { shortlist, userErrors } = await publish(world);
    expect(userErrors).toEqual([]);
    expect(shortlist).toMatchObject({ version: 4, publishedVersion: 4, publicationCount: 2, mandate: { status: 'PRESENTED' } });
    const state = await shortlistState(app, world.mandate.id);
    // Only the newly added candidacy moved: INTERVIEWING → SHORTLISTED → PRESENTED.
    expect(state.moves.length).toBe(movesBefore + 2);
    expect(state.snapshots).toHaveLength(3);
  });

  it.each([
    [
      'a mandate whose shortlist was never started',
      'NONE',
      undefined,
      MandateStatus.OPEN,
      'The shortlist has no entries: add candidates before publishing.',
      'mandateId',
    ],
    [
      'a shortlist whose entries were all withdrawn',
      'WITHDRAWN',
      undefined,
      MandateStatus.OPEN,
      'The shortlist has no entries: add candidates before publishing.',
      'mandateId',
    ],
    [
      'a DRAFT mandate',
      'ONE',
      undefined,
      MandateStatus.DRAFT,
      'The mandate is DRAFT: open it before presenting candidates to the client.',
      'mandateId',
    ],
    [
      'a CANCELLED mandate',
      'ONE',
      undefined,
      MandateStatus.CANCELLED,
      'The mandate is CANCELLED: its shortlist can no longer change.',
      'mandateId',
    ],
    [
      'a stale expectedVersion',
      'ONE',
      7,
      MandateStatus.OPEN,
      'The shortlist is at version 1, not 7: it was changed meanwhile. Read it again and redo your change.',
      'expectedVersion',
    ],
    [
      'a candidacy that was rejected since it was added',
      'REJECTED',
      undefined,
      MandateStatus.OPEN,
      'The candidacies at position 1 were rejected or withdrew: withdraw them from the shortlist before publishing.',
      'mandateId',
    ],
  ])('should refuse %s and change nothing', async (_case, shortlist, expectedVersion, status, message, field) => {
    const world = await insertAssessedMandate(app, nordlys, { candidates: 1 });
    if (shortlist !== 'NONE') {
      const { entry } = await add(world, 0);
      if (shortlist === 'WITHDRAWN') await withdraw(entry!.id);
      if (shortlist === 'REJECTED') await setStage(world.candidacies[0].candidacy.id, CandidacyStage.REJECTED);
    }
    await app.em().nativeUpdate('Mandate', { id: world.mandate.id }, { status });
    const before = await shortlistState(app, world.mandate.id);
    const code = field === 'expectedVersion' ? 'CONFLICT' : 'INVALID_STATE';
    expect(await publish(world, expectedVersion)).toEqual({ shortlist: null, userErrors: [{ code, field: ['input', field], message }] });
    expect(await shortlistState(app, world.mandate.id)).toEqual(before);
  });
});

describe('who may change shortlists', () => {
  let world: AssessedMandate;
  beforeAll(async () => {
    world = await insertAssessedMandate(app, nordlys, { candidates: 1 });
  });

  it.each([
    ['a client user', () => Promise.resolve(nordlys.asClientUser)],
    ['an API key with every scope', async () => (await nordlys.apiKey(Object.values(ApiKeyScope))).client],
  ])('should refuse every shortlist change to %s with FORBIDDEN', async (_who, caller) => {
    const as = await caller();
    const before = await shortlistState(app, world.mandate.id);
    const responses = await Promise.all([
      as.request(AddToShortlistDocument, {
        input: { mandateId: world.mandate.nodeId, candidacyId: world.candidacies[0].candidacy.nodeId, note: 'x' },
      }),
      as.request(UpdateShortlistEntryDocument, { input: { entryId: toGlobalId('ShortlistEntry', MISSING), note: 'x' } }),
      as.request(ReorderShortlistDocument, { input: { mandateId: world.mandate.nodeId, entryIds: [] } }),
      as.request(WithdrawFromShortlistDocument, { input: { entryId: toGlobalId('ShortlistEntry', MISSING), reason: 'x' } }),
      as.request(PublishShortlistDocument, { input: { mandateId: world.mandate.nodeId } }),
    ]);
    expect(responses.map((response) => [response.data, errorCodes(response)])).toEqual(responses.map(() => [null, ['FORBIDDEN']]));
    expect(await shortlistState(app, world.mandate.id)).toEqual(before);
  });
});

// Every change of a shortlist takes the version the caller read; a stale one changes nothing.
describe('expectedVersion on every shortlist change', () => {
  const STALE = (version: number, expected: number) => ({
    code: 'CONFLICT',
    field: ['input', 'expectedVersion'],
    message: `The shortlist is at version ${version}, not ${expected}: it was changed meanwhile. Read it again and redo your change.`,
  });

  // A shortlist at version 2: two entries; the third candidacy is not on it yet.
  async function twoEntries() {
    const world = await insertAssessedMandate(app, nordlys, { candidates: 3 });
    const ids = [(await add(world, 0)).entry!.id, (await add(world, 1)).entry!.id];
    return { world, ids };
  }

  type Change = (
    world: AssessedMandate,
    ids: string[],
    expectedVersion: number,
  ) => Promise<{ userErrors: unknown[]; shortlist?: { version: number } | null }>;
  const changes: [string, Change][] = [
    [
      'addToShortlist',
      async (world, _ids, expectedVersion) =>
        (
          await nordlys.asRecruiter.data(AddToShortlistDocument, {
            input: { mandateId: world.mandate.nodeId, candidacyId: world.candidacies[2].candidacy.nodeId, note: 'Third.', expectedVersion },
          })
        ).addToShortlist,
    ],
    [
      'updateShortlistEntry',
      async (_world, ids, expectedVersion) =>
        (await nordlys.asRecruiter.data(UpdateShortlistEntryDocument, { input: { entryId: ids[0], note: 'A new note.', expectedVersion } }))
          .updateShortlistEntry,
    ],
    [
      'withdrawFromShortlist',
      async (_world, ids, expectedVersion) =>
        (
          await nordlys.asRecruiter.data(WithdrawFromShortlistDocument, {
            input: { entryId: ids[0], reason: 'Took another role.', expectedVersion },
          })
        ).withdrawFromShortlist,
    ],
  ];

  it.each(changes)('%s should refuse a stale expectedVersion with CONFLICT and change nothing', async (_name, change) => {
    const { world, ids } = await twoEntries();
    const before = await shortlistState(app, world.mandate.id);
    const result = await change(world, ids, 1);
    expect(result.userErrors).toEqual([STALE(2, 1)]);
    expect(result.shortlist).toBeNull();
    expect(await shortlistState(app, world.mandate.id)).toEqual(before);
  });

  it.each(changes)('%s should apply the change at the current version and raise it by one', async (_name, change) => {
    const { world, ids } = await twoEntries();
    const result = await change(world, ids, 2);
    expect(result.userErrors).toEqual([]);
    expect(result.shortlist!.version).toBe(3);
    expect((await shortlistOf(world)).version).toBe(3);
  });

  it('addToShortlist should take expectedVersion 0 for a mandate without a shortlist, and refuse 1', async () => {
    const world = await insertAssessedMandate(app, nordlys, { candidates: 1 });
    const input = { mandateId: world.mandate.nodeId, candidacyId: world.candidacies[0].candidacy.nodeId, note: 'First.' };
    const stale = (await nordlys.asRecruiter.data(AddToShortlistDocument, { input: { ...input, expectedVersion: 1 } })).addToShortlist;
    expect(stale.userErrors).toEqual([STALE(0, 1)]);
    expect((await shortlistState(app, world.mandate.id)).shortlist).toEqual([]);
    const fresh = (await nordlys.asRecruiter.data(AddToShortlistDocument, { input: { ...input, expectedVersion: 0 } })).addToShortlist;
    expect(fresh.userErrors).toEqual([]);
    expect(fresh.shortlist!.version).toBe(1);
  });
});
