/**
 * The composition root: the only place that constructs adapters (store, live, bot) and wires them.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { AppDeps } from '../application/deps';
import { systemClock } from '../application/ports/clock';
import type { ProactiveNotifier, RecordStore } from '../application/ports';
import { createBot } from '../bot/bot-app';
import { createSessionAnnouncer } from '../bot/session-announcer';
import { createMeetingContainerFactory, mintFluidToken } from '../live/server';
import { createRecordStore } from '../store/create-record-store';
import type { AuthMode } from './auth/authenticate';
import { createSsoVerifier } from './auth/sso-verifier';
import type { ServerConfig } from './config';
import { createApp } from './create-app';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly store: RecordStore;
  /** Posts into the community's Teams channel (the bot's proactive messages). */
  readonly notifier: ProactiveNotifier;
  close(): Promise<void>;
}

export class PortInUseError extends Error {}

export async function startServer(config: ServerConfig, options: { store?: RecordStore } = {}): Promise<RunningServer> {
  const store = options.store ?? (await createRecordStore(config.store));
  const deps: AppDeps = { store, clock: systemClock, ids: { newId: () => randomUUID() } };
  const auth: AuthMode = config.sso ? { kind: 'sso', verify: createSsoVerifier(config.sso) } : { kind: 'dev' };
  const mintToken = (input: { documentId?: string; user: { id: string; name: string } }) =>
    mintFluidToken({ tenantId: config.fluid.tenantId, tenantKey: config.fluid.tenantKey, ...input });
  const liveConnection =
    config.fluid.mode === 'azure'
      ? ({ type: 'remote', endpoint: config.fluid.endpoint, tenantId: config.fluid.tenantId } as const)
      : ({ type: 'local', endpoint: config.fluid.endpoint } as const);
  const liveFactory = createMeetingContainerFactory({ connection: liveConnection, mintToken });
  const bot = createBot({
    ...(config.bot.id ? { botId: config.bot.id } : {}),
    ...(config.bot.password ? { botPassword: config.bot.password } : {}),
    ...(config.bot.tenantId ? { botTenantId: config.bot.tenantId } : {}),
    deps,
  });
  const notifier = bot.notifier;
  if (!notifier) throw new Error('BUG: the bot was built without the record, so it cannot post proactively.');
  const app = createApp({ config, deps, auth, liveFactory, mintToken, bot, announcer: createSessionAnnouncer(notifier) });

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host);
    s.once('listening', () => resolve(s));
    s.once('error', (e: NodeJS.ErrnoException) =>
      reject(e.code === 'EADDRINUSE' ? new PortInUseError(`Port ${config.port} on ${config.host} is taken. Set PORT to a free port.`) : e),
    );
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${config.host}:${port}`,
    port,
    store,
    notifier,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (!options.store) await store.close();
    },
  };
}
