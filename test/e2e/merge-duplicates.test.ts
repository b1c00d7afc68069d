import { createHmac } from 'node:crypto';
import { ApiKeyScope } from '../../src/common/access';
import { createLogger } from '../../src/config/logger';
import { startWebhookWorker, type WebhookWorker } from '../../src/modules/webhook';
import { startTestApp, testSecretBox, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import type { GraphQLClient } from '../helpers/graphql-client';
import { createTestMandate } from '../helpers/candidate-fixtures';
import { someRatings } from '../helpers/interview-fixtures';
import { eventually, verifySignature, WebhookReceiver } from '../helpers/integration-fixtures';
import {
  AddCandidateToMandateDocument,
  CreateCandidateWithDuplicatesDocument,
  CreateWebhookSubscriptionDocument,
  MergeCandidatesDocument,
  MergeEvidenceDocument,
  RotateWebhookSecretDocument,
  ScheduleInterviewDocument,
  SubmitScorecardDocument,
  type MergeEvidenceQuery,
} from '../generated/graphql';
import { SyncCandidatesDocument, UpsertCandidatesDocument } from '../generated/integration-sdk';

// Issue 18, done when: two records of one leader (one pushed by an ATS with an external ref, one
// created by a recruiter with interview evidence) are found as duplicates and merged over HTTP, and
// the survivor carries both the ref and the evidence; the webhook receiver gets candidate.merged
// signed with both secrets during a rotation; a sync cursor from before a restore is refused.

let app: TestApp;
let worker: WebhookWorker;
let receiver: WebhookReceiver;
let firm: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  worker = await startWebhookWorker({
    connectionString: app.orm.config.get('clientUrl')!,
    secrets: testSecretBox(),
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    allowLoopback: true,
    pollIntervalMs: 50,
    retryDelaySeconds: 1,
    retryLimit: 2,
    maxAgeSeconds: 3600,
    timeoutMs: 2000,
  });
  receiver = new WebhookReceiver();
  firm = await createTestFirm(app, 'nordlys');
}, 120_000);
afterAll(async () => {
  await worker?.stop();
  await receiver?.stop();
  await app.close();
});

type CandidateView = Extract<NonNullable<MergeEvidenceQuery['node']>, { candidacies: unknown }>;

async function candidateView(caller: GraphQLClient, id: string): Promise<CandidateView> {
  const { node } = await caller.data(MergeEvidenceDocument, { id });
  return node as CandidateView;
}

const EVER = '2000-01-01T00:00:00Z';
const KRISTINE = {
  firstName: 'Kristine',
  lastName: 'Haugland',
  email: 'kristine.haugland@epost.example',
  headline: 'Kundedirektør, Bølgen Bredbånd AS',
  location: 'Stavanger',
};

describe('one leader, two records: found, merged, told and synced over HTTP', () => {
  it('should merge the ATS record and the interviewed record into one that carries the ref and the evidence', async () => {
    // The firm's integration: an ATS key, and a webhook receiver for candidate.merged.
    const { client: ats } = await firm.apiKey([ApiKeyScope.CANDIDATES_READ, ApiKeyScope.CANDIDATES_WRITE]);
    const url = await receiver.start();
    const { createWebhookSubscription } = await firm.asAdmin.data(CreateWebhookSubscriptionDocument, {
      input: { url, events: ['candidate.merged'] },
    });
    expect(createWebhookSubscription.userErrors).toEqual([]);
    const subscriptionId = createWebhookSubscription.subscription!.id;
    const oldSecret = createWebhookSubscription.secret!;

    // 1. The ATS pushes the leader with its id for her.
    const { upsertCandidates } = await ats.data(UpsertCandidatesDocument, {
      input: { candidates: [{ externalRef: { system: 'greenhouse', externalId: 'gh-5102201' }, ...KRISTINE }] },
    });
    expect(upsertCandidates.results.map((result) => result.status)).toEqual(['CREATED']);
    const atsRecordId = upsertCandidates.results[0].candidate!.id;

    // The integrator syncs and keeps its cursor (the database is restored later).
    const firstSync = await ats.data(SyncCandidatesDocument, { updatedSince: EVER, first: 100 });
    expect(firstSync.candidates.edges.map((edge) => edge.node.id)).toEqual([atsRecordId]);
    const cursorBeforeRestore = firstSync.candidates.pageInfo.endCursor!;

    // 2. A recruiter, not knowing, records her again, with the email as she wrote it, and interviews her.
    const { createCandidate } = await firm.asRecruiter.data(CreateCandidateWithDuplicatesDocument, {
      input: { ...KRISTINE, email: 'Kristine.Haugland@epost.example', phone: '+47 400 00 101' },
    });
    expect(createCandidate.userErrors).toEqual([]);
    const recruiterRecordId = createCandidate.candidate!.id;
    // The write is not refused, but warned about.
    expect(createCandidate.duplicateWarnings).toEqual([
      { candidate: { id: recruiterRecordId }, otherCandidate: { id: atsRecordId }, reasons: ['EMAIL', 'SIMILAR_NAME'], score: 1 },
    ]);
    const mandate = await createTestMandate(app, firm, { title: 'Kundedirektør' });
    const { addCandidateToMandate } = await firm.asRecruiter.data(AddCandidateToMandateDocument, {
      input: { mandateId: mandate.nodeId, candidateId: recruiterRecordId },
    });
    expect(addCandidateToMandate.userErrors).toEqual([]);
    const candidacyId = addCandidateToMandate.candidacy!.id;
    const { scheduleInterview } = await firm.asRecruiter.data(ScheduleInterviewDocument, {
      input: {
        candidacyId,
        kind: 'COMPETENCY',
        scheduledAt: '2026-11-20T09:00:00Z',
        interviewerIds: [firm.recruiter.nodeId, firm.admin.nodeId],
      },
    });
    expect(scheduleInterview.userErrors).toEqual([]);
    const interviewId = scheduleInterview.interview!.id;
    for (const [interviewer, score] of [
      [firm.asRecruiter, 4],
      [firm.asAdmin, 3],
    ] as const) {
      const { submitScorecard } = await interviewer.data(SubmitScorecardDocument, {
        input: { interviewId, ratings: someRatings(3, score), recommendation: 'YES', summary: 'Outside-in, with numbers to show it.' },
      });
      expect(submitScorecard.userErrors).toEqual([]);
    }

    // 3. Both records show the other as a likely duplicate.
    const atsRecord = await candidateView(firm.asRecruiter, atsRecordId);
    const recruiterRecord = await candidateView(firm.asRecruiter, recruiterRecordId);
    expect(atsRecord.possibleDuplicates).toEqual([
      { otherCandidate: { id: recruiterRecordId }, reasons: ['EMAIL', 'SIMILAR_NAME'], score: 1 },
    ]);
    expect(recruiterRecord.possibleDuplicates).toEqual([
      { otherCandidate: { id: atsRecordId }, reasons: ['EMAIL', 'SIMILAR_NAME'], score: 1 },
    ]);
    const evidence = recruiterRecord.candidacies[0].assessment!.competencies.filter((competency) => competency.ratingsCount > 0);
    expect(evidence.map((competency) => competency.ratingsCount)).toEqual([2, 2, 2]);

    // 4. The admin rolls the webhook secret: for 24 h deliveries carry both signatures.
    const { rotateWebhookSecret } = await firm.asAdmin.data(RotateWebhookSecretDocument, { input: { subscriptionId } });
    expect(rotateWebhookSecret.userErrors).toEqual([]);
    const newSecret = rotateWebhookSecret.secret!;
    receiver.secret = newSecret;

    // 5. The recruiter merges the interviewed record into the ATS's, taking her phone from it.
    const { mergeCandidates } = await firm.asRecruiter.data(MergeCandidatesDocument, {
      input: {
        survivorId: atsRecordId,
        duplicateId: recruiterRecordId,
        fieldChoices: { phone: 'DUPLICATE' },
        expectedVersions: { survivor: atsRecord.version, duplicate: recruiterRecord.version },
      },
    });
    expect(mergeCandidates.userErrors).toEqual([]);
    expect(mergeCandidates.mergedCandidateId).toBe(recruiterRecordId);

    // The survivor carries the ATS's ref and the interview evidence; the other record is gone.
    const survivor = await candidateView(firm.asRecruiter, atsRecordId);
    expect({ ...survivor, candidacies: survivor.candidacies.map((candidacy) => candidacy.id) }).toEqual({
      id: atsRecordId,
      version: atsRecord.version + 1,
      firstName: 'Kristine',
      lastName: 'Haugland',
      email: KRISTINE.email,
      phone: '+47 400 00 101',
      externalRefs: [{ system: 'greenhouse', externalId: 'gh-5102201' }],
      possibleDuplicates: [],
      mergedFrom: [{ candidateId: recruiterRecordId }],
      candidacies: [candidacyId],
    });
    expect(survivor.candidacies[0].assessment).toEqual(recruiterRecord.candidacies[0].assessment);
    expect(await firm.asRecruiter.data(MergeEvidenceDocument, { id: recruiterRecordId })).toEqual({ node: null });

    // 6. The receiver got candidate.merged, signed with the new secret and the old one.
    const [delivery] = await eventually(
      'the candidate.merged delivery',
      async () => receiver.requests,
      (requests) => requests.length > 0,
    );
    expect(JSON.parse(delivery.body)).toEqual(
      expect.objectContaining({ type: 'candidate.merged', data: { survivorId: atsRecordId, mergedId: recruiterRecordId } }),
    );
    const [timestamp, ...signatures] = String(delivery.headers['outside-in-signature']).split(',');
    const sign = (secret: string) =>
      `v1=${createHmac('sha256', secret)
        .update(`${timestamp.slice(2)}.${delivery.body}`)
        .digest('hex')}`;
    expect(signatures).toEqual([sign(newSecret), sign(oldSecret)]);
    expect([
      verifySignature(newSecret, delivery.headers, delivery.body),
      verifySignature(oldSecret, delivery.headers, delivery.body),
    ]).toEqual([true, true]);

    // 7. The ATS syncs on from its cursor: the survivor changed, the merged record comes once more
    // marked erased and merged into the survivor (to be deleted on its side).
    const nextSync = await ats.data(SyncCandidatesDocument, { updatedSince: EVER, first: 100, after: cursorBeforeRestore });
    const changed = new Map(nextSync.candidates.edges.map((edge) => [edge.node.id, edge.node]));
    expect([...changed.keys()].sort()).toEqual([atsRecordId, recruiterRecordId].sort());
    expect(changed.get(recruiterRecordId)).toEqual(
      expect.objectContaining({ firstName: 'Merged', email: null, erasedAt: expect.any(String), mergedInto: { id: atsRecordId } }),
    );
    expect(changed.get(atsRecordId)).toEqual(expect.objectContaining({ phone: '+47 400 00 101', erasedAt: null, mergedInto: null }));

    // An upsert by the ATS's id still lands on the survivor.
    const again = await ats.data(UpsertCandidatesDocument, {
      input: { candidates: [{ externalRef: { system: 'greenhouse', externalId: 'gh-5102201' }, ...KRISTINE, location: 'Oslo' }] },
    });
    expect(again.upsertCandidates.results.map((result) => [result.status, result.candidate?.id])).toEqual([['UPDATED', atsRecordId]]);

    // 8. The database is restored into a new one (as the sync-reset tests simulate it: another
    // database of the same server): the cursor kept from before is refused, and a sync from the
    // start is served.
    const restored = await startTestApp();
    try {
      const restoredFirm = await createTestFirm(restored, 'nordlys');
      const { client: restoredAts } = await restoredFirm.apiKey([ApiKeyScope.CANDIDATES_READ]);
      const refused = await restoredAts.request(SyncCandidatesDocument, { updatedSince: EVER, first: 100, after: cursorBeforeRestore });
      expect(refused.data).toBeNull();
      expect(refused.errors?.map((error) => error.extensions)).toEqual([{ code: 'SYNC_CURSOR_EXPIRED', argumentName: 'after' }]);
      const fromStart = await restoredAts.request(SyncCandidatesDocument, { updatedSince: EVER, first: 100 });
      expect(fromStart.errors).toBeUndefined();
    } finally {
      await restored.close();
    }
  }, 180_000);
});
