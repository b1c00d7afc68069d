// Hooks do the heavy lifting of a test file: a database of its own migrated by the real
// migrations, the schema, the server and the fixtures. Measured on 2 cores with two CPU burners
// (`yes > /dev/null`) beside other test runs (load 9-11): the slowest beforeAll took 34-45 s
// (authorization-matrix), five others 11-25 s; 6-7 s without the burners. At load 15 the 30 s of
// testTimeout failed six files. A hook gets 180 s, four times the slowest seen; a test keeps its
// 30 s. A timeout costs nothing to a hook that finishes, so the quiet case is as fast as before.
const HOOK_TIMEOUT_MS = 180_000;

for (const name of ['beforeAll', 'beforeEach', 'afterAll', 'afterEach'] as const) {
  const hook = globalThis[name];
  globalThis[name] = ((fn: jest.ProvidesHookCallback, timeout?: number) =>
    hook(fn, Math.max(timeout ?? 0, HOOK_TIMEOUT_MS))) as typeof hook;
}
