/**
 * The steps of a working session's run of show. Whatever becomes part of the record goes to the
 * server first (it checks the role and the rules again) and reaches the live meeting only when the
 * server agreed: scheduling a session now, each vote, the close. Steps that only change what people
 * see (phases, timers, groups, notes, curation) are live edits, checked by the live layer's rules
 * (docs/adr/0008-live-game-authority.md). Free of React and Fluent, so the flow is unit tested with stubs.
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
  type SessionRunState,
} from '../../../domain/session-run';
import type { LiveSessionRun, MeetingSnapshot } from '../../../live/live-meeting';
import type { ApiClient, SessionOutcomeView } from '../../api-client';
import { isApiError } from '../../api-client';
import { closeRequest, heldCount, sessionOwnerName, sessionTopicTitle, topPrioritised, upcomingSessions, type NameOf } from './session-view';

/** A step the tab itself refuses before asking anyone (the message says why, for the user). */
export class SessionActionRefusedError extends Error {
  readonly code = 'SESSION_ACTION_REFUSED' as const;
  override readonly name = 'SessionActionRefusedError';
}

export interface SessionControllerDeps {
  readonly api: {
    readonly sessions: Pick<ApiClient['sessions'], 'list' | 'schedule' | 'get' | 'outcomes' | 'giveFeedback' | 'close'>;
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

export type StartChoice = { readonly kind: 'scheduled'; readonly sessionId: string } | { readonly kind: 'now'; readonly requestId: string };

/** Minutes before a session scheduled "now" starts. */
export const SCHEDULE_NOW_LEAD_MINUTES = 2;
export const CHECK_IN_MINUTES = 5;

export interface SessionController {
  /** 2 calls: the community's sessions and its topics. */
  loadStartOptions(): Promise<StartOptions>;
  /** 0 calls (or 1: schedule now) + 1 live edit. Returns the session started. */
  start(options: StartOptions, choice: StartChoice, ctx: { me: string; nameOf: NameOf }): Promise<Session>;
  /** The next phase, with its default timebox as the timer. 1 live edit. */
  moveOn(run: SessionRunState, to: SessionPhase, minutes?: number): void;
  /** Restart the current phase's timer (0 removes it). 1 live edit. */
  setTimer(minutes: number): void;
  /** The previewed groups go live and the breakouts start. 2 live edits. */
  startBreakouts(run: SessionRunState, groups: readonly LiveBreakoutGroup[], minutes: number): void;
  moveMember(run: SessionRunState, userId: string, toGroup: number): void;
  /** Someone who joined after the groups were formed goes into one. 1 live edit. */
  addToGroup(run: SessionRunState, userId: string, toGroup: number): void;
  addNote(text: string): void;
  addTakeaway(text: string): string;
  editTakeaway(id: string, text: string): void;
  mergeTakeaway(id: string, into: string | undefined): void;
  setAction(id: string, action: { ownerId: string; dueDate: string } | undefined): void;
  /** 1 call (the anonymous vote) then 1 live edit (the mark that I voted). */
  vote(run: SessionRunState, score: number): Promise<FeedbackSummary | undefined>;
  closeVoting(run: SessionRunState): void;
  /** 2 calls (the session's topic, the close) then 1 live edit. Retrying is safe (same request id). */
  close(run: SessionRunState, snapshot: Pick<MeetingSnapshot, 'present' | 'checkIns'>, memberIds: readonly string[]): Promise<SessionOutcomeView>;
  /** 1 call. */
  feedback(sessionId: string): Promise<FeedbackSummary>;
  /** 1 call: the top of the prioritised backlog, for "who volunteers to own the next topic?". */
  nextTopic(): Promise<Topic | undefined>;
  /** 1 call. */
  volunteer(topicId: string): Promise<Topic>;
}

export function createSessionController({ api, live, communityId, now = () => new Date() }: SessionControllerDeps): SessionController {
  return {
    async loadStartOptions() {
      const [sessions, topics] = await Promise.all([api.sessions.list(communityId), api.listTopics(communityId)]);
      return { upcoming: upcomingSessions(sessions, now()), held: heldCount(sessions), topics, top: topPrioritised(topics) };
    },

    async start(options, choice, { me, nameOf }) {
      let session: Session;
      if (choice.kind === 'scheduled') {
        const found = options.upcoming.find((s) => s.id === choice.sessionId);
        if (!found) throw new SessionActionRefusedError('Choose one of the upcoming sessions.');
        session = found;
      } else {
        if (!options.top) throw new SessionActionRefusedError('A deep dive needs a topic: prioritise one in the backlog first (or run Thirty Five).');
        const startsAt = new Date(now().getTime() + SCHEDULE_NOW_LEAD_MINUTES * 60_000).toISOString();
        session = (
          await api.sessions.schedule(communityId, {
            details: { type: 'deep-dive' },
            startsAt,
            topicIds: [options.top.id],
            facilitatorId: me,
            requestId: choice.requestId,
          })
        ).session;
      }
      // The topic as it was when listed (scheduling moves it to `scheduled`; its title and owner stay).
      const title = sessionTopicTitle(session, options.topics);
      const ownerName = sessionOwnerName(session, options.topics, nameOf);
      live.start({
        sessionId: session.id,
        iceBreakerId: iceBreakerForSession(communityId, options.held).id,
        topicTitle: title,
        ...(ownerName ? { ownerName } : {}),
        minutes: CHECK_IN_MINUTES,
      });
      return session;
    },

    moveOn(run, to, minutes) {
      const allowed = checkAdvance(run.phase, to);
      if (!allowed.ok) throw new SessionActionRefusedError(allowed.error.message);
      if (to === 'breakouts') throw new SessionActionRefusedError('Form the groups and start the breakouts from the deep dive.');
      if (to === 'closed') throw new SessionActionRefusedError('Close the session with "Close the session": it keeps the takeaways in the record.');
      live.advance(to, { minutes: minutes ?? DEFAULT_TIMEBOX[to] });
    },

    setTimer(minutes) {
      live.setTimer(minutes);
    },

    startBreakouts(run, groups, minutes) {
      if (run.phase !== 'deep-dive') throw new SessionActionRefusedError('Breakouts start from the deep dive.');
      if (groups.length < BREAKOUT_LIMITS.minGroups) throw new SessionActionRefusedError('Form the breakout groups first.');
      const m = checkBreakoutMinutes(minutes);
      if (!m.ok) throw new SessionActionRefusedError(m.error.message);
      if (groups.some((g) => g.members.length === 0)) throw new SessionActionRefusedError('A group has nobody in it: move someone there first.');
      live.setGroups(groups);
      live.advance('breakouts', { minutes });
    },

    moveMember(run, userId, toGroup) {
      if (run.phase !== 'breakouts' && run.phase !== 'deep-dive') throw new SessionActionRefusedError('People are moved between groups during the breakouts.');
      live.moveMember(userId, toGroup);
    },

    addToGroup(run, userId, toGroup) {
      if (run.groups.some((g) => g.members.includes(userId))) throw new SessionActionRefusedError('That person is already in a group: move them instead.');
      if (!run.groups.some((g) => g.index === toGroup)) throw new SessionActionRefusedError(`There is no group ${toGroup + 1}.`);
      live.setGroups(run.groups.map((g) => (g.index === toGroup ? { ...g, members: [...g.members, userId].sort() } : g)));
    },

    addNote: (text) => live.addGroupNote(text),
    addTakeaway: (text) => live.addTakeaway(text),
    editTakeaway: (id, text) => live.editTakeaway(id, text),
    mergeTakeaway: (id, into) => live.mergeTakeaway(id, into),

    setAction(id, action) {
      if (action) {
        if (!action.ownerId) throw new SessionActionRefusedError('Choose who owns the action.');
        const due = checkDueDate(action.dueDate, now());
        if (!due.ok) throw new SessionActionRefusedError(due.error.message === 'dueDate must be a date like 2026-12-31.' ? 'Pick a due date.' : due.error.message);
      }
      live.setAction(id, action);
    },

    async vote(run, score) {
      if (run.phase !== 'feedback') throw new SessionActionRefusedError('Voting opens at the end of the session.');
      if (!Number.isInteger(score) || score < 1 || score > 5) throw new SessionActionRefusedError('Pick a score from 1 to 5.');
      let summary: FeedbackSummary | undefined;
      try {
        summary = await api.sessions.giveFeedback(communityId, run.sessionId, score);
      } catch (e) {
        // The record already holds my vote (e.g. a retry after the live mark failed): mark it live too.
        if (!isApiError(e, 'ALREADY_VOTED')) throw e;
      }
      live.markVoted();
      return summary;
    },

    closeVoting(run) {
      if (run.phase !== 'feedback') throw new SessionActionRefusedError('Voting is not open.');
      live.closeFeedback();
    },

    async close(run, snapshot, memberIds) {
      if (run.closed) throw new SessionActionRefusedError('The session is already closed.');
      const req0 = closeRequest({ run, snapshot, topicId: null, memberIds });
      if (req0.takeaways.length > OUTCOME_LIMITS.perClose) {
        throw new SessionActionRefusedError(`At most ${OUTCOME_LIMITS.perClose} takeaways can be kept from one session (${req0.takeaways.length} on the wall): merge some first.`);
      }
      const { session } = await api.sessions.get(communityId, run.sessionId);
      const req = { ...req0, takeaways: req0.takeaways.map((t) => ({ ...t, topicId: session.topicIds[0] ?? null })) };
      const outcome = await api.sessions.close(communityId, run.sessionId, req);
      live.markClosed();
      return outcome;
    },

    feedback: async (sessionId) => (await api.sessions.outcomes(communityId, sessionId)).feedback,

    nextTopic: async () => topPrioritised(await api.listTopics(communityId)),

    volunteer: (topicId) => api.backlog.volunteerOwner(communityId, topicId),
  };
}
