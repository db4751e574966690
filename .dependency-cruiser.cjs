// Import rules that keep the folder shape (issue #21). Checked by `npm run lint` through scripts/check-deps.ts,
// which also fails on cycles between top-level folders (dependency-cruiser's own folder scope counts nested folders too).

/**
 * Layer rules govern the code that ships. A sibling test may reach upward to set up its case (core/csv.test.ts builds a
 * referral notice): nothing imports a test, so it adds no cycle. Tests still count for no-circular and cli-is-the-top.
 */
const TEST = '\\.test\\.tsx?$';

/** The worker stage files: one per pipeline stage; a stage never imports another stage. */
const WORKER_STAGE = '^workers/(?:ingest|classify|refer|evidence|liveness|deliver|[^/]+-worker)\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Module-level import cycle. Type-only imports count: they tie the modules together as much as value imports do.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'cli-is-the-top',
      severity: 'error',
      comment: 'cli/ assembles processes; nothing but bin/, cli/ itself and the harnesses (test/, bench/) may import it.',
      from: { pathNot: '^(bin|cli|test|bench)/' },
      to: { path: '^cli/' },
    },
    {
      name: 'detector-stands-alone',
      severity: 'error',
      comment: 'detector/ is a library: it imports only detector/, core/ and packages.',
      from: { path: '^detector/', pathNot: TEST },
      to: { pathNot: '^(detector|core|node_modules)/', dependencyTypesNot: ['core'] },
    },
    {
      name: 'no-worker-imports-a-worker',
      severity: 'error',
      comment: 'A worker stage is a thin adapter; what two stages share lives in a domain folder or core/jobs, not in another stage.',
      // $1 is the importer's stage name, so refer.test.ts or refer-candidates.test.ts may import refer.ts.
      // workers/handlers.ts is the registry: the one module that names every stage (loaded lazily, by queue).
      from: { path: '^workers/([a-z]+)', pathNot: [TEST, '^workers/handlers\\.ts$'] },
      to: { path: WORKER_STAGE, pathNot: '^workers/$1(?:-worker)?\\.ts$' },
    },
    {
      name: 'core-is-the-bottom',
      severity: 'error',
      comment: 'core/ is shared by every folder, so it imports none of the domain, worker, API or CLI folders.',
      from: { path: '^core/', pathNot: TEST },
      to: { path: '^(workers|api|review|referrals|networks|analytics|retention|model-registry|cli)/' },
    },
    {
      name: 'domain-below-adapters',
      severity: 'error',
      comment: 'referrals/ and review/ hold domain rules; workers/ and api/ are adapters over them, never the other way.',
      from: { path: '^(referrals|review)/', pathNot: TEST },
      to: { path: '^(workers|api)/' },
    },
    {
      name: 'api-is-an-adapter',
      severity: 'error',
      comment: 'api/ is imported only by cli/ (to serve it), the harnesses (test/, bench/, scripts/) and api/ itself.',
      from: { pathNot: ['^(api|cli|test|bench|scripts)/', TEST] },
      to: { path: '^api/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing: a typo, a moved file or a package missing from package.json.',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'no-undeclared-package',
      severity: 'error',
      comment: 'A package imported but not in package.json works only by hoisting luck.',
      from: { pathNot: '^node_modules/' },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'no-dev-package-in-production',
      severity: 'error',
      comment:
        'Production code (not tests, harnesses or tooling) may import only "dependencies", since the image installs with NODE_ENV=production (no devDependencies).',
      from: { path: '^(analytics|api|cli|core|detector|model-registry|networks|referrals|retention|review|workers|bin)/', pathNot: TEST },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    // generated/ is Prisma's client: a dependency to see, not code to crawl. samples/blind/ is never read.
    doNotFollow: { path: ['^node_modules/', '^generated/'] },
    exclude: { path: ['^\\.data/', '^dist/', '^samples/blind/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
  },
};
