/**
 * Keeping a page on its meeting's live container. Pure of React and of Fluid, so the flow is unit
 * tested with stubs (and run in Node against the real stack by the integration tests).
 *
 * Only the server decides that a container is lost (docs/adr/0005-server-owns-live-containers.md):
 * a connect that is slow, or a connection that drops, is *reported* (`replaceStale`), the server asks
 * the live service, and answers with the meeting's container. The same id means "it is fine, keep
 * trying" (a slow join never splits the meeting); another id means the server replaced it, and the page
 * moves over and says so. Nothing here gives up on a container by itself, and every wait backs off.
 */
import type { LiveMeetingResponse } from '../../../api/schemas';
import type { ClientError, ClientResult } from '../../../live/client-result';
import type { FetchFluidToken, LiveConnectionInfo, LiveMeeting, LiveUser } from '../../../live/live-meeting';

export interface LiveDeps<Client> {
  /** POST …/live: the meeting's container; `replaceStale` reports one this page cannot load or keep. */
  openLive(
    communityId: string,
    meetingId: string,
    opts?: { replaceStale?: string },
  ): Promise<ClientResult<LiveMeetingResponse>>;
  fluidToken(documentId: string): Promise<string>;
  createLiveClient(connection: LiveConnectionInfo, fetchToken: FetchFluidToken, user: LiveUser): Client;
  openLiveMeeting(
    client: Client,
    containerId: string,
    user: LiveUser,
    opts?: { connectTimeoutMs?: number },
  ): Promise<ClientResult<LiveMeeting>>;
}

export interface ConnectLiveInput {
  readonly communityId: string;
  readonly meetingId: string;
  readonly user: LiveUser;
}

export interface SuperviseOptions {
  /** A connect still pending after this is reported to the server (which checks the container). */
  readonly reportAfterMs?: number;
  /** Waits between retries and between reports, growing to the last value. */
  readonly backoffMs?: readonly number[];
  /** An open meeting disconnected this long is reported to the server. */
  readonly disconnectedReportMs?: number;
  /** While connected, how often to ask whether the meeting moved (a cheap record read). */
  readonly pollMs?: number;
  /** How often an open meeting's connection is looked at. */
  readonly tickMs?: number;
  /** One connect attempt is abandoned (and retried) after this. */
  readonly attemptTimeoutMs?: number;
}

export const DEFAULT_SUPERVISE: Required<SuperviseOptions> = {
  reportAfterMs: 10_000,
  backoffMs: [1_000, 2_000, 4_000, 8_000, 15_000],
  disconnectedReportMs: 8_000,
  pollMs: 30_000,
  tickMs: 1_000,
  attemptTimeoutMs: 120_000,
};

export type LivePhase = 'connecting' | 'replacing' | 'open' | 'error';

export interface LiveLinkState {
  readonly phase: LivePhase;
  /** The open meeting (phase `open`); its snapshot says whether it is connected right now. */
  readonly meeting: LiveMeeting | undefined;
  /** The container this page is on (or connecting to). */
  readonly containerId: string | undefined;
  /** What is happening while not connected, and what the person can do: shown under the status. */
  readonly hint: string | undefined;
  /** Set once the meeting moved to a fresh container; stays until dismissed. */
  readonly notice: string | undefined;
  /** Phase `error` only: a failure retrying cannot fix (no access, a newer version). */
  readonly error: ClientError | undefined;
}

export const MOVED_NOTICE =
  'The live meeting moved to a fresh connection; everyone is being moved to it. ' +
  'Anything not saved yet may need redoing: the facilitator can resume from the last saved point.';
export const SLOW_HINT =
  'Still connecting. The server checked and the live meeting is running, so this panel keeps trying: ' +
  'your connection is slow. Keep it open.';
export const RECONNECTING_HINT =
  'The connection dropped; reconnecting by itself. Controls come back once it is connected. ' +
  'If the live meeting was lost, the server moves everyone to a fresh one.';
export const serviceHint = (seconds: number) =>
  `The live meeting service is not answering; trying again in ${seconds} s. What was saved is safe.`;

/** Failures that retrying cannot fix: the page stops and offers "Reconnect". */
const FATAL = new Set<string>([
  'LIVE_VERSION_MISMATCH',
  'FORBIDDEN',
  'NOT_A_MEMBER',
  'UNAUTHENTICATED',
  'COMMUNITY_NOT_FOUND',
  'VALIDATION_FAILED',
]);
const isFatal = (e: ClientError) => FATAL.has(e.code);

export interface LiveSupervisor {
  /** Stops everything and disposes the open meeting. */
  stop(): void;
  /** Forgets the moved notice. */
  dismissNotice(): void;
}

/**
 * Connects to the meeting's container and keeps the page on the meeting's current container until
 * `stop()`. `onChange` gets every new state (never called after stop).
 */
export function superviseLiveMeeting<Client>(
  deps: LiveDeps<Client>,
  input: ConnectLiveInput,
  onChange: (state: LiveLinkState) => void,
  options: SuperviseOptions = {},
): LiveSupervisor {
  const o = { ...DEFAULT_SUPERVISE, ...options };
  let stopped = false;
  let wake: (() => void) | undefined;
  let state: LiveLinkState = {
    phase: 'connecting',
    meeting: undefined,
    containerId: undefined,
    hint: undefined,
    notice: undefined,
    error: undefined,
  };
  const set = (patch: Partial<LiveLinkState>) => {
    if (stopped) return;
    const next = { ...state, ...patch };
    if ((Object.keys(patch) as (keyof LiveLinkState)[]).every((k) => next[k] === state[k])) return;
    state = next;
    onChange(state);
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        if (wake === done) wake = undefined;
        resolve();
      }
      wake = done;
    });
  const backoff = (n: number) => o.backoffMs[Math.min(n, o.backoffMs.length - 1)] ?? 1_000;
  const ask = (replaceStale?: string) =>
    deps.openLive(input.communityId, input.meetingId, replaceStale ? { replaceStale } : undefined);

  /** Loads `target` and waits until connected; a slow connect is reported, and the server's answer decides. */
  async function open(
    target: LiveMeetingResponse,
  ): Promise<{ meeting: LiveMeeting } | { moved: LiveMeetingResponse } | { retry: true } | { fatal: ClientError }> {
    const fetchToken: FetchFluidToken = (documentId) => deps.fluidToken(documentId ?? target.containerId);
    const client = deps.createLiveClient(target.connection, fetchToken, input.user);
    let settled: ClientResult<LiveMeeting> | undefined;
    let threw: { error: unknown } | undefined;
    const attempt = deps.openLiveMeeting(client, target.containerId, input.user, {
      connectTimeoutMs: o.attemptTimeoutMs,
    });
    const abandon = () =>
      void attempt.then(
        (r) => r.ok && r.value.dispose(),
        () => undefined,
      );
    const finished = attempt.then(
      (r) => {
        settled = r;
      },
      (e: unknown) => {
        threw = { error: e };
      },
    );
    let reports = 0;
    let waitMs = o.reportAfterMs;
    for (;;) {
      if (!settled && !threw) {
        await Promise.race([finished, sleep(waitMs)]);
        wake?.(); // the attempt won the race: end the sleep's timer
      }
      if (threw) throw threw.error; // a bug in the live layer
      if (stopped) {
        abandon();
        return { retry: true };
      }
      if (settled?.ok) return { meeting: settled.value };
      if (settled && isFatal(settled.error)) return { fatal: settled.error };
      // Slow, or failed: report it; the server checks the container with the live service.
      const answer = await ask(target.containerId);
      if (stopped) {
        abandon();
        return { retry: true };
      }
      if (answer.ok && answer.value.containerId !== target.containerId) {
        abandon();
        return { moved: answer.value };
      }
      if (!answer.ok && isFatal(answer.error)) {
        abandon();
        return { fatal: answer.error };
      }
      const pause = backoff(reports++);
      set({ hint: answer.ok ? SLOW_HINT : serviceHint(Math.round(pause / 1000)) });
      if (settled) {
        // The attempt failed but the container is fine (or the service is not answering): wait, try again.
        await sleep(pause);
        return { retry: true };
      }
      waitMs = pause;
    }
  }

  /** Watches an open meeting until the server says it moved (or stop). */
  async function watch(meeting: LiveMeeting): Promise<LiveMeetingResponse | undefined> {
    let lastPoll = Date.now();
    let downSince: number | undefined;
    let nextReportAt = 0;
    let reports = 0;
    while (!stopped) {
      await sleep(o.tickMs);
      if (stopped) return undefined;
      const now = Date.now();
      if (meeting.getSnapshot().connected) {
        downSince = undefined;
        reports = 0;
        set({ hint: undefined });
        if (now - lastPoll < o.pollMs) continue;
        lastPoll = now;
        const r = await ask();
        if (r.ok && r.value.containerId !== meeting.containerId) return r.value;
        continue;
      }
      if (downSince === undefined) {
        downSince = now;
        nextReportAt = now + o.disconnectedReportMs;
        set({ hint: RECONNECTING_HINT });
      }
      if (now < nextReportAt) continue;
      const r = await ask(meeting.containerId);
      if (stopped) return undefined;
      if (r.ok && r.value.containerId !== meeting.containerId) return r.value;
      const pause = backoff(reports++);
      nextReportAt = Date.now() + pause;
      set({ hint: r.ok ? RECONNECTING_HINT : serviceHint(Math.round(pause / 1000)) });
    }
    return undefined;
  }

  async function run() {
    let target: LiveMeetingResponse | undefined;
    let failures = 0;
    while (!stopped) {
      if (!target) {
        const r = await ask();
        if (stopped) return;
        if (!r.ok) {
          if (isFatal(r.error)) return set({ phase: 'error', error: r.error, hint: undefined });
          const pause = backoff(failures++);
          set({ hint: serviceHint(Math.round(pause / 1000)) });
          await sleep(pause);
          continue;
        }
        target = r.value;
      }
      set({ containerId: target.containerId });
      const opened = await open(target);
      if (stopped) return;
      if ('fatal' in opened) return set({ phase: 'error', error: opened.fatal, hint: undefined });
      if ('moved' in opened) {
        target = opened.moved;
        set({ phase: 'replacing', notice: MOVED_NOTICE, containerId: target.containerId });
        continue;
      }
      if ('retry' in opened) continue;
      failures = 0;
      const meeting = opened.meeting;
      set({ phase: 'open', meeting, hint: undefined, error: undefined });
      const moved = await watch(meeting);
      meeting.dispose();
      if (!moved) return;
      target = moved;
      set({
        phase: 'replacing',
        meeting: undefined,
        notice: MOVED_NOTICE,
        containerId: target.containerId,
        hint: undefined,
      });
    }
  }

  void run().catch((e: unknown) => {
    console.error('[guildhall] live meeting', e);
    set({
      phase: 'error',
      meeting: undefined,
      error: { code: 'REQUEST_FAILED', message: e instanceof Error ? e.message : String(e) },
    });
  });
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      wake?.();
      state.meeting?.dispose();
    },
    dismissNotice() {
      set({ notice: undefined });
    },
  };
}
