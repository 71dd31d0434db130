/**
 * `npm run bench:durability`: acknowledged writes survive `kill -9`.
 *
 * Starts the real server (embedded SQLite store on disk, dev identities, loopback only), has 30 demo
 * members propose topics and +1 each other's topics as fast as the server answers, kills the server
 * with SIGKILL at a random moment, restarts it on the same data, and repeats. At the end every write
 * the server acknowledged (a 2xx answer) must be in the record: a proposed topic by its id, a +1 as
 * the supporter in the topic's supporters. Prints the counts; exits non-zero when a write was lost.
 *
 * Options (env): DURABILITY_KILLS (default 10), DURABILITY_WRITERS (default 30).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { encodeDevIdentity } from '../src/api/dev-identity';

const root = path.resolve(__dirname, '..');
const KILLS = Number(process.env.DURABILITY_KILLS ?? 10);
const WRITERS = Number(process.env.DURABILITY_WRITERS ?? 30);

interface Person {
  readonly userId: string;
  readonly displayName: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function startServer(port: number, dataDir: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      AUTH_MODE: 'dev',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      REMINDER_INTERVAL_SECONDS: '0',
      // The bench's 30 writers hammer the API on purpose; a real meeting never comes near this.
      RATE_LIMIT_PER_IP: '1000000',
      RATE_LIMIT_PER_USER: '1000000',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

async function waitHealthy(base: string, timeoutMs = 30000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not become healthy');
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'guildhall-durability-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let server = startServer(port, dataDir);
  await waitHealthy(base);
  const setup = (await (await fetch(`${base}/api/dev/setup?participants=${WRITERS}`)).json()) as {
    tenantId: string;
    communityId: string;
    users: Person[];
  };
  const auth = (u: Person) =>
    encodeDevIdentity({ tenantId: setup.tenantId, userId: u.userId, displayName: u.displayName });
  const topicsUrl = `${base}/api/communities/${encodeURIComponent(setup.communityId)}/topics`;

  const ackedTopics = new Set<string>();
  const ackedSupports: { topicId: string; userId: string }[] = [];
  let attempts = 0;
  let refused = 0;
  let serial = 0;

  async function write(u: Person, stop: { now: boolean }): Promise<void> {
    while (!stop.now) {
      attempts++;
      try {
        const known = [...ackedTopics];
        const supportable = known.length > 0 && Math.random() < 0.4;
        if (supportable) {
          const topicId = known[Math.floor(Math.random() * known.length)]!;
          const r = await fetch(`${topicsUrl}/${encodeURIComponent(topicId)}/support`, {
            method: 'POST',
            headers: { authorization: auth(u), 'content-type': 'application/json' },
            body: '{}',
          });
          if (r.ok) ackedSupports.push({ topicId, userId: u.userId });
          else refused++;
        } else {
          const title = `Durability ${serial++} ${u.userId} ${Math.random().toString(36).slice(2, 8)}`;
          const r = await fetch(topicsUrl, {
            method: 'POST',
            headers: { authorization: auth(u), 'content-type': 'application/json' },
            body: JSON.stringify({ title, force: true }),
          });
          if (r.ok) ackedTopics.add(((await r.json()) as { topic: { id: string } }).topic.id);
          else refused++;
        }
      } catch {
        // The server died mid-request: not acknowledged, so not counted. Wait for the restart.
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  const started = Date.now();
  for (let kill = 1; kill <= KILLS; kill++) {
    const stop = { now: false };
    const writers = setup.users.map((u) => write(u, stop));
    await new Promise((r) => setTimeout(r, 500 + Math.random() * 1500));
    server.kill('SIGKILL');
    await new Promise((r) => server.once('exit', r));
    stop.now = true;
    await Promise.all(writers);
    server = startServer(port, dataDir);
    await waitHealthy(base);
    process.stdout.write(
      `kill ${kill}/${KILLS}: ${ackedTopics.size} topics, ${ackedSupports.length} +1s acknowledged\n`,
    );
  }

  const { topics: listed } = (await (
    await fetch(topicsUrl, { headers: { authorization: auth(setup.users[0]!) } })
  ).json()) as { topics: { id: string; supporters: string[]; proposedBy: string }[] };
  const byId = new Map(listed.map((t) => [t.id, t]));
  const lostTopics = [...ackedTopics].filter((id) => !byId.has(id));
  const lostSupports = ackedSupports.filter(({ topicId, userId }) => {
    const t = byId.get(topicId);
    return !t || !(t.supporters.includes(userId) || t.proposedBy === userId);
  });
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });

  const acked = ackedTopics.size + ackedSupports.length;
  const lost = lostTopics.length + lostSupports.length;
  console.log('\nDurability under kill -9 (embedded store, real server process)');
  console.log(`  kills:                      ${KILLS}`);
  console.log(`  writers:                    ${WRITERS}`);
  console.log(`  requests sent:              ${attempts} (refused with 4xx: ${refused})`);
  console.log(`  acknowledged writes:        ${acked} (${ackedTopics.size} topics, ${ackedSupports.length} +1s)`);
  console.log(`  lost acknowledged writes:   ${lost}`);
  console.log(`  wall time:                  ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (lost > 0) {
    console.error({ lostTopics: lostTopics.slice(0, 10), lostSupports: lostSupports.slice(0, 10) });
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
