/**
 * Connecting to a meeting's live container, in the browser and in Node. The snapshot handed to views
 * is plain and immutable, rebuilt only when the tree, the audience or the connection changes.
 */
import { AzureClient, type AzureContainerServices } from '@fluidframework/azure-client';
import { ConnectionState, SharedTree, Tree, type ContainerSchema, type IFluidContainer, type TreeView } from 'fluid-framework';
import type { LiveConnectionInfo } from '../api/schemas';
import type { CheckIn, FetchFluidToken, LiveMeeting, LiveUser, MeetingSnapshot } from './live-meeting';
import { checkCheckInText, CheckInEntry, meetingTreeConfig, type Meeting } from './meeting-schema';
import { ServerTokenProvider } from './token-provider';

export const meetingContainerSchema = { initialObjects: { meeting: SharedTree } } as const satisfies ContainerSchema;
export type MeetingContainer = IFluidContainer<typeof meetingContainerSchema>;

/** Every client of a container must agree on this. */
export const MIN_VERSION_FOR_COLLAB = '2.0.0' as const;

/** Fluid's Node path reads `navigator`; browsers have one. No-op in the browser. */
export function ensureNodeNavigator(): void {
  const g = globalThis as { navigator?: unknown };
  if (typeof g.navigator === 'undefined') g.navigator = { hardwareConcurrency: 2 };
}

export class LiveUnavailableError extends Error {
  readonly code = 'LIVE_CONTAINER_UNAVAILABLE' as const;
}

export function createLiveClient(connection: LiveConnectionInfo, fetchToken: FetchFluidToken, user: LiveUser): AzureClient {
  ensureNodeNavigator();
  const tokenProvider = new ServerTokenProvider(fetchToken);
  void user; // the user's identity travels in the server-minted token (the audience shows it)
  return new AzureClient({
    connection:
      connection.type === 'remote'
        ? { type: 'remote', endpoint: connection.endpoint, tenantId: connection.tenantId ?? '', tokenProvider }
        : { type: 'local', endpoint: connection.endpoint, tokenProvider },
  });
}

/** Resolves when connected; rejects after `ms`. */
export function waitConnected(container: { connectionState: ConnectionState; once(e: 'connected', l: () => void): void; off(e: 'connected', l: () => void): void }, ms: number): Promise<void> {
  if (container.connectionState === ConnectionState.Connected) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onConnected = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      container.off('connected', onConnected);
      reject(new LiveUnavailableError(`The live meeting did not connect within ${Math.round(ms / 1000)} s.`));
    }, ms);
    container.once('connected', onConnected);
  });
}

export async function openLiveMeeting(
  client: AzureClient,
  containerId: string,
  user: LiveUser,
  opts: { connectTimeoutMs?: number } = {},
): Promise<LiveMeeting> {
  const timeoutMs = opts.connectTimeoutMs ?? 10_000;
  let loaded: { container: MeetingContainer; services: AzureContainerServices };
  try {
    loaded = await withTimeout(client.getContainer(containerId, meetingContainerSchema, MIN_VERSION_FOR_COLLAB), timeoutMs);
  } catch (e) {
    throw e instanceof LiveUnavailableError ? e : new LiveUnavailableError(`The live meeting could not be loaded: ${(e as Error).message}`);
  }
  const { container, services } = loaded;
  try {
    await waitConnected(container, timeoutMs);
  } catch (e) {
    container.dispose();
    throw e;
  }
  const view = container.initialObjects.meeting.viewWith(meetingTreeConfig);
  if (!view.compatibility.canView) {
    container.dispose();
    view.dispose();
    throw new LiveUnavailableError('This live meeting was made by an incompatible version of Guildhall.');
  }
  return new FluidLiveMeeting(containerId, container, services, view, user);
}

class FluidLiveMeeting implements LiveMeeting {
  private snapshot: MeetingSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribes: (() => void)[] = [];

  constructor(
    readonly containerId: string,
    private readonly container: MeetingContainer,
    private readonly services: AzureContainerServices,
    private readonly view: TreeView<typeof Meeting>,
    private readonly user: LiveUser,
  ) {
    this.snapshot = this.build();
    const refresh = () => this.refresh();
    this.unsubscribes.push(Tree.on(view.root, 'treeChanged', refresh));
    this.unsubscribes.push(view.events.on('rootChanged', refresh));
    const audience = services.audience;
    audience.on('membersChanged', refresh);
    this.unsubscribes.push(() => audience.off('membersChanged', refresh));
    container.on('connected', refresh);
    container.on('disconnected', refresh);
    this.unsubscribes.push(() => {
      container.off('connected', refresh);
      container.off('disconnected', refresh);
    });
  }

  getSnapshot = (): MeetingSnapshot => this.snapshot;

  subscribe = (onChange: () => void): (() => void) => {
    this.listeners.add(onChange);
    return () => this.listeners.delete(onChange);
  };

  checkIn(text: string): void {
    const checked = checkCheckInText(text);
    if (!checked.ok) throw new Error(checked.message);
    const entry = new CheckInEntry({ displayName: this.user.name, text: checked.text, at: new Date().toISOString() });
    Tree.runTransaction(this.view.root, (root) => {
      root.checkIns.set(this.user.id, entry);
    });
  }

  dispose(): void {
    for (const u of this.unsubscribes.splice(0)) u();
    this.listeners.clear();
    this.view.dispose();
    this.container.dispose();
  }

  private refresh(): void {
    this.snapshot = this.build();
    for (const l of [...this.listeners]) l();
  }

  private build(): MeetingSnapshot {
    const root = this.view.root;
    const checkIns: CheckIn[] = [...root.checkIns.entries()]
      .map(([userId, c]) => ({ userId, displayName: c.displayName, text: c.text, at: c.at }))
      .sort((a, b) => a.at.localeCompare(b.at) || a.userId.localeCompare(b.userId));
    const present = [...this.services.audience.getMembers().values()]
      .map((m) => ({ id: m.id, name: m.name }))
      .filter((m) => m.id !== SERVER_USER.id)
      .sort((a, b) => a.name.localeCompare(b.name));
    return { connected: this.container.connectionState === ConnectionState.Connected, checkIns, present };
  }
}

/** The identity the server uses when it creates containers; not a participant. */
export const SERVER_USER = { id: 'guildhall-server', name: 'Guildhall' } as const;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new LiveUnavailableError(`The live meeting did not load within ${Math.round(ms / 1000)} s.`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
