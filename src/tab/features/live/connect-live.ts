/**
 * Opening a meeting's live container from the tab: ask the server which container (POST …/live),
 * connect to it, and when it cannot be loaded (the local Fluid service forgets documents on a
 * restart) ask once for a fresh one (`replaceStale`) and connect to that. Pure of React and of
 * Fluid, so the flow is unit tested with stubs.
 */
import type { LiveMeetingResponse } from '../../../api/schemas';
import type { FetchFluidToken, LiveConnectionInfo, LiveMeeting, LiveUser } from '../../../live/live-meeting';

export interface LiveDeps<Client> {
  openLive(communityId: string, meetingId: string, opts?: { replaceStale?: string }): Promise<LiveMeetingResponse>;
  fluidToken(documentId: string): Promise<string>;
  createLiveClient(connection: LiveConnectionInfo, fetchToken: FetchFluidToken, user: LiveUser): Client;
  openLiveMeeting(client: Client, containerId: string, user: LiveUser, opts?: { connectTimeoutMs?: number }): Promise<LiveMeeting>;
}

export interface ConnectLiveInput {
  readonly communityId: string;
  readonly meetingId: string;
  readonly user: LiveUser;
  readonly connectTimeoutMs?: number;
  /** Called before each attempt, for the "connecting" / "replacing" status line. */
  readonly onAttempt?: (attempt: 'first' | 'replace') => void;
}

export const LIVE_CONTAINER_UNAVAILABLE = 'LIVE_CONTAINER_UNAVAILABLE';

export const isContainerUnavailable = (e: unknown): boolean =>
  (e as { code?: unknown } | null | undefined)?.code === LIVE_CONTAINER_UNAVAILABLE;

export async function connectLiveMeeting<Client>(deps: LiveDeps<Client>, input: ConnectLiveInput): Promise<LiveMeeting> {
  const open = async (res: LiveMeetingResponse): Promise<LiveMeeting> => {
    const fetchToken: FetchFluidToken = (documentId) => deps.fluidToken(documentId ?? res.containerId);
    const client = deps.createLiveClient(res.connection, fetchToken, input.user);
    return deps.openLiveMeeting(client, res.containerId, input.user, input.connectTimeoutMs ? { connectTimeoutMs: input.connectTimeoutMs } : {});
  };

  input.onAttempt?.('first');
  const first = await deps.openLive(input.communityId, input.meetingId);
  try {
    return await open(first);
  } catch (e) {
    if (!isContainerUnavailable(e)) throw e;
  }
  // Once only: a second failure is reported, not retried in a loop.
  input.onAttempt?.('replace');
  const fresh = await deps.openLive(input.communityId, input.meetingId, { replaceStale: first.containerId });
  return open(fresh);
}
