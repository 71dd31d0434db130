/**
 * `npm start`: the whole app on one machine with embedded defaults, on loopback only.
 *   - builds the tab when its sources are newer than the build,
 *   - starts the Fluid local service (child process),
 *   - starts the server (child process) with the embedded store under DATA_DIR, in dev auth mode,
 *   - prints the URLs; Ctrl-C stops every child.
 * Every setting can be overridden by the environment (see the README's configuration table).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startLocalFluidService, type LocalFluidService } from './local-fluid-service';

const root = path.resolve(__dirname, '..', '..');
/** The environment as the user gave it (Vite's build sets NODE_ENV=production in this process). */
const env = { ...process.env };
const port = Number(env.PORT ?? 3978);
const fluidPort = Number(env.FLUID_PORT ?? 7070);
const host = '127.0.0.1';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function tabNeedsBuild(): boolean {
  const built = path.join(root, 'dist/tab/index.html');
  if (!existsSync(built)) return true;
  const sources = ['src/tab', 'src/live', 'src/api', 'src/domain'].map((d) => newestMtime(path.join(root, d)));
  return Math.max(...sources) > statSync(built).mtimeMs;
}

async function ensurePortFree(p: number, what: string, variable: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', () =>
      reject(new Error(`Port ${p} (${what}) is taken. Stop what uses it, or set ${variable}=<another port>.`)),
    );
    probe.listen(p, host, () => probe.close(() => resolve()));
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  if (!Number.isInteger(port) || !Number.isInteger(fluidPort))
    throw new Error('PORT and FLUID_PORT must be port numbers.');
  await ensurePortFree(port, 'Guildhall server', 'PORT');
  await ensurePortFree(fluidPort, 'Fluid local service', 'FLUID_PORT');

  if (tabNeedsBuild()) {
    console.log('[start] building the tab (vite)…');
    const { build } = await import('vite');
    await build({ configFile: path.join(root, 'src/tab/vite.config.ts'), logLevel: 'warn' });
  }

  let fluid: LocalFluidService | undefined;
  let server: ChildProcess | undefined;
  let stopping = false;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\n[start] stopping…');
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    await fluid?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  fluid = await startLocalFluidService({ port: fluidPort });
  console.log(`[start] Fluid local service on ${fluid.endpoint}`);

  server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'src/server/main.ts')], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...env,
      NODE_ENV: env.NODE_ENV ?? 'development',
      AUTH_MODE: env.AUTH_MODE ?? 'dev',
      HOST: host,
      PORT: String(port),
      DATA_DIR: env.DATA_DIR ?? path.join(root, '.data'),
      FLUID_MODE: 'local',
      FLUID_ENDPOINT: fluid.endpoint,
    },
  });
  server.once('exit', (code) => {
    if (!stopping) {
      console.error(`[start] the server exited (code ${code}); stopping.`);
      void stopAll(code ?? 1);
    }
  });

  const base = `http://${host}:${port}`;
  const deadline = Date.now() + 60000;
  for (;;) {
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) break;
    } catch {
      /* not up yet */
    }
    if (stopping) return;
    if (Date.now() > deadline) {
      console.error('[start] the server did not become ready in 60 s.');
      return stopAll(1);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(`
  Guildhall is running (dev mode: local identities, embedded store, Fluid local service) — ready in ${((Date.now() - started) / 1000).toFixed(1)} s

    Local meeting    ${base}/dev            (3 participants; ${base}/dev?participants=6 for more)
    Channel tab      ${base}/tab/content?host=local&frame=content&tenant=local-tenant&user=dev-user-1&name=Alex%20Morgan&channel=local-channel
    API health       ${base}/api/health
    Bot endpoint     ${base}/api/messages
    Fluid service    ${fluid.endpoint}
    Data             ${env.DATA_DIR ?? path.join(root, '.data')}

  Ctrl-C stops everything.
`);
}

main().catch((e: unknown) => {
  console.error(`[start] ${(e as Error).message}`);
  process.exit(1);
});
