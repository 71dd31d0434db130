import { markTopicsDiscussed } from '../../domain/backlog';
import type { Principal } from '../../domain/identity';
import {
  addVote,
  checkDueDate,
  checkTakeawayTopic,
  OUTCOME_LIMITS,
  summariseFeedback,
  type ActionItem,
  type FeedbackSummary,
  type FeedbackTally,
  type Takeaway,
} from '../../domain/outcomes';
import { fail, ok, type Result } from '../../domain/result';
import type { Session, SessionBreakout } from '../../domain/session';
import { BREAKOUT_LIMITS, breakoutsOf, mergeBreakouts, RUN_LIMITS } from '../../domain/session-run';
import type { AppDeps } from '../deps';
import { checkMembers, facilitatesSession, findSession } from '../facilitation';
import type { Versioned } from '../ports';
import { requireMember } from '../access';
import { applyToTopics } from '../topic-writes';
import { updateVersioned } from '../update-versioned';

export interface CloseSessionInput {
  readonly communityId: string;
  readonly sessionId: string;
  /** The caller's id for this close: the same id again returns the same result and writes nothing twice. */
  readonly requestId: string;
  readonly attendees: readonly string[];
  readonly takeaways: readonly {
    readonly topicId: string | null;
    readonly text: string;
    /** Defaults to the caller. */
    readonly authorId?: string;
    readonly action?: { readonly text?: string; readonly ownerId: string; readonly dueDate: string };
  }[];
  /** Votes collected during the session (one per person; a person who already voted is not counted again). */
  readonly feedback: readonly { readonly userId: string; readonly score: number }[];
  /**
   * The breakout groups with their notes as the meeting shows them. Kept on the session, together
   * with any note the saved run of show holds that these lack.
   */
  readonly breakouts?: readonly SessionBreakout[];
}

export interface SessionOutcome {
  readonly session: Session;
  readonly takeaways: readonly Takeaway[];
  readonly actions: readonly ActionItem[];
  readonly feedback: FeedbackSummary;
}

/**
 * The facilitator closes a session in one idempotent step: takeaways, their actions, attendance and
 * feedback are recorded, the topics become discussed (the session appended to their history) and the
 * session is marked held, last, with its breakout groups and their notes (sent and saved ones). Everything is validated before the first write.
 *
 * Idempotence: takeaways and actions get ids derived from the request id, so a retry after a partial
 * failure re-creates nothing; feedback markers make votes count once; topics are already discussed;
 * the session records the request id that closed it, and the same id again returns the stored outcome.
 * A different request id on a held session is a CONFLICT.
 *
 * Round trips, first call: 2 reads (access) + 1 read (session) + 1 query (members) + 1 query (topics)
 * + 1 read (saved run) + n creates (takeaways) + m creates (actions) + (1 read + 1 write) feedback + applyToTopics
 * (1 query + k replaces) + 1 replace (session) + 3 reads/queries for the outcome (takeaways, actions,
 * feedback). A repeated call: 2 + 1 + those 3.
 */
export async function closeSession(
  deps: AppDeps,
  who: Principal,
  input: CloseSessionInput,
): Promise<Result<SessionOutcome>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const found = await findSession(deps, input.communityId, input.sessionId);
  if (!found.ok) return found;
  const session = found.value.value;
  if (!facilitatesSession(access.value, session))
    return fail('FORBIDDEN', "Only this session's facilitator (or a facilitator or champion) can close it.");
  if (session.closed) return sameOrConflict(deps, session, input.requestId);

  const valid = await validate(deps, who, session, input);
  if (!valid.ok) return valid;
  const savedRun = await deps.store.sessionRuns.get(input.communityId, input.sessionId);
  const breakouts = mergeBreakouts(input.breakouts ?? [], savedRun ? breakoutsOf(savedRun.value.run) : []);

  const now = deps.clock.now().toISOString();
  for (const [i, t] of input.takeaways.entries()) {
    const takeaway: Takeaway = {
      id: `${input.requestId}.t${String(i + 1).padStart(2, '0')}`,
      communityId: input.communityId,
      sessionId: session.id,
      topicId: t.topicId,
      text: t.text.trim(),
      authorId: t.authorId ?? who.userId,
      createdAt: now,
    };
    const created = await createOnce(
      deps.store.takeaways.create(takeaway),
      () => deps.store.takeaways.get(input.communityId, takeaway.id),
      session.id,
    );
    if (!created.ok) return created;
    if (t.action) {
      const action: ActionItem = {
        id: `${input.requestId}.a${String(i + 1).padStart(2, '0')}`,
        communityId: input.communityId,
        sessionId: session.id,
        takeawayId: takeaway.id,
        text: (t.action.text ?? t.text).trim(),
        ownerId: t.action.ownerId,
        dueDate: t.action.dueDate,
        status: 'open',
        createdBy: who.userId,
        createdAt: now,
        updatedAt: now,
      };
      const made = await createOnce(
        deps.store.actions.create(action),
        () => deps.store.actions.get(input.communityId, action.id),
        session.id,
      );
      if (!made.ok) return made;
    }
  }

  if (input.feedback.length) {
    const voted = await recordVotes(deps, session, input.feedback);
    if (!voted.ok) return voted;
  }

  if (session.topicIds.length) {
    const discussed = await applyToTopics(deps, input.communityId, (topics) =>
      markTopicsDiscussed(topics, session.topicIds, session.id),
    );
    if (!discussed.ok) return discussed;
  }

  const closed = await updateVersioned<Session>(
    {
      read: () => deps.store.sessions.get(input.communityId, input.sessionId),
      write: (s, etag) => (etag === undefined ? deps.store.sessions.create(s) : deps.store.sessions.update(s, etag)),
    },
    (current) => {
      if (!current) return fail('SESSION_NOT_FOUND', 'That session is not in this community.');
      if (current.value.closed) {
        if (current.value.closed.requestId === input.requestId) return ok('unchanged');
        return fail('CONFLICT', 'This session is already closed.');
      }
      const closing = { requestId: input.requestId, by: who.userId, at: now };
      const attendees = [...new Set(input.attendees)];
      return ok<Session>({
        ...current.value,
        state: 'held',
        attendees,
        ...(breakouts.length ? { breakouts } : {}),
        closed: closing,
      });
    },
    { first: found.value, busy: 'The session is being changed right now; try again with the same request id.' },
  );
  return closed.ok ? outcomeOf(deps, closed.value.value) : closed;
}

async function validate(
  deps: AppDeps,
  who: Principal,
  session: Session,
  input: CloseSessionInput,
): Promise<Result<void>> {
  if (input.takeaways.length > OUTCOME_LIMITS.perClose || input.feedback.length > OUTCOME_LIMITS.perClose * 2) {
    return fail('VALIDATION_FAILED', 'Too many takeaways or votes in one close.');
  }
  const people = [...input.attendees, ...input.feedback.map((f) => f.userId)];
  for (const t of input.takeaways) {
    const topic = checkTakeawayTopic(session, t.topicId);
    if (!topic.ok) return topic;
    if (!t.text.trim() || t.text.trim().length > OUTCOME_LIMITS.takeaway) {
      return fail('VALIDATION_FAILED', `A takeaway needs a text of 1 to ${OUTCOME_LIMITS.takeaway} characters.`, [
        { path: 'takeaways.text', message: 'empty or too long' },
      ]);
    }
    if (t.authorId) people.push(t.authorId);
    if (t.action) {
      const due = checkDueDate(t.action.dueDate, deps.clock.now());
      if (!due.ok) return due;
      people.push(t.action.ownerId);
    }
  }
  const breakouts = input.breakouts ?? [];
  if (
    breakouts.length > BREAKOUT_LIMITS.maxGroups ||
    new Set(breakouts.map((b) => b.index)).size !== breakouts.length
  ) {
    return fail('VALIDATION_FAILED', `Breakouts are at most ${BREAKOUT_LIMITS.maxGroups} groups, each once.`, [
      { path: 'breakouts', message: 'too many or repeated' },
    ]);
  }
  if (breakouts.some((b) => b.notes.some((n) => !n.text.trim() || n.text.length > RUN_LIMITS.groupNote))) {
    return fail('VALIDATION_FAILED', `A group note has 1 to ${RUN_LIMITS.groupNote} characters.`, [
      { path: 'breakouts.notes.text', message: 'empty or too long' },
    ]);
  }
  if (new Set(input.feedback.map((f) => f.userId)).size !== input.feedback.length) {
    return fail('VALIDATION_FAILED', 'One vote per person.', [
      { path: 'feedback', message: 'a person is listed twice' },
    ]);
  }
  for (const f of input.feedback) {
    const score = addVote({ communityId: '', sessionId: '', values: [], markers: [] }, 'x', f.score);
    if (!score.ok) return score;
  }
  const members = await checkMembers(deps, session.communityId, [who.userId, ...people], 'people');
  if (!members.ok) return members;
  // Dry run of the topic change, so nothing is written when a topic cannot become discussed.
  const topics = (await deps.store.topics.listByCommunity(session.communityId)).map((t) => t.value);
  const discussed = markTopicsDiscussed(topics, session.topicIds, session.id);
  return discussed.ok ? ok(undefined) : discussed;
}

/** Create, or accept the record a previous attempt of the same request already wrote (for this session). */
async function createOnce<T extends { sessionId: string }>(
  creating: Promise<Result<Versioned<T>>>,
  reread: () => Promise<Versioned<T> | undefined>,
  sessionId: string,
): Promise<Result<void>> {
  const created = await creating;
  if (created.ok) return ok(undefined);
  if (created.error.code !== 'CONFLICT') return created;
  const existing = await reread();
  if (existing && existing.value.sessionId === sessionId) return ok(undefined);
  return fail('CONFLICT', 'This request id was already used for another session; use a new one.');
}

async function recordVotes(
  deps: AppDeps,
  session: Session,
  votes: CloseSessionInput['feedback'],
): Promise<Result<void>> {
  const { communityId, id: sessionId } = session;
  const recorded = await updateVersioned(
    {
      read: () => deps.store.feedback.get(communityId, sessionId),
      write: (tally, etag) => deps.store.feedback.put(tally, etag),
    },
    (stored) => {
      let tally: FeedbackTally = stored?.value ?? { communityId, sessionId, values: [], markers: [] };
      let counted = false;
      for (const v of votes) {
        const added = addVote(tally, deps.store.feedback.markerFor(communityId, sessionId, v.userId), v.score);
        if (!added.ok) return added;
        tally = added.value.tally;
        counted ||= added.value.counted;
      }
      return counted || !stored ? ok(tally) : ok('unchanged');
    },
    { busy: 'Many people are voting right now; try again with the same request id.' },
  );
  return recorded.ok ? ok(undefined) : recorded;
}

async function sameOrConflict(deps: AppDeps, session: Session, requestId: string): Promise<Result<SessionOutcome>> {
  if (session.closed?.requestId !== requestId) return fail('CONFLICT', 'This session is already closed.');
  return outcomeOf(deps, session);
}

async function outcomeOf(deps: AppDeps, session: Session): Promise<Result<SessionOutcome>> {
  const [takeaways, actions, tally] = await Promise.all([
    deps.store.takeaways.listBySession(session.communityId, session.id),
    deps.store.actions.listBySession(session.communityId, session.id),
    deps.store.feedback.get(session.communityId, session.id),
  ]);
  return ok({ session, takeaways, actions, feedback: summariseFeedback(tally?.value.values ?? []) });
}
