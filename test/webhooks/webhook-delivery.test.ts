import { createLogger } from '../../src/config/logger';
import { localIdOf, toGlobalId } from '../../src/common/global-id';
import { startWebhookWorker, type WebhookWorker } from '../../src/modules/webhook';
import { startTestApp, testSecretBox, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { insertCandidacy, someRatings, type PipelineFixture } from '../helpers/interview-fixtures';
import { eventually, verifySignature, WebhookReceiver } from '../helpers/integration-fixtures';
import {
  CreateWebhookSubscriptionDocument,
  DisableWebhookSubscriptionDocument,
  MoveCandidacyDocument,
  RedeliverWebhookDocument,
  RotateWebhookSecretDocument,
  ScheduleInterviewDocument,
  SubmitScorecardDocument,
  WebhookDeliveryLogDocument,
} from '../generated/graphql';

let app: TestApp;
let worker: WebhookWorker;
const receivers: WebhookReceiver[] = [];

// Short waits, so retries happen within a test: ~1–2 s, then ~2–4 s; a hung receiver times out in 1 s.
const RETRY_LIMIT = 2;

beforeAll(async () => {
  app = await startTestApp();
  worker = await startWebhookWorker({
    connectionString: app.orm.config.get('clientUrl')!,
    secrets: testSecretBox(),
    logger: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    allowLoopback: true,
    pollIntervalMs: 50,
    retryDelaySeconds: 1,
    retryLimit: RETRY_LIMIT,
    maxAgeSeconds: 3 * 24 * 3600,
    timeoutMs: 1000,
  });
});
afterAll(async () => {
  await worker?.stop();
  await Promise.all(receivers.map((receiver) => receiver.stop()));
  await app.close();
});

interface Setup {
  firm: TestFirm;
  pipeline: PipelineFixture;
  receiver: WebhookReceiver;
  subscriptionId: string;
}

async function subscribed(answers: (number | 'hang')[] = [], events = ['candidacy.stage_changed']): Promise<Setup> {
  const firm = await createTestFirm(app, 'hooks');
  const pipeline = await insertCandidacy(app, firm, { stage: 'SCREENING' as never });
  const receiver = new WebhookReceiver(answers);
  receivers.push(receiver);
  const url = await receiver.start();
  const { createWebhookSubscription } = await firm.asAdmin.data(CreateWebhookSubscriptionDocument, { input: { url, events } });
  expect(createWebhookSubscription.userErrors).toEqual([]);
  receiver.secret = createWebhookSubscription.secret!;
  return { firm, pipeline, receiver, subscriptionId: createWebhookSubscription.subscription!.id };
}

async function move({ firm, pipeline }: Setup, stage: 'INTERVIEWING' | 'SHORTLISTED' | 'REJECTED', reason?: string) {
  const { moveCandidacy } = await firm.asRecruiter.data(MoveCandidacyDocument, {
    input: { candidacyId: toGlobalId('Candidacy', pipeline.candidacy.id), stage, reason },
  });
  return moveCandidacy;
}

async function deliveryLog({ firm, subscriptionId }: Setup) {
  const { node } = await firm.asAdmin.data(WebhookDeliveryLogDocument, { id: subscriptionId });
  return node!.__typename === 'WebhookSubscription' ? node!.deliveries.nodes : [];
}

describe('webhook delivery', () => {
  it('should deliver a signed event with ids only, once, when a candidacy moves', async () => {
    const setup = await subscribed();
    expect((await move(setup, 'INTERVIEWING')).userErrors).toEqual([]);
    const [delivery] = await eventually(
      'the delivery',
      () => deliveryLog(setup),
      (log) => log[0]?.status === 'DELIVERED',
    );

    expect(setup.receiver.requests).toHaveLength(1);
    const [request] = setup.receiver.requests;
    expect(request.signatureValid).toBe(true);
    const body = JSON.parse(request.body);
    expect(body).toEqual({
      id: delivery.event.id,
      type: 'candidacy.stage_changed',
      createdAt: delivery.event.createdAt,
      data: {
        candidacyId: toGlobalId('Candidacy', setup.pipeline.candidacy.id),
        mandateId: toGlobalId('Mandate', setup.pipeline.mandate.id),
        candidateId: toGlobalId('Candidate', setup.pipeline.candidate.id),
        fromStage: 'SCREENING',
        toStage: 'INTERVIEWING',
      },
    });
    expect(request.body).toBe(delivery.event.body);
    // Ids and stages only: no name of the candidate or mandate goes out.
    expect(request.body).not.toContain(setup.pipeline.candidate.firstName);
    expect(request.body).not.toContain(setup.pipeline.mandate.title);
    expect(request.headers).toMatchObject({
      'content-type': 'application/json',
      'outside-in-event-id': delivery.event.id,
      'outside-in-event-type': 'candidacy.stage_changed',
      'outside-in-delivery-id': localIdOf(delivery.id, 'WebhookDelivery'),
      'outside-in-signature': expect.stringMatching(/^t=\d+,v1=[0-9a-f]{64}$/),
    });
    expect(delivery).toMatchObject({
      status: 'DELIVERED',
      attemptCount: 1,
      deliveredAt: expect.any(String),
      subscription: { id: setup.subscriptionId },
      attempts: [
        { number: 1, responseStatus: 200, error: null, succeeded: true, durationMs: expect.any(Number), createdAt: expect.any(String) },
      ],
    });
    // Nothing more comes.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(setup.receiver.requests).toHaveLength(1);
  });

  it('should sign a queued delivery with both secrets during a rotation, so either one verifies it', async () => {
    const setup = await subscribed();
    const oldSecret = setup.receiver.secret;
    const { rotateWebhookSecret } = await setup.firm.asAdmin.data(RotateWebhookSecretDocument, {
      input: { subscriptionId: setup.subscriptionId },
    });
    const newSecret = rotateWebhookSecret.secret!;
    expect((await move(setup, 'INTERVIEWING')).userErrors).toEqual([]);
    await eventually(
      'the delivery',
      () => deliveryLog(setup),
      (log) => log[0]?.status === 'DELIVERED',
    );
    const [request] = setup.receiver.requests;
    expect(String(request.headers['outside-in-signature'])).toMatch(/^t=\d+,v1=[0-9a-f]{64},v1=[0-9a-f]{64}$/);
    expect([verifySignature(newSecret, request.headers, request.body), verifySignature(oldSecret, request.headers, request.body)]).toEqual([
      true,
      true,
    ]);
  });

  it('should retry a receiver that fails twice, with the same event id, and log every attempt', async () => {
    const setup = await subscribed([500, 503]);
    await move(setup, 'INTERVIEWING');
    const [delivery] = await eventually(
      'the third attempt',
      () => deliveryLog(setup),
      (log) => log[0]?.status === 'DELIVERED',
    );
    expect(setup.receiver.requests).toHaveLength(3);
    expect(setup.receiver.requests.map((request) => request.signatureValid)).toEqual([true, true, true]);
    expect(new Set(setup.receiver.requests.map((request) => request.headers['outside-in-event-id']))).toEqual(new Set([delivery.event.id]));
    expect(new Set(setup.receiver.requests.map((request) => request.body)).size).toBe(1);
    expect(delivery.attemptCount).toBe(3);
    expect(delivery.attempts.map(({ number, responseStatus, error, succeeded }) => ({ number, responseStatus, error, succeeded }))).toEqual(
      [
        { number: 1, responseStatus: 500, error: 'the receiver answered HTTP 500', succeeded: false },
        { number: 2, responseStatus: 503, error: 'the receiver answered HTTP 503', succeeded: false },
        { number: 3, responseStatus: 200, error: null, succeeded: true },
      ],
    );
    // The waits grow: the second one is longer than a second.
    const [first, second, third] = delivery.attempts.map((attempt) => Date.parse(attempt.createdAt));
    expect(second - first).toBeGreaterThanOrEqual(900);
    expect(third - second).toBeGreaterThanOrEqual(1900);
  });

  it('should log a receiver that does not answer in time, and give up after the retry limit', async () => {
    const setup = await subscribed(['hang', 500, 500, 200]);
    await move(setup, 'INTERVIEWING');
    const [delivery] = await eventually(
      'giving up',
      () => deliveryLog(setup),
      (log) => log[0]?.status === 'FAILED',
    );
    expect(delivery.attempts.map(({ responseStatus, error, succeeded }) => ({ responseStatus, error, succeeded }))).toEqual([
      { responseStatus: null, error: 'no answer within 1000 ms', succeeded: false },
      { responseStatus: 500, error: 'the receiver answered HTTP 500', succeeded: false },
      { responseStatus: 500, error: 'the receiver answered HTTP 500', succeeded: false },
    ]);
    expect(delivery.attempts).toHaveLength(RETRY_LIMIT + 1);
    expect(delivery.deliveredAt).toBeNull();

    // Sent again on request: the same event, a new attempt, and now it arrives.
    const { redeliverWebhook } = await setup.firm.asAdmin.data(RedeliverWebhookDocument, { input: { deliveryId: delivery.id } });
    expect(redeliverWebhook).toEqual({ delivery: { id: delivery.id, status: 'PENDING', attemptCount: 3 }, userErrors: [] });
    const [again] = await eventually(
      'the redelivery',
      () => deliveryLog(setup),
      (log) => log[0]?.status === 'DELIVERED',
    );
    expect(again.attempts.map((attempt) => [attempt.number, attempt.succeeded])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(setup.receiver.requests.at(-1)!.headers['outside-in-event-id']).toBe(delivery.event.id);
  });

  it('should write no event for a change that was refused, nor for subscriptions of other events', async () => {
    const setup = await subscribed();
    const other = await subscribed([], ['scorecard.submitted']);
    const refused = await move(setup, 'REJECTED');
    expect(refused.userErrors.map((error) => error.code)).toEqual(['REQUIRED']);
    await move(other, 'INTERVIEWING');
    await worker.relay();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const events = await app
      .em()
      .getConnection()
      .execute('select firm_id from webhook_event where firm_id in (?, ?)', [setup.firm.firm.id, other.firm.firm.id]);
    expect(events).toEqual([]);
    expect(setup.receiver.requests).toEqual([]);
    expect(other.receiver.requests).toEqual([]);
  });

  it('should send nothing to a disabled subscription and cancel what waits for it', async () => {
    const setup = await subscribed([500, 500, 500]);
    await move(setup, 'INTERVIEWING');
    await eventually(
      'the first attempt',
      () => deliveryLog(setup),
      (log) => log[0]?.attemptCount === 1,
    );
    const { disableWebhookSubscription } = await setup.firm.asAdmin.data(DisableWebhookSubscriptionDocument, {
      input: { subscriptionId: setup.subscriptionId },
    });
    expect(disableWebhookSubscription.userErrors).toEqual([]);
    expect((await deliveryLog(setup)).map((delivery) => delivery.status)).toEqual(['CANCELLED']);
    await move(setup, 'SHORTLISTED');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(setup.receiver.requests).toHaveLength(1);
    expect((await deliveryLog(setup)).map((delivery) => [delivery.status, delivery.attemptCount])).toEqual([['CANCELLED', 1]]);
    const { redeliverWebhook } = await setup.firm.asAdmin.data(RedeliverWebhookDocument, {
      input: { deliveryId: (await deliveryLog(setup))[0].id },
    });
    expect(redeliverWebhook.userErrors).toEqual([
      { code: 'INVALID_STATE', field: ['input', 'deliveryId'], message: 'The subscription is disabled: enable it first.' },
    ]);
  });

  it('should deliver scorecard.submitted with the ids of the scorecard, interview and candidacy', async () => {
    const setup = await subscribed([], ['scorecard.submitted']);
    const { scheduleInterview } = await setup.firm.asRecruiter.data(ScheduleInterviewDocument, {
      input: {
        candidacyId: toGlobalId('Candidacy', setup.pipeline.candidacy.id),
        kind: 'COMPETENCY',
        scheduledAt: '2026-03-01T10:00:00Z',
        interviewerIds: [toGlobalId('User', setup.firm.recruiter.id)],
      },
    });
    const interview = scheduleInterview.interview!;
    const { submitScorecard } = await setup.firm.asRecruiter.data(SubmitScorecardDocument, {
      input: { interviewId: interview.id, ratings: someRatings(2, 4), recommendation: 'YES', summary: 'Strong on customer insight.' },
    });
    expect(submitScorecard.userErrors).toEqual([]);
    await eventually(
      'the delivery',
      () => deliveryLog(setup),
      (log) => log[0]?.status === 'DELIVERED',
    );
    const body = JSON.parse(setup.receiver.requests[0].body);
    expect(body).toMatchObject({
      type: 'scorecard.submitted',
      data: {
        scorecardId: interview.scorecards[0].id,
        interviewId: interview.id,
        candidacyId: toGlobalId('Candidacy', setup.pipeline.candidacy.id),
        revision: 1,
      },
    });
    // Evidence and summaries are the interviewers' words about a person: never in a webhook.
    expect(setup.receiver.requests[0].body).not.toContain('customer insight');
    expect(setup.receiver.requests[0].body).not.toContain('Evidence');
  });
});
