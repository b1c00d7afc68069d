export default async function globalTeardown(): Promise<void> {
  await (globalThis as { embeddedDatabase?: { stop(): Promise<void> } }).embeddedDatabase?.stop();
}
