/**
 * The tab's typed client for the Guildhall HTTP API (same origin, JSON), derived from the HTTP
 * contract (src/api/contract.ts): each method calls one route, whose path, query and body it builds
 * and whose answer it checks with the route's response schema (a wrong shape is BAD_RESPONSE, never
 * an unchecked cast). Every call carries the host's Authorization header (except public routes);
 * every failure becomes an `ApiError` with the API's code.
 */
import type { z } from 'zod/v4';
import { contract } from '../api/contract';
import { pathOf, type AnyRoute, type PathParamNames, type ResponseOf, type Sendable } from '../api/contract-kit';
import type { DevSetupResponse } from '../api/dev-identity';
import type {
  CommunityViewSchema,
  MyCommunitySchema,
  SessionOutcomeSchema,
  SessionOutcomesViewSchema,
  SavedRunOutcomeSchema,
  SessionPlanSchema,
} from '../api/response-schemas';
import type {
  CreateCommunityRequest,
  LiveMeetingResponse,
  MeResponse,
  ProposeTopicRequest,
  UpdateCommunityRequest,
} from '../api/schemas';
import type { GameRecordView, LatestGameView } from '../api/thirty-five-schemas';
import type { CloseSessionRequest, ScheduleSessionRequest } from '../api/session-schemas';
import type {
  ActionItem,
  ActionStatus,
  Annotation,
  AnnotationAnchor,
  FeedbackSummary,
  SearchHit,
  SessionNotes,
  Takeaway,
} from '../domain/outcomes';
import type { FacilitatorRotation } from '../domain/facilitator-rotation';
import type { AgendaItem, Session, SessionType } from '../domain/session';
import type { Topic } from '../domain/backlog';
import type { SavedRunState, SavedSessionRun } from '../domain/session-run';
import type { AnonymousCard, CardMerge, PairRef, RankedCard, SplitBallot, SplitChoice } from '../domain/thirty-five';
import type { Community, ContextBinding, Membership, Role } from '../domain/community';

export interface ApiIssue {
  readonly path: string;
  readonly message: string;
}

/** Codes from the API (`NOT_A_MEMBER`, `CONFLICT`, …) plus the client's own `NETWORK`, `TIMEOUT`, `BAD_RESPONSE`, `AUTH_UNAVAILABLE`. */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly issues: readonly ApiIssue[];
  /** The record the error is about (e.g. the similar topic), when the API names one. */
  readonly subject: { readonly id: string; readonly title: string } | undefined;
  constructor(
    code: string,
    message: string,
    status: number,
    issues: readonly ApiIssue[] = [],
    subject?: { id: string; title: string },
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.issues = issues;
    this.subject = subject;
  }
}

export const isApiError = (e: unknown, code?: string): e is ApiError =>
  e instanceof ApiError && (code === undefined || e.code === code);

/** GET /communities: one of my communities with my roles. */
export type MyCommunity = Sendable<z.output<typeof MyCommunitySchema>>;
/** GET /communities/:id: the community as one of its members sees it. */
export type CommunityView = Sendable<z.output<typeof CommunityViewSchema>>;
/** GET …/sessions/:sid/outcomes */
export type SessionOutcomesView = Sendable<z.output<typeof SessionOutcomesViewSchema>>;
/** POST …/sessions/:sid/close */
export type SessionOutcomeView = Sendable<z.output<typeof SessionOutcomeSchema>>;
/** GET …/session-plan: suggested dates from the cadence, the next facilitator from the rotation, the agenda template. */
export type SessionPlan = Sendable<z.output<typeof SessionPlanSchema>>;
/** PUT …/sessions/:sid/run: what the record holds now, and the kept entries the save lacked. */
export type SavedRunView = Sendable<z.output<typeof SavedRunOutcomeSchema>>;

export interface ApiClient {
  me(): Promise<MeResponse>;
  listMyCommunities(): Promise<readonly MyCommunity[]>;
  createCommunity(req: CreateCommunityRequest): Promise<Community>;
  getCommunity(id: string): Promise<CommunityView>;
  updateCommunity(id: string, req: UpdateCommunityRequest): Promise<{ community: Community; etag: string }>;
  joinCommunity(id: string, req?: { product?: string }): Promise<Membership>;
  leaveCommunity(id: string): Promise<void>;
  setMemberRoles(id: string, userId: string, roles: readonly Role[]): Promise<Membership>;
  getContext(contextId: string): Promise<ContextBinding>;
  bindContext(contextId: string, req: { kind: ContextBinding['kind']; communityId: string }): Promise<ContextBinding>;
  openLiveMeeting(
    communityId: string,
    meetingId: string,
    opts?: { replaceStale?: string },
  ): Promise<LiveMeetingResponse>;
  fluidToken(documentId: string): Promise<string>;
  listTopics(communityId: string): Promise<readonly Topic[]>;
  /** The version of what the channel tab shows (topics, sessions, actions, rotation): poll it, reload when it moves. */
  changes(communityId: string): Promise<string>;
  /** SIMILAR_TOPIC_EXISTS (409) carries the similar topic as `subject` unless `force`. */
  proposeTopic(communityId: string, req: ProposeTopicRequest): Promise<Topic>;
  supportTopic(communityId: string, topicId: string): Promise<Topic>;
  /** Thirty Five (facilitator steps are role-checked by the server). */
  thirtyFive: {
    start(communityId: string, meetingId: string, req?: { rounds?: number }): Promise<GameRecordView>;
    /** The meeting's latest game, or null: what a lost live container resumes from. */
    latest(communityId: string, meetingId: string): Promise<LatestGameView | null>;
    /** My card, written server first: the answer carries its opaque per-game id (no author). */
    writeCard(
      communityId: string,
      gameId: string,
      text: { title: string; description?: string },
    ): Promise<AnonymousCard>;
    /** My own card of the game, or null. */
    myCard(communityId: string, gameId: string): Promise<AnonymousCard | null>;
    /** The server deals the cards it stored. */
    deal(communityId: string, gameId: string): Promise<GameRecordView>;
    /** The server re-deals the stored cards of who plays on (user ids). */
    redeal(
      communityId: string,
      gameId: string,
      req: { fromRound: number; players: readonly string[] },
    ): Promise<GameRecordView>;
    /** The facilitator opens a round: the server then takes splits for it. */
    openRound(communityId: string, gameId: string, req: { round: number; minutes: number }): Promise<GameRecordView>;
    closePair(communityId: string, gameId: string, pair: PairRef): Promise<GameRecordView>;
    /** My split for my pair in the open round (points in the pair's card order), stored by the server. */
    choose(communityId: string, gameId: string, ballot: SplitBallot): Promise<SplitChoice>;
    /** Close round `roundsClosed − 1` (or finish): the server saves it from the splits it stored. */
    checkpoint(
      communityId: string,
      gameId: string,
      req: { roundsClosed: number; phase: 'playing' | 'finished' },
    ): Promise<GameRecordView>;
    commit(
      communityId: string,
      gameId: string,
      req: { merges: readonly CardMerge[]; result?: readonly RankedCard[] },
    ): Promise<{ game: GameRecordView; topics: readonly Topic[] }>;
  };
  /** The backlog between sessions (facilitator or champion, except volunteering as owner). */
  backlog: {
    /** A topic with the etag its next edit needs. */
    get(communityId: string, topicId: string): Promise<{ topic: Topic; etag: string }>;
    /** CONFLICT (409) when someone else changed it meanwhile: reload and re-apply. */
    edit(
      communityId: string,
      topicId: string,
      req: { etag: string; title?: string; description?: string },
    ): Promise<{ topic: Topic; etag: string }>;
    /** Position 1 = top of the prioritised backlog; returns the topics that changed. */
    move(communityId: string, topicId: string, position: number): Promise<readonly Topic[]>;
    merge(communityId: string, req: { keepId: string; mergeId: string }): Promise<readonly Topic[]>;
    archive(communityId: string, topicId: string): Promise<readonly Topic[]>;
    restore(communityId: string, topicId: string): Promise<readonly Topic[]>;
    volunteerOwner(communityId: string, topicId: string): Promise<Topic>;
    clearOwner(communityId: string, topicId: string): Promise<Topic>;
  };
  sessions: {
    list(
      communityId: string,
      filter?: { topic?: string; type?: SessionType; from?: string; to?: string; owner?: string },
    ): Promise<readonly Session[]>;
    schedule(communityId: string, req: ScheduleSessionRequest): Promise<{ session: Session; etag: string }>;
    get(communityId: string, sessionId: string): Promise<{ session: Session; etag: string }>;
    plan(communityId: string): Promise<SessionPlan>;
    changeRotation(
      communityId: string,
      change:
        | { kind: 'join' }
        | { kind: 'leave' }
        | { kind: 'skip'; userId: string }
        | { kind: 'swap'; a: string; b: string },
    ): Promise<FacilitatorRotation>;
    editAgenda(
      communityId: string,
      sessionId: string,
      req: { etag: string; agenda: readonly AgendaItem[]; durationMinutes?: number },
    ): Promise<{ session: Session; etag: string }>;
    outcomes(communityId: string, sessionId: string): Promise<SessionOutcomesView>;
    saveNotes(
      communityId: string,
      sessionId: string,
      req: { markdown: string; etag?: string },
    ): Promise<{ notes: SessionNotes; etag: string }>;
    annotate(
      communityId: string,
      sessionId: string,
      req: { anchor: AnnotationAnchor; text: string },
    ): Promise<Annotation>;
    addTakeaway(
      communityId: string,
      sessionId: string,
      req: { topicId: string | null; text: string },
    ): Promise<Takeaway>;
    giveFeedback(communityId: string, sessionId: string, score: number): Promise<FeedbackSummary>;
    close(communityId: string, sessionId: string, req: CloseSessionRequest): Promise<SessionOutcomeView>;
    /**
     * Facilitator: publish the notes and takeaways. They are kept (and exportable) either way; `posted`
     * says whether a card linking to the channel tab went to the community's channel (the bot must be
     * installed there), `message` why not.
     */
    publish(communityId: string, sessionId: string): Promise<{ session: Session; posted: boolean; message: string }>;
    /** The session as Markdown (for Confluence or a wiki). */
    exportMarkdown(communityId: string, sessionId: string): Promise<string>;
    search(communityId: string, q: string): Promise<readonly SearchHit[]>;
    /** Facilitator: save the run of show (what a lost live container resumes from). */
    saveRun(
      communityId: string,
      sessionId: string,
      req: { meetingId: string; run: SavedRunState },
    ): Promise<SavedRunView>;
    /** The meeting's saved run of show whose session is still open, or null. */
    resumableRun(communityId: string, meetingId: string): Promise<SavedSessionRun | null>;
  };
  actions: {
    create(
      communityId: string,
      req: { takeawayId: string; text?: string; ownerId: string; dueDate: string },
    ): Promise<ActionItem>;
    listOpen(communityId: string, owner?: string): Promise<readonly ActionItem[]>;
    setStatus(
      communityId: string,
      actionId: string,
      req: { etag: string; status: ActionStatus },
    ): Promise<{ action: ActionItem; etag: string }>;
  };
  /** DEV MODE ONLY: no Authorization header. */
  devSetup(participants: number): Promise<DevSetupResponse>;
}

export interface ApiClientOptions {
  /** Omit for unauthenticated use (the dev page). */
  readonly getAuthHeader?: () => Promise<string>;
  readonly fetch?: typeof fetch;
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
}

function asIssues(v: unknown): ApiIssue[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((i): i is { path: unknown; message: unknown } => !!i && typeof i === 'object')
    .map((i) => ({ path: String(i.path ?? ''), message: String(i.message ?? '') }));
}

/** Turns a non-2xx answer into an ApiError, using the API's `{ error: { code, message, issues? } }` when present. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const err = (
    body as { error?: { code?: unknown; message?: unknown; issues?: unknown; subject?: unknown } } | undefined
  )?.error;
  if (err && typeof err.code === 'string' && typeof err.message === 'string') {
    const subj = err.subject as { id?: unknown; title?: unknown } | undefined;
    const subject =
      subj && typeof subj.id === 'string' && typeof subj.title === 'string'
        ? { id: subj.id, title: subj.title }
        : undefined;
    return new ApiError(err.code, err.message, status, asIssues(err.issues), subject);
  }
  const fallback =
    status === 401
      ? { code: 'UNAUTHENTICATED', message: 'You are not signed in.' }
      : status === 403
        ? { code: 'FORBIDDEN', message: 'You may not do this.' }
        : status === 404
          ? { code: 'NOT_FOUND', message: 'Not found.' }
          : status >= 500
            ? { code: 'INTERNAL', message: `The server had a problem (HTTP ${status}). Try again.` }
            : { code: 'HTTP_ERROR', message: `The server refused the request (HTTP ${status}).` };
  return new ApiError(fallback.code, fallback.message, status);
}

/** What a call of route `R` needs: its path ids, its query, its body. */
type CallInput<R extends AnyRoute> = ([PathParamNames<R['path']>] extends [never]
  ? { readonly params?: undefined }
  : { readonly params: { readonly [K in PathParamNames<R['path']>]: string } }) &
  (R['query'] extends z.ZodType ? { readonly query?: Sendable<z.input<R['query']>> } : { readonly query?: undefined }) &
  (R['body'] extends z.ZodType ? { readonly body: Sendable<z.input<R['body']>> } : { readonly body?: undefined });

/** `?a=1&b=2` from the defined values of a query object ('' when none). */
function queryString(query: unknown): string {
  const entries = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]): [string, string] => [k, String(v)]);
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : '';
}

export function createApiClient(opts: ApiClientOptions = {}): ApiClient {
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const base = opts.baseUrl ?? '';
  const timeoutMs = opts.timeoutMs ?? 20000;

  async function call<R extends AnyRoute>(def: R, input: CallInput<R>): Promise<ResponseOf<R>> {
    const path = `/api${pathOf(def.path, input.params ?? {})}${queryString(input.query)}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (def.access === 'user' && opts.getAuthHeader) {
      try {
        headers.authorization = await opts.getAuthHeader();
      } catch (e) {
        throw new ApiError(
          'AUTH_UNAVAILABLE',
          `Could not get your sign-in from the host: ${e instanceof Error ? e.message : String(e)}`,
          0,
        );
      }
    }
    // Writes always send a JSON body (`{}` when the route takes none); reads and deletes send none.
    const body = input.body ?? (def.method === 'GET' || def.method === 'DELETE' ? undefined : {});
    if (body !== undefined) headers['content-type'] = 'application/json';

    let res: Response;
    try {
      res = await doFetch(base + path, {
        method: def.method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (e) {
      const name = (e as { name?: string } | undefined)?.name;
      if (name === 'TimeoutError' || name === 'AbortError') {
        throw new ApiError('TIMEOUT', 'The server took too long to answer. Try again.', 0);
      }
      throw new ApiError('NETWORK', 'Could not reach the Guildhall server. Check your connection and try again.', 0);
    }

    const text = await res.text().catch(() => '');
    const { response } = def;
    if (res.ok && 'kind' in response) return (response.kind === 'text' ? text : undefined) as ResponseOf<R>;
    let parsed: unknown;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        if (res.ok) throw new ApiError('BAD_RESPONSE', 'The server sent an answer the tab cannot read.', res.status);
      }
    }
    if (!res.ok) throw errorFromResponse(res.status, parsed);
    if ('kind' in response) return undefined as ResponseOf<R>;
    const checked = response.safeParse(parsed);
    if (!checked.success) {
      const issues = checked.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
      throw new ApiError('BAD_RESPONSE', 'The server sent an answer the tab cannot read.', res.status, issues);
    }
    return checked.data as ResponseOf<R>;
  }

  const c = contract;
  const community = (id: string) => ({ id });
  const topic = (id: string, topicId: string) => ({ id, topicId });
  const game = (id: string, gameId: string) => ({ id, gameId });
  const session = (id: string, sid: string) => ({ id, sid });

  return {
    me: () => call(c.me, {}),
    listMyCommunities: async () => (await call(c.listMyCommunities, {})).communities,
    createCommunity: async (req) => (await call(c.createCommunity, { body: req })).community,
    getCommunity: (id) => call(c.getCommunity, { params: community(id) }),
    updateCommunity: (id, req) => call(c.updateCommunity, { params: community(id), body: req }),
    joinCommunity: async (id, req = {}) =>
      (await call(c.joinCommunity, { params: community(id), body: req })).membership,
    leaveCommunity: async (id) => {
      await call(c.leaveCommunity, { params: community(id) });
    },
    setMemberRoles: async (id, userId, roles) =>
      (await call(c.setMemberRoles, { params: { id, userId }, body: { roles } })).membership,
    getContext: async (contextId) => (await call(c.getContext, { params: { contextId } })).binding,
    bindContext: async (contextId, req) => (await call(c.bindContext, { params: { contextId }, body: req })).binding,
    openLiveMeeting: (id, meetingId, o = {}) =>
      call(c.openLiveMeeting, {
        params: { id, meetingId },
        body: o.replaceStale ? { replaceStale: o.replaceStale } : {},
      }),
    fluidToken: async (documentId) => (await call(c.fluidToken, { body: { documentId } })).token,
    listTopics: async (id) => (await call(c.listTopics, { params: community(id) })).topics,
    changes: async (id) => (await call(c.communityChanges, { params: community(id) })).version,
    proposeTopic: async (id, req) => (await call(c.proposeTopic, { params: community(id), body: req })).topic,
    supportTopic: async (id, topicId) => (await call(c.supportTopic, { params: topic(id, topicId) })).topic,
    thirtyFive: {
      start: async (id, meetingId, req = {}) =>
        (await call(c.startThirtyFive, { params: { id, meetingId }, body: req })).game,
      latest: async (id, meetingId) => (await call(c.latestThirtyFive, { params: { id, meetingId } })).game,
      writeCard: async (id, g, text) =>
        (
          await call(c.writeThirtyFiveCard, {
            params: game(id, g),
            body: { title: text.title, ...(text.description ? { description: text.description } : {}) },
          })
        ).card,
      myCard: async (id, g) => (await call(c.myThirtyFiveCard, { params: game(id, g) })).card,
      deal: async (id, g) => (await call(c.dealThirtyFive, { params: game(id, g), body: {} })).game,
      redeal: async (id, g, req) =>
        (
          await call(c.redealThirtyFive, {
            params: game(id, g),
            body: { fromRound: req.fromRound, players: [...req.players] },
          })
        ).game,
      openRound: async (id, g, req) => (await call(c.openThirtyFiveRound, { params: game(id, g), body: req })).game,
      closePair: async (id, g, pair) =>
        (await call(c.closeThirtyFivePair, { params: game(id, g), body: { round: pair.round, pair: pair.pair } })).game,
      choose: async (id, g, b) =>
        (
          await call(c.chooseThirtyFiveSplit, {
            params: game(id, g),
            body: { round: b.round, pair: b.pair, points: [b.points[0] ?? -1, b.points[1] ?? -1] },
          })
        ).choice,
      checkpoint: async (id, g, req) => (await call(c.checkpointThirtyFive, { params: game(id, g), body: req })).game,
      commit: (id, g, req) => call(c.commitThirtyFive, { params: game(id, g), body: req }),
    },
    backlog: {
      get: (id, t) => call(c.getTopic, { params: topic(id, t) }),
      edit: (id, t, req) => call(c.editTopic, { params: topic(id, t), body: req }),
      move: async (id, t, position) => (await call(c.moveTopic, { params: topic(id, t), body: { position } })).changed,
      merge: async (id, req) => (await call(c.mergeTopics, { params: community(id), body: req })).changed,
      archive: async (id, t) => (await call(c.archiveTopic, { params: topic(id, t) })).changed,
      restore: async (id, t) => (await call(c.restoreTopic, { params: topic(id, t) })).changed,
      volunteerOwner: async (id, t) => (await call(c.volunteerTopicOwner, { params: topic(id, t) })).topic,
      clearOwner: async (id, t) => (await call(c.clearTopicOwner, { params: topic(id, t) })).topic,
    },
    sessions: {
      list: async (id, filter = {}) => (await call(c.listSessions, { params: community(id), query: filter })).sessions,
      schedule: (id, req) => call(c.scheduleSession, { params: community(id), body: req }),
      get: (id, sid) => call(c.getSession, { params: session(id, sid) }),
      plan: async (id) => (await call(c.planNextSession, { params: community(id) })).plan,
      changeRotation: async (id, change) =>
        (await call(c.changeRotation, { params: community(id), body: change })).rotation,
      editAgenda: (id, sid, req) => call(c.editSessionAgenda, { params: session(id, sid), body: req }),
      outcomes: (id, sid) => call(c.getSessionOutcomes, { params: session(id, sid) }),
      saveNotes: (id, sid, req) => call(c.saveSessionNotes, { params: session(id, sid), body: req }),
      annotate: async (id, sid, req) =>
        (await call(c.annotateNotes, { params: session(id, sid), body: req })).annotation,
      addTakeaway: async (id, sid, req) =>
        (await call(c.addTakeaway, { params: session(id, sid), body: req })).takeaway,
      giveFeedback: async (id, sid, score) =>
        (await call(c.giveFeedback, { params: session(id, sid), body: { score } })).feedback,
      close: (id, sid, req) => call(c.closeSession, { params: session(id, sid), body: req }),
      publish: (id, sid) => call(c.publishSession, { params: session(id, sid) }),
      exportMarkdown: (id, sid) => call(c.exportSessionMarkdown, { params: session(id, sid) }),
      search: async (id, q) => (await call(c.searchOutcomes, { params: community(id), query: { q } })).hits,
      saveRun: (id, sid, req) => call(c.saveSessionRun, { params: session(id, sid), body: req }),
      resumableRun: async (id, m) => (await call(c.getResumableRun, { params: { id, meetingId: m } })).saved,
    },
    actions: {
      create: async (id, req) => (await call(c.createAction, { params: community(id), body: req })).action,
      listOpen: async (id, owner) =>
        (await call(c.listOpenActions, { params: community(id), query: owner ? { owner } : {} })).actions,
      setStatus: (id, aid, req) => call(c.updateActionStatus, { params: { id, aid }, body: req }),
    },
    devSetup: (participants) => call(c.devSetup, { query: { participants } }),
  };
}
