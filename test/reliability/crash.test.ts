import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { localIdOf, toGlobalId } from '../../src/common/global-id';
import { findFreePort } from '../../src/config/embedded-postgres';
import { reliabilityScale } from '../helpers/reliability';
import { ADD_TO_MANDATE, CREATE_CANDIDATE, MOVE_CANDIDACY, WRITER_SCOPES, migrateAndSeed } from '../helpers/reliability-world';
import { API_ENTRY, CrashableApi, CrashablePostgres, readinessBecomes } from './crash-harness';

// A writer sends mutations with Idempotency-Keys, retrying each (same key) until it gets an
// answer, while PostgreSQL is killed (SIGKILL) and restarted twice and the API process once.
// Afterwards every acknowledged write must be there exactly once, whole, with exactly one
// outbox event per committed stage change. Runs on a PostgreSQL of its own, never the shared
// test database.

// Each lane creates a candidate; every second lane also adds it to the mandate and moves it
// to SCREENING (an event): 2 mutations per lane on average.
const LANES = reliabilityScale(100, 1500);
const CONCURRENCY = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Counters {
  // Set when the run has failed: the writers stop retrying.
  aborted: boolean;
  acknowledged: number;
  // Answers that were a stored first response: a retry after a lost answer, or a deliberate resend.
  replayed: number;
  // Every 10th acknowledged mutation is sent once more with its key, as a client that lost the answer would.
  resent: number;
  attempts: number;
  retries: number;
}

// One mutation with its key, sent until it is answered with data and no errors. Network
// errors, 5xx and error responses (the database was down) are retried with the same key.
type Payloads = Record<string, { userErrors: unknown[] } & Record<string, unknown>>;

interface Answer {
  data: Payloads;
  raw: string;
  replayed: boolean;
}

async function sendUntilAnswered(
  api: CrashableApi,
  apiKey: string,
  query: string,
  variables: object,
  counters: Counters,
  failures: string[],
  key: string = randomUUID(),
): Promise<Answer> {
  for (let attempt = 0; ; attempt++) {
    if (counters.aborted) throw new Error('aborted');
    if (attempt > 0) {
      counters.retries++;
      await sleep(Math.min(50 * attempt, 500));
    }
    counters.attempts++;
    let status: number;
    let replayed: boolean;
    let retryAfter: string | null;
    let raw: string;
    let body: { data?: Record<string, { userErrors: unknown[] } & Record<string, unknown>> | null; errors?: unknown[] };
    try {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}`, 'idempotency-key': key },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(30_000),
      });
      status = response.status;
      replayed = response.headers.get('idempotent-replayed') === 'true';
      retryAfter = response.headers.get('retry-after');
      raw = await response.text();
      body = JSON.parse(raw);
    } catch {
      continue;
    }
    if (status === 429) {
      // Throttled: nothing ran; wait as told and send the same request again.
      await sleep(Number(retryAfter ?? '1') * 1000);
      continue;
    }
    if (status >= 500 || body.errors?.length || !body.data) {
      if (status < 500 && !isInternal(body.errors)) failures.push(`${status} ${JSON.stringify(body)}`);
      if (attempt > 400) throw new Error(`no answer after ${attempt} attempts: ${status} ${JSON.stringify(body)}`);
      continue;
    }
    if (replayed) counters.replayed++;
    return { data: body.data, raw, replayed };
  }
}

function isInternal(errors: unknown[] | undefined): boolean {
  return (errors ?? []).every((error) => (error as { extensions?: { code?: string } }).extensions?.code === 'INTERNAL_SERVER_ERROR');
}

interface LaneResult {
  marker: string;
  candidateId: string;
  candidacyId: string | null;
  moved: boolean;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-in-crash-'));
let postgres: CrashablePostgres;
let api: CrashableApi;

beforeAll(async () => {
  if (!fs.existsSync(API_ENTRY)) throw new Error(`${API_ENTRY} is missing: run \`npm run build\` first (npm test does).`);
  postgres = new CrashablePostgres(dataDir, await findFreePort());
  await postgres.start();
});

afterAll(async () => {
  await api?.stop().catch(() => undefined);
  await postgres?.stop().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('crash safety', () => {
  it(
    'should keep every acknowledged write exactly once, whole, with one outbox event per change, through database and API crashes',
    async () => {
      const world = await migrateAndSeed(postgres.url, {
        name: 'Crash Test Search',
        slug: 'crash-test',
        keys: { writer: WRITER_SCOPES },
        hookUrl: 'https://hooks.crash.example/outside-in',
      });
      api = new CrashableApi(await findFreePort(), postgres.url);
      await api.start();

      const lanesWithMoves = Math.ceil(LANES / 2);
      const planned = LANES + 2 * lanesWithMoves;
      const counters: Counters = { aborted: false, acknowledged: 0, replayed: 0, resent: 0, attempts: 0, retries: 0 };
      const failures: string[] = [];
      const mandateGlobalId = toGlobalId('Mandate', world.mandateId);
      const crashes: string[] = [];

      // One mutation, answered. Every 10th is sent again with the same key after its answer: the
      // resend must be a replay of exactly that answer.
      async function mutate(query: string, variables: object): Promise<Payloads> {
        const key = randomUUID();
        const first = await sendUntilAnswered(api, world.keys.writer, query, variables, counters, failures, key);
        counters.acknowledged++;
        if (counters.acknowledged % 10 === 0) {
          counters.resent++;
          const again = await sendUntilAnswered(api, world.keys.writer, query, variables, counters, failures, key);
          if (!again.replayed || again.raw !== first.raw) failures.push(`resend not replayed: ${first.raw} then ${again.raw}`);
        }
        return first.data;
      }

      async function lane(index: number): Promise<LaneResult> {
        const marker = `crash-${index}-${randomUUID().slice(0, 8)}`;
        const created = await mutate(CREATE_CANDIDATE, {
          input: { firstName: 'Kari', lastName: marker, externalRefs: [{ system: 'crash', externalId: marker }] },
        });
        const candidate = created.createCandidate.candidate as { id: string } | null;
        if (created.createCandidate.userErrors.length || !candidate) throw new Error(`createCandidate refused: ${JSON.stringify(created)}`);
        const result: LaneResult = { marker, candidateId: candidate.id, candidacyId: null, moved: false };
        if (index % 2 !== 0) return result;
        const added = await mutate(ADD_TO_MANDATE, { input: { mandateId: mandateGlobalId, candidateId: candidate.id } });
        const candidacy = added.addCandidateToMandate.candidacy as { id: string } | null;
        if (added.addCandidateToMandate.userErrors.length || !candidacy)
          throw new Error(`addCandidateToMandate refused: ${JSON.stringify(added)}`);
        result.candidacyId = candidacy.id;
        const moved = await mutate(MOVE_CANDIDACY, { input: { candidacyId: candidacy.id, stage: 'SCREENING' } });
        if (moved.moveCandidacy.userErrors.length) throw new Error(`moveCandidacy refused: ${JSON.stringify(moved)}`);
        result.moved = true;
        return result;
      }

      // The chaos, at fixed points of the run: the database twice, the API once.
      async function chaos(): Promise<void> {
        const reach = async (fraction: number) => {
          while (counters.acknowledged < planned * fraction) {
            if (counters.aborted) throw new Error('aborted');
            await sleep(10);
          }
        };
        const crashDatabase = async () => {
          await postgres.kill();
          await readinessBecomes(api, 503);
          await sleep(300);
          await postgres.start();
          await readinessBecomes(api, 200);
          crashes.push(`PostgreSQL at ${counters.acknowledged}`);
        };
        await reach(0.2);
        await crashDatabase();
        await reach(0.45);
        await api.kill();
        await sleep(200);
        await api.start();
        crashes.push(`API at ${counters.acknowledged}`);
        await reach(0.7);
        await crashDatabase();
      }

      const results: LaneResult[] = [];
      let next = 0;
      const writers = Array.from({ length: CONCURRENCY }, async () => {
        while (next < LANES) results.push(await lane(next++));
      });
      const running = [chaos(), ...writers];
      await Promise.all(running).catch(async (error) => {
        counters.aborted = true;
        await Promise.allSettled(running);
        throw new Error(`${error instanceof Error ? error.message : error}\nAPI output:\n${api.output.slice(-5000)}`);
      });

      expect(crashes).toHaveLength(3);
      expect(failures).toEqual([]);
      expect(counters.acknowledged).toBe(planned);
      expect(counters.resent).toBe(Math.floor(planned / 10));
      expect(counters.replayed).toBeGreaterThanOrEqual(counters.resent);

      // What the database holds, read directly.
      const db = new pg.Client({ connectionString: postgres.url });
      await db.connect();
      try {
        const firm = world.firmId;
        const candidates = (
          await db.query<{ id: string; last_name: string; refs: string[] }>(
            `select c.id, c.last_name, array_remove(array_agg(r.system || ':' || r.external_id), null) as refs
               from candidate c left join candidate_external_ref r on r.candidate_id = c.id
              where c.firm_id = $1 group by c.id`,
            [firm],
          )
        ).rows;
        const candidacies = (
          await db.query<{ id: string; candidate_id: string; stage: string; history: string[] }>(
            `select c.id, c.candidate_id, c.stage,
                    array_agg(coalesce(h.from_stage, '-') || '>' || h.to_stage order by h.created_at) as history
               from candidacy c join candidacy_stage_change h on h.candidacy_id = c.id
              where c.firm_id = $1 group by c.id`,
            [firm],
          )
        ).rows;
        const events = (
          await db.query<{ candidacy_id: string; events: number; deliveries: number }>(
            `select e.data->>'candidacyId' as candidacy_id, count(distinct e.id)::int as events, count(d.id)::int as deliveries
               from webhook_event e left join webhook_delivery d on d.event_id = e.id
              where e.firm_id = $1 and e.type = 'candidacy.stage_changed' group by 1`,
            [firm],
          )
        ).rows;
        const [{ keys }] = (
          await db.query<{ keys: number }>('select count(*)::int as keys from idempotency_key where firm_id = $1', [firm])
        ).rows;

        const byMarker = new Map<string, typeof candidates>();
        for (const row of candidates) byMarker.set(row.last_name, [...(byMarker.get(row.last_name) ?? []), row]);
        let lost = 0;
        let duplicated = 0;
        let partial = 0;
        for (const result of results) {
          const rows = byMarker.get(result.marker) ?? [];
          if (rows.length === 0) lost++;
          if (rows.length > 1) duplicated += rows.length - 1;
          const row = rows[0];
          if (row && (row.id !== localIdOf(result.candidateId, 'Candidate') || row.refs.join() !== `crash:${result.marker}`)) partial++;
        }
        // Rows nobody was told about are duplicates too (a retry that ran again).
        duplicated += candidates.filter((row) => !results.some((result) => result.marker === row.last_name)).length;

        const expectedCandidacies = results.filter((result) => result.candidacyId !== null);
        const candidacyById = new Map(candidacies.map((row) => [row.id, row]));
        for (const result of expectedCandidacies) {
          const row = candidacyById.get(localIdOf(result.candidacyId!, 'Candidacy')!);
          if (!row) lost++;
          else if (row.stage !== 'SCREENING' || row.history.join() !== '->SOURCED,SOURCED>SCREENING') partial++;
        }
        duplicated += Math.max(0, candidacies.length - expectedCandidacies.length);

        const eventsByCandidacy = new Map(events.map((row) => [row.candidacy_id, row]));
        const moves = results.filter((result) => result.moved);
        const withOneEvent = moves.filter((result) => {
          const row = eventsByCandidacy.get(result.candidacyId!);
          return row?.events === 1 && row.deliveries === 1;
        });
        const eventCount = events.reduce((sum, row) => sum + row.events, 0);

        console.log(
          [
            `crash test (${reliabilityScale('short', 'full')} run): ${counters.acknowledged} writes acknowledged ` +
              `(${counters.attempts} requests, ${counters.retries} retries; ${counters.resent} resent on purpose, ` +
              `${counters.replayed} answered by a replay)`,
            `  crashes: ${crashes.join('; ')}`,
            `  lost ${lost}, duplicated ${duplicated}, partial ${partial}`,
            `  candidates ${candidates.length}, candidacies ${candidacies.length}, stage changes committed ${moves.length}, ` +
              `outbox events ${eventCount} (exactly one for ${withOneEvent.length}), idempotency keys stored ${keys}`,
          ].join('\n'),
        );

        expect({ lost, duplicated, partial }).toEqual({ lost: 0, duplicated: 0, partial: 0 });
        expect(candidates).toHaveLength(LANES);
        expect(candidacies).toHaveLength(lanesWithMoves);
        expect(withOneEvent).toHaveLength(moves.length);
        expect(eventCount).toBe(moves.length);
        expect(keys).toBe(planned);
      } finally {
        await db.end();
      }

      // The API that lived through the database crashes still shuts down cleanly.
      expect(await api.stop()).toBe(0);
    },
    reliabilityScale(180_000, 1_800_000),
  );
});
