import net from 'node:net';
import { once } from 'node:events';
import pg from 'pg';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm } from '../helpers/fixtures';
import { eventually } from '../helpers/integration-fixtures';

// Stopping drains: answers still to be sent go out, then the connections close. A request whose
// caller has gone (a client or load balancer that closed its connection, as at a deploy) has no
// answer to wait for, yet its work may still be under way: stopping must wait for it too, or it
// meets a closed database pool half-way (the bench saw the read audit fail so). Each case stops
// its own server.

let app: TestApp;

beforeEach(async () => {
  app = await startTestApp();
});
afterEach(() => app.close());

// Sends `request` on a connection of its own while the test's connection holds `table`, so the
// request's work waits in its first look-up of it; then closes the caller's connection, stops the
// server, and tells whether the stop was over before the work could go on.
async function stopWithWorkWaitingOn(table: string, request: string): Promise<{ stoppedWhileBlocked: boolean; waiting: number }> {
  const blocker = new pg.Client({ connectionString: app.orm.config.get('clientUrl')! });
  await blocker.connect();
  try {
    await blocker.query('begin');
    await blocker.query(`lock table "${table}" in access exclusive mode`);
    const socket = net.connect(Number(new URL(app.url).port), '127.0.0.1');
    await once(socket, 'connect');
    socket.write(request);
    // The work is under way once its statement waits for the lock (only it can: the database is
    // this test's own).
    const waiting = async () =>
      (
        await blocker.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        )
      ).rows[0].n;
    await eventually('the work to wait for the lock', waiting, (n) => n > 0, 5_000);
    // The caller goes; the server stops.
    socket.destroy();
    let released = false;
    let stoppedWhileBlocked = false;
    const stopped = app.server.stop().then(() => {
      stoppedWhileBlocked = !released;
    });
    // Without the wait the stop is over within milliseconds of the connection's close.
    await new Promise((resolve) => setTimeout(resolve, 300));
    released = true;
    await blocker.query('rollback');
    // Its statements can now run; the stop follows them.
    await stopped;
    return { stoppedWhileBlocked, waiting: await waiting() };
  } finally {
    await blocker.end();
  }
}

describe('stopping with work whose caller has gone', () => {
  it('should wait for a GraphQL execution to end before it reports the server stopped', async () => {
    const firm = await createTestFirm(app, 'drain');
    const body = JSON.stringify({ query: '{ viewer { user { name } } }' });
    // The sign-in look-up reads the sessions table.
    const outcome = await stopWithWorkWaitingOn(
      'session',
      `POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
        `authorization: Bearer ${firm.asRecruiter.token!}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    expect(outcome).toEqual({ stoppedWhileBlocked: false, waiting: 0 });
  });

  it('should wait for a report page to end before it reports the server stopped', async () => {
    // Any report token is looked up in the links table first (an unknown one too).
    const outcome = await stopWithWorkWaitingOn('report_link', `GET /reports/oi_report_unknown HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n`);
    expect(outcome).toEqual({ stoppedWhileBlocked: false, waiting: 0 });
  });
});
