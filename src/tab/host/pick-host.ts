/**
 * Chooses the host explicitly: `?host=local` → the DEV ONLY local host; anything else → Teams,
 * whose initialize is bounded by a timeout (it never settles inside a non-Teams iframe).
 */
import { createLocalHost, parseLocalHostParams, wantsLocalHost } from './local-host';
import type { TabHost } from './tab-host';

export type PickedHost =
  | { readonly kind: 'host'; readonly host: TabHost }
  | { readonly kind: 'not-in-teams'; readonly reason: string }
  | { readonly kind: 'bad-local-params'; readonly problems: readonly string[] };

export async function pickHost(search: string = window.location.search, teamsTimeoutMs = 3000): Promise<PickedHost> {
  if (wantsLocalHost(search)) {
    const parsed = parseLocalHostParams(search);
    return parsed.ok
      ? { kind: 'host', host: createLocalHost(parsed.context) }
      : { kind: 'bad-local-params', problems: parsed.problems };
  }
  try {
    // Loaded on demand: the dev page and local frames never need teams-js.
    const { createTeamsHost } = await import('./teams-host');
    return { kind: 'host', host: await createTeamsHost({ timeoutMs: teamsTimeoutMs, search }) };
  } catch (e) {
    return { kind: 'not-in-teams', reason: e instanceof Error ? e.message : String(e) };
  }
}
