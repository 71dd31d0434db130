/**
 * The dependency direction of ../shared/ARCHITECTURE.md, checked in `npm test`.
 * domain <- application <- (store | live | bot) <- server ; tab -> (domain, live, api)
 */
const LAYERS = 'store|live|bot|server|tab|dev';
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds pure rules: it imports nothing outside src/domain (no IO, no framework, no node builtins).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'api-schemas-are-shared',
      comment: 'src/api (request/response shapes) may use only the domain and zod.',
      severity: 'error',
      from: { path: '^src/api/' },
      to: { pathNot: ['^src/(api|domain)/', 'node_modules/zod/'] },
    },
    {
      name: 'application-declares-ports',
      comment: 'src/application uses the domain and declares ports; it never imports an adapter, a framework or IO.',
      severity: 'error',
      from: { path: '^src/application/' },
      // Pure Markdown syntax-tree libraries (no IO) write documents with people's text escaped (ADR markdown-by-syntax-tree).
      to: { pathNot: ['^src/(application|domain)/', 'node_modules/(mdast-util-to-markdown|mdast-util-from-markdown|@types/mdast)/'] },
    },
    {
      name: 'adapters-do-not-know-each-other',
      comment: 'store, live and bot implement ports; they never import each other, the server or the tab.',
      severity: 'error',
      from: { path: '^src/(store|live|bot)/' },
      to: { path: `^src/(${LAYERS})/`, pathNot: ['^src/$1/'] },
    },
    {
      name: 'tab-stays-in-the-browser',
      comment: 'src/tab imports domain, live and api only; never store, bot, server or dev.',
      severity: 'error',
      from: { path: '^src/tab/' },
      to: { path: '^src/(store|bot|server|dev)/' },
    },
    {
      name: 'tab-has-no-server-sdks',
      severity: 'error',
      from: { path: '^src/tab/' },
      to: { path: 'node_modules/(@azure/cosmos|botbuilder|@microsoft/teams-ai|better-sqlite3|express)/' },
    },
    {
      name: 'only-the-composition-root-wires-adapters',
      comment: 'Only src/server (and the dev launcher) construct adapters.',
      severity: 'error',
      from: { pathNot: '^src/(server|dev)/', path: '^src/' },
      to: { path: '^src/server/' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|vite\\.config\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], mainFields: ['module', 'main', 'types'] },
  },
};
