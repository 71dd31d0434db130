/**
 * Server side: creates a meeting's live container, seeded from the record, and returns its id.
 * Implements the application's LiveContainerFactory port.
 */
import { AzureClient } from '@fluidframework/azure-client';
import type { LiveContainerFactory } from '../application/ports';
import type { LiveConnectionInfo } from '../api/schemas';
import { ensureNodeNavigator, meetingContainerSchema, MIN_VERSION_FOR_COLLAB, SERVER_USER } from './live-client';
import { initialMeeting, meetingTreeConfig } from './meeting-schema';
import { ServerTokenProvider } from './token-provider';

export interface MeetingContainerFactoryOptions {
  readonly connection: LiveConnectionInfo;
  readonly mintToken: (input: { documentId?: string; user: { id: string; name: string } }) => string;
  readonly timeoutMs?: number;
}

export function createMeetingContainerFactory(opts: MeetingContainerFactoryOptions): LiveContainerFactory {
  ensureNodeNavigator();
  const tokenProvider = new ServerTokenProvider(async (documentId) =>
    opts.mintToken({ ...(documentId ? { documentId } : {}), user: SERVER_USER }),
  );
  const client = new AzureClient({
    connection:
      opts.connection.type === 'remote'
        ? { type: 'remote', endpoint: opts.connection.endpoint, tenantId: opts.connection.tenantId ?? '', tokenProvider }
        : { type: 'local', endpoint: opts.connection.endpoint, tokenProvider },
  });
  const timeoutMs = opts.timeoutMs ?? 15_000;
  return {
    async create() {
      const work = (async () => {
        const { container } = await client.createContainer(meetingContainerSchema, MIN_VERSION_FOR_COLLAB);
        try {
          const view = container.initialObjects.meeting.viewWith(meetingTreeConfig);
          view.initialize(initialMeeting());
          view.dispose();
          return await container.attach();
        } finally {
          container.dispose();
        }
      })();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`creating a live container took longer than ${timeoutMs / 1000} s`)), timeoutMs);
      });
      try {
        return await Promise.race([work, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
