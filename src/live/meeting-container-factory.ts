/**
 * Server side (Node): creates a meeting's live container, initialised (phase 'lobby', no
 * check-ins), attached and saved, and returns its id. Implements the application's
 * LiveContainerFactory port. The server's own identity is not a participant (SERVER_USER).
 */
import type { LiveConnectionInfo } from '../api/schemas';
import type { LiveContainerFactory } from '../application/ports/live-container-factory';
import { within } from './deadline';
import { azureClientFor, ensureNodeNavigator, meetingContainerSchema, MIN_VERSION_FOR_COLLAB, type MeetingContainer } from './live-client';
import { initialMeeting, meetingTreeConfig } from './meeting-schema';
import { SERVER_USER } from './snapshot';
import { ServerTokenProvider } from './token-provider';

export interface MeetingContainerFactoryOptions {
  readonly connection: LiveConnectionInfo;
  /** Signs a token (mintFluidToken with the tenant key); `documentId` is absent when creating. */
  readonly mintToken: (input: { documentId?: string; user: { id: string; name: string } }) => string;
  /** Whole budget for one creation. Default 15 s. */
  readonly timeoutMs?: number;
}

export const DEFAULT_CREATE_TIMEOUT_MS = 15_000;

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
          () => new Error(`creating the live container for meeting ${seed.meetingId} took longer than ${timeoutMs / 1000} s (live service ${opts.connection.endpoint})`),
        );
      } catch (e) {
        if (tokenProvider.lastError) throw new Error(`the live service token could not be made: ${messageOf(tokenProvider.lastError)}`, { cause: e });
        throw e;
      } finally {
        abandoned = true;
        container?.dispose();
      }
    },
  };
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
