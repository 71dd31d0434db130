/**
 * Starts `@fluidframework/azure-local-service` (the official local stand-in for Azure Fluid Relay)
 * as a child process on loopback, and waits until it answers. Used by `npm start` and the tests.
 *
 * The service keeps documents in memory and does not survive a restart (STACK-NOTES): the server
 * replaces a container it cannot load, so a fresh service after a restart is fine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface LocalFluidService {
  readonly endpoint: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Milliseconds from spawn until it answered HTTP. */
  readonly startMs: number;
  /** Kills the service's whole process group and removes its temp dir. Idempotent. */
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, '..', '..');

export async function startLocalFluidService(opts: {
  port: number;
  logLevel?: string;
  timeoutMs?: number;
}): Promise<LocalFluidService> {
  const started = Date.now();
  const work = mkdtempSync(path.join(tmpdir(), 'guildhall-fluid-'));
  const entry = require.resolve('@fluidframework/azure-local-service/index.js', { paths: [root] });
  const child = spawn(process.execPath, ['--require', path.join(root, 'src/dev/loopback-only.cjs'), entry], {
    cwd: work,
    env: {
      ...process.env,
      PORT: String(opts.port),
      storage: path.join(work, 'storage'),
      db__path: path.join(work, 'db'),
      db__inMemory: 'true',
      logger__level: opts.logLevel ?? 'warn',
      logger__colorize: 'false',
      exitOnPortConflict: 'false',
      GUILDHALL_PARENT_PID: String(process.pid),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stop() reaches any process it starts; it also watches our pid.
    detached: true,
  });
  let output = '';
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const endpoint = `http://127.0.0.1:${opts.port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      const killGroup = (signal: NodeJS.Signals) => {
        try {
          process.kill(-child.pid!, signal);
        } catch {
          /* already gone */
        }
      };
      killGroup('SIGTERM');
      const timer = setTimeout(() => killGroup('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(work, { recursive: true, force: true });
  };
  const deadline = Date.now() + (opts.timeoutMs ?? 20000);
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The Fluid local service exited (code ${child.exitCode}) before it was ready:\n${output}`);
    }
    try {
      const res = await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
      if (res.status < 500) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The Fluid local service did not answer on ${endpoint} in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { endpoint, port: opts.port, child, startMs: Date.now() - started, stop };
}
