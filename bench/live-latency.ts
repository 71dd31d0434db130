/**
 * Live latency: a Thirty Five split made on one client until it is visible on every client, beside
 * two floors measured in the same run.
 *
 *   npx tsx bench/live-latency.ts [--clients=30] [--samples=40]
 *
 * - physical floor: a raw WebSocket relay (`ws`) on loopback; one client sends, the relay sends to
 *   every client (the sender too); time until all have it.
 * - Fluid floor: a bare SharedTree container (own schema, one number field) on the same local
 *   service with the same AzureClient setup (createLiveClient); one client sets the number; time
 *   until every client's tree shows it.
 * - ours: the demo meeting's live container opened for N dev users through the server's live and
 *   token endpoints (createLiveClient + openLiveMeeting); the facilitator starts a game through the
 *   API, every user writes a card, the deal goes through the API, round 1 opens; each sample is one
 *   pair member's `chooseSplit` (alternating splits, so every sample is a change), timed until
 *   every client's `getSnapshot().thirtyFive` has it.
 *
 * All clients live in this one process (2 cores here): "visible on all" includes every client's
 * own processing, one after the other. Prints figures; never passes or fails.
 */
import {
  SharedTree,
  Tree,
  TreeViewConfiguration,
  SchemaFactory,
  ConnectionState,
  type IFluidContainer,
} from 'fluid-framework';
import { independentView } from 'fluid-framework/alpha';
import WebSocket from 'ws';
import type { AddressInfo } from 'node:net';
import { planThirtyFive, type SplitChoice } from '../src/domain/thirty-five';
import { createLiveClient, type LiveMeeting, type MeetingSnapshot } from '../src/live';
import { MIN_VERSION_FOR_COLLAB } from '../src/live/live-client';
import { initialMeeting, meetingTreeConfig } from '../src/live/meeting-schema';
import { snapshotOf } from '../src/live/meeting-state';
import { mintFluidToken } from '../src/live/server';
import * as game from '../src/live/thirty-five-state';
import { createApiClient } from '../src/tab/api-client';
import { LOCAL_FLUID_KEY } from '../src/server/config';
import {
  cpuMs,
  devUsers,
  facilitatorOf,
  gameOf,
  inBatches,
  liveLayerCosts,
  loadLine,
  ms,
  now,
  numArg,
  openMeetings,
  pct,
  quietFluidTelemetry,
  sleep,
  telemetryLine,
  untilAll,
  withStack,
} from './lib/live-bench';

const CLIENTS = numArg('clients', 30);
const SAMPLES = numArg('samples', 40);
const SAMPLE_TIMEOUT_MS = 10_000;
/** Pause between samples, so one sample's tail (acks, summaries) does not fall into the next. */
const GAP_MS = 25;

interface Row {
  readonly name: string;
  readonly samples: number[];
  readonly timeouts: number;
  readonly setupMs: number;
  readonly cpuPerSampleMs?: number;
}

/**
 * Runs K samples: `write(k)` makes change k on one client; `seen(i, k)` says whether client i shows
 * it; `onChange(i, cb)` calls cb whenever client i may have changed. Time from just before the write
 * until the last client shows it.
 */
async function measure(
  n: number,
  samples: number,
  onChange: (i: number, cb: () => void) => void,
  seen: (i: number, k: number) => boolean,
  write: (k: number) => void,
): Promise<{ times: number[]; timeouts: number; cpuPerSampleMs: number }> {
  let k = -1;
  let t0 = 0;
  let pending = new Set<number>();
  let done: (() => void) | undefined;
  const check = (i: number) => {
    if (k < 0 || !pending.has(i) || !seen(i, k)) return;
    pending.delete(i);
    if (pending.size === 0) done?.();
  };
  for (let i = 0; i < n; i++) onChange(i, () => check(i));
  const times: number[] = [];
  let timeouts = 0;
  const cpu0 = process.cpuUsage();
  for (let s = 0; s < samples; s++) {
    await sleep(GAP_MS);
    pending = new Set(Array.from({ length: n }, (_, i) => i));
    const finished = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), SAMPLE_TIMEOUT_MS);
      done = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
    k = s;
    t0 = now();
    write(s);
    for (let i = 0; i < n; i++) check(i); // synchronous local applies (the writer) and anyone already there
    const ok = await finished;
    const t = now() - t0;
    if (ok) times.push(t);
    else timeouts++;
  }
  k = -1;
  return { times, timeouts, cpuPerSampleMs: cpuMs(cpu0) / samples };
}

/** Physical floor: a raw WebSocket relay on loopback. */
async function wsFloor(n: number, samples: number): Promise<Row> {
  const t = now();
  const server = new WebSocket.Server({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const { port } = server.address() as AddressInfo;
  server.on('connection', (socket) =>
    socket.on('message', (data) => {
      for (const c of server.clients) if (c.readyState === WebSocket.OPEN) c.send(data);
    }),
  );
  const clients = await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(`ws://127.0.0.1:${port}`);
          ws.once('open', () => resolve(ws));
          ws.once('error', reject);
        }),
    ),
  );
  const last = clients.map(() => -1);
  const listeners: (() => void)[] = [];
  clients.forEach((ws, i) =>
    ws.on('message', (data) => {
      last[i] = Number(String(data));
      listeners[i]?.();
    }),
  );
  const setupMs = now() - t;
  const r = await measure(
    n,
    samples,
    (i, cb) => (listeners[i] = cb),
    (i, k) => last[i] === k,
    (k) => (clients[0] as WebSocket).send(String(k)),
  );
  for (const ws of clients) ws.terminate();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    name: `physical floor: raw ws relay, loopback (${n} clients)`,
    samples: r.times,
    timeouts: r.timeouts,
    setupMs,
    cpuPerSampleMs: r.cpuPerSampleMs,
  };
}

/** Fluid floor: a bare SharedTree container with one number, same service, same AzureClient setup. */
const sf = new SchemaFactory('guildhall.bench.floor');
class Counter extends sf.object('Counter', { value: sf.number }) {}
const floorConfig = new TreeViewConfiguration({ schema: Counter });
const floorSchema = { initialObjects: { tree: SharedTree } } as const;

async function fluidFloor(endpoint: string, n: number, samples: number): Promise<Row> {
  const t = now();
  const connection = { type: 'local' as const, endpoint };
  const clientFor = (i: number) => {
    const user = { id: `floor-user-${i + 1}`, name: `Floor ${i + 1}` };
    const fetchToken = async (documentId: string | undefined) =>
      mintFluidToken({
        tenantId: 'local',
        tenantKey: LOCAL_FLUID_KEY,
        user,
        ...(documentId ? { documentId } : {}),
      });
    return createLiveClient(connection, fetchToken, user);
  };
  const creator = await clientFor(0).createContainer(floorSchema, MIN_VERSION_FOR_COLLAB);
  const first = creator.container.initialObjects.tree.viewWith(floorConfig);
  first.initialize(new Counter({ value: -1 }));
  first.dispose();
  const id = await creator.container.attach();
  if (creator.container.isDirty) await new Promise<void>((r) => creator.container.once('saved', () => r()));
  creator.container.dispose();

  const containers: IFluidContainer<typeof floorSchema>[] = await inBatches(
    Array.from({ length: n }, (_, i) => i),
    10,
    async (i) => {
      const { container } = await clientFor(i).getContainer(id, floorSchema, MIN_VERSION_FOR_COLLAB);
      if (container.connectionState !== ConnectionState.Connected)
        await new Promise<void>((r) => container.once('connected', () => r()));
      return container;
    },
  );
  const views = containers.map((c) => c.initialObjects.tree.viewWith(floorConfig));
  // Everyone caught up to the initial value before timing.
  await Promise.all(
    views.map((v) =>
      v.root.value === -1
        ? Promise.resolve()
        : new Promise<void>((r) => {
            const off = Tree.on(v.root, 'nodeChanged', () => {
              if (v.root.value === -1) {
                off();
                r();
              }
            });
          }),
    ),
  );
  const setupMs = now() - t;
  const r = await measure(
    n,
    samples,
    (i, cb) => Tree.on((views[i] as (typeof views)[number]).root, 'nodeChanged', cb),
    (i, k) => (views[i] as (typeof views)[number]).root.value === k,
    (k) => {
      (views[0] as (typeof views)[number]).root.value = k;
    },
  );
  for (const v of views) v.dispose();
  for (const c of containers) c.dispose();
  return {
    name: `Fluid floor: bare SharedTree, one number (${n} clients)`,
    samples: r.times,
    timeouts: r.timeouts,
    setupMs,
    cpuPerSampleMs: r.cpuPerSampleMs,
  };
}

/** Ours: a split in the demo meeting's Thirty Five game, through the whole live layer. */
async function ours(
  url: string,
  n: number,
  samples: number,
  onCleanup: (f: () => void) => void,
): Promise<Row & { pairHolders: string[] }> {
  const t = now();
  const users = await devUsers(url, n);
  const meetings = await openMeetings(url, users);
  onCleanup(() => meetings.forEach((m) => m.dispose()));
  const facilitator = meetings[0] as LiveMeeting;
  const { controller } = facilitatorOf(url, users[0]!, facilitator);

  const started = await controller.start(1);
  if (!started.ok) throw new Error(started.error.message);
  const record = started.value;
  await untilAll(meetings, (s) => s.thirtyFive?.gameId === record.gameId, 60_000, 'the game to start');
  // Each card is written server first (the answer carries its opaque id), then shown in the tree.
  await Promise.all(
    meetings.map(async (m, i) => {
      const api = createApiClient({ baseUrl: url, getAuthHeader: async () => users[i]!.header, timeoutMs: 60_000 });
      const text = { title: `Topic of ${users[i]!.name}`, description: 'a card for the latency bench' };
      m.thirtyFive.showCard(await api.thirtyFive.writeCard(record.communityId, record.gameId, text));
    }),
  );
  await untilAll(meetings, (s) => (s.thirtyFive?.cards.length ?? 0) === n, 90_000, 'every card');
  await controller.deal(gameOf(facilitator));
  await untilAll(meetings, (s) => s.thirtyFive?.phase === 'playing' && !!s.thirtyFive.plan, 60_000, 'the deal');
  controller.openRound(gameOf(facilitator));
  await untilAll(meetings, (s) => s.thirtyFive?.roundOpen === true, 60_000, 'round 1 to open');
  const setupMs = now() - t;

  const pair = gameOf(facilitator).plan!.rounds[0]!.pairs[0]!;
  const chooserIndex = users.findIndex((u) => u.id === pair.holders[0]);
  const chooser = meetings[chooserIndex] as LiveMeeting;
  let expected: SplitChoice | undefined;
  const shows = (s: MeetingSnapshot) =>
    !!expected &&
    !!s.thirtyFive?.choices.some(
      (c) =>
        c.round === expected!.round &&
        c.userId === expected!.userId &&
        c.points[0] === expected!.points[0] &&
        c.points[1] === expected!.points[1],
    );
  const r = await measure(
    n,
    samples,
    (i, cb) => void (meetings[i] as LiveMeeting).subscribe(cb),
    (i) => shows((meetings[i] as LiveMeeting).getSnapshot()),
    (k) => {
      const chosen = chooser.thirtyFive.chooseSplit(k % 2 === 0 ? [4, 3] : [3, 4]);
      if (!chosen.ok) throw new Error(chosen.error.message);
      expected = chosen.value;
    },
  );
  return {
    name: `ours: chooseSplit → every getSnapshot().thirtyFive (${n} clients)`,
    samples: r.times,
    timeouts: r.timeouts,
    setupMs,
    cpuPerSampleMs: r.cpuPerSampleMs,
    pairHolders: [...pair.holders],
  };
}

/**
 * Applying one edit made elsewhere, without a service: an edit made on a fork, merged into the
 * main view (the same rebase-and-apply path a remote op takes, minus decoding and the network),
 * with the main view's change listener. Ours: one chooseSplit in an n-person game with the live
 * layer's refresh as the listener; floor: setting the number, with a no-op listener.
 */
function applyCosts(n: number): {
  oursApplyMs: number;
  oursApplyNoRefreshMs: number;
  floorApplyMs: number;
} {
  const at = new Date('2026-01-01T10:00:00Z');
  const people = Array.from({ length: n }, (_, i) => ({
    id: `dev-user-${i + 1}`,
    name: `Participant ${i + 1}`,
  }));
  const view = independentView(meetingTreeConfig);
  view.initialize(initialMeeting());
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
  const s0 = game.gameStateOf(view.root)!;
  game.dealGame(
    view.root,
    planThirtyFive({
      participants: people.map((p) => p.id),
      cards: s0.cards.map((c) => ({ id: c.id, authorId: authorOf.get(c.id)! })),
      rounds: 5,
      seed: 'bench',
    }),
  );
  game.openRound(view.root, {}, at);
  const chooser = people.find((p) =>
    game.gameStateOf(view.root)!.plan!.rounds[0]!.pairs.some((x) => x.holders.includes(p.id)),
  )!;
  let refresh = true;
  let previous = snapshotOf({
    meeting: view.root,
    members: people,
    connected: true,
  });
  const off = Tree.on(view.root, 'treeChanged', () => {
    if (refresh) previous = snapshotOf({ meeting: view.root, members: people, connected: true }, previous);
  });
  const K = n > 60 ? 20 : 60;
  let flip = 0;
  const timeMerge = (): number => {
    let total = 0;
    for (let i = 0; i < K + 5; i++) {
      const branch = view.fork();
      game.chooseSplit(branch.root, chooser, flip++ % 2 ? [4, 3] : [3, 4], at);
      const t = now();
      view.merge(branch);
      if (i >= 5) total += now() - t;
    }
    return total / K;
  };
  const oursApplyMs = timeMerge();
  refresh = false;
  const oursApplyNoRefreshMs = timeMerge();
  off();
  view.dispose();

  const floor = independentView(floorConfig);
  floor.initialize(new Counter({ value: 0 }));
  const offFloor = Tree.on(floor.root, 'nodeChanged', () => undefined);
  let total = 0;
  for (let i = 0; i < K + 5; i++) {
    const branch = floor.fork();
    branch.root.value = i + 1;
    const t = now();
    floor.merge(branch);
    if (i >= 5) total += now() - t;
  }
  offFloor();
  floor.dispose();
  return { oursApplyMs, oursApplyNoRefreshMs, floorApplyMs: total / K };
}

async function main(): Promise<void> {
  const telemetry = quietFluidTelemetry();
  process.stdout.write(
    `live latency: ${CLIENTS} clients in one process, ${SAMPLES} samples each (loopback); ${loadLine()}\n`,
  );
  await withStack(170_000, async (stack, onCleanup) => {
    const rows: Row[] = [];
    rows.push(await wsFloor(CLIENTS, SAMPLES));
    rows.push(await fluidFloor(stack.fluid.endpoint, CLIENTS, SAMPLES));
    const our = await ours(stack.url, CLIENTS, SAMPLES, onCleanup);
    rows.push(our);
    const cost = liveLayerCosts(CLIENTS);
    const apply = applyCosts(CLIENTS);

    const w = Math.max(...rows.map((r) => r.name.length));
    process.stdout.write(
      `\n${'floor'.padEnd(w)}  ${'p50 ms'.padStart(8)}  ${'p95 ms'.padStart(8)}  ${'max ms'.padStart(8)}  samples  timeouts  CPU/sample ms  setup s\n`,
    );
    for (const r of rows) {
      process.stdout.write(
        `${r.name.padEnd(w)}  ${ms(pct(r.samples, 50)).padStart(8)}  ${ms(pct(r.samples, 95)).padStart(8)}  ${ms(Math.max(...r.samples)).padStart(8)}  ${String(r.samples.length).padStart(7)}  ${String(r.timeouts).padStart(8)}  ${ms(r.cpuPerSampleMs).padStart(13)}  ${(r.setupMs / 1000).toFixed(1).padStart(7)}\n`,
      );
    }
    const fluidRow = rows[1] as Row;
    const over50 = pct(our.samples, 50) - pct(fluidRow.samples, 50);
    const over95 = pct(our.samples, 95) - pct(fluidRow.samples, 95);
    // A refresh right after an edit from elsewhere costs more than a warm one (the changed nodes are read fresh):
    // measured as the difference of the merge with and without the live layer's refresh listener.
    const refreshAfterEdit = Math.max(0, apply.oursApplyMs - apply.oursApplyNoRefreshMs);
    const rebuildAll = refreshAfterEdit * CLIENTS;
    const opExtra = Math.max(0, apply.oursApplyNoRefreshMs - apply.floorApplyMs);
    const biggerOp = opExtra * CLIENTS;
    process.stdout.write(
      `\nlive layer, ${CLIENTS}-person game, round 1 half chosen (independent view, no service): one warm getSnapshot refresh ${ms(cost.refreshMs)} ms ` +
        `(gameStateOf ${ms(cost.gameStateMs)} ms, JSON comparison ${ms(cost.jsonCompareMs)} ms; game state ${cost.stateJsonKb.toFixed(1)} KB as JSON); ` +
        `one chooseSplit on the writer (rules check + transaction + its own refresh) ${ms(cost.chooseSplitMs)} ms\n` +
        `applying one edit made elsewhere (fork + merge): chooseSplit ${ms(apply.oursApplyNoRefreshMs)} ms, ${ms(apply.oursApplyMs)} ms with the live layer's refresh ` +
        `(so a refresh after an edit ≈ ${ms(refreshAfterEdit)} ms), vs setting the floor's number ${ms(apply.floorApplyMs)} ms\n`,
    );
    process.stdout.write(
      `overhead over the Fluid floor: p50 +${ms(over50)} ms, p95 +${ms(over95)} ms. Estimated parts, all ${CLIENTS} clients sharing this process: ` +
        `snapshot rebuilds ${CLIENTS} × ${ms(refreshAfterEdit)} ≈ ${ms(rebuildAll)} ms; the bigger op (a transaction adding a 5-field object to a map vs one number) ` +
        `${CLIENTS} × ${ms(opExtra)} ≈ ${ms(biggerOp)} ms; the writer's rules check + own refresh ≈ ${ms(cost.chooseSplitMs)} ms; ` +
        `rest (decoding the bigger op, scheduling, the other processes on the box) ≈ ${ms(over50 - rebuildAll - biggerOp - cost.chooseSplitMs)} ms at p50. ` +
        `CPU of this process per sample: ours ${ms(our.cpuPerSampleMs)} ms vs floor ${ms(fluidRow.cpuPerSampleMs)} ms.\n`,
    );
  });
  process.stdout.write(`${telemetryLine(telemetry)}; ${loadLine()}\n`);
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`live-latency failed: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exit(1);
  },
);
