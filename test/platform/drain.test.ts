import net from 'node:net';
import { once } from 'node:events';
import pg from 'pg';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestFirm, type TestFirm } from '../helpers/fixtures';
import { eventually } from '../helpers/integration-fixtures';

// Stopping drains: answers still to be sent go out, then the connections close. A request whose
// caller has gone (a client or load balancer that closed its connection, as at a deploy) has no
// answer to wait for, yet its execution may still be under way: stopping must wait for it too, or
// it meets a closed database pool half-way (the bench saw the read audit fail so).

let app: TestApp;
let firm: TestFirm;

beforeAll(async () => {
  app = await startTestApp();
  firm = await createTestFirm(app, 'drain');
});
afterAll(() => app.close());

describe('stopping with an execution whose caller has gone', () => {
  it('should wait for the execution to end before it reports the server stopped', async () => {
    // The test's own connection holds the sessions table, so the request waits in its sign-in look-up.
    const blocker = new pg.Client({ connectionString: app.orm.config.get('clientUrl')! });
    await blocker.connect();
    try {
      await blocker.query('begin');
      await blocker.query('lock table "session" in access exclusive mode');
      const body = JSON.stringify({ query: '{ viewer { user { name } } }' });
      const socket = net.connect(Number(new URL(app.url).port), '127.0.0.1');
      await once(socket, 'connect');
      socket.write(
        `POST /graphql HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
          `authorization: Bearer ${firm.asRecruiter.token!}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      // The execution is under way once its statement waits for the lock (only it can: the
      // database is this test file's own).
      const waiting = async () =>
        (
          await blocker.query<{ n: number }>(
            `select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
          )
        ).rows[0].n;
      await eventually('the execution to wait for the lock', waiting, (n) => n > 0, 5_000);
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
      expect(stoppedWhileBlocked).toBe(false);
      expect(await waiting()).toBe(0);
    } finally {
      await blocker.end();
    }
  });
});
