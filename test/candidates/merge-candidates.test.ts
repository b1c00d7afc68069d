import { ReferenceKind } from '@mikro-orm/core';
import { ApiKeyScope } from '../../src/common/access';
import { toGlobalId } from '../../src/common/global-id';
import { ConsentStatus, MERGE_RULES, MergeSide, type Candidate } from '../../src/modules/candidate';
import { candidateDataExport } from '../../src/modules/gdpr';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes, type GraphQLClient } from '../helpers/graphql-client';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestMandate, insertCandidacy, insertCandidate, snapshotTables, writesDuring } from '../helpers/candidate-fixtures';
import {
  CandidateIdsDocument,
  CandidateVersionDocument,
  EraseCandidateDocument,
  MergeCandidatesDocument,
  MergeHistoryPageDocument,
  MergeSyncPageDocument,
  UpdateCandidateDocument,
  UpsertCandidatesDocument,
  type MergeCandidatesInput,
} from '../generated/graphql';
import {
  findEverywhere,
  insertGdprMandate,
  insertPersonWithHistory,
  markValues,
  resend,
  sendKeyed,
  subscribeToEveryEvent,
  writeKeyedHistory,
  type PersonWithHistory,
} from '../gdpr/gdpr-fixtures';

let app: TestApp;
let otherFirm: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  otherFirm = await createTestFirm(app, 'mergeother');
}, 120_000);
afterAll(() => app.close());

const sql = <T = Record<string, unknown>>(query: string, parameters: unknown[] = []): Promise<T[]> =>
  app.em().getConnection().execute(query, parameters);

function mergeInput(survivor: Candidate, duplicate: Candidate, more: Partial<MergeCandidatesInput> = {}): MergeCandidatesInput {
  return {
    survivorId: survivor.nodeId,
    duplicateId: duplicate.nodeId,
    expectedVersions: { survivor: 1, duplicate: 1 },
    ...more,
  };
}

async function merge(caller: GraphQLClient, input: MergeCandidatesInput) {
  return (await caller.data(MergeCandidatesDocument, { input })).mergeCandidates;
}

async function versionOf(caller: GraphQLClient, candidate: Candidate): Promise<number> {
  const { node } = await caller.data(CandidateVersionDocument, { id: candidate.nodeId });
  return (node as { version: number }).version;
}

// The ids of every row about the candidate, per entity (the data export's sections).
async function rowIdsAbout(firm: TestFirm, candidateId: string): Promise<Record<string, string[]>> {
  const document = (await candidateDataExport(app.em(), firm.firm.id, candidateId, null)) as { related: Record<string, { id: string }[]> };
  return Object.fromEntries(Object.entries(document.related).map(([name, rows]) => [name, rows.map((row) => row.id).sort()]));
}

// A leader recorded twice: once with a whole history (the duplicate), once as a bare record with
// a ref in another system, a tag and a candidacy of its own (the survivor).
async function twoRecords(label: string): Promise<{ firm: TestFirm; person: PersonWithHistory; survivor: Candidate }> {
  const firm = await createTestFirm(app, label);
  await subscribeToEveryEvent(app, firm);
  const person = await insertPersonWithHistory(app, firm, await insertGdprMandate(app, firm));
  const survivor = await insertCandidate(app, firm, {
    firstName: 'Ingrid',
    lastName: 'Dahl',
    email: `ingrid.dahl.${label}@work.example`,
    headline: 'CFO, Fjordkraft',
    tags: ['finance', person.marks.tag],
    externalRefs: [{ system: 'ashby', externalId: `ashby-${label}` }],
  });
  await insertCandidacy(app, firm, await createTestMandate(app, firm, { title: 'Finansdirektør' }), survivor);
  return { firm, person, survivor };
}

describe('mergeCandidates', () => {
  it('should have a merge rule for every entity that refers to a candidate, and move every one that refers to it directly', () => {
    const metas = Object.values(app.orm.getMetadata().getAll()).filter((meta) => !meta.abstract && meta.tableName);
    const refersTo = (meta: (typeof metas)[number], names: Set<string>) =>
      meta.relations.some(
        (relation) =>
          (relation.kind === ReferenceKind.MANY_TO_ONE || (relation.kind === ReferenceKind.ONE_TO_ONE && relation.owner)) &&
          names.has(relation.type),
      );
    const found = new Set(['Candidate']);
    for (let size = 0; size !== found.size;) {
      size = found.size;
      for (const meta of metas) if (refersTo(meta, found)) found.add(meta.className);
    }
    found.delete('Candidate');
    const direct = metas
      .filter((meta) => meta.className !== 'Candidate' && refersTo(meta, new Set(['Candidate'])))
      .map((meta) => meta.className);
    expect(Object.keys(MERGE_RULES).sort()).toEqual([...found].sort());
    expect(direct.sort()).toEqual(['Candidacy', 'CandidateDuplicate', 'CandidateDuplicateDismissal', 'CandidateExternalRef']);
    for (const name of direct) expect([name, typeof MERGE_RULES[name].move]).toEqual([name, 'function']);
  });

  describe('of two records of one person', () => {
    let firm: TestFirm;
    let person: PersonWithHistory;
    let survivor: Candidate;
    let rowsBefore: Record<string, string[]>;
    let profileBefore: Record<string, unknown>[];
    let result: Awaited<ReturnType<typeof merge>>;

    beforeAll(async () => {
      ({ firm, person, survivor } = await twoRecords('merge'));
      rowsBefore = await rowIdsAbout(firm, person.candidate.id);
      profileBefore = await sql(
        `select candidacy_id, competency_key, score_sum, ratings_count from candidate_competency_profile where candidate_id = ? order by 1, 2`,
        [person.candidate.id],
      );
      result = await merge(
        firm.asRecruiter,
        mergeInput(survivor, person.candidate, {
          fieldChoices: {
            firstName: MergeSide.DUPLICATE,
            lastName: MergeSide.DUPLICATE,
            phone: MergeSide.DUPLICATE,
            location: MergeSide.DUPLICATE,
          },
        }),
      );
    }, 120_000);

    it('should keep the chosen values, unite the tags, move the refs and take the stricter consent', () => {
      expect(result.userErrors).toEqual([]);
      expect(result.mergedCandidateId).toBe(person.candidate.nodeId);
      const { mergedFrom, ...candidate } = result.candidate!;
      expect(candidate).toEqual({
        id: survivor.nodeId,
        version: 2,
        firstName: person.marks.firstName,
        lastName: person.marks.lastName,
        email: 'ingrid.dahl.merge@work.example',
        phone: person.marks.phone,
        headline: 'CFO, Fjordkraft',
        location: person.marks.location,
        languages: [],
        linkedinUrl: null,
        tags: ['finance', person.marks.tag],
        // PENDING is stricter than GIVEN: the survivor never consented; the term given on the other record stays.
        consentStatus: 'PENDING',
        consentGivenAt: null,
        consentWithdrawnAt: null,
        retainUntil: '2031-06-30',
        externalRefs: [
          { system: 'ashby', externalId: 'ashby-merge' },
          { system: 'greenhouse', externalId: person.marks.externalId },
        ],
      });
      expect(mergedFrom).toEqual([{ candidateId: person.candidate.nodeId, mergedAt: expect.any(String) }]);
    });

    it('should move every row about the duplicate to the survivor, and leave none on the duplicate', async () => {
      const rowsAfter = await rowIdsAbout(firm, survivor.id);
      for (const [name, ids] of Object.entries(rowsBefore)) {
        if (name === 'CandidateDuplicate' || name === 'CandidateDuplicateDismissal') continue;
        expect([name, ids.filter((id) => !rowsAfter[name].includes(id))]).toEqual([name, []]);
      }
      expect(rowsBefore.Candidacy).toHaveLength(1);
      expect(rowsBefore.Rating.length).toBeGreaterThan(0);
      expect(rowsBefore.ShortlistFeedback).toHaveLength(2);
      const left = await rowIdsAbout(firm, person.candidate.id);
      expect(Object.values(left).flat()).toEqual([]);
    });

    it('should count the moved ratings in the survivor’s talent-pool profile', async () => {
      const profile = await sql(
        `select candidate_id, candidacy_id, competency_key, score_sum, ratings_count from candidate_competency_profile where candidate_id in (?, ?) order by 2, 3`,
        [survivor.id, person.candidate.id],
      );
      expect(profileBefore.length).toBeGreaterThan(0);
      expect(profile).toEqual(profileBefore.map((row) => ({ candidate_id: survivor.id, ...row })));
    });

    it('should leave the duplicate a placeholder without personal data, gone for node and the list', async () => {
      const [row] = await sql(
        `select first_name, last_name, email, phone, headline, location, languages, linkedin_url, tags, search_text,
                erased_at is not null as erased, merged_into_id, merged_at is not null as merged from candidate where id = ?`,
        [person.candidate.id],
      );
      expect(row).toEqual({
        first_name: 'Merged',
        last_name: 'candidate',
        email: null,
        phone: null,
        headline: null,
        location: null,
        languages: [],
        linkedin_url: null,
        tags: [],
        search_text: '',
        erased: true,
        merged_into_id: survivor.id,
        merged: true,
      });
      expect(await firm.asRecruiter.data(CandidateVersionDocument, { id: person.candidate.nodeId })).toEqual({ node: null });
      const { candidates } = await firm.asRecruiter.data(CandidateIdsDocument, { first: 100 });
      expect(candidates.nodes.map((node) => node.id)).not.toContain(person.candidate.nodeId);
      expect(candidates.nodes.map((node) => node.id)).toContain(survivor.nodeId);
    });

    it('should show a sync reader the duplicate once more as erased and merged into the survivor, and the survivor changed', async () => {
      const { candidates } = await firm.asRecruiter.data(MergeSyncPageDocument, { updatedSince: '2000-01-01T00:00:00Z', first: 100 });
      const byId = new Map(candidates.nodes.map((node) => [node.id, node]));
      expect(byId.get(person.candidate.nodeId)).toEqual({
        id: person.candidate.nodeId,
        firstName: 'Merged',
        lastName: 'candidate',
        email: null,
        erasedAt: expect.any(String),
        mergedAt: expect.any(String),
        mergedInto: { id: survivor.nodeId },
      });
      // Both changed last in the merge's transaction, so they come last, together.
      expect(
        candidates.nodes
          .slice(-2)
          .map((node) => node.id)
          .sort(),
      ).toEqual([survivor.nodeId, person.candidate.nodeId].sort());
    });

    it('should write one candidate.merged event with both ids, and an audit row', async () => {
      const events = await sql(`select data from webhook_event where firm_id = ? and type = 'candidate.merged'`, [firm.firm.id]);
      expect(events).toEqual([{ data: { survivorId: survivor.nodeId, mergedId: person.candidate.nodeId } }]);
      const audit = await sql(
        `select actor_user_id, object_type, object_id, summary from audit_event where firm_id = ? and action = 'mergeCandidates'`,
        [firm.firm.id],
      );
      expect(audit).toEqual([
        {
          actor_user_id: firm.recruiter.id,
          object_type: 'Candidate',
          object_id: survivor.id,
          summary: expect.objectContaining({
            input: expect.objectContaining({ survivorId: survivor.nodeId, duplicateId: person.candidate.nodeId }),
          }),
        },
      ]);
    });

    it('should update the survivor when an ATS upserts by one of the duplicate’s external refs', async () => {
      const { client: ats } = await firm.apiKey([ApiKeyScope.CANDIDATES_WRITE]);
      const { upsertCandidates } = await ats.data(UpsertCandidatesDocument, {
        input: {
          candidates: [
            { externalRef: { system: 'greenhouse', externalId: person.marks.externalId }, firstName: 'Ingrid', lastName: 'Dahl-Berg' },
          ],
        },
      });
      expect(upsertCandidates.results.map((item) => [item.status, item.candidate?.id])).toEqual([['UPDATED', survivor.nodeId]]);
      const [{ count }] = await sql<{ count: number }>(`select count(*)::int as count from candidate where firm_id = ?`, [firm.firm.id]);
      expect(count).toBe(2);
    });

    it('should refuse to merge the duplicate again (MERGED), and writes about it as for an id that does not exist', async () => {
      const version = await versionOf(firm.asRecruiter, survivor);
      const other = await insertCandidate(app, firm, { firstName: 'Kari', lastName: 'Nordmann' });
      const again = await merge(firm.asRecruiter, {
        survivorId: other.nodeId,
        duplicateId: person.candidate.nodeId,
        expectedVersions: { survivor: 1, duplicate: version },
      });
      expect(again.userErrors).toEqual([
        {
          code: 'MERGED',
          field: ['input', 'duplicateId'],
          message: 'This candidate was already merged into another (see the survivor, Candidate.mergedFrom).',
        },
      ]);
      const { updateCandidate } = await firm.asRecruiter.data(UpdateCandidateDocument, {
        input: { candidateId: person.candidate.nodeId, firstName: 'Back' },
      });
      expect(updateCandidate.userErrors).toEqual([
        { code: 'NOT_FOUND', field: ['input', 'candidateId'], message: 'No candidate with this id.' },
      ]);
    });
  });

  it('should list the survivor’s merged records after a merge of a survivor, and find pairs of the survivor again', async () => {
    const firm = await createTestFirm(app, 'mergechain');
    const first = await insertCandidate(app, firm, { firstName: 'Ola', lastName: 'Berg', email: 'ola.berg@a.example' });
    const second = await insertCandidate(app, firm, { firstName: 'Ola', lastName: 'Berg', email: 'ola.berg@b.example' });
    const third = await insertCandidate(app, firm, { firstName: 'O.', lastName: 'Berg', email: 'ola.berg@b.example' });
    expect((await merge(firm.asRecruiter, mergeInput(second, first))).userErrors).toEqual([]);
    // The third was a duplicate of the second by email; the second now keeps its own email.
    const pairs = await sql(`select candidate_id, other_candidate_id, reasons from candidate_duplicate where firm_id = ?`, [firm.firm.id]);
    expect(pairs).toEqual([
      {
        candidate_id: [second.id, third.id].sort()[0],
        other_candidate_id: [second.id, third.id].sort()[1],
        reasons: ['EMAIL'],
      },
    ]);
    const done = await merge(firm.asRecruiter, mergeInput(third, second, { expectedVersions: { survivor: 1, duplicate: 2 } }));
    expect(done.userErrors).toEqual([]);
    expect(done.candidate!.mergedFrom.map((merged) => merged.candidateId)).toEqual([first.nodeId, second.nodeId]);
    expect(await sql(`select * from candidate_duplicate where firm_id = ?`, [firm.firm.id])).toEqual([]);
  });

  it('should keep a withdrawal of consent on either side', async () => {
    const firm = await createTestFirm(app, 'mergeconsent');
    const given = await insertCandidate(app, firm, {
      firstName: 'Siri',
      lastName: 'Lund',
      consent: { status: ConsentStatus.GIVEN, retainUntil: new Date('2030-01-31T00:00:00Z') },
    });
    const withdrawn = await insertCandidate(app, firm, {
      firstName: 'Siri',
      lastName: 'Lund',
      consent: { status: ConsentStatus.WITHDRAWN },
    });
    const { candidate, userErrors } = await merge(firm.asRecruiter, mergeInput(given, withdrawn));
    expect(userErrors).toEqual([]);
    expect([candidate!.consentStatus, candidate!.consentWithdrawnAt !== null, candidate!.retainUntil]).toEqual([
      'WITHDRAWN',
      true,
      '2030-01-31',
    ]);
  });

  it('should replay a keyed merge sent again, without merging twice', async () => {
    const firm = await createTestFirm(app, 'mergekey');
    const a = await insertCandidate(app, firm, { firstName: 'Per', lastName: 'Holm' });
    const b = await insertCandidate(app, firm, { firstName: 'Per', lastName: 'Holm' });
    const keyed = await sendKeyed(
      'merge',
      firm.asRecruiter,
      `mutation ($input: MergeCandidatesInput!) { mergeCandidates(input: $input) { mergedCandidateId candidate { version } userErrors { code } } }`,
      { input: mergeInput(a, b) },
    );
    const again = await resend(keyed);
    expect([again.status, again.headers.get('idempotent-replayed'), again.raw]).toEqual([200, 'true', keyed.first.raw]);
    expect(
      await sql(`select count(*)::int as n from audit_event where firm_id = ? and action = 'mergeCandidates'`, [firm.firm.id]),
    ).toEqual([{ n: 1 }]);
  });

  it('should read mergedFrom and mergedInto of a page in as many statements for 12 candidates as for 3', async () => {
    const firm = await createTestFirm(app, 'mergepages');
    for (let index = 0; index < 12; index++) {
      const survivor = await insertCandidate(app, firm, { firstName: `Leader${index}`, lastName: 'Survivor' });
      const duplicate = await insertCandidate(app, firm, { firstName: `Leader${index}`, lastName: 'Duplicate' });
      expect((await merge(firm.asRecruiter, mergeInput(survivor, duplicate))).userErrors).toEqual([]);
    }
    const counted = async (first: number) => {
      let history: string[][] = [];
      let merged: (string | null)[] = [];
      const statements = await app.countStatements(async () => {
        const { candidates } = await firm.asRecruiter.data(MergeHistoryPageDocument, { first });
        history = candidates.nodes.map((node) => node.mergedFrom.map((item) => item.candidateId));
      });
      const syncStatements = await app.countStatements(async () => {
        const { candidates } = await firm.asRecruiter.data(MergeSyncPageDocument, {
          updatedSince: '2000-01-01T00:00:00Z',
          first: first * 2,
        });
        merged = candidates.nodes.map((node) => node.mergedInto?.id ?? null);
      });
      return { statements, syncStatements, history, merged };
    };
    const few = await counted(3);
    const many = await counted(12);
    expect([few.history.length, many.history.length]).toEqual([3, 12]);
    expect(many.history.every((ids) => ids.length === 1)).toBe(true);
    expect(many.merged.filter((id) => id !== null)).toHaveLength(12);
    expect([many.statements, many.syncStatements]).toEqual([few.statements, few.syncStatements]);
  }, 120_000);

  describe('refusals', () => {
    let firm: TestFirm;
    beforeAll(async () => {
      firm = await createTestFirm(app, 'mergerefuse');
    }, 120_000);

    // The merge is refused with exactly `errors` and writes nothing at all.
    async function expectRefused(input: MergeCandidatesInput, errors: { code: string; field: string[]; message?: unknown }[]) {
      const before = await snapshotTables(app);
      let payload: Awaited<ReturnType<typeof merge>> | undefined;
      const writes = await writesDuring(app, async () => {
        payload = await merge(firm.asRecruiter, input);
      });
      expect(payload!.userErrors).toEqual(errors.map((error) => ({ message: expect.any(String), ...error })));
      expect([payload!.candidate, payload!.mergedCandidateId]).toEqual([null, null]);
      expect(writes).toEqual([]);
      expect(await snapshotTables(app)).toEqual(before);
    }

    it('should refuse a candidate merged with themselves', async () => {
      const a = await insertCandidate(app, firm, { firstName: 'Self', lastName: 'Same' });
      await expectRefused(mergeInput(a, a), [{ code: 'INVALID', field: ['input', 'duplicateId'] }]);
    });

    it('should refuse another firm’s candidate as one that does not exist, on either side', async () => {
      const a = await insertCandidate(app, firm, { firstName: 'Own', lastName: 'Firm' });
      const foreign = await insertCandidate(app, otherFirm, { firstName: 'Own', lastName: 'Firm' });
      const missing = { nodeId: toGlobalId('Candidate', '00000000-0000-4000-8000-000000000000') } as Candidate;
      const notFound = { code: 'NOT_FOUND', field: ['input', 'duplicateId'], message: 'No candidate with this id.' };
      await expectRefused(mergeInput(a, foreign), [notFound]);
      await expectRefused(mergeInput(a, missing), [notFound]);
      await expectRefused(mergeInput(foreign, a), [{ ...notFound, field: ['input', 'survivorId'] }]);
      // Ids of another type, or no id at all: as missing.
      const mandateId = { nodeId: toGlobalId('Mandate', a.id) } as Candidate;
      await expectRefused(mergeInput(mandateId, { nodeId: 'not-an-id' } as Candidate), [
        { ...notFound, field: ['input', 'survivorId'] },
        notFound,
      ]);
    });

    it('should refuse an erased candidate', async () => {
      const a = await insertCandidate(app, firm, { firstName: 'Live', lastName: 'One' });
      const b = await insertCandidate(app, firm, { firstName: 'Live', lastName: 'One' });
      const { eraseCandidate } = await firm.asAdmin.data(EraseCandidateDocument, { input: { candidateId: b.nodeId, reason: 'request' } });
      expect(eraseCandidate.userErrors).toEqual([]);
      await expectRefused(mergeInput(a, b, { expectedVersions: { survivor: 1, duplicate: 2 } }), [
        { code: 'ERASED', field: ['input', 'duplicateId'] },
      ]);
    });

    it('should refuse stale versions of either record (CONFLICT)', async () => {
      const a = await insertCandidate(app, firm, { firstName: 'Old', lastName: 'Version' });
      const b = await insertCandidate(app, firm, { firstName: 'Old', lastName: 'Version' });
      await firm.asRecruiter.data(UpdateCandidateDocument, { input: { candidateId: b.nodeId, headline: 'Changed meanwhile' } });
      expect(await versionOf(firm.asRecruiter, b)).toBe(2);
      await expectRefused(mergeInput(a, b, { expectedVersions: { survivor: 1, duplicate: 1 } }), [
        {
          code: 'CONFLICT',
          field: ['input', 'expectedVersions', 'duplicate'],
          message: 'The candidate is at version 2, not 1: it was changed meanwhile. Read both again and redo the merge.',
        },
      ]);
      await expectRefused(mergeInput(a, b, { expectedVersions: { survivor: 0, duplicate: 2 } }), [
        { code: 'CONFLICT', field: ['input', 'expectedVersions', 'survivor'] },
      ]);
    });

    it('should refuse two records in one mandate’s pipeline, listing the mandates', async () => {
      const a = await insertCandidate(app, firm, { firstName: 'Twice', lastName: 'Sourced' });
      const b = await insertCandidate(app, firm, { firstName: 'Twice', lastName: 'Sourced' });
      const shared = await createTestMandate(app, firm, { title: 'Daglig leder' });
      const alsoShared = await createTestMandate(app, firm, { title: 'Styreleder' });
      for (const mandate of [shared, alsoShared]) for (const candidate of [a, b]) await insertCandidacy(app, firm, mandate, candidate);
      await insertCandidacy(app, firm, await createTestMandate(app, firm, { title: 'Other' }), b);
      await expectRefused(mergeInput(a, b), [
        {
          code: 'SAME_MANDATE',
          field: ['input', 'duplicateId'],
          message: `Both are in the pipeline of the mandate "Daglig leder" (${shared.nodeId}): a person has one candidacy per mandate; decide which to keep first.`,
        },
        {
          code: 'SAME_MANDATE',
          field: ['input', 'duplicateId'],
          message: `Both are in the pipeline of the mandate "Styreleder" (${alsoShared.nodeId}): a person has one candidacy per mandate; decide which to keep first.`,
        },
      ]);
    });

    it('should refuse two records with an external id in one system', async () => {
      const a = await insertCandidate(app, firm, {
        firstName: 'Two',
        lastName: 'Refs',
        externalRefs: [{ system: 'greenhouse', externalId: 'gh-a' }],
      });
      const b = await insertCandidate(app, firm, {
        firstName: 'Two',
        lastName: 'Refs',
        externalRefs: [{ system: 'greenhouse', externalId: 'gh-b' }],
      });
      await expectRefused(mergeInput(a, b), [
        {
          code: 'ALREADY_EXISTS',
          field: ['input', 'duplicateId'],
          message: 'Both have an external id in greenhouse (one per system): remove one with updateCandidate first.',
        },
      ]);
    });

    it('should refuse client users and keys without candidates:write, and let a key with it merge', async () => {
      const a = await insertCandidate(app, firm, { firstName: 'Key', lastName: 'Merge' });
      const b = await insertCandidate(app, firm, { firstName: 'Key', lastName: 'Merge' });
      const { client: reader } = await firm.apiKey([ApiKeyScope.CANDIDATES_READ, ApiKeyScope.MANDATES_WRITE]);
      for (const caller of [firm.asClientUser, reader]) {
        const response = await caller.request(MergeCandidatesDocument, { input: mergeInput(a, b) });
        expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      }
      const { client: writer } = await firm.apiKey([ApiKeyScope.CANDIDATES_WRITE]);
      expect((await merge(writer, mergeInput(a, b))).userErrors).toEqual([]);
    });
  });

  it('should leave nothing of either record anywhere once the survivor is erased', async () => {
    const { firm, person, survivor } = await twoRecords('mergeerase');
    const keyed = await writeKeyedHistory(app, firm, person);
    const merged = await merge(
      firm.asRecruiter,
      mergeInput(survivor, person.candidate, { fieldChoices: { email: MergeSide.DUPLICATE, linkedinUrl: MergeSide.DUPLICATE } }),
    );
    expect(merged.userErrors).toEqual([]);
    expect(merged.candidate!.email).toBe(person.marks.email);
    const { eraseCandidate } = await firm.asAdmin.data(EraseCandidateDocument, {
      input: { candidateId: survivor.nodeId, reason: 'request' },
    });
    expect(eraseCandidate.userErrors).toEqual([]);
    expect(
      await findEverywhere(app, [...markValues(person.marks), ...keyed.texts, 'ingrid.dahl.mergeerase@work.example', 'ashby-mergeerase']),
    ).toEqual([]);
    // The responses stored for replay about the merged-away record went with the survivor's erasure.
    const keys = keyed.requests.map((request) => request.key);
    expect(keys).toHaveLength(8);
    expect(await sql(`select "key" from "idempotency_key" where "key" = any(?::text[])`, [`{${keys.join(',')}}`])).toEqual([]);
  }, 120_000);
});
