/**
 * The tab's typed client for the Guildhall HTTP API (same origin, JSON). Every call carries the
 * host's Authorization header; every failure becomes an `ApiError` with the API's code.
 */
import type { DevSetupResponse } from '../api/dev-identity';
import type {
  CreateCommunityRequest,
  LiveMeetingResponse,
  MeResponse,
  ProposeTopicRequest,
  UpdateCommunityRequest,
} from '../api/schemas';
import type { GameRecordView } from '../api/thirty-five-schemas';
import type { CloseSessionRequest, ScheduleSessionRequest } from '../api/session-schemas';
import type { ActionItem, ActionStatus, Annotation, AnnotationAnchor, FeedbackSummary, SearchHit, SessionNotes, Takeaway } from '../domain/outcomes';
import type { FacilitatorRotation } from '../domain/facilitator-rotation';
import type { AgendaItem, Session, SessionType } from '../domain/session';
import type { Topic } from '../domain/backlog';
import type { CardMerge, GameCard, PairRef, RankedCard, ThirtyFiveSplit } from '../domain/thirty-five';
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
  constructor(code: string, message: string, status: number, issues: readonly ApiIssue[] = [], subject?: { id: string; title: string }) {
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

export interface MyCommunity {
  readonly community: Community;
  readonly roles: readonly Role[];
}

export interface CommunityView {
  readonly community: Community;
  readonly etag: string;
  readonly me: Membership;
  readonly members: readonly Membership[];
}

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
  openLiveMeeting(communityId: string, meetingId: string, opts?: { replaceStale?: string }): Promise<LiveMeetingResponse>;
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
    latest(communityId: string, meetingId: string): Promise<GameRecordView | null>;
    deal(communityId: string, gameId: string, cards: readonly GameCard[]): Promise<GameRecordView>;
    redeal(communityId: string, gameId: string, req: { fromRound: number; cards: readonly GameCard[] }): Promise<GameRecordView>;
    checkpoint(
      communityId: string,
      gameId: string,
      req: { roundsClosed: number; phase: 'playing' | 'finished'; splits: readonly ThirtyFiveSplit[]; closedPairs: readonly PairRef[] },
    ): Promise<GameRecordView>;
    commit(
      communityId: string,
      gameId: string,
      req: { splits: readonly ThirtyFiveSplit[]; merges: readonly CardMerge[]; result: readonly RankedCard[] },
    ): Promise<{ game: GameRecordView; topics: readonly Topic[] }>;
  };
  /** The backlog between sessions (facilitator or champion, except volunteering as owner). */
  backlog: {
    /** A topic with the etag its next edit needs. */
    get(communityId: string, topicId: string): Promise<{ topic: Topic; etag: string }>;
    /** CONFLICT (409) when someone else changed it meanwhile: reload and re-apply. */
    edit(communityId: string, topicId: string, req: { etag: string; title?: string; description?: string }): Promise<{ topic: Topic; etag: string }>;
    /** Position 1 = top of the prioritised backlog; returns the topics that changed. */
    move(communityId: string, topicId: string, position: number): Promise<readonly Topic[]>;
    merge(communityId: string, req: { keepId: string; mergeId: string }): Promise<readonly Topic[]>;
    archive(communityId: string, topicId: string): Promise<readonly Topic[]>;
    restore(communityId: string, topicId: string): Promise<readonly Topic[]>;
    volunteerOwner(communityId: string, topicId: string): Promise<Topic>;
    clearOwner(communityId: string, topicId: string): Promise<Topic>;
  };
  sessions: {
    list(communityId: string, filter?: { topic?: string; type?: SessionType; from?: string; to?: string; owner?: string }): Promise<readonly Session[]>;
    schedule(communityId: string, req: ScheduleSessionRequest): Promise<{ session: Session; etag: string }>;
    get(communityId: string, sessionId: string): Promise<{ session: Session; etag: string }>;
    plan(communityId: string): Promise<SessionPlan>;
    changeRotation(communityId: string, change: { kind: 'join' } | { kind: 'leave' } | { kind: 'skip'; userId: string } | { kind: 'swap'; a: string; b: string }): Promise<FacilitatorRotation>;
    editAgenda(communityId: string, sessionId: string, req: { etag: string; agenda: readonly AgendaItem[]; durationMinutes?: number }): Promise<{ session: Session; etag: string }>;
    outcomes(communityId: string, sessionId: string): Promise<SessionOutcomesView>;
    saveNotes(communityId: string, sessionId: string, req: { markdown: string; etag?: string }): Promise<{ notes: SessionNotes; etag: string }>;
    annotate(communityId: string, sessionId: string, req: { anchor: AnnotationAnchor; text: string }): Promise<Annotation>;
    addTakeaway(communityId: string, sessionId: string, req: { topicId: string | null; text: string }): Promise<Takeaway>;
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
  };
  actions: {
    create(communityId: string, req: { takeawayId: string; text?: string; ownerId: string; dueDate: string }): Promise<ActionItem>;
    listOpen(communityId: string, owner?: string): Promise<readonly ActionItem[]>;
    setStatus(communityId: string, actionId: string, req: { etag: string; status: ActionStatus }): Promise<{ action: ActionItem; etag: string }>;
  };
  /** DEV MODE ONLY: no Authorization header. */
  devSetup(participants: number): Promise<DevSetupResponse>;
}

/** GET …/sessions/:sid/outcomes */
export interface SessionOutcomesView {
  readonly notes: SessionNotes | null;
  readonly notesEtag: string | null;
  readonly annotations: readonly Annotation[];
  readonly takeaways: readonly Takeaway[];
  readonly actions: readonly (ActionItem & { readonly etag: string })[];
  readonly feedback: FeedbackSummary & { readonly mine: boolean };
}

/** POST …/sessions/:sid/close */
export interface SessionOutcomeView {
  readonly session: Session;
  readonly takeaways: readonly Takeaway[];
  readonly actions: readonly ActionItem[];
  readonly feedback: FeedbackSummary;
}

/** GET …/session-plan: suggested dates from the cadence, the next facilitator from the rotation, the agenda template. */
export interface SessionPlan {
  readonly dates: readonly string[];
  readonly facilitatorId: string | null;
  readonly queue: readonly string[];
  readonly rotation: FacilitatorRotation;
  readonly rotationEtag: string | null;
  readonly agenda: readonly AgendaItem[];
  readonly agendaMinutes: number;
}

export interface ApiClientOptions {
  /** Omit for unauthenticated use (the dev page). */
  readonly getAuthHeader?: () => Promise<string>;
  readonly fetch?: typeof fetch;
  readonly baseUrl?: string;
  readonly timeoutMs?: number;
}

const seg = encodeURIComponent;

function asIssues(v: unknown): ApiIssue[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((i): i is { path: unknown; message: unknown } => !!i && typeof i === 'object')
    .map((i) => ({ path: String(i.path ?? ''), message: String(i.message ?? '') }));
}

/** Turns a non-2xx answer into an ApiError, using the API's `{ error: { code, message, issues? } }` when present. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const err = (body as { error?: { code?: unknown; message?: unknown; issues?: unknown; subject?: unknown } } | undefined)?.error;
  if (err && typeof err.code === 'string' && typeof err.message === 'string') {
    const subj = err.subject as { id?: unknown; title?: unknown } | undefined;
    const subject = subj && typeof subj.id === 'string' && typeof subj.title === 'string' ? { id: subj.id, title: subj.title } : undefined;
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

export function createApiClient(opts: ApiClientOptions = {}): ApiClient {
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const base = opts.baseUrl ?? '';
  const timeoutMs = opts.timeoutMs ?? 20000;

  async function call<T>(method: string, path: string, body?: unknown, auth = true, as: 'json' | 'text' = 'json'): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (auth && opts.getAuthHeader) {
      try {
        headers.authorization = await opts.getAuthHeader();
      } catch (e) {
        throw new ApiError('AUTH_UNAVAILABLE', `Could not get your sign-in from the host: ${e instanceof Error ? e.message : String(e)}`, 0);
      }
    }
    if (body !== undefined) headers['content-type'] = 'application/json';

    let res: Response;
    try {
      res = await doFetch(base + path, {
        method,
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
    if (res.ok && as === 'text') return text as T;
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        if (res.ok) throw new ApiError('BAD_RESPONSE', 'The server sent an answer the tab cannot read.', res.status);
      }
    }
    if (!res.ok) throw errorFromResponse(res.status, parsed);
    return parsed as T;
  }

  return {
    me: () => call('GET', '/api/me'),
    listMyCommunities: async () => (await call<{ communities: MyCommunity[] }>('GET', '/api/communities')).communities,
    createCommunity: async (req) => (await call<{ community: Community }>('POST', '/api/communities', req)).community,
    getCommunity: (id) => call('GET', `/api/communities/${seg(id)}`),
    updateCommunity: (id, req) => call('PATCH', `/api/communities/${seg(id)}`, req),
    joinCommunity: async (id, req = {}) =>
      (await call<{ membership: Membership }>('POST', `/api/communities/${seg(id)}/members`, req)).membership,
    leaveCommunity: async (id) => {
      await call<void>('DELETE', `/api/communities/${seg(id)}/members/me`);
    },
    setMemberRoles: async (id, userId, roles) =>
      (await call<{ membership: Membership }>('PUT', `/api/communities/${seg(id)}/members/${seg(userId)}/roles`, { roles })).membership,
    getContext: async (contextId) => (await call<{ binding: ContextBinding }>('GET', `/api/contexts/${seg(contextId)}`)).binding,
    bindContext: async (contextId, req) =>
      (await call<{ binding: ContextBinding }>('PUT', `/api/contexts/${seg(contextId)}`, req)).binding,
    openLiveMeeting: (communityId, meetingId, o = {}) =>
      call('POST', `/api/communities/${seg(communityId)}/meetings/${seg(meetingId)}/live`, o.replaceStale ? { replaceStale: o.replaceStale } : {}),
    fluidToken: async (documentId) => (await call<{ token: string }>('POST', '/api/fluid/token', { documentId })).token,
    listTopics: async (id) => (await call<{ topics: Topic[] }>('GET', `/api/communities/${seg(id)}/topics`)).topics,
    changes: async (id) => (await call<{ version: string }>('GET', `/api/communities/${seg(id)}/changes`)).version,
    proposeTopic: async (id, req) => (await call<{ topic: Topic }>('POST', `/api/communities/${seg(id)}/topics`, req)).topic,
    supportTopic: async (id, topicId) => (await call<{ topic: Topic }>('POST', `/api/communities/${seg(id)}/topics/${seg(topicId)}/support`, {})).topic,
    thirtyFive: {
      start: async (c, m, req = {}) => (await call<{ game: GameRecordView }>('POST', `/api/communities/${seg(c)}/meetings/${seg(m)}/thirty-five`, req)).game,
      latest: async (c, m) => (await call<{ game: GameRecordView | null }>('GET', `/api/communities/${seg(c)}/meetings/${seg(m)}/thirty-five`)).game,
      deal: async (c, g, cards) => (await call<{ game: GameRecordView }>('POST', `/api/communities/${seg(c)}/thirty-five/${seg(g)}/deal`, { cards })).game,
      redeal: async (c, g, req) => (await call<{ game: GameRecordView }>('POST', `/api/communities/${seg(c)}/thirty-five/${seg(g)}/redeal`, req)).game,
      checkpoint: async (c, g, req) => (await call<{ game: GameRecordView }>('POST', `/api/communities/${seg(c)}/thirty-five/${seg(g)}/checkpoint`, req)).game,
      commit: (c, g, req) => call('POST', `/api/communities/${seg(c)}/thirty-five/${seg(g)}/commit`, req),
    },
    backlog: {
      get: (c, t) => call('GET', `/api/communities/${seg(c)}/topics/${seg(t)}`),
      edit: (c, t, req) => call('PATCH', `/api/communities/${seg(c)}/topics/${seg(t)}`, req),
      move: async (c, t, position) => (await call<{ changed: Topic[] }>('PUT', `/api/communities/${seg(c)}/topics/${seg(t)}/position`, { position })).changed,
      merge: async (c, req) => (await call<{ changed: Topic[] }>('POST', `/api/communities/${seg(c)}/topics/merge`, req)).changed,
      archive: async (c, t) => (await call<{ changed: Topic[] }>('POST', `/api/communities/${seg(c)}/topics/${seg(t)}/archive`, {})).changed,
      restore: async (c, t) => (await call<{ changed: Topic[] }>('POST', `/api/communities/${seg(c)}/topics/${seg(t)}/restore`, {})).changed,
      volunteerOwner: async (c, t) => (await call<{ topic: Topic }>('PUT', `/api/communities/${seg(c)}/topics/${seg(t)}/owner`, {})).topic,
      clearOwner: async (c, t) => (await call<{ topic: Topic }>('DELETE', `/api/communities/${seg(c)}/topics/${seg(t)}/owner`)).topic,
    },
    sessions: {
      list: async (c, f = {}) => {
        const q = new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => typeof e[1] === 'string')).toString();
        return (await call<{ sessions: Session[] }>('GET', `/api/communities/${seg(c)}/sessions${q ? `?${q}` : ''}`)).sessions;
      },
      schedule: (c, req) => call('POST', `/api/communities/${seg(c)}/sessions`, req),
      get: (c, sid) => call('GET', `/api/communities/${seg(c)}/sessions/${seg(sid)}`),
      plan: async (c) => (await call<{ plan: SessionPlan }>('GET', `/api/communities/${seg(c)}/session-plan`)).plan,
      changeRotation: async (c, change) => (await call<{ rotation: FacilitatorRotation }>('POST', `/api/communities/${seg(c)}/rotation`, change)).rotation,
      editAgenda: (c, sid, req) => call('PUT', `/api/communities/${seg(c)}/sessions/${seg(sid)}/agenda`, req),
      outcomes: (c, sid) => call('GET', `/api/communities/${seg(c)}/sessions/${seg(sid)}/outcomes`),
      saveNotes: (c, sid, req) => call('PUT', `/api/communities/${seg(c)}/sessions/${seg(sid)}/notes`, req),
      annotate: async (c, sid, req) => (await call<{ annotation: Annotation }>('POST', `/api/communities/${seg(c)}/sessions/${seg(sid)}/annotations`, req)).annotation,
      addTakeaway: async (c, sid, req) => (await call<{ takeaway: Takeaway }>('POST', `/api/communities/${seg(c)}/sessions/${seg(sid)}/takeaways`, req)).takeaway,
      giveFeedback: async (c, sid, score) => (await call<{ feedback: FeedbackSummary }>('POST', `/api/communities/${seg(c)}/sessions/${seg(sid)}/feedback`, { score })).feedback,
      close: (c, sid, req) => call('POST', `/api/communities/${seg(c)}/sessions/${seg(sid)}/close`, req),
      publish: (c, sid) => call('POST', `/api/communities/${seg(c)}/sessions/${seg(sid)}/publish`, {}),
      exportMarkdown: (c, sid) => call('GET', `/api/communities/${seg(c)}/sessions/${seg(sid)}/export.md`, undefined, true, 'text'),
      search: async (c, q) => (await call<{ hits: SearchHit[] }>('GET', `/api/communities/${seg(c)}/search?q=${seg(q)}`)).hits,
    },
    actions: {
      create: async (c, req) => (await call<{ action: ActionItem }>('POST', `/api/communities/${seg(c)}/actions`, req)).action,
      listOpen: async (c, owner) => (await call<{ actions: ActionItem[] }>('GET', `/api/communities/${seg(c)}/actions${owner ? `?owner=${seg(owner)}` : ''}`)).actions,
      setStatus: (c, aid, req) => call('PATCH', `/api/communities/${seg(c)}/actions/${seg(aid)}`, req),
    },
    devSetup: (participants) => call('GET', `/api/dev/setup?participants=${seg(String(participants))}`, undefined, false),
  };
}
