/**
 * The dependency direction of the architecture notes, checked in `npm test` (`npm run lint:deps`).
 * Allow-lists, not deny-lists: each room of src/ names what it may import, and everything else is
 * refused — a new folder, a new package or a new SDK import has to be allowed here on purpose.
 *
 *   domain <- application <- (store | live | bot) <- server        api: shared HTTP shapes (domain + zod)
 *   tab -> (domain, live, api)                                     dev: the launcher
 *
 * Each SDK stays in one room: fluid-framework in src/live, @microsoft/teams-js in src/tab/host,
 * botbuilder and teams-ai in src/bot, @azure/cosmos in src/store/cosmos, better-sqlite3 in
 * src/store/embedded. tests/unit/dependency-rules.test.ts proves the rules refuse what they should.
 */
const ROOMS = 'domain|application|api|store|live|bot|server|tab|dev';

/** A room of src/ that may import only the listed rooms of src/ (npm packages are governed by the SDK rules). */
const room = (name, comment, from, allowedRooms) => ({
  name,
  comment,
  severity: 'error',
  from: { path: `^src/${from}/` },
  to: { path: '^src/', pathNot: `^src/(${allowedRooms})/` },
});

/** An SDK that only one room may import. */
const sdkRoom = (name, comment, packages, onlyIn) => ({
  name,
  comment,
  severity: 'error',
  from: { path: '^src/', pathNot: `^src/${onlyIn}/` },
  to: { path: `node_modules/(${packages})/` },
});

/** npm packages the browser tab may use (React, Fluent UI, zod, Markdown rendering); anything else is refused. */
const TAB_PACKAGES = [
  'react',
  'react-dom',
  '@fluentui/[^/]+',
  'zod',
  '@microsoft/teams-js',
  'react-markdown',
  'rehype-sanitize',
  'mdast-util-to-markdown',
].join('|');

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'src/domain holds pure rules: it imports nothing outside src/domain (no IO, no framework, no node builtins).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { pathNot: '^src/domain/' },
    },
    {
      name: 'application-declares-ports',
      comment:
        'src/application uses the domain and declares ports: only src/application and src/domain, no IO (pure Markdown tree libraries aside).',
      severity: 'error',
      from: { path: '^src/application/' },
      // Pure Markdown syntax-tree libraries (no IO) write documents with people's text escaped (ADR markdown-by-syntax-tree).
      to: {
        pathNot: [
          '^src/(application|domain)/',
          'node_modules/(mdast-util-to-markdown|mdast-util-from-markdown|@types/mdast)/',
        ],
      },
    },
    {
      name: 'api-is-shared-shapes',
      comment:
        'src/api (the HTTP contract: request/response schemas) may use only the domain and zod; server and tab share it.',
      severity: 'error',
      from: { path: '^src/api/' },
      to: { pathNot: ['^src/(api|domain)/', 'node_modules/zod/'] },
    },
    room(
      'store-room',
      'src/store implements ports: store, application, domain only (never live, bot, server, tab).',
      'store',
      'store|application|domain',
    ),
    room(
      'live-room',
      'src/live implements ports for Fluid: live, application, domain, api only.',
      'live',
      'live|application|domain|api',
    ),
    room(
      'bot-room',
      'src/bot implements ports for Teams chat: bot, application, domain, api only.',
      'bot',
      'bot|application|domain|api',
    ),
    room(
      'server-room',
      'src/server is the composition root: it wires application, store, live and bot; never the tab or the dev launcher.',
      'server',
      'server|application|domain|api|store|live|bot',
    ),
    room(
      'tab-room',
      'src/tab (the browser) imports only tab, domain, live and api: never a use case, a store, the bot or the server.',
      'tab',
      'tab|domain|live|api',
    ),
    room(
      'dev-room',
      'src/dev, the `npm start` launcher, may start the server; nothing of the tab.',
      'dev',
      'dev|server',
    ),
    {
      name: 'src-has-known-rooms',
      comment: `Every file of src/ belongs to one room (${ROOMS}); a new room gets its rule here first.`,
      severity: 'error',
      from: { path: '^src/', pathNot: `^src/(${ROOMS})/` },
      to: {},
    },
    {
      name: 'tab-packages-allow-list',
      comment:
        'The tab runs in the browser: only the packages listed in TAB_PACKAGES (no node builtins, no server SDKs).',
      severity: 'error',
      from: { path: '^src/tab/' },
      to: { pathNot: ['^src/', `node_modules/(${TAB_PACKAGES})/`] },
    },
    sdkRoom(
      'fluid-only-in-live',
      'fluid-framework and @fluidframework/* only in src/live.',
      'fluid-framework|@fluidframework/[^/]+',
      'live',
    ),
    sdkRoom(
      'teams-js-only-in-tab-host',
      '@microsoft/teams-js only in src/tab/host (behind the host interface).',
      '@microsoft/teams-js',
      'tab/host',
    ),
    sdkRoom(
      'bot-sdks-only-in-bot',
      'botbuilder, botframework-* and @microsoft/teams-ai only in src/bot.',
      'botbuilder[^/]*|botframework-[^/]+|@microsoft/teams-ai',
      'bot',
    ),
    sdkRoom('cosmos-only-in-cosmos-driver', '@azure/cosmos only in src/store/cosmos.', '@azure/cosmos', 'store/cosmos'),
    sdkRoom(
      'sqlite-only-in-embedded-driver',
      'better-sqlite3 only in src/store/embedded.',
      'better-sqlite3',
      'store/embedded',
    ),
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|vite\\.config\\.ts$)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
    },
  },
};
