/**
 * The HTTP contract: every route of `/api` (except the Bot Framework's `/api/messages`), declared
 * once. The server mounts each entry (src/server/http/mount.ts); the tab's client is derived from it
 * (src/tab/api-client.ts); tests/integration/contract-routes.test.ts checks that what express serves
 * and this list are the same. How to add a route: src/api/README.md.
 */
import type { AnyRoute } from './contract-kit';
import { backlogRoutes } from './routes/backlog';
import { communityRoutes } from './routes/communities';
import { outcomeRoutes } from './routes/outcomes';
import { platformRoutes } from './routes/platform';
import { sessionRoutes } from './routes/sessions';
import { thirtyFiveRoutes } from './routes/thirty-five';

export const contract = {
  ...platformRoutes,
  ...communityRoutes,
  ...backlogRoutes,
  ...thirtyFiveRoutes,
  ...sessionRoutes,
  ...outcomeRoutes,
} as const;

export type Contract = typeof contract;
export type RouteName = keyof Contract;

/** Every route with its name, for code that walks the contract (tests, docs). */
export const contractRoutes = (): readonly (AnyRoute & { readonly name: string })[] =>
  Object.entries(contract).map(([name, r]) => ({ ...(r as AnyRoute), name }));
