import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';

// "Node.js 20 or newer is all a machine needs" (README) holds only if every package the server
// runs with says so. npm merely warns about a package whose `engines` asks for more, and such a
// package may use a newer Node's API in any patch release (Apollo Server's @graphql-tools/schema
// 10.1 pulled in @whatwg-node/promise-helpers 2, which asks for Node >= 22.15: package.json's
// overrides keep it out). Development tools are not held to it (README says which warn).

const root = path.join(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean; engines?: { node?: string } | string[] }>;
};

// The server's packages that name the Node versions they support, with that range.
function runtimePackages(): { name: string; version: string | undefined; node: string }[] {
  return Object.entries(lock.packages).flatMap(([key, entry]) => {
    if (key === '' || entry.dev === true) return [];
    // Old packages may give `engines` as an array; only the object form names Node.
    const node = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
    return node ? [{ name: key.replace(/^.*node_modules\//, ''), version: entry.version, node }] : [];
  });
}

describe('the Node versions the server runs on', () => {
  const oldest = semver.minVersion(manifest.engines.node)!.version;
  const packages = runtimePackages();

  it('should have no runtime package that asks for a newer Node than package.json promises', () => {
    // The lockfile lists the server's dependencies with their engines (several hundred name one).
    expect(packages.length).toBeGreaterThan(100);
    expect(packages.filter((each) => !semver.satisfies(oldest, each.node))).toEqual([]);
  });

  it('should promise, in package.json, no older Node than its runtime packages need', () => {
    const needed = packages.map((each) => semver.minVersion(each.node)!.version).sort(semver.rcompare)[0];
    expect(oldest).toBe(needed);
  });
});
