/**
 * The composition root: the only place that constructs adapters (store, live, bot) and wires them.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import type { AppDeps } from '../application/deps';
import { systemClock } from '../application/ports/clock';
import type { LiveContainerFactory, ProactiveNotifier, RecordStore, SessionMessenger } from '../application/ports';
import { sendDueReminders, type SentReminder } from '../application/use-cases/send-due-reminders';
import { createBot } from '../bot/bot-app';
import { createSessionAnnouncer } from '../bot/session-announcer';
import { createMeetingContainerFactory, mintFluidToken } from '../live/server';
import { createRecordStore } from '../store/create-record-store';
import type { AuthMode } from './auth/authenticate';
import { createSsoVerifier } from './auth/sso-verifier';
import { createCalendarLinks } from './calendar-links';
import { sessionPageUrl } from './tab-links';
import type { ServerConfig } from './config';
import { createApp } from './create-app';

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly store: RecordStore;
  /** The express app (tests walk its routes against the HTTP contract). */
  readonly app: Express;
  /** Posts into the community's Teams channel (the bot's proactive messages). */
  readonly notifier: ProactiveNotifier;
  /** Invitations and reminders into Teams. */
  readonly messenger: SessionMessenger;
  /** This process, as it signs notification claims. */
  readonly instanceId: string;
  /** What the reminder timer runs: sends the reminders due at `now` that no other instance claimed. */
  sendDueReminders(now?: Date): Promise<SentReminder[]>;
  close(): Promise<void>;
}

export class PortInUseError extends Error {}

export interface StartServerOptions {
  readonly store?: RecordStore;
  /** Tests: wrap the real live-container factory (to count what the live service is asked). */
  readonly wrapLiveFactory?: (real: LiveContainerFactory) => LiveContainerFactory;
}

export async function startServer(config: ServerConfig, options: StartServerOptions = {}): Promise<RunningServer> {
  const store = options.store ?? (await createRecordStore(config.store));
  const deps: AppDeps = { store, clock: systemClock, ids: { newId: () => randomUUID() } };
  const auth: AuthMode = config.sso ? { kind: 'sso', verify: createSsoVerifier(config.sso) } : { kind: 'dev' };
  const mintToken = (input: { documentId?: string; user: { id: string; name: string } }) =>
    mintFluidToken({ tenantId: config.fluid.tenantId, tenantKey: config.fluid.tenantKey, ...input });
  const liveConnection =
    config.fluid.mode === 'azure'
      ? ({ type: 'remote', endpoint: config.fluid.endpoint, tenantId: config.fluid.tenantId } as const)
      : ({ type: 'local', endpoint: config.fluid.endpoint } as const);
  const realFactory = createMeetingContainerFactory({ connection: liveConnection, mintToken });
  const liveFactory = options.wrapLiveFactory ? options.wrapLiveFactory(realFactory) : realFactory;
  const instanceId = `server-${randomUUID()}`;
  // PORT=0 (tests, benches) picks a free port: the default public URL gets it once the server listens.
  let publicUrl = config.publicUrl;
  const links = {
    ...createCalendarLinks(() => publicUrl, config.icsLinkSecret),
    // The meeting-end card links to the notes once the facilitator has published them.
    notesUrl: (session: { id: string; published?: unknown }) =>
      session.published ? sessionPageUrl(publicUrl, session.id) : undefined,
  };
  const bot = createBot({
    links,
    instanceId,
    ...(config.bot.id ? { botId: config.bot.id } : {}),
    ...(config.bot.password ? { botPassword: config.bot.password } : {}),
    ...(config.bot.tenantId ? { botTenantId: config.bot.tenantId } : {}),
    deps,
  });
  const { notifier, messenger } = bot;
  const app = createApp({
    config,
    deps,
    auth,
    liveFactory,
    mintToken,
    bot,
    announcer: createSessionAnnouncer(notifier),
    invitations: { messenger, instanceId },
  });
  const runReminders = (now: Date = systemClock.now()) =>
    sendDueReminders(deps, messenger, { now, claimedBy: instanceId });

  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host);
    s.once('listening', () => resolve(s));
    s.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'EADDRINUSE'
          ? new PortInUseError(`Port ${config.port} on ${config.host} is taken. Set PORT to a free port.`)
          : e,
      ),
    );
  });
  const port = (server.address() as AddressInfo).port;
  if (config.port === 0) publicUrl = publicUrl.replace(/^(https?:\/\/[^/]+):0(?=\/|$)/, `$1:${port}`);
  // Stateless reminders: every instance looks every minute; the store's claims make each go out once (ADR 0013).
  let ticking = false;
  const timer =
    config.reminders.intervalMs > 0
      ? setInterval(() => {
          if (ticking) return;
          ticking = true;
          runReminders()
            .catch((e: unknown) => console.error('[server] reminders failed', e))
            .finally(() => {
              ticking = false;
            });
        }, config.reminders.intervalMs)
      : undefined;
  timer?.unref();
  return {
    url: `http://${config.host}:${port}`,
    port,
    store,
    app,
    notifier,
    messenger,
    instanceId,
    sendDueReminders: runReminders,
    close: async () => {
      if (timer) clearInterval(timer);
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (!options.store) await store.close();
    },
  };
}
