// The module graph's rules (npm run lint:deps, part of npm test). The layers, top to bottom:
//   src/index.ts, src/scripts/  →  src/server/  →  src/modules/<feature>/  →  src/common/, src/config/
// A feature is used through its index.ts only; seeds/ and test/ are users from outside too.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'Two folders that need each other are one folder, or one of them owns the rule the other uses.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'feature-through-its-index',
      comment: "Another feature's files are reached only through its index.ts (what it exports is its public surface).",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/.+', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'outside-through-the-index',
      comment: 'Code outside src/modules (server, scripts, seeds, tests) reaches a feature through its index.ts.',
      severity: 'error',
      from: { pathNot: '^src/modules/' },
      to: { path: '^src/modules/[^/]+/.+', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'modules-do-not-import-server',
      comment: 'Dependencies run one way: server → modules → common. The request Context lives in common/.',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/(server|scripts)/|^src/index\\.ts$' },
    },
    {
      name: 'common-imports-no-feature',
      comment: 'common/ holds what every feature needs (ids, connections, errors, the request context) and knows no feature.',
      severity: 'error',
      from: { path: '^src/common/' },
      to: { path: '^src/', pathNot: '^src/common/' },
    },
    {
      name: 'config-imports-no-feature',
      comment: 'config/ reads the environment and opens the database; the entities are handed to it by the server.',
      severity: 'error',
      from: { path: '^src/config/' },
      to: { path: '^src/', pathNot: '^src/(config|migrations)/' },
    },
    {
      name: 'server-is-not-an-entry-point',
      comment: 'The server is started by src/index.ts and used by scripts; it imports neither.',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: '^src/(scripts/|index\\.ts$)' },
    },
    {
      name: 'product-code-imports-no-seeds-or-tests',
      comment: 'Product data (the default rubric) lives in its feature; seeds use it, not the other way round.',
      severity: 'error',
      from: { path: '^src/(modules|server|common|config|migrations)/' },
      to: { path: '^(seeds|test)/' },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'Every import resolves (a package that ships only types has nothing to resolve).',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, pathNot: '^@graphql-typed-document-node/core$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/|^test/generated/' },
    // Type-only imports are dependencies too: a type from another feature is part of its surface.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
