/**
 * Connecting to a meeting's live container, in the browser and in Node. The snapshot handed to views
 * is plain and immutable, rebuilt only when the tree, the audience or the connection changes, and
 * the same object until something a view can see changed.
 */
import { AzureClient, type AzureContainerServices, type ITokenProvider } from '@fluidframework/azure-client';
import {
  ConnectionState,
  SharedTree,
  Tree,
  type ContainerSchema,
  type IFluidContainer,
  type TreeView,
} from 'fluid-framework';
import type { LiveConnectionInfo } from '../api/schemas';
import { clientFail, clientOk, type ClientErrorCode, type ClientResult } from './client-result';
import { within } from './deadline';
import type {
  CheckIn,
  FetchFluidToken,
  LiveMeeting,
  LiveSessionRun,
  LiveThirtyFive,
  LiveUser,
  MeetingSnapshot,
} from './live-meeting';
import { meetingTreeConfig, type Meeting } from './meeting-schema';
import { applyCheckIn, snapshotOf } from './meeting-state';
import * as run from './session-run-state';
import * as game from './thirty-five-state';
import { ServerTokenProvider } from './token-provider';

export const meetingContainerSchema = { initialObjects: { meeting: SharedTree } } as const satisfies ContainerSchema;
export type MeetingContainer = IFluidContainer<typeof meetingContainerSchema>;

/** Every client of a container must agree on this. */
export const MIN_VERSION_FOR_COLLAB = '2.0.0' as const;

export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** The container cannot be loaded or did not connect in time: ask the server for a replacement. */
export const LIVE_CONTAINER_UNAVAILABLE = 'LIVE_CONTAINER_UNAVAILABLE' as const;
/** The container was written by a newer, incompatible Guildhall: reload the app (do not replace it). */
export const LIVE_VERSION_MISMATCH = 'LIVE_VERSION_MISMATCH' as const;

export class LiveUnavailableError extends Error {
  readonly code = LIVE_CONTAINER_UNAVAILABLE;
  override readonly name = 'LiveUnavailableError';
}

export class LiveVersionMismatchError extends Error {
  readonly code = LIVE_VERSION_MISMATCH;
  override readonly name = 'LiveVersionMismatchError';
}

/**
 * Fluid's Node code path reads `globalThis.navigator`, which Node 20 lacks. Call it in Node-side
 * entry points; a no-op in browsers (and in Node versions that have a navigator).
 */
export function ensureNodeNavigator(): void {
  const g = globalThis as { navigator?: unknown };
  if (typeof g.navigator === 'undefined') g.navigator = { hardwareConcurrency: 2 };
}

/** The AzureClient for a connection: the local service in development, Azure Fluid Relay in production. */
export function azureClientFor(connection: LiveConnectionInfo, tokenProvider: ITokenProvider): AzureClient {
  ensureNodeNavigator();
  if (!connection.endpoint) throw new Error('The live connection has no endpoint.');
  if (connection.type === 'remote') {
    if (!connection.tenantId) throw new Error('A remote (Azure Fluid Relay) live connection needs a tenantId.');
    return new AzureClient({
      connection: { type: 'remote', endpoint: connection.endpoint, tenantId: connection.tenantId, tokenProvider },
    });
  }
  return new AzureClient({ connection: { type: 'local', endpoint: connection.endpoint, tokenProvider } });
}

const tokenProviders = new WeakMap<AzureClient, ServerTokenProvider>();

/**
 * A client whose tokens come from `fetchToken` (the server's token endpoint). The user's identity
 * travels in the server-minted token, which is what the audience shows; `user` is accepted for the
 * contract and checked here.
 */
export function createLiveClient(
  connection: LiveConnectionInfo,
  fetchToken: FetchFluidToken,
  user: LiveUser,
): AzureClient {
  if (!user?.id) throw new Error('A live client needs the user it acts for.');
  const tokenProvider = new ServerTokenProvider(fetchToken);
  const client = azureClientFor(connection, tokenProvider);
  tokenProviders.set(client, tokenProvider);
  return client;
}

export interface OpenLiveMeetingOptions {
  /** Budget for loading the container and connecting, in total. Default 10 s. */
  readonly connectTimeoutMs?: number;
  /** Clock for check-in and game times (tests). */
  readonly now?: () => Date;
  /** New ids for cards, notes and takeaways (tests); default: random. */
  readonly newId?: () => string;
}

/**
 * Loads a meeting's container, waits until it is connected, and returns the LiveMeeting, or the
 * expected failure as a value: `LIVE_CONTAINER_UNAVAILABLE` when the container did not load or connect
 * within `connectTimeoutMs` (slow or lost: only the server can tell which, see connect-live.ts),
 * `LIVE_VERSION_MISMATCH` for a document written by a newer Guildhall, and a refused token as the
 * token endpoint's own code (`FORBIDDEN`, `NOT_FOUND`, …). Throws only on bugs.
 */
export async function tryOpenLiveMeeting(
  client: AzureClient,
  containerId: string,
  user: LiveUser,
  opts: OpenLiveMeetingOptions = {},
): Promise<ClientResult<LiveMeeting>> {
  try {
    return clientOk(await openLiveMeeting(client, containerId, user, opts));
  } catch (e) {
    if (e instanceof LiveUnavailableError) return clientFail(LIVE_CONTAINER_UNAVAILABLE, e.message);
    if (e instanceof LiveVersionMismatchError) return clientFail(LIVE_VERSION_MISMATCH, e.message);
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code)) {
      return { ok: false, error: { code: code as ClientErrorCode, message: (e as Error).message ?? String(e) } };
    }
    throw e;
  }
}

/**
 * As tryOpenLiveMeeting, but rejects with the failure (`code: 'LIVE_CONTAINER_UNAVAILABLE'`, a
 * LiveVersionMismatchError, or the refused token as it came from `fetchToken`). For tests, benches and
 * Node scripts; the tab uses tryOpenLiveMeeting.
 */
export async function openLiveMeeting(
  client: AzureClient,
  containerId: string,
  user: LiveUser,
  opts: OpenLiveMeetingOptions = {},
): Promise<LiveMeeting> {
  const timeoutMs = opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  const deadline = Date.now() + timeoutMs;
  const tokens = tokenProviders.get(client);
  if (tokens) tokens.lastError = undefined;
  const failure = (message: string, cause?: unknown): unknown =>
    tokens?.lastError ?? (cause instanceof LiveUnavailableError ? cause : new LiveUnavailableError(message, { cause }));

  let loaded: { container: MeetingContainer; services: AzureContainerServices };
  try {
    loaded = await within(
      client.getContainer(containerId, meetingContainerSchema, MIN_VERSION_FOR_COLLAB),
      timeoutMs,
      () => new LiveUnavailableError(`The live meeting did not load within ${seconds(timeoutMs)}.`),
      (late) => late.container.dispose(),
    );
  } catch (e) {
    throw failure(`The live meeting could not be loaded: ${(e as Error)?.message ?? String(e)}`, e);
  }

  const { container, services } = loaded;
  try {
    await waitConnected(container, deadline - Date.now(), timeoutMs);
  } catch (e) {
    container.dispose();
    throw failure((e as Error).message, e);
  }

  const view = container.initialObjects.meeting.viewWith(meetingTreeConfig);
  const compat = view.compatibility;
  // An older document and a newer app: add the new optional fields to the stored schema, once.
  if (!compat.canView && compat.canUpgrade && !compat.canInitialize) view.upgradeSchema();
  if (!view.compatibility.canView) {
    const empty = view.compatibility.canInitialize;
    view.dispose();
    container.dispose();
    throw empty
      ? new LiveUnavailableError('The live meeting container is empty (it was never set up).')
      : new LiveVersionMismatchError(
          'This live meeting was started by a newer version of Guildhall: reload to update.',
        );
  }
  const now = opts.now ?? (() => new Date());
  return new FluidLiveMeeting(containerId, container, services, view, user, now, opts.newId ?? randomId);
}

/** A random id (cards use it: it says nothing about their author, who is anonymous while playing). */
function randomId(): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Resolves when the container is connected; rejects after `ms`, or at once if it is disposed. */
function waitConnected(container: MeetingContainer, ms: number, budgetMs: number): Promise<void> {
  if (container.connectionState === ConnectionState.Connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      container.off('connected', onConnected);
      container.off('disposed', onDisposed);
      if (error) reject(error);
      else resolve();
    };
    const onConnected = () => done();
    const onDisposed = (error?: { message?: string }) =>
      done(
        new LiveUnavailableError(
          `The live meeting closed while connecting${error?.message ? `: ${error.message}` : '.'}`,
        ),
      );
    const timer = setTimeout(
      () => done(new LiveUnavailableError(`The live meeting did not connect within ${seconds(budgetMs)}.`)),
      Math.max(0, ms),
    );
    container.on('connected', onConnected);
    container.on('disposed', onDisposed);
  });
}

class FluidLiveMeeting implements LiveMeeting {
  private snapshot: MeetingSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: (() => void)[] = [];
  private stopWatchingRoot: () => void = () => undefined;
  private notifying = false;
  /** The tree, audience or connection changed since the snapshot was built. */
  private stale = false;
  /** The snapshot changed since the listeners were told. */
  private unannounced = false;
  private scheduled = false;
  private disposed = false;

  constructor(
    readonly containerId: string,
    private readonly container: MeetingContainer,
    private readonly services: AzureContainerServices,
    private readonly view: TreeView<typeof Meeting>,
    private readonly user: LiveUser,
    private readonly now: () => Date,
    private readonly newId: () => string,
  ) {
    this.snapshot = this.build(undefined);
    const refresh = () => this.refresh();
    const rewatch = () => {
      this.watchRoot();
      this.refresh();
    };
    this.watchRoot();
    this.cleanups.push(() => this.stopWatchingRoot());
    this.cleanups.push(view.events.on('rootChanged', rewatch), view.events.on('schemaChanged', rewatch));
    const audience = services.audience;
    audience.on('membersChanged', refresh);
    container.on('connected', refresh);
    container.on('disconnected', refresh);
    container.on('disposed', refresh);
    this.cleanups.push(() => {
      audience.off('membersChanged', refresh);
      container.off('connected', refresh);
      container.off('disconnected', refresh);
      container.off('disposed', refresh);
    });
  }

  /** Brings the snapshot up to date first if something changed since it was built (see refresh). */
  getSnapshot = (): MeetingSnapshot => {
    this.catchUp();
    return this.snapshot;
  };

  subscribe = (onChange: () => void): (() => void) => {
    this.listeners.add(onChange);
    return () => {
      this.listeners.delete(onChange);
    };
  };

  checkIn(text: string): ClientResult<CheckIn> {
    return applyCheckIn(this.editable('checkIn'), this.user, text, this.now());
  }

  readonly thirtyFive: LiveThirtyFive = {
    showCard: (card) => game.showCard(this.editable('showCard'), card, this.now()),
    chooseSplit: (mine) => game.chooseSplit(this.editable('chooseSplit'), this.user, mine, this.now()),
    start: (input) => game.startGame(this.editable('start'), input),
    deal: (plan) => game.dealGame(this.editable('deal'), plan),
    redeal: (plan) => game.redealGame(this.editable('redeal'), plan),
    openRound: (o = {}) => game.openRound(this.editable('openRound'), o, this.now()),
    closeRound: () => game.closeRound(this.editable('closeRound')),
    closePair: (pair) => game.closePair(this.editable('closePair'), this.user, pair, this.now()),
    finish: () => game.finishGame(this.editable('finish')),
    merge: (merge) => game.mergeCards(this.editable('merge'), this.user, merge, this.now()),
    unmerge: (cardId) => game.unmergeCard(this.editable('unmerge'), cardId),
    markCommitted: (committed) => game.markCommitted(this.editable('markCommitted'), committed),
    applyCheckpoint: (checkpoint) => game.applyCheckpoint(this.editable('applyCheckpoint'), checkpoint, this.now()),
    resume: (checkpoint, openChoices) => game.resumeGame(this.editable('resume'), checkpoint, this.now(), openChoices),
  };

  readonly session: LiveSessionRun = {
    start: (input) => run.startRun(this.editable('start'), input, this.now()),
    resume: (sessionId, saved) => run.resumeRun(this.editable('resume'), sessionId, saved),
    advance: (to, o = {}) => run.advanceRun(this.editable('advance'), to, o, this.now()),
    setTimer: (minutes) => run.setPhaseTimer(this.editable('setTimer'), minutes, this.now()),
    setGroups: (groups) => run.setGroups(this.editable('setGroups'), groups),
    moveMember: (userId, toGroup) => run.moveMember(this.editable('moveMember'), userId, toGroup),
    editTakeaway: (id, text) => run.editTakeaway(this.editable('editTakeaway'), id, text),
    mergeTakeaway: (id, into) => run.mergeTakeaway(this.editable('mergeTakeaway'), id, into),
    setAction: (id, action) =>
      run.setAction(this.editable('setAction'), id, action, this.now().toISOString().slice(0, 10)),
    closeFeedback: () => run.closeFeedback(this.editable('closeFeedback')),
    markClosed: () => run.markRunClosed(this.editable('markClosed'), this.now()),
    addGroupNote: (text) =>
      run.addGroupNote(this.editable('addGroupNote'), this.user, text, this.newEntryId, this.now()),
    addTakeaway: (text) => run.addTakeaway(this.editable('addTakeaway'), this.user, text, this.newEntryId, this.now()),
    markVoted: () => run.markVoted(this.editable('markVoted'), this.user, this.now()),
  };

  private readonly newEntryId = () => `${this.user.id}.${this.newId()}`;

  /** The tree's root, for an edit made in response to the user (never from a change listener). */
  private editable(what: string): Meeting {
    if (this.disposed) throw new Error('This live meeting is closed.');
    if (this.notifying)
      throw new Error(
        `${what} must not be called from a change listener: edit the tree in response to the user, not to a change.`,
      );
    if (!this.view.compatibility.canView)
      throw new LiveVersionMismatchError(
        'This live meeting was changed by a newer version of Guildhall: reload to update.',
      );
    return this.view.root;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.listeners.clear();
    this.view.dispose();
    this.container.dispose();
  }

  /** treeChanged on the current root (a replaced root or a schema change needs a new subscription). */
  private watchRoot(): void {
    this.stopWatchingRoot();
    this.stopWatchingRoot = this.view.compatibility.canView
      ? Tree.on(this.view.root, 'treeChanged', () => this.refresh())
      : () => undefined;
  }

  /**
   * Something a view may show changed. Rebuilding the snapshot costs a few milliseconds for a big game,
   * and a batch of remote ops (30 people choosing at once) fires one change per op, so the rebuild and
   * the notification wait for the end of the current task: one rebuild per batch. A view that reads
   * in between (getSnapshot) still gets the current state.
   */
  private refresh(): void {
    if (this.disposed) return;
    this.stale = true;
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.catchUp();
      this.announce();
    });
  }

  private catchUp(): void {
    if (!this.stale || this.disposed) return;
    this.stale = false;
    const next = this.build(this.snapshot);
    if (next === this.snapshot) return;
    this.snapshot = next;
    this.unannounced = true;
  }

  private announce(): void {
    if (!this.unannounced || this.disposed) return;
    this.unannounced = false;
    this.notifying = true;
    try {
      for (const listener of [...this.listeners]) {
        try {
          listener();
        } catch (e) {
          // A view's bug must not break Fluid's event dispatch (or the other views); report it apart.
          queueMicrotask(() => {
            throw e;
          });
        }
      }
    } finally {
      this.notifying = false;
    }
  }

  private build(previous: MeetingSnapshot | undefined): MeetingSnapshot {
    return snapshotOf(
      {
        meeting: this.view.compatibility.canView ? this.view.root : undefined,
        members: this.services.audience.getMembers().values(),
        connected: !this.container.disposed && this.container.connectionState === ConnectionState.Connected,
      },
      previous,
    );
  }
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
