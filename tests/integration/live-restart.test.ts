/**
 * Who decides that a live container is lost: the server, by asking the Fluid service; never a client's
 * timer (docs/adr/0005-server-owns-live-containers.md). Real parts: the Fluid local service, two server
 * instances sharing one embedded store file, real HTTP, and the tab's own supervisor (connect-live.ts)
 * running in Node for each participant.
 *
 * 1. A participant whose connection is held back 30 s (a delaying TCP proxy in front of the Fluid
 *    service) joins the same container as everyone else, and the record keeps its container.
 * 2. After the service restarts (it forgets every document, STACK-NOTES), ten concurrent reports, to
 *    both server instances, replace the container once: one new id, every answer equal.
 * 3. Every open panel moves over to that container by itself and says so.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { LiveContainerFactory } from '../../src/application/ports';
import { startLocalFluidService, type LocalFluidService } from '../../src/dev/local-fluid-service';
import { createLiveClient, tryOpenLiveMeeting, type LiveMeeting } from '../../src/live';
import { parseConfig } from '../../src/server/config';
import { ALIVE_MEMO_MS } from '../../src/server/routes/live';
import { startServer, type RunningServer } from '../../src/server/server';
import { apiResult } from '../../src/tab/api-result';
import {
  MOVED_NOTICE,
  SLOW_HINT,
  superviseLiveMeeting,
  type LiveLinkState,
  type LiveSupervisor,
} from '../../src/tab/features/live/connect-live';
import { apiAs, demoSetup, type DemoSetup } from '../fixtures/live-participants';
import { freePort } from '../fixtures/local-stack';

jest.setTimeout(180_000);

let fluid: LocalFluidService;
let fluidPort: number;
let dataDir: string;
const servers: RunningServer[] = [];
const asked = { create: 0, probe: 0 };
const counting = (real: LiveContainerFactory): LiveContainerFactory => ({
  create: (seed) => {
    asked.create += 1;
    return real.create(seed);
  },
  probe: (id) => {
    asked.probe += 1;
    return real.probe(id);
  },
});

let setup: DemoSetup;
const supervisors: LiveSupervisor[] = [];
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  fluidPort = await freePort();
  fluid = await startLocalFluidService({ port: fluidPort });
  dataDir = mkdtempSync(path.join(tmpdir(), 'guildhall-live-restart-'));
  // Two server instances on one store file: what two App Service instances on one Cosmos DB are.
  for (let i = 0; i < 2; i++) {
    const config = parseConfig({
      AUTH_MODE: 'dev',
      NODE_ENV: 'test',
      PORT: '0',
      DATA_DIR: dataDir,
      FLUID_ENDPOINT: fluid.endpoint,
    });
    servers.push(await startServer(config, { wrapLiveFactory: counting }));
  }
  setup = await demoSetup({ url: servers[0]!.url } as never, 5);
});
afterAll(async () => {
  for (const s of supervisors) s.stop();
  for (const close of closers) await close();
  for (const s of servers) await s.close();
  await fluid?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Panel {
  readonly name: string;
  readonly states: LiveLinkState[];
  latest(): LiveLinkState | undefined;
  until(what: string, p: (s: LiveLinkState) => boolean, ms?: number): Promise<LiveLinkState>;
}

/** One participant's panel: the tab's supervisor with the real API client against `server`. */
function panel(u: DemoSetup['users'][number], server: RunningServer, fluidEndpoint?: string): Panel {
  const api = apiAs({ url: server.url } as never, setup, u);
  const states: LiveLinkState[] = [];
  const user = { id: u.userId, name: u.displayName };
  supervisors.push(
    superviseLiveMeeting(
      {
        openLive: (c, m, o) => apiResult(api.openLiveMeeting(c, m, o)),
        fluidToken: (doc) => api.fluidToken(doc),
        createLiveClient: (conn, fetchToken, who) =>
          createLiveClient(fluidEndpoint ? { ...conn, endpoint: fluidEndpoint } : conn, fetchToken, who),
        openLiveMeeting: tryOpenLiveMeeting,
      },
      { communityId: setup.communityId, meetingId: setup.meetingId, user },
      (s) => states.push(s),
    ),
  );
  const latest = () => states.at(-1);
  const until = async (what: string, p: (s: LiveLinkState) => boolean, ms = 60_000) => {
    const end = Date.now() + ms;
    for (;;) {
      const s = latest();
      if (s && p(s)) return s;
      if (Date.now() > end)
        throw new Error(
          `${u.displayName}: timed out waiting for ${what}; last: ${JSON.stringify({ ...s, meeting: s?.meeting?.containerId })}`,
        );
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { name: u.displayName, states, latest, until };
}

const openOn = (s: LiveLinkState) => s.phase === 'open' && !!s.meeting?.getSnapshot().connected;
const meetingOf = (p: Panel): LiveMeeting => p.latest()!.meeting!;

/** A TCP proxy that holds every connection until `holdUntil`, then passes it through. */
async function delayingProxy(
  targetPort: number,
  holdUntil: number,
): Promise<{ endpoint: string; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.pause();
    client.on('error', () => undefined);
    const pass = () => {
      if (client.destroyed) return;
      const upstream = net.connect(targetPort, '127.0.0.1');
      sockets.add(upstream);
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    };
    setTimeout(pass, Math.max(0, holdUntil - Date.now()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const registered = async () => (await servers[0]!.store.liveContainers.get(setup.communityId, setup.meetingId))?.value;
const figures: Record<string, unknown> = {};
afterAll(() => process.stdout.write(`live-restart figures: ${JSON.stringify(figures)}\n`));

let panels: Panel[] = [];
let firstContainer: string;

it('a participant whose connection is held back 30 s joins the same container as everyone else', async () => {
  const [alex, bea, chen, dara, eli] = setup.users;
  panels = [panel(alex!, servers[0]!), panel(bea!, servers[0]!), panel(chen!, servers[1]!), panel(dara!, servers[1]!)];
  await Promise.all(panels.map((p) => p.until('connected', openOn)));
  firstContainer = meetingOf(panels[0]!).containerId;
  for (const p of panels) expect(meetingOf(p).containerId).toBe(firstContainer);
  panels.forEach((p, i) => meetingOf(p).checkIn(`here before the slow one ${i + 1}`));

  const holdMs = 30_000;
  const proxy = await delayingProxy(fluidPort, Date.now() + holdMs);
  closers.push(proxy.close);
  const started = Date.now();
  const slow = panel(eli!, servers[1]!, proxy.endpoint);
  await slow.until('the slow one connected', openOn, 120_000);
  figures['slow join: ms until connected'] = Date.now() - started;

  // The slow client reported its connect (after 10 s) and the server, having checked the
  // container with the service, kept it: same container, same generation, nothing lost.
  expect(meetingOf(slow).containerId).toBe(firstContainer);
  expect(await registered()).toMatchObject({ containerId: firstContainer, generation: 1 });
  expect(slow.states.some((s) => s.hint === SLOW_HINT)).toBe(true);
  expect(Date.now() - started).toBeGreaterThanOrEqual(holdMs - 1000);
  expect(slow.states.some((s) => s.notice)).toBe(false);
  panels.push(slow);
  figures['slow join: container per client'] = Object.fromEntries(
    panels.map((p) => [p.name, meetingOf(p).containerId === firstContainer ? 'first' : meetingOf(p).containerId]),
  );

  meetingOf(slow).checkIn('finally here');
  const seesAll = async (p: Panel) => {
    for (let t = Date.now(); Date.now() - t < 20_000; ) {
      if (meetingOf(p).getSnapshot().checkIns.length === 5) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${p.name} sees ${meetingOf(p).getSnapshot().checkIns.length} check-ins`);
  };
  await Promise.all(panels.map(seesAll));
});

it('replaces a container the restarted service lost once, for ten concurrent reports to two server instances', async () => {
  const createdBefore = asked.create;
  // A server reuses an `alive` answer for ALIVE_MEMO_MS; let the slow join's last one lapse.
  await new Promise((r) => setTimeout(r, ALIVE_MEMO_MS));
  await fluid.stop();
  fluid = await startLocalFluidService({ port: fluidPort });

  const [alex, bea] = setup.users;
  const report = (i: number) =>
    apiAs({ url: servers[i % 2]!.url } as never, setup, i % 3 === 0 ? alex! : bea!).openLiveMeeting(
      setup.communityId,
      setup.meetingId,
      {
        replaceStale: firstContainer,
      },
    );
  const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => report(i)));
  const ids = new Set(answers.map((a) => a.containerId));
  figures['concurrent reports'] = answers.length;
  figures['new container ids among answers'] = ids.size;
  figures['containers created for them'] = asked.create - createdBefore;
  expect(ids.size).toBe(1);
  expect([...ids][0]).not.toBe(firstContainer);
  expect(new Set(answers.map((a) => a.generation))).toEqual(new Set([2]));
  expect(asked.create - createdBefore).toBe(1);
  expect(await registered()).toMatchObject({ containerId: [...ids][0], generation: 2 });
  expect((await registered())?.replacing).toBeUndefined();
});

it('moves every open panel to the new container by itself, and tells them', async () => {
  const current = (await registered())!;
  const started = Date.now();
  await Promise.all(
    panels.map((p) =>
      p.until('moved and connected', (s) => openOn(s) && s.meeting?.containerId === current.containerId, 90_000),
    ),
  );
  figures['panels moved after the restart, ms'] = Date.now() - started;
  for (const p of panels) expect(p.latest()!.notice).toBe(MOVED_NOTICE);
  expect(await registered()).toMatchObject({ containerId: current.containerId, generation: 2 });

  meetingOf(panels[0]!).checkIn('back after the restart');
  const everyone = async (p: Panel) => {
    for (let t = Date.now(); Date.now() - t < 20_000; ) {
      if (
        meetingOf(p)
          .getSnapshot()
          .checkIns.some((c) => c.text === 'back after the restart')
      )
        return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`${p.name} did not see the check-in on the new container`);
  };
  await Promise.all(panels.map(everyone));
});
