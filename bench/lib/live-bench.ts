/**
 * Shared parts of the live benches (bench/live-latency.ts, bench/game-load.ts): the local stack
 * (Fluid local service + server, loopback, free ports), dev users with their DevIdentity headers,
 * N live meetings opened the way the tab opens them (server's live + token endpoints,
 * createLiveClient + openLiveMeeting), the facilitator's game controller, and small statistics.
 * Not a test: nothing here passes or fails.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Tree, type TreeView } from 'fluid-framework';
import { independentView } from 'fluid-framework/alpha';
import { encodeDevIdentity } from '../../src/api/dev-identity';
import type { LiveMeetingResponse } from '../../src/api/schemas';
import { planThirtyFive, type GameState } from '../../src/domain/thirty-five';
import {
  createLiveClient,
  openLiveMeeting,
  type LiveMeeting,
  type LiveUser,
  type MeetingSnapshot,
} from '../../src/live';
import { initialMeeting, meetingTreeConfig, type Meeting } from '../../src/live/meeting-schema';
import { snapshotOf } from '../../src/live/meeting-state';
import * as game from '../../src/live/thirty-five-state';
import { DEV_COMMUNITY, DEV_MEETING, DEV_TENANT, MAX_DEV_PARTICIPANTS } from '../../src/server/dev/dev-setup';
import { createApiClient, type ApiClient } from '../../src/tab/api-client';
import { createGameController, type GameController } from '../../src/tab/features/thirty-five/game-controller';
import { startLocalStack, type LocalStack } from '../../tests/fixtures/local-stack';

export { DEV_COMMUNITY, DEV_MEETING, DEV_TENANT };

export const argOf = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
export const numArg = (name: string, fallback: number): number => {
  const v = argOf(name);
  const n = v === undefined ? fallback : Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number (got ${v})`);
  return Math.floor(n);
};

export const now = (): number => performance.now();
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export const ms = (x: number | undefined): string =>
  x === undefined || Number.isNaN(x) ? '—' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0);

/** Nearest-rank percentile of a sample (p in 0..100). */
export function pct(values: readonly number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

/** Process CPU (user + system) in ms since `from` (a process.cpuUsage() reading). */
export const cpuMs = (from: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

export interface DevUser extends LiveUser {
  readonly header: string;
}

export const devHeader = (userId: string, displayName: string): string =>
  encodeDevIdentity({ tenantId: DEV_TENANT, userId, displayName });

async function http<T>(url: string, method: string, header: string | undefined, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: {
      accept: 'application/json',
      ...(header ? { authorization: header } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url} → ${res.status}: ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * `n` members of the demo community: the first 30 from /api/dev/setup (dev-user-1 facilitates),
 * the rest join through POST /communities/demo-cop/members with their own dev identity (the dev
 * setup stops at 30).
 */
export async function devUsers(url: string, n: number): Promise<DevUser[]> {
  const setup = await http<{
    users: { userId: string; displayName: string }[];
  }>(`${url}/api/dev/setup?participants=${Math.min(n, MAX_DEV_PARTICIPANTS)}`, 'GET', undefined);
  const users: DevUser[] = setup.users.map((u) => ({
    id: u.userId,
    name: u.displayName,
    header: devHeader(u.userId, u.displayName),
  }));
  const extra: DevUser[] = [];
  for (let i = users.length; i < n; i++) {
    const id = `dev-user-${i + 1}`;
    const name = `Participant ${i + 1}`;
    extra.push({ id, name, header: devHeader(id, name) });
  }
  await inBatches(extra, 20, (u) => http(`${url}/api/communities/${DEV_COMMUNITY}/members`, 'POST', u.header, {}));
  return [...users, ...extra];
}

export async function inBatches<T, R>(
  items: readonly T[],
  size: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map((x, j) => fn(x, i + j)))));
  return out;
}

/** The demo meeting's live container for `user` (creates it on the first call). */
export const liveContainer = (url: string, user: DevUser) =>
  http<LiveMeetingResponse>(
    `${url}/api/communities/${DEV_COMMUNITY}/meetings/${DEV_MEETING}/live`,
    'POST',
    user.header,
    {},
  );

/** Opens the demo meeting for each user as the tab does: live endpoint, token endpoint, createLiveClient + openLiveMeeting. */
export async function openMeetings(url: string, users: readonly DevUser[], batch = 10): Promise<LiveMeeting[]> {
  const first = await liveContainer(url, users[0] as DevUser); // the facilitator's call creates the container
  return inBatches(users, batch, async (user) => {
    const live = user === users[0] ? first : await liveContainer(url, user);
    const fetchToken = async (documentId: string | undefined) =>
      (
        await http<{ token: string }>(`${url}/api/fluid/token`, 'POST', user.header, {
          documentId: documentId ?? live.containerId,
        })
      ).token;
    const client = createLiveClient(live.connection, fetchToken, user);
    return openLiveMeeting(client, live.containerId, user, {
      connectTimeoutMs: 90_000,
    });
  });
}

/** The facilitator's controller (the tab's own), on the typed API client with their dev identity. */
export function facilitatorOf(
  url: string,
  facilitator: DevUser,
  meeting: LiveMeeting,
  timings?: Map<string, number[]>,
): { controller: GameController; api: ApiClient['thirtyFive'] } {
  const api = createApiClient({
    baseUrl: url,
    getAuthHeader: async () => facilitator.header,
    timeoutMs: 60_000,
  }).thirtyFive;
  const timed = Object.fromEntries(
    Object.entries(api).map(([name, fn]) => [
      name,
      async (...args: unknown[]) => {
        const t = now();
        try {
          return await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
        } finally {
          if (timings) timings.set(name, [...(timings.get(name) ?? []), now() - t]);
        }
      },
    ]),
  ) as unknown as ApiClient['thirtyFive'];
  return {
    controller: createGameController({
      api: timed,
      live: meeting.thirtyFive,
      communityId: DEV_COMMUNITY,
      meetingId: DEV_MEETING,
    }),
    api: timed,
  };
}

/** Resolves when `predicate` holds for the meeting's snapshot (checked now and on every change). */
export function until(
  meeting: LiveMeeting,
  predicate: (s: MeetingSnapshot) => boolean,
  timeoutMs = 60_000,
  what = 'a state',
): Promise<MeetingSnapshot> {
  return new Promise((resolve, reject) => {
    if (predicate(meeting.getSnapshot())) return resolve(meeting.getSnapshot());
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const off = meeting.subscribe(() => {
      if (predicate(meeting.getSnapshot())) {
        clearTimeout(timer);
        off();
        resolve(meeting.getSnapshot());
      }
    });
  });
}

export const untilAll = (
  meetings: readonly LiveMeeting[],
  predicate: (s: MeetingSnapshot) => boolean,
  timeoutMs?: number,
  what?: string,
) => Promise.all(meetings.map((m) => until(m, predicate, timeoutMs, what)));

export const gameOf = (m: LiveMeeting): GameState => {
  const g = m.getSnapshot().thirtyFive;
  if (!g) throw new Error('no game in this meeting');
  return g;
};

/**
 * The meeting's tree view. NOT public API: LiveMeeting keeps its view private and every edit acts
 * for the meeting's own user. The game bench uses it only to write other participants' entries with
 * the live layer's own edit functions (src/live/thirty-five-state.ts), when one process cannot hold
 * one Fluid connection per participant.
 */
export const treeOf = (m: LiveMeeting): TreeView<typeof Meeting> => {
  const view = (m as unknown as { view?: TreeView<typeof Meeting> }).view;
  if (!view)
    throw new Error(
      'This LiveMeeting has no `view` field any more: the delegate writes of bench/game-load.ts need updating.',
    );
  return view;
};

/**
 * The stack, with a time bound: after `budgetMs` the part stops waiting, the service and the server
 * are stopped either way, and the caller learns whether it finished.
 */
export async function withStack(
  budgetMs: number,
  run: (stack: LocalStack, onCleanup: (f: () => void) => void) => Promise<void>,
): Promise<'done' | 'timed out'> {
  const started = now();
  const cleanups: (() => void)[] = [];
  let stack: LocalStack | undefined;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    for (const f of cleanups.splice(0).reverse()) {
      try {
        f();
      } catch {
        /* best effort */
      }
    }
    await stack?.stop();
  };
  let timer: NodeJS.Timeout | undefined;
  const watchdog = new Promise<'timed out'>((resolve) => {
    timer = setTimeout(() => {
      process.stdout.write(`\nwatchdog: this part took longer than ${budgetMs / 1000} s; stopping its stack.\n`);
      resolve('timed out');
    }, budgetMs);
  });
  try {
    stack = await startLocalStack();
    process.stdout.write(
      `stack: Fluid local service ${stack.fluid.endpoint} (up in ${stack.fluid.startMs} ms), server ${stack.url}\n`,
    );
    const work = run(stack, (f) => cleanups.push(f)).then(() => 'done' as const);
    work.catch(() => undefined); // after a timeout, its late failure (the stack is gone) is expected
    return await Promise.race([work, watchdog]);
  } finally {
    clearTimeout(timer);
    await stop();
    process.stdout.write(`wall time ${((now() - started) / 1000).toFixed(1)} s\n`);
  }
}

/** The machine's load (other processes share the 2 cores): printed beside every run. */
export const loadLine = (): string =>
  `load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ')} (1/5/15 min) on ${cpus().length} cores`;

/**
 * Fluid's default logger prints error-category telemetry (OpRoundtripTime when ops queue up,
 * summarizer failures when the service stops under it) through `debug` to stderr. Keeps it out of
 * the figures, and counts it by event name for the summary line.
 */
export function quietFluidTelemetry(): Map<string, number> {
  const counts = new Map<string, number>();
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString() : String(chunk);
    if (text.includes('fluid:telemetry')) {
      const name = /fluid:telemetry\S*\s+(\S+)/.exec(text)?.[1] ?? 'other';
      counts.set(name, (counts.get(name) ?? 0) + 1);
      return true;
    }
    return (write as (c: unknown, ...r: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  return counts;
}

export const telemetryLine = (counts: Map<string, number>): string =>
  counts.size
    ? `Fluid error-category telemetry (hidden): ${[...counts].map(([k, v]) => `${k} ×${v}`).join(', ')}`
    : 'Fluid error-category telemetry: none';

/**
 * Costs of the live layer's own code for an n-person game in round 1 with half the round chosen, on
 * an independent tree view (no service): one getSnapshot refresh (snapshotOf = gameStateOf +
 * buildSnapshot + the JSON comparison), its parts, and one chooseSplit edit (rules check +
 * transaction + the same view's events).
 */
export function liveLayerCosts(n: number): {
  refreshMs: number;
  gameStateMs: number;
  jsonCompareMs: number;
  chooseSplitMs: number;
  stateJsonKb: number;
} {
  const view = independentView(meetingTreeConfig);
  view.initialize(initialMeeting());
  const at = new Date('2026-01-01T10:00:00Z');
  const people = Array.from({ length: n }, (_, i) => ({
    id: `dev-user-${i + 1}`,
    name: `Participant ${i + 1}`,
  }));
  game.startGame(view.root, { gameId: 'g-bench', plannedRounds: 5 });
  // Opaque card ids (the server would assign them); the bench keeps who wrote which.
  const authorOf = new Map(people.map((p, i) => [`card-${i + 1}`, p.id]));
  people.forEach((p, i) =>
    game.showCard(
      view.root,
      { id: `card-${i + 1}`, title: `Topic of ${p.name}`, description: 'a card written for the bench' },
      at,
    ),
  );
  const state0 = game.gameStateOf(view.root)!;
  game.dealGame(
    view.root,
    planThirtyFive({
      participants: people.map((p) => p.id),
      cards: state0.cards.map((c) => ({ id: c.id, authorId: authorOf.get(c.id)! })),
      rounds: 5,
      seed: 'bench',
    }),
  );
  game.openRound(view.root, {}, at);
  people.slice(0, Math.floor(n / 2)).forEach((p, i) => {
    try {
      game.chooseSplit(view.root, p, i % 2 ? [4, 3] : [5, 2], at);
    } catch {
      /* the bye */
    }
  });
  const input = () => ({
    meeting: view.root,
    members: people,
    connected: true,
  });
  const iterations = n > 60 ? 40 : 200;
  const timeIt = (f: () => void, k = iterations): number => {
    for (let i = 0; i < 5; i++) f();
    const t = now();
    for (let i = 0; i < k; i++) f();
    return (now() - t) / k;
  };
  let previous = snapshotOf(input());
  const refreshMs = timeIt(() => {
    previous = snapshotOf(input(), previous);
  });
  const gameStateMs = timeIt(() => void game.gameStateOf(view.root));
  const a = game.gameStateOf(view.root);
  const b = game.gameStateOf(view.root);
  const jsonCompareMs = timeIt(() => void (JSON.stringify(a) === JSON.stringify(b)));
  // The last person chooses over and over (each one a change): its cost, with a live-layer-like listener refreshing.
  const off = Tree.on(view.root, 'treeChanged', () => {
    previous = snapshotOf(input(), previous);
  });
  const chooser = people[n - 1]!;
  let flip = 0;
  const chooseSplitMs = timeIt(
    () => {
      try {
        game.chooseSplit(view.root, chooser, flip++ % 2 ? [4, 3] : [3, 4], at);
      } catch {
        /* the bye */
      }
    },
    Math.ceil(iterations / 2),
  );
  off();
  const stateJsonKb = JSON.stringify(a).length / 1024;
  view.dispose();
  return { refreshMs, gameStateMs, jsonCompareMs, chooseSplitMs, stateJsonKb };
}
