import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../src/config/embedded-postgres';
import { GraphQLClient } from '../helpers/graphql-client';
import { processesUsing, startBuiltApp, STACK_TRACE } from '../helpers/app-process';
import { LoginDocument } from '../generated/graphql';

// Ctrl-C in a terminal sends SIGINT to the whole foreground process group. The embedded
// PostgreSQL must not get it: Node drains its requests and webhook worker first, then stops it.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'outside-in-ctrl-c-'));

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('stopping the app', () => {
  it('should drain, stop PostgreSQL, print "stopped" and exit 0 when the whole process group gets SIGINT', async () => {
    const app = await startBuiltApp({
      env: {
        PORT: '0',
        LOG_LEVEL: 'info',
        EMBEDDED_POSTGRES_DIR: dataDir,
        EMBEDDED_POSTGRES_PORT: String(await findFreePort()),
        // The webhook relay and job queue poll often, so their pools hold connections when the signal comes.
        WEBHOOK_POLL_INTERVAL_MS: '20',
      },
      ownProcessGroup: true,
    });
    expect(app.url).not.toBeNull();
    // Connections in use: the API's pool, and the webhook worker's job queue polling.
    const { login } = await new GraphQLClient(app.url!, null).data(LoginDocument, {
      input: { email: 'recruiter@nordlys.example', password: 'nordlys-recruiter' },
    });
    expect(login.userErrors).toEqual([]);
    const postmaster = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    expect(processesUsing(dataDir)).toContain(postmaster);
    await new Promise((resolve) => setTimeout(resolve, 1000));

    process.kill(-app.child.pid!, 'SIGINT');

    expect(await app.exited).toBe(0);
    const output = app.output();
    const logLines = output.split('\n').filter((line) => line.startsWith('{'));
    const messages = logLines.map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages.slice(-2)).toEqual(['shutting down: draining requests', 'stopped']);
    // Nothing went wrong on the way: no error logged, no stack, no crash dump.
    expect(logLines.filter((line) => (JSON.parse(line) as { level: number }).level >= 50)).toEqual([]);
    expect(output).not.toMatch(STACK_TRACE);
    expect(output).not.toContain('Unhandled');
    expect(processesUsing(dataDir)).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  }, 120_000);

  it('should stop PostgreSQL when Node dies without stopping it (SIGKILL)', async () => {
    const app = await startBuiltApp({
      env: { PORT: '0', EMBEDDED_POSTGRES_DIR: dataDir, EMBEDDED_POSTGRES_PORT: String(await findFreePort()) },
      ownProcessGroup: true,
    });
    expect(app.url).not.toBeNull();
    expect(processesUsing(dataDir)).not.toEqual([]);

    app.child.kill('SIGKILL');
    await app.exited;

    // PostgreSQL's supervisor sees Node's end of its standard input close, and asks for a fast shutdown.
    const deadline = Date.now() + 30_000;
    while (processesUsing(dataDir).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(processesUsing(dataDir)).toEqual([]);
    expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  }, 120_000);
});
