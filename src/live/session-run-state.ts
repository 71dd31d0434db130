/**
 * A working session in the meeting tree: the tree -> the domain's SessionRunState, and every edit,
 * each one transaction, each checked first with the pure rules (src/domain/session-run). People add
 * only their own entries (group notes, takeaways, vote marks); the facilitator sets the phase,
 * timers and groups and curates takeaways (docs/adr/0008). Unit tested on an independent tree view.
 */
import { Tree } from 'fluid-framework';
import type { Result } from '../domain/result';
import {
  BREAKOUT_LIMITS,
  checkAdvance,
  checkBreakoutMinutes,
  checkRunText,
  moveToGroup,
  RUN_LIMITS,
  SESSION_PHASES,
  type LiveBreakoutGroup,
  type SessionPhase,
  type SessionRunState,
} from '../domain/session-run';
import type { LiveUser } from './live-meeting';
import { BreakoutGroupEntry, BreakoutGroups, GroupNoteEntry, GroupNotes, SessionRun, TakeawayEntry, Takeaways, VoteMarks, type Meeting } from './meeting-schema';

/** An edit the rules refuse: the tree is unchanged. */
export class SessionStepRejectedError extends Error {
  readonly code = 'SESSION_STEP_REJECTED' as const;
  override readonly name = 'SessionStepRejectedError';
}

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new SessionStepRejectedError(r.error.message);
  return r.value;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const parseIds = (json: string): string[] => {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

export function sessionRunOf(meeting: Meeting): SessionRunState | undefined {
  const r = meeting.sessionRun;
  if (!r) return undefined;
  const phase = (SESSION_PHASES as readonly string[]).includes(r.phase) ? (r.phase as SessionPhase) : 'check-in';
  return {
    sessionId: r.sessionId,
    phase,
    phaseStartedAt: r.phaseStartedAt,
    phaseEndsAt: r.phaseEndsAt,
    iceBreakerId: r.iceBreakerId,
    topicTitle: r.topicTitle,
    ownerName: r.ownerName,
    breakoutEndsAt: r.breakoutEndsAt,
    groups: [...r.groups.entries()]
      .map(([k, g]) => ({ index: Number(k), question: g.question, members: parseIds(g.members) }))
      .sort((a, b) => a.index - b.index),
    groupNotes: [...r.groupNotes.values()]
      .map((n) => ({ group: n.group, userId: n.userId, displayName: n.displayName, text: n.text, at: n.at }))
      .sort((a, b) => a.group - b.group || byText(a.at, b.at) || byText(a.userId, b.userId)),
    takeaways: [...r.takeaways.entries()]
      .map(([id, t]) => ({
        id,
        text: t.text,
        authorId: t.authorId,
        authorName: t.authorName,
        at: t.at,
        mergedInto: t.mergedInto,
        action: t.actionOwnerId && t.actionDue ? { ownerId: t.actionOwnerId, dueDate: t.actionDue } : undefined,
      }))
      .sort((a, b) => byText(a.at, b.at) || byText(a.id, b.id)),
    voted: [...r.voted.keys()].sort(byText),
    feedbackClosed: r.feedbackClosed,
    closed: r.closedAt ? { at: r.closedAt } : undefined,
  };
}

function runOf(meeting: Meeting): { node: SessionRun; state: SessionRunState } {
  const node = meeting.sessionRun;
  const state = sessionRunOf(meeting);
  if (!node || !state) throw new SessionStepRejectedError('No session is running in this meeting.');
  if (state.closed) throw new SessionStepRejectedError('The session is closed.');
  return { node, state };
}

const minutesFrom = (now: Date, minutes: number | undefined) => (minutes && minutes > 0 ? new Date(now.getTime() + minutes * 60_000).toISOString() : undefined);

export interface StartRunInput {
  readonly sessionId: string;
  readonly iceBreakerId: string;
  readonly topicTitle: string;
  readonly ownerName?: string;
  /** Minutes for the check-in timer (0 or absent: none). */
  readonly minutes?: number;
}

/** The facilitator starts the run of show (check-in), replacing an earlier run in this meeting. */
export function startRun(meeting: Meeting, input: StartRunInput, now: Date): void {
  Tree.runTransaction(meeting, (m) => {
    m.sessionRun = new SessionRun({
      sessionId: input.sessionId,
      phase: 'check-in',
      phaseStartedAt: now.toISOString(),
      ...(minutesFrom(now, input.minutes) ? { phaseEndsAt: minutesFrom(now, input.minutes) } : {}),
      iceBreakerId: input.iceBreakerId,
      topicTitle: input.topicTitle,
      ...(input.ownerName ? { ownerName: input.ownerName } : {}),
      groups: new BreakoutGroups(),
      groupNotes: new GroupNotes(),
      takeaways: new Takeaways(),
      voted: new VoteMarks(),
      feedbackClosed: false,
    });
  });
}

/** The facilitator moves on to `to` (the next phase), with an optional timer. */
export function advanceRun(meeting: Meeting, to: SessionPhase, opts: { minutes?: number }, now: Date): void {
  const { node, state } = runOf(meeting);
  must(checkAdvance(state.phase, to));
  if (to === 'breakouts' && state.groups.length < BREAKOUT_LIMITS.minGroups) throw new SessionStepRejectedError('Form the breakout groups first.');
  Tree.runTransaction(node, (r) => {
    r.phase = to;
    r.phaseStartedAt = now.toISOString();
    r.phaseEndsAt = minutesFrom(now, opts.minutes);
    if (to === 'breakouts') r.breakoutEndsAt = minutesFrom(now, opts.minutes);
  });
}

/** Sets (or restarts) the current phase's timer; 0 removes it. */
export function setPhaseTimer(meeting: Meeting, minutes: number, now: Date): void {
  const { node, state } = runOf(meeting);
  if (!Number.isFinite(minutes) || minutes < 0 || minutes > 120) throw new SessionStepRejectedError('A timer is 0 to 120 minutes.');
  if (state.phase === 'breakouts' && minutes > 0) must(checkBreakoutMinutes(minutes));
  Tree.runTransaction(node, (r) => {
    r.phaseEndsAt = minutesFrom(now, minutes);
    if (state.phase === 'breakouts') r.breakoutEndsAt = r.phaseEndsAt;
  });
}

/** The facilitator sets the breakout groups (formed with formBreakouts) and their questions. */
export function setGroups(meeting: Meeting, groups: readonly LiveBreakoutGroup[]): void {
  const { node, state } = runOf(meeting);
  if (state.phase !== 'deep-dive' && state.phase !== 'breakouts') throw new SessionStepRejectedError('Breakout groups are formed during the deep dive.');
  if (groups.length < BREAKOUT_LIMITS.minGroups || groups.length > BREAKOUT_LIMITS.maxGroups) {
    throw new SessionStepRejectedError(`Breakouts are ${BREAKOUT_LIMITS.minGroups} to ${BREAKOUT_LIMITS.maxGroups} groups.`);
  }
  const questions = groups.map((g) => (g.question.trim() ? must(checkRunText(g.question, RUN_LIMITS.question, 'question')) : ''));
  Tree.runTransaction(node, (r) => {
    for (const k of [...r.groups.keys()]) r.groups.delete(k);
    groups.forEach((g, i) => r.groups.set(String(i), new BreakoutGroupEntry({ question: questions[i] ?? '', members: JSON.stringify([...g.members]) })));
  });
}

export function moveMember(meeting: Meeting, userId: string, toGroup: number): void {
  const { node, state } = runOf(meeting);
  const moved = must(moveToGroup(state.groups.map((g) => ({ index: g.index, members: g.members, products: [] })), userId, toGroup));
  Tree.runTransaction(node, (r) => {
    for (const g of moved) {
      const entry = r.groups.get(String(g.index));
      if (entry) entry.members = JSON.stringify(g.members);
    }
  });
}

/** A person adds a note to their own breakout group's notes area. */
export function addGroupNote(meeting: Meeting, user: LiveUser, text: string, newId: () => string, now: Date): void {
  const { node, state } = runOf(meeting);
  if (state.phase !== 'breakouts') throw new SessionStepRejectedError('Group notes are written during the breakouts.');
  const group = state.groups.find((g) => g.members.includes(user.id));
  if (!group) throw new SessionStepRejectedError('You are not in a breakout group.');
  const t = must(checkRunText(text, RUN_LIMITS.groupNote, 'note'));
  Tree.runTransaction(node, (r) => {
    r.groupNotes.set(`${group.index}/${user.id}/${newId()}`, new GroupNoteEntry({ group: group.index, userId: user.id, displayName: user.name, text: t, at: now.toISOString() }));
  });
}

/** Anyone adds a takeaway (from the deep dive on: the share-out is where most come). */
export function addTakeaway(meeting: Meeting, user: LiveUser, text: string, newId: () => string, now: Date): string {
  const { node, state } = runOf(meeting);
  if (state.phase === 'check-in') throw new SessionStepRejectedError('Takeaways come once the deep dive has started.');
  const t = must(checkRunText(text, RUN_LIMITS.takeaway, 'takeaway'));
  const id = newId();
  Tree.runTransaction(node, (r) => {
    r.takeaways.set(id, new TakeawayEntry({ text: t, authorId: user.id, authorName: user.name, at: now.toISOString() }));
  });
  return id;
}

function takeaway(node: SessionRun, id: string): TakeawayEntry {
  const t = node.takeaways.get(id);
  if (!t) throw new SessionStepRejectedError('That takeaway is not on the wall.');
  return t;
}

/** The facilitator (or its author) rewrites a takeaway. */
export function editTakeaway(meeting: Meeting, id: string, text: string): void {
  const { node } = runOf(meeting);
  const entry = takeaway(node, id);
  const t = must(checkRunText(text, RUN_LIMITS.takeaway, 'takeaway'));
  Tree.runTransaction(node, () => {
    entry.text = t;
  });
}

/** The facilitator merges one takeaway into another (it is shown inside it; undone with `into` undefined). */
export function mergeTakeaway(meeting: Meeting, id: string, into: string | undefined): void {
  const { node, state } = runOf(meeting);
  const entry = takeaway(node, id);
  if (into !== undefined) {
    takeaway(node, into);
    if (into === id) throw new SessionStepRejectedError('A takeaway cannot be merged into itself.');
    if (state.takeaways.find((t) => t.id === into)?.mergedInto) throw new SessionStepRejectedError('Merge into a takeaway that is still on the wall.');
    if (state.takeaways.some((t) => t.mergedInto === id)) throw new SessionStepRejectedError('Others are merged into this one; merge into it instead.');
  }
  Tree.runTransaction(node, () => {
    entry.mergedInto = into;
  });
}

/** The facilitator turns a takeaway into an action with an owner and a due date (checked again by the server at close). */
export function setAction(meeting: Meeting, id: string, action: { ownerId: string; dueDate: string } | undefined, today: string): void {
  const { node } = runOf(meeting);
  const entry = takeaway(node, id);
  if (action) {
    if (!action.ownerId) throw new SessionStepRejectedError('An action needs an owner.');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(action.dueDate)) throw new SessionStepRejectedError('A due date is a calendar date (YYYY-MM-DD).');
    if (action.dueDate < today) throw new SessionStepRejectedError('The due date is in the past.');
  }
  Tree.runTransaction(node, () => {
    entry.actionOwnerId = action?.ownerId;
    entry.actionDue = action?.dueDate;
  });
}

/** Marks that the caller voted (after the vote reached the record). */
export function markVoted(meeting: Meeting, user: LiveUser, now: Date): void {
  const { node, state } = runOf(meeting);
  if (state.phase !== 'feedback') throw new SessionStepRejectedError('Feedback opens at the end of the session.');
  Tree.runTransaction(node, (r) => {
    r.voted.set(user.id, now.toISOString());
  });
}

export function closeFeedback(meeting: Meeting): void {
  const { node, state } = runOf(meeting);
  if (state.phase !== 'feedback') throw new SessionStepRejectedError('Feedback is not open.');
  Tree.runTransaction(node, (r) => {
    r.feedbackClosed = true;
  });
}

/** After the record holds the session's outcome: the run is closed for everyone. */
export function markRunClosed(meeting: Meeting, now: Date): void {
  const { node } = runOf(meeting);
  Tree.runTransaction(node, (r) => {
    r.phase = 'closed';
    r.phaseEndsAt = undefined;
    r.closedAt = now.toISOString();
  });
}
