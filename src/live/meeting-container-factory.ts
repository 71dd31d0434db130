/**
 * Server side (Node): creates a meeting's live container, initialised (phase 'lobby', no
 * check-ins), attached and saved, and returns its id; and probes a registered container by loading it
 * with the server's own client (only the server decides that a container is lost, never a client's
 * timer). Implements the application's LiveContainerFactory port. The server's own identity is not a
 * participant (SERVER_USER).
 */
import type { LiveConnectionInfo } from '../api/schemas';
import type { LiveContainerFactory, LiveContainerHealth } from '../application/ports/live-container-factory';
import { within } from './deadline';
import { ConnectionState } from 'fluid-framework';
import {
  azureClientFor,
  ensureNodeNavigator,
  meetingContainerSchema,
  MIN_VERSION_FOR_COLLAB,
  type MeetingContainer,
} from './live-client';
import { initialMeeting, meetingTreeConfig } from './meeting-schema';
import { SERVER_USER } from './snapshot';
import { ServerTokenProvider } from './token-provider';

export interface MeetingContainerFactoryOptions {
  readonly connection: LiveConnectionInfo;
  /** Signs a token (mintFluidToken with the tenant key); `documentId` is absent when creating. */
  readonly mintToken: (input: { documentId?: string; user: { id: string; name: string } }) => string;
  /** Whole budget for one creation. Default 15 s. */
  readonly timeoutMs?: number;
  /** Budget for one probe (load and connect); past it the answer is `unknown`. Default 15 s. */
  readonly probeTimeoutMs?: number;
}

export const DEFAULT_CREATE_TIMEOUT_MS = 15_000;
export const DEFAULT_PROBE_TIMEOUT_MS = 15_000;
/** A refused load is asked twice, this far apart, before the container counts as gone. */
const PROBE_RETRY_DELAY_MS = 500;

export function createMeetingContainerFactory(opts: MeetingContainerFactoryOptions): LiveContainerFactory {
  ensureNodeNavigator();
  const tokenProvider = new ServerTokenProvider(async (documentId) =>
    opts.mintToken({ ...(documentId ? { documentId } : {}), user: SERVER_USER }),
  );
  const client = azureClientFor(opts.connection, tokenProvider);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_CREATE_TIMEOUT_MS;

  return {
    async create(seed) {
      let container: MeetingContainer | undefined;
      let abandoned = false;
      const work = (async () => {
        const created = await client.createContainer(meetingContainerSchema, MIN_VERSION_FOR_COLLAB);
        container = created.container;
        if (abandoned) {
          container.dispose(); // arrived after the deadline: nobody will use it
          throw new Error('abandoned after the deadline');
        }
        const view = container.initialObjects.meeting.viewWith(meetingTreeConfig);
        view.initialize(initialMeeting());
        view.dispose();
        const id = await container.attach();
        if (container.isDirty) await new Promise<void>((resolve) => container!.once('saved', () => resolve()));
        return id;
      })();
      try {
        return await within(
          work,
          timeoutMs,
          () =>
            new Error(
              `creating the live container for meeting ${seed.meetingId} took longer than ${timeoutMs / 1000} s (live service ${opts.connection.endpoint})`,
            ),
        );
      } catch (e) {
        if (tokenProvider.lastError)
          throw new Error(`the live service token could not be made: ${messageOf(tokenProvider.lastError)}`, {
            cause: e,
          });
        throw e;
      } finally {
        abandoned = true;
        container?.dispose();
      }
    },

    async probe(containerId) {
      const first = await probeOnce(containerId);
      if (first !== 'gone') return first;
      // A refusal is asked again once, so one transient error never replaces a meeting.
      await new Promise((resolve) => setTimeout(resolve, PROBE_RETRY_DELAY_MS));
      return probeOnce(containerId);
    },
  };

  /**
   * Loads the container with the server's client and waits until it is connected. The service
   * refusing the load, closing the container, or holding an empty document is `gone`; no answer
   * within the budget (a service that is down or overloaded) is `unknown`.
   */
  async function probeOnce(containerId: string): Promise<LiveContainerHealth> {
    const budget = opts.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
    const deadline = Date.now() + budget;
    let container: MeetingContainer;
    try {
      tokenProvider.lastError = undefined;
      const loaded = await within(
        client.getContainer(containerId, meetingContainerSchema, MIN_VERSION_FOR_COLLAB),
        budget,
        () => new ProbeTimeout(),
        (late) => late.container.dispose(),
      );
      container = loaded.container;
    } catch (e) {
      if (e instanceof ProbeTimeout) return 'unknown';
      // Our own token failing says nothing about the container.
      if (tokenProvider.lastError) return 'unknown';
      return 'gone';
    }
    try {
      const state = await connectedWithin(container, deadline - Date.now());
      if (state !== 'connected') return state === 'closed' ? 'gone' : 'unknown';
      const view = container.initialObjects.meeting.viewWith(meetingTreeConfig);
      // A document the service re-created empty after losing it (never initialised) is lost too.
      const empty = !view.compatibility.canView && view.compatibility.canInitialize;
      view.dispose();
      return empty ? 'gone' : 'alive';
    } finally {
      container.dispose();
    }
  }
}

class ProbeTimeout extends Error {}

function connectedWithin(container: MeetingContainer, ms: number): Promise<'connected' | 'closed' | 'timeout'> {
  if (container.connectionState === ConnectionState.Connected) return Promise.resolve('connected');
  if (container.disposed) return Promise.resolve('closed');
  return new Promise((resolve) => {
    const done = (state: 'connected' | 'closed' | 'timeout') => {
      clearTimeout(timer);
      container.off('connected', onConnected);
      container.off('disposed', onClosed);
      resolve(state);
    };
    const onConnected = () => done('connected');
    const onClosed = () => done('closed');
    const timer = setTimeout(() => done('timeout'), Math.max(0, ms));
    container.on('connected', onConnected);
    container.on('disposed', onClosed);
  });
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
