/**
 * The steps of a working session's run of show. Whatever becomes part of the record goes to the
 * server first (it checks the role and the rules again) and reaches the live meeting only when the
 * server agreed: scheduling a session now, each vote, the close. Steps that only change what people
 * see (phases, timers, groups, notes, curation) are live edits, checked by the live layer's rules
 * (docs/adr/0008-live-game-authority.md); the facilitator's client saves the run to the record
 * (useRunAutosave) and a lost container resumes from it. Every step returns a ClientResult: a
 * refusal (ACTION_REFUSED from the tab, STEP_REFUSED from the live rules, the server's code) is a
 * value the step runner shows; only bugs throw. Free of React and Fluent, so the flow is unit
 * tested with stubs.
 */
import { checkDueDate, OUTCOME_LIMITS, type FeedbackSummary } from '../../../domain/outcomes';
import type { Topic } from '../../../domain/backlog';
import type { Session } from '../../../domain/session';
import {
  BREAKOUT_LIMITS,
  DEFAULT_TIMEBOX,
  checkAdvance,
  checkBreakoutMinutes,
  iceBreakerForSession,
  type LiveBreakoutGroup,
  type SessionPhase,
  type SavedSessionRun,
  type SessionRunState,
  savedRunOf,
} from '../../../domain/session-run';
import { clientFail, clientOk, type ClientResult } from '../../../live/client-result';
import type { LiveSessionRun, MeetingSnapshot } from '../../../live/live-meeting';
import type { ApiClient, SavedRunView, SessionOutcomeView } from '../../api-client';
import { apiResult } from '../../api-result';
import {
  closeRequest,
  heldCount,
  sessionOwnerName,
  sessionTopicTitle,
  topPrioritised,
  upcomingSessions,
  type NameOf,
} from './session-view';

export interface SessionControllerDeps {
  readonly api: {
    readonly sessions: Pick<
      ApiClient['sessions'],
      'list' | 'schedule' | 'get' | 'outcomes' | 'giveFeedback' | 'close' | 'saveRun' | 'resumableRun'
    >;
    readonly backlog: Pick<ApiClient['backlog'], 'volunteerOwner'>;
    readonly listTopics: ApiClient['listTopics'];
  };
  readonly live: LiveSessionRun;
  readonly communityId: string;
  readonly now?: () => Date;
}

/** What the facilitator chooses from to start a run. */
export interface StartOptions {
  readonly upcoming: readonly Session[];
  readonly held: number;
  readonly topics: readonly Topic[];
  /** The top of the prioritised backlog: what "Schedule one now" takes. */
  readonly top: Topic | undefined;
}

export type StartChoice =
  | { readonly kind: 'scheduled'; readonly sessionId: string }
  | { readonly kind: 'now'; readonly requestId: string };

/** Minutes before a session scheduled "now" starts. */
export const SCHEDULE_NOW_LEAD_MINUTES = 2;
export const CHECK_IN_MINUTES = 5;

const refuse = <T = never>(message: string): ClientResult<T> => clientFail('ACTION_REFUSED', message);

export interface SessionController {
  /** 2 calls: the community's sessions and its topics. */
  loadStartOptions(): Promise<ClientResult<StartOptions>>;
  /** 0 calls (or 1: schedule now) + 1 live edit. Returns the session started. */
  start(
    options: StartOptions,
    choice: StartChoice,
    ctx: { me: string; nameOf: NameOf },
  ): Promise<ClientResult<Session>>;
  /** 1 call: the meeting's saved run whose session is still open (a lost container), or null. */
  findResumable(meetingId: string): Promise<ClientResult<SavedSessionRun | null>>;
  /** 1 live edit: the run as the record saved it. */
  resume(saved: SavedSessionRun): ClientResult<void>;
  /** 1 call: the run as this meeting shows it goes to the record (facilitator). Nothing to save once closed. */
  save(run: SessionRunState, meetingId: string): Promise<ClientResult<SavedRunView | undefined>>;
  /** The next phase, with its default timebox as the timer. 1 live edit. */
  moveOn(run: SessionRunState, to: SessionPhase, minutes?: number): ClientResult<void>;
  /** Restart the current phase's timer (0 removes it). 1 live edit. */
  setTimer(minutes: number): ClientResult<void>;
  /** The previewed groups go live and the breakouts start. 2 live edits. */
  startBreakouts(run: SessionRunState, groups: readonly LiveBreakoutGroup[], minutes: number): ClientResult<void>;
  moveMember(run: SessionRunState, userId: string, toGroup: number): ClientResult<void>;
  /** Someone who joined after the groups were formed goes into one. 1 live edit. */
  addToGroup(run: SessionRunState, userId: string, toGroup: number): ClientResult<void>;
  addNote(text: string): ClientResult<void>;
  addTakeaway(text: string): ClientResult<string>;
  editTakeaway(id: string, text: string): ClientResult<void>;
  mergeTakeaway(id: string, into: string | undefined): ClientResult<void>;
  setAction(id: string, action: { ownerId: string; dueDate: string } | undefined): ClientResult<void>;
  /** 1 call (the anonymous vote) then 1 live edit (the mark that I voted). */
  vote(run: SessionRunState, score: number): Promise<ClientResult<FeedbackSummary | undefined>>;
  closeVoting(run: SessionRunState): ClientResult<void>;
  /** 2 calls (the session's topic, the close) then 1 live edit. Retrying is safe (same request id). */
  close(
    run: SessionRunState,
    snapshot: Pick<MeetingSnapshot, 'present' | 'checkIns'>,
    memberIds: readonly string[],
  ): Promise<ClientResult<SessionOutcomeView>>;
  /** 1 call. */
  feedback(sessionId: string): Promise<ClientResult<FeedbackSummary>>;
  /** 1 call: the top of the prioritised backlog, for "who volunteers to own the next topic?". */
  nextTopic(): Promise<ClientResult<Topic | undefined>>;
  /** 1 call. */
  volunteer(topicId: string): Promise<ClientResult<Topic>>;
}

export function createSessionController({
  api,
  live,
  communityId,
  now = () => new Date(),
}: SessionControllerDeps): SessionController {
  return {
    async loadStartOptions() {
      const loaded = await apiResult(Promise.all([api.sessions.list(communityId), api.listTopics(communityId)]));
      if (!loaded.ok) return loaded;
      const [sessions, topics] = loaded.value;
      return clientOk({
        upcoming: upcomingSessions(sessions, now()),
        held: heldCount(sessions),
        topics,
        top: topPrioritised(topics),
      });
    },

    async start(options, choice, { me, nameOf }) {
      let session: Session;
      if (choice.kind === 'scheduled') {
        const found = options.upcoming.find((s) => s.id === choice.sessionId);
        if (!found) return refuse('Choose one of the upcoming sessions.');
        session = found;
      } else {
        if (!options.top)
          return refuse('A deep dive needs a topic: prioritise one in the backlog first (or run Thirty Five).');
        const startsAt = new Date(now().getTime() + SCHEDULE_NOW_LEAD_MINUTES * 60_000).toISOString();
        const scheduled = await apiResult(
          api.sessions.schedule(communityId, {
            details: { type: 'deep-dive' },
            startsAt,
            topicIds: [options.top.id],
            facilitatorId: me,
            requestId: choice.requestId,
          }),
        );
        if (!scheduled.ok) return scheduled;
        session = scheduled.value.session;
      }
      // The topic as it was when listed (scheduling moves it to `scheduled`; its title and owner stay).
      const title = sessionTopicTitle(session, options.topics);
      const ownerName = sessionOwnerName(session, options.topics, nameOf);
      const started = live.start({
        sessionId: session.id,
        iceBreakerId: iceBreakerForSession(communityId, options.held).id,
        topicTitle: title,
        ...(ownerName ? { ownerName } : {}),
        minutes: CHECK_IN_MINUTES,
      });
      return started.ok ? clientOk(session) : started;
    },

    findResumable: (meetingId) => apiResult(api.sessions.resumableRun(communityId, meetingId)),

    resume(saved) {
      if (saved.communityId !== communityId) return refuse('That run belongs to another community.');
      return live.resume(saved.sessionId, saved.run);
    },

    async save(run, meetingId) {
      const saved = savedRunOf(run);
      if (!saved) return clientOk(undefined);
      return apiResult(api.sessions.saveRun(communityId, run.sessionId, { meetingId, run: saved }));
    },

    moveOn(run, to, minutes) {
      const allowed = checkAdvance(run.phase, to);
      if (!allowed.ok) return refuse(allowed.error.message);
      if (to === 'breakouts') return refuse('Form the groups and start the breakouts from the deep dive.');
      if (to === 'closed')
        return refuse('Close the session with "Close the session": it keeps the takeaways in the record.');
      return live.advance(to, { minutes: minutes ?? DEFAULT_TIMEBOX[to] });
    },

    setTimer: (minutes) => live.setTimer(minutes),

    startBreakouts(run, groups, minutes) {
      if (run.phase !== 'deep-dive') return refuse('Breakouts start from the deep dive.');
      if (groups.length < BREAKOUT_LIMITS.minGroups) return refuse('Form the breakout groups first.');
      const m = checkBreakoutMinutes(minutes);
      if (!m.ok) return refuse(m.error.message);
      if (groups.some((g) => g.members.length === 0))
        return refuse('A group has nobody in it: move someone there first.');
      const set = live.setGroups(groups);
      return set.ok ? live.advance('breakouts', { minutes }) : set;
    },

    moveMember(run, userId, toGroup) {
      if (run.phase !== 'breakouts' && run.phase !== 'deep-dive')
        return refuse('People are moved between groups during the breakouts.');
      return live.moveMember(userId, toGroup);
    },

    addToGroup(run, userId, toGroup) {
      if (run.groups.some((g) => g.members.includes(userId)))
        return refuse('That person is already in a group: move them instead.');
      if (!run.groups.some((g) => g.index === toGroup)) return refuse(`There is no group ${toGroup + 1}.`);
      return live.setGroups(
        run.groups.map((g) => (g.index === toGroup ? { ...g, members: [...g.members, userId].sort() } : g)),
      );
    },

    addNote: (text) => live.addGroupNote(text),
    addTakeaway: (text) => live.addTakeaway(text),
    editTakeaway: (id, text) => live.editTakeaway(id, text),
    mergeTakeaway: (id, into) => live.mergeTakeaway(id, into),

    setAction(id, action) {
      if (action) {
        if (!action.ownerId) return refuse('Choose who owns the action.');
        const due = checkDueDate(action.dueDate, now());
        if (!due.ok)
          return refuse(
            due.error.message === 'dueDate must be a date like 2026-12-31.' ? 'Pick a due date.' : due.error.message,
          );
      }
      return live.setAction(id, action);
    },

    async vote(run, score) {
      if (run.phase !== 'feedback') return refuse('Voting opens at the end of the session.');
      if (!Number.isInteger(score) || score < 1 || score > 5) return refuse('Pick a score from 1 to 5.');
      const sent = await apiResult(api.sessions.giveFeedback(communityId, run.sessionId, score));
      // The record already holds my vote (e.g. a retry after the live mark failed): mark it live too.
      if (!sent.ok && sent.error.code !== 'ALREADY_VOTED') return sent;
      const marked = live.markVoted();
      return marked.ok ? clientOk(sent.ok ? sent.value : undefined) : marked;
    },

    closeVoting(run) {
      if (run.phase !== 'feedback') return refuse('Voting is not open.');
      return live.closeFeedback();
    },

    async close(run, snapshot, memberIds) {
      if (run.closed) return refuse('The session is already closed.');
      const req0 = closeRequest({ run, snapshot, topicId: null, memberIds });
      if (req0.takeaways.length > OUTCOME_LIMITS.perClose) {
        return refuse(
          `At most ${OUTCOME_LIMITS.perClose} takeaways can be kept from one session (${req0.takeaways.length} on the wall): merge some first.`,
        );
      }
      const got = await apiResult(api.sessions.get(communityId, run.sessionId));
      if (!got.ok) return got;
      const topicId = got.value.session.topicIds[0] ?? null;
      const req = { ...req0, takeaways: req0.takeaways.map((t) => ({ ...t, topicId })) };
      const outcome = await apiResult(api.sessions.close(communityId, run.sessionId, req));
      if (!outcome.ok) return outcome;
      const marked = live.markClosed();
      return marked.ok ? outcome : marked;
    },

    feedback: async (sessionId) => {
      const got = await apiResult(api.sessions.outcomes(communityId, sessionId));
      return got.ok ? clientOk(got.value.feedback) : got;
    },

    nextTopic: async () => {
      const topics = await apiResult(api.listTopics(communityId));
      return topics.ok ? clientOk(topPrioritised(topics.value)) : topics;
    },

    volunteer: (topicId) => apiResult(api.backlog.volunteerOwner(communityId, topicId)),
  };
}
