import { ApiKeyScope } from '../../src/common/access';
import { localIdOf, toGlobalId } from '../../src/common/global-id';
import { Candidate } from '../../src/modules/candidate';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { errorCodes } from '../helpers/graphql-client';
import { startTestApp, testSecretBox, type TestApp } from '../helpers/test-app';
import { insertCandidate } from '../helpers/candidate-fixtures';
import { auditRowsOf, newRequestId, requestHeaders, type AuditRow } from '../helpers/audit-fixtures';
import { SCORES } from '../helpers/shortlist-fixtures';
import {
  AddCandidateToMandateDocument,
  AddToShortlistDocument,
  AmendScorecardDocument,
  AuditEventsDocument,
  CandidatesContactDocument,
  EraseCandidateDocument,
  ErasedCandidateViewDocument,
  GiveShortlistFeedbackDocument,
  MoveCandidacyDocument,
  PresentedMandatesDocument,
  ScheduleInterviewDocument,
  SubmitScorecardDocument,
  UpdateCandidateDocument,
  UpdateShortlistEntryDocument,
  UpsertCandidatesDocument,
  WithdrawFromShortlistDocument,
} from '../generated/graphql';
import { Interview, Scorecard } from '../../src/modules/interview';
import { ShortlistEntry } from '../../src/modules/shortlist';
import {
  findEverywhere,
  insertGdprMandate,
  insertPersonWithHistory,
  type KeyedHistory,
  type KeyedRequest,
  markValues,
  resend,
  scannedSchemas,
  sendKeyed,
  subscribeToEveryEvent,
  writeKeyedHistory,
  type PersonWithHistory,
} from './gdpr-fixtures';
import { candidateDataExport } from '../../src/modules/gdpr';
import { createLogger } from '../../src/config/logger';
import { startWebhookWorker, type WebhookWorker } from '../../src/modules/webhook';
// What every write about an erased candidate answers.
const ERASED_ERROR = {
  code: 'ERASED',
  field: ['input', 'candidateId'],
  message: "This candidate's personal data was erased (GDPR); nothing can be written about them.",
};
// The same, on the id input that leads to the candidate.
const erasedAt = (field: string) => ({ ...ERASED_ERROR, field: ['input', field] });

let app: TestApp;
let firm: TestFirm;
let otherFirm: TestFirm;
let erased: PersonWithHistory;
let bystander: PersonWithHistory;
let foreigner: PersonWithHistory;
// Texts about the erased person written over HTTP with Idempotency-Keys (responses stored for replay).
let keyed: KeyedHistory;
// A stored response about the bystander, which the erasure must leave alone.
let bystanderKeyed: KeyedRequest;
const bystanderKeyedSummary = `Bystander keyed summary ${Date.now()}`;
// The delivery worker runs, so the job queue's own schema (pgboss) holds jobs and is scanned too.
let worker: WebhookWorker;

// The scores of the erased person's ratings, per scorecard revision and competency.
async function ratingsOf(candidateId: string) {
  return app
    .em()
    .getConnection()
    .execute(
      `select r."revision_id", r."competency_key", r."score", r."evidence", v."recommendation", v."summary", v."reason"
       from "rating" r join "scorecard_revision" v on v."id" = r."revision_id" join "scorecard" s on s."id" = v."scorecard_id"
       join "interview" i on i."id" = s."interview_id" join "candidacy" c on c."id" = i."candidacy_id"
      where c."candidate_id" = ? order by 1, 2`,
      [candidateId],
    );
}

async function exportOf(person: PersonWithHistory, testFirm: TestFirm) {
  const document = await candidateDataExport(app.em(), testFirm.firm.id, person.candidate.id, null, new Date('2026-01-01T00:00:00Z'));
  return document;
}

beforeAll(async () => {
  app = await startTestApp();
  worker = await startWebhookWorker({
    connectionString: app.orm.config.get('clientUrl')!,
    secrets: testSecretBox(),
    logger: createLogger('silent'),
    allowLoopback: true,
    pollIntervalMs: 500,
    retryDelaySeconds: 1,
    retryLimit: 1,
    maxAgeSeconds: 60,
    timeoutMs: 1000,
  });
  firm = await createTestFirm(app, 'gdpr');
  otherFirm = await createTestFirm(app, 'gdprother');
  await subscribeToEveryEvent(app, firm);
  const mandate = await insertGdprMandate(app, firm);
  erased = await insertPersonWithHistory(app, firm, mandate);
  bystander = await insertPersonWithHistory(app, firm, mandate);
  foreigner = await insertPersonWithHistory(app, otherFirm, await insertGdprMandate(app, otherFirm));
  keyed = await writeKeyedHistory(app, firm, erased);
  const bystanderCard = await app
    .em()
    .findOneOrFail(Scorecard, { interview: { candidacy: bystander.candidacy.id }, interviewer: firm.recruiter.id });
  bystanderKeyed = await sendKeyed(
    'bystanderAmend',
    firm.asRecruiter,
    `mutation ($input: AmendScorecardInput!) { amendScorecard(input: $input) { scorecard { summary } userErrors { code } } }`,
    {
      input: {
        scorecardId: bystanderCard.nodeId,
        ratings: Object.entries(SCORES).map(([competencyKey, scores]) => ({
          competencyKey,
          score: scores[1],
          evidence: 'Calibrated with the panel',
        })),
        recommendation: 'YES',
        summary: bystanderKeyedSummary,
        reason: 'Calibrated',
      },
    },
  );
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  await app.close();
});

describe('eraseCandidate', () => {
  it('should refuse recruiters, client users and API keys, and change nothing', async () => {
    const before = await exportOf(erased, firm);
    const { client: allScopes } = await firm.apiKey(Object.values(ApiKeyScope));
    const input = { candidateId: erased.candidate.nodeId };
    for (const caller of [firm.asRecruiter, firm.asClientUser, allScopes]) {
      const response = await caller.request(EraseCandidateDocument, { input });
      expect([response.status, errorCodes(response), response.data]).toEqual([200, ['FORBIDDEN'], null]);
    }
    const anonymous = await app.anonymous().request(EraseCandidateDocument, { input });
    expect(errorCodes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect(await exportOf(erased, firm)).toEqual(before);
  });

  it("should answer another firm's candidate exactly like one that does not exist", async () => {
    const before = await exportOf(foreigner, otherFirm);
    const foreign = await firm.asAdmin.request(EraseCandidateDocument, { input: { candidateId: foreigner.candidate.nodeId } });
    const missing = await firm.asAdmin.request(EraseCandidateDocument, {
      input: { candidateId: toGlobalId('Candidate', '00000000-0000-4000-8000-000000000000') },
    });
    expect(foreign.raw).toEqual(missing.raw);
    expect(foreign.data!.eraseCandidate).toEqual({
      candidate: null,
      userErrors: [{ code: 'NOT_FOUND', field: ['input', 'candidateId'], message: 'No candidate with this id.' }],
    });
    expect(await exportOf(foreigner, otherFirm)).toEqual(before);
  });

  it('should refuse a reason longer than 500 characters and change nothing', async () => {
    const before = await exportOf(erased, firm);
    const { eraseCandidate } = await firm.asAdmin.data(EraseCandidateDocument, {
      input: { candidateId: erased.candidate.nodeId, reason: 'r'.repeat(501) },
    });
    expect(eraseCandidate).toEqual({
      candidate: null,
      userErrors: [{ code: 'TOO_LONG', field: ['input', 'reason'], message: 'reason is longer than 500 characters.' }],
    });
    expect(await exportOf(erased, firm)).toEqual(before);
  });

  describe('when an admin erases a candidate', () => {
    let ratingsBefore: Record<string, unknown>[];
    let bystanderBefore: unknown;
    let foreignerBefore: unknown;
    // The read of a page of candidates, the erased one among them: one audit row naming both.
    let pageRead: { requestId: string; rows: AuditRow[] };

    beforeAll(async () => {
      const pageRequestId = newRequestId('gdpr-page');
      const page = await firm.asRecruiter.request(CandidatesContactDocument, { first: 10 }, requestHeaders(pageRequestId));
      expect(page.data?.candidates.nodes).toHaveLength(2);
      pageRead = { requestId: pageRequestId, rows: await auditRowsOf(app, pageRequestId) };
      const both = [erased.candidate.id, bystander.candidate.id].sort();
      expect(pageRead.rows).toEqual([
        {
          firmId: firm.firm.id,
          actorKind: 'USER',
          actorUserId: firm.recruiter.id,
          actorApiKeyId: null,
          action: 'read:Candidate',
          objectType: 'Candidate',
          objectId: null,
          objectIds: both,
          summary: { fields: ['email', 'phone'] },
        },
      ]);
      ratingsBefore = await ratingsOf(erased.candidate.id);
      bystanderBefore = await exportOf(bystander, firm);
      foreignerBefore = await exportOf(foreigner, otherFirm);
      // The scan finds every value of every person before: it can see what it looks for.
      const all = [
        ...markValues(erased.marks),
        ...keyed.texts,
        ...markValues(bystander.marks),
        bystanderKeyedSummary,
        ...markValues(foreigner.marks),
      ];
      expect(new Set((await findEverywhere(app, all)).map((hit) => hit.value))).toEqual(new Set(all));
      // Every text written with a key is in its table and in a stored response.
      const storedTexts = (await findEverywhere(app, keyed.texts)).filter((hit) => hit.column === 'public.idempotency_key.response_body');
      expect(new Set(storedTexts.map((hit) => hit.value))).toEqual(new Set(keyed.texts));

      // Responses kept for replay, written directly: one about the erased person, one about a
      // bystander, and two stored before responses recorded what they are about (subject_ids null).
      for (const [key, testFirm, subjects] of [
        ['erased', firm, [erased.candidate.id]],
        ['bystander', firm, [bystander.candidate.id]],
        ['unknown', firm, null],
        ['unknown-other-firm', otherFirm, null],
      ] as const) {
        await app
          .em()
          .getConnection()
          .execute(
            `insert into idempotency_key (id, created_at, updated_at, firm_id, principal, key, request_hash, response_body, response_status,
                                          subject_ids, expires_at)
             values (gen_random_uuid(), now(), now(), ?, 'user:test', ?, 'hash', '{"data":{}}', 200, ?::uuid[], now() + interval '1 day')`,
            [testFirm.firm.id, key, subjects && `{${subjects.join(',')}}`],
          );
      }

      const { eraseCandidate } = await firm.asAdmin.data(EraseCandidateDocument, {
        input: { candidateId: erased.candidate.nodeId, reason: 'Request of the candidate, ticket 4711' },
      });
      expect(eraseCandidate.userErrors).toEqual([]);
      expect(eraseCandidate.candidate).toEqual({
        id: erased.candidate.nodeId,
        firstName: 'Erased',
        lastName: 'candidate',
        email: null,
        phone: null,
        headline: null,
        location: null,
        languages: [],
        linkedinUrl: null,
        tags: [],
        consentStatus: 'GIVEN',
        retainUntil: '2031-06-30',
        erasedAt: expect.any(String),
        externalRefs: [],
      });
    });

    it('should delete the responses kept for replay about them, and those of its firm stored without a record of what they are about', async () => {
      const rows: { key: string }[] = await app
        .em()
        .getConnection()
        .execute(`select key from idempotency_key where principal = 'user:test' order by key`);
      expect(rows).toEqual([{ key: 'bystander' }, { key: 'unknown-other-firm' }]);
    });

    it('should delete every stored response that held a text about them, though most named no id of theirs', async () => {
      const keys = keyed.requests.map((request) => request.key);
      expect(keys).toHaveLength(8);
      const rows = await app
        .em()
        .getConnection()
        .execute(`select "key" from "idempotency_key" where "key" = any(?::text[])`, [`{${keys.join(',')}}`]);
      expect(rows).toEqual([]);
      const bodies: { response_body: string }[] = await app.em().getConnection().execute(`select "response_body" from "idempotency_key"`);
      const texts = [...keyed.texts, ...markValues(erased.marks)];
      expect(bodies.filter(({ response_body: body }) => texts.some((text) => body.includes(text)))).toEqual([]);
    });

    it('should run a keyed request sent again instead of replaying what it said about them, and refuse it', async () => {
      const answers = [];
      for (const request of keyed.requests) {
        const again = await resend(request);
        for (const text of [...keyed.texts, ...markValues(erased.marks)]) expect(again.raw).not.toContain(text);
        answers.push({ name: request.name, status: again.status, replayed: again.headers.get('idempotent-replayed'), data: again.data });
      }
      // Run again, not replayed: each write about them is refused (the entry was withdrawn, so the
      // client no longer finds it; the shortlist has nothing left to publish).
      const refused = (name: string, result: string, ...errors: [code: string, field: string][]) => ({
        name,
        status: 200,
        replayed: null,
        data: { [name]: { [result]: null, userErrors: errors.map(([code, field]) => ({ code, field: ['input', field] })) } },
      });
      expect(answers).toEqual([
        refused('addCandidateToMandate', 'candidacy', ['ERASED', 'candidateId'], ['ALREADY_EXISTS', 'candidateId']),
        refused('moveCandidacy', 'candidacy', ['ERASED', 'candidacyId']),
        refused('submitScorecard', 'scorecard', ['ERASED', 'interviewId']),
        refused('amendScorecard', 'scorecard', ['ERASED', 'scorecardId']),
        refused('addToShortlist', 'entry', ['ERASED', 'candidacyId']),
        refused('publishShortlist', 'shortlist', ['INVALID_STATE', 'mandateId']),
        refused('giveShortlistFeedback', 'feedback', ['NOT_FOUND', 'entryId']),
        refused('withdrawFromShortlist', 'entry', ['ERASED', 'entryId']),
      ]);
    });

    it('should keep and replay the stored responses about others', async () => {
      const again = await resend(bystanderKeyed);
      expect([again.status, again.headers.get('idempotent-replayed'), again.raw]).toEqual([200, 'true', bystanderKeyed.first.raw]);
      expect(again.raw).toContain(bystanderKeyedSummary);
    });

    it('should be in the audit log: who erased whom, with the reason redacted', async () => {
      const rows: Record<string, unknown>[] = await app
        .em()
        .getConnection()
        .execute(
          `select firm_id, actor_kind, actor_user_id, object_type, object_id, summary from audit_event where action = 'eraseCandidate'`,
        );
      expect(rows).toEqual([
        {
          firm_id: firm.firm.id,
          actor_kind: 'USER',
          actor_user_id: firm.admin.id,
          object_type: 'Candidate',
          object_id: erased.candidate.id,
          // Candidates are versioned (mergeCandidates locks on it): the erasure raised it.
          summary: { input: { candidateId: erased.candidate.nodeId, reason: '[redacted]' }, result: { version: 2 } },
        },
      ]);
    });

    it('should keep the audit rows naming them, a read of them among others too: ids only, as every audit row', async () => {
      expect(await auditRowsOf(app, pageRead.requestId)).toEqual(pageRead.rows);
      const { auditEvents } = await firm.asAdmin.data(AuditEventsDocument, {
        filter: { objectId: erased.candidate.nodeId, action: 'read:Candidate' },
      });
      const both = [erased.candidate, bystander.candidate].sort((a, b) => a.id.localeCompare(b.id)).map((candidate) => candidate.nodeId);
      expect(auditEvents.edges.map(({ node }) => [node.requestId, node.objectId, node.objectIds])).toEqual([
        [pageRead.requestId, null, both],
      ]);
    });

    it('should leave none of their values in any column of any table of any schema', async () => {
      expect(await scannedSchemas(app)).toEqual(['pgboss', 'public', 'rate_limit']);
      const [{ jobs }] = await app.em().getConnection().execute(`select count(*)::int as "jobs" from "pgboss"."job"`);
      expect(jobs).toBeGreaterThan(0);
      expect(await findEverywhere(app, [...markValues(erased.marks), ...keyed.texts])).toEqual([]);
      const [row] = await app
        .em()
        .getConnection()
        .execute(`select "languages", "tags", "search_text" from "candidate" where "id" = ?`, [erased.candidate.id]);
      expect(row).toEqual({ languages: [], tags: [], search_text: '' });
    });

    it('should keep the numeric ratings and recommendations, without evidence, summaries or reasons', async () => {
      const after = await ratingsOf(erased.candidate.id);
      expect(after).toHaveLength(ratingsBefore.length);
      expect(ratingsBefore.length).toBeGreaterThan(0);
      expect(after).toEqual(
        ratingsBefore.map((rating) => ({
          ...rating,
          evidence: rating.score === null ? rating.evidence : null,
          summary: null,
          reason: null,
        })),
      );
    });

    it('should write exactly one candidate.erased event to the outbox, with the id only', async () => {
      const events = await app
        .em()
        .getConnection()
        .execute(
          `select e."type", e."data", (select count(*)::int from "webhook_delivery" d where d."event_id" = e."id") as "deliveries"
           from "webhook_event" e where e."firm_id" = ? and e."type" = 'candidate.erased'`,
          [firm.firm.id],
        );
      expect(events).toEqual([{ type: 'candidate.erased', data: { candidateId: erased.candidate.nodeId }, deliveries: 1 }]);
    });

    it('should leave the other candidates of the firm and of other firms untouched', async () => {
      expect(await exportOf(bystander, firm)).toEqual(bystanderBefore);
      expect(await exportOf(foreigner, otherFirm)).toEqual(foreignerBefore);
      const rest = [...markValues(bystander.marks), ...markValues(foreigner.marks)];
      expect(new Set((await findEverywhere(app, rest)).map((hit) => hit.value))).toEqual(new Set(rest));
    });

    it('should show the candidate as erased to staff and to the client', async () => {
      const { node } = await firm.asRecruiter.data(ErasedCandidateViewDocument, { id: erased.candidate.nodeId });
      expect(node).toEqual({
        id: erased.candidate.nodeId,
        firstName: 'Erased',
        lastName: 'candidate',
        email: null,
        phone: null,
        headline: null,
        location: null,
        languages: [],
        linkedinUrl: null,
        tags: [],
        erasedAt: expect.any(String),
        externalRefs: [],
      });
      const portal = await firm.asClientUser.request(PresentedMandatesDocument, { first: 10 });
      expect(portal.errors).toBeUndefined();
      expect(portal.raw).toContain('"firstName":"Erased","lastName":"candidate"');
      expect(portal.raw).toContain(bystander.marks.firstName);
      for (const value of markValues(erased.marks)) expect(portal.raw).not.toContain(value);
    });

    it('should refuse to erase them twice', async () => {
      const before = await exportOf(erased, firm);
      const { eraseCandidate } = await firm.asAdmin.data(EraseCandidateDocument, { input: { candidateId: erased.candidate.nodeId } });
      expect(eraseCandidate).toEqual({
        candidate: null,
        userErrors: [ERASED_ERROR],
      });
      expect(await exportOf(erased, firm)).toEqual(before);
    });

    it('should refuse updateCandidate on them', async () => {
      const before = await exportOf(erased, firm);
      const { updateCandidate } = await firm.asRecruiter.data(UpdateCandidateDocument, {
        input: { candidateId: erased.candidate.nodeId, firstName: 'Back again' },
      });
      expect(updateCandidate).toEqual({
        candidate: null,
        userErrors: [ERASED_ERROR],
      });
      expect(await exportOf(erased, firm)).toEqual(before);
    });

    it('should refuse adding them to a mandate', async () => {
      const mandate = await insertGdprMandate(app, firm);
      const { addCandidateToMandate } = await firm.asRecruiter.data(AddCandidateToMandateDocument, {
        input: { mandateId: mandate.nodeId, candidateId: erased.candidate.nodeId },
      });
      expect(addCandidateToMandate.userErrors).toEqual([ERASED_ERROR]);
      expect(await app.em().count('Candidacy', { mandate: mandate.id })).toBe(0);
    });

    describe('writes of new text about them through their candidacy', () => {
      let candidacyId: string;
      let interviewId: string;
      let scorecardId: string;
      let entryId: string;
      const ratings = [{ competencyKey: 'OUTSIDE_IN', score: 4, evidence: 'New evidence about the erased person' }];

      beforeAll(async () => {
        candidacyId = toGlobalId('Candidacy', erased.candidacy.id);
        const interview = await app.em().findOneOrFail(Interview, { candidacy: erased.candidacy.id });
        interviewId = toGlobalId('Interview', interview.id);
        const scorecard = await app.em().findOneOrFail(Scorecard, { interview: interview.id, interviewer: firm.recruiter.id });
        scorecardId = toGlobalId('Scorecard', scorecard.id);
        const entry = await app.em().findOneOrFail(ShortlistEntry, { candidacy: erased.candidacy.id, withdrawnAt: null });
        entryId = toGlobalId('ShortlistEntry', entry.id);
      });

      // Each write: its payload with the exact error, and the export of the person unchanged.
      async function expectRefused(write: () => Promise<Record<string, unknown>>, field: string) {
        const before = await exportOf(erased, firm);
        const payload = await write();
        expect(Object.values(payload).filter((value) => value !== null && !Array.isArray(value))).toEqual([]);
        expect(payload.userErrors).toEqual([erasedAt(field)]);
        expect(await exportOf(erased, firm)).toEqual(before);
      }

      it('should refuse moveCandidacy with a reason, even to REJECTED', async () => {
        await expectRefused(
          async () =>
            (
              await firm.asRecruiter.data(MoveCandidacyDocument, {
                input: { candidacyId, stage: 'REJECTED', reason: 'They were too nervous' },
              })
            ).moveCandidacy,
          'candidacyId',
        );
      });

      it('should refuse moveCandidacy further into the pipeline, even without a reason', async () => {
        await expectRefused(
          async () => (await firm.asRecruiter.data(MoveCandidacyDocument, { input: { candidacyId, stage: 'OFFER' } })).moveCandidacy,
          'candidacyId',
        );
      });

      it('should refuse scheduleInterview', async () => {
        await expectRefused(
          async () =>
            (
              await firm.asRecruiter.data(ScheduleInterviewDocument, {
                input: { candidacyId, kind: 'COMPETENCY', scheduledAt: '2026-12-01T09:00:00Z', interviewerIds: [firm.recruiter.nodeId] },
              })
            ).scheduleInterview,
          'candidacyId',
        );
      });

      it('should refuse submitScorecard', async () => {
        await expectRefused(
          async () =>
            (
              await firm.asRecruiter.data(SubmitScorecardDocument, {
                input: { interviewId, ratings, recommendation: 'YES', summary: 'A new summary about them' },
              })
            ).submitScorecard,
          'interviewId',
        );
      });

      it('should refuse amendScorecard', async () => {
        await expectRefused(
          async () =>
            (
              await firm.asRecruiter.data(AmendScorecardDocument, {
                input: { scorecardId, ratings, recommendation: 'NO', summary: 'A new summary about them', reason: 'Second thoughts' },
              })
            ).amendScorecard,
          'scorecardId',
        );
      });

      it('should refuse addToShortlist', async () => {
        await expectRefused(
          async () =>
            (
              await firm.asRecruiter.data(AddToShortlistDocument, {
                input: { mandateId: erased.mandate.nodeId, candidacyId, note: 'A new note about them' },
              })
            ).addToShortlist,
          'candidacyId',
        );
      });

      it('should refuse updateShortlistEntry', async () => {
        await expectRefused(
          async () =>
            (await firm.asRecruiter.data(UpdateShortlistEntryDocument, { input: { entryId, note: 'A new note about them' } }))
              .updateShortlistEntry,
          'entryId',
        );
      });

      it("should refuse the client's giveShortlistFeedback", async () => {
        await expectRefused(
          async () =>
            (
              await firm.asClientUser.data(GiveShortlistFeedbackDocument, {
                input: {
                  // The client names the entry by its presented id.
                  entryId: toGlobalId('PresentedShortlistEntry', localIdOf(entryId, 'ShortlistEntry')!),
                  decision: 'INTERESTED',
                  comment: 'A new comment about them',
                },
              })
            ).giveShortlistFeedback,
          'entryId',
        );
      });

      it('should refuse withdrawFromShortlist with a reason', async () => {
        await expectRefused(
          async () =>
            (await firm.asRecruiter.data(WithdrawFromShortlistDocument, { input: { entryId, reason: 'They asked to be forgotten' } }))
              .withdrawFromShortlist,
          'entryId',
        );
      });

      // Last: these two change the person's history (no text about them).
      it('should withdraw their entry with an empty reason, keeping no reason', async () => {
        const { withdrawFromShortlist } = await firm.asRecruiter.data(WithdrawFromShortlistDocument, { input: { entryId, reason: '' } });
        expect(withdrawFromShortlist.userErrors).toEqual([]);
        expect(withdrawFromShortlist.entry).toMatchObject({
          id: entryId,
          withdrawnAt: expect.any(String),
          withdrawalReason: null,
          position: null,
        });
      });

      it('should move their candidacy to REJECTED without a reason, keeping no reason', async () => {
        const { moveCandidacy } = await firm.asRecruiter.data(MoveCandidacyDocument, { input: { candidacyId, stage: 'REJECTED' } });
        expect(moveCandidacy.userErrors).toEqual([]);
        expect(moveCandidacy.candidacy).toMatchObject({ id: candidacyId, stage: 'REJECTED' });
        const rows = await app
          .em()
          .getConnection()
          .execute(
            `select "from_stage", "to_stage", "reason" from "candidacy_stage_change" where "candidacy_id" = ? order by "created_at" desc limit 1`,
            [erased.candidacy.id],
          );
        expect(rows).toEqual([{ from_stage: 'PRESENTED', to_stage: 'REJECTED', reason: null }]);
        expect(await findEverywhere(app, markValues(erased.marks))).toEqual([]);
      });
    });

    it('should reject an ATS upsert of their external ref instead of creating the person again, and write the rest', async () => {
      const { client: ats } = await firm.apiKey([ApiKeyScope.CANDIDATES_WRITE]);
      const candidatesBefore = await app.em().count(Candidate, { firm: firm.firm.id });
      const { upsertCandidates } = await ats.data(UpsertCandidatesDocument, {
        input: {
          candidates: [
            {
              externalRef: { system: 'greenhouse', externalId: erased.marks.externalId },
              firstName: erased.marks.firstName,
              lastName: erased.marks.lastName,
              email: erased.marks.email,
            },
            { externalRef: { system: 'greenhouse', externalId: 'ats-new-person' }, firstName: 'Ny', lastName: 'Person' },
            // The same id in another system is another person.
            { externalRef: { system: 'workday', externalId: erased.marks.externalId }, firstName: 'Annen', lastName: 'Person' },
          ],
        },
      });
      expect(upsertCandidates.results.map(({ index, status, userErrors }) => ({ index, status, userErrors }))).toEqual([
        {
          index: 0,
          status: 'REJECTED',
          userErrors: [
            {
              code: 'ERASED',
              field: ['input', 'candidates', '0', 'externalRef'],
              message: `The candidate with external ref greenhouse/${erased.marks.externalId} was erased (GDPR); they are not created again. Remove them from the sync.`,
            },
          ],
        },
        { index: 1, status: 'CREATED', userErrors: [] },
        { index: 2, status: 'CREATED', userErrors: [] },
      ]);
      expect([upsertCandidates.createdCount, upsertCandidates.rejectedCount]).toEqual([2, 1]);
      expect(await app.em().count(Candidate, { firm: firm.firm.id })).toBe(candidatesBefore + 2);
      expect(await findEverywhere(app, [erased.marks.firstName, erased.marks.lastName, erased.marks.email])).toEqual([]);
    });

    it('should not reject the same external ref in another firm', async () => {
      const { client: ats } = await otherFirm.apiKey([ApiKeyScope.CANDIDATES_WRITE]);
      const { upsertCandidates } = await ats.data(UpsertCandidatesDocument, {
        input: {
          candidates: [
            { externalRef: { system: 'greenhouse', externalId: erased.marks.externalId }, firstName: 'Fremmed', lastName: 'Person' },
          ],
        },
      });
      expect(upsertCandidates.results.map(({ status, userErrors }) => ({ status, userErrors }))).toEqual([
        { status: 'CREATED', userErrors: [] },
      ]);
    });
  });
});

describe('a candidate created by hand with the external ref of an erased one', () => {
  it('should take the ref, and the ATS then updates that candidate', async () => {
    const person = await insertCandidate(app, firm, {
      firstName: 'Tilbake',
      lastName: 'Igjen',
      externalRefs: [{ system: 'greenhouse', externalId: 'ats-returning' }],
    });
    const { eraseCandidate } = await firm.asAdmin.data(EraseCandidateDocument, { input: { candidateId: person.nodeId } });
    expect(eraseCandidate.userErrors).toEqual([]);
    // A person who comes back with new consent is entered by a recruiter, deliberately.
    const returning = await insertCandidate(app, firm, {
      firstName: 'Tilbake',
      lastName: 'Igjen',
      externalRefs: [{ system: 'greenhouse', externalId: 'ats-returning' }],
    });
    const { client: ats } = await firm.apiKey([ApiKeyScope.CANDIDATES_WRITE]);
    const { upsertCandidates } = await ats.data(UpsertCandidatesDocument, {
      input: {
        candidates: [{ externalRef: { system: 'greenhouse', externalId: 'ats-returning' }, firstName: 'Tilbake', lastName: 'Igjen2' }],
      },
    });
    expect(upsertCandidates.results.map(({ status, candidate }) => ({ status, id: candidate?.id }))).toEqual([
      { status: 'UPDATED', id: returning.nodeId },
    ]);
  });
});
