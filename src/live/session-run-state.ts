/**
 * A working session in the meeting tree: the tree -> the domain's SessionRunState, and every edit,
 * each one transaction, each checked first with the pure rules (src/domain/session-run). People add
 * only their own entries (group notes, takeaways, vote marks); the facilitator sets the phase,
 * timers and groups and curates takeaways (docs/adr/0008). An edit the rules refuse returns a
 * refused ClientResult (STEP_REFUSED) and leaves the tree unchanged; only bugs throw. A lost
 * container is rebuilt from the record's saved run (resumeRun). Unit tested on an independent tree view.
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
  type SavedRunState,
  type SessionPhase,
  type SessionRunState,
} from '../domain/session-run';
import { clientFail, clientOk, type ClientResult } from './client-result';
import type { LiveUser } from './live-meeting';
import {
  BreakoutGroupEntry,
  BreakoutGroups,
  GroupNoteEntry,
  GroupNotes,
  SessionRun,
  TakeawayEntry,
  Takeaways,
  VoteMarks,
  type Meeting,
} from './meeting-schema';

/** A refused step: the tree is unchanged. */
const refuse = (message: string): ClientResult<never> => clientFail('STEP_REFUSED', message);
const refused = (r: Result<unknown>): ClientResult<never> | undefined => (r.ok ? undefined : refuse(r.error.message));

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
    groupNotes: [...r.groupNotes.entries()]
      .map(([id, n]) => ({ id, group: n.group, userId: n.userId, displayName: n.displayName, text: n.text, at: n.at }))
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

type Run = { ok: true; node: SessionRun; state: SessionRunState } | { ok: false; refused: ClientResult<never> };

function runOf(meeting: Meeting): Run {
  const node = meeting.sessionRun;
  const state = sessionRunOf(meeting);
  if (!node || !state) return { ok: false, refused: refuse('No session is running in this meeting.') };
  if (state.closed) return { ok: false, refused: refuse('The session is closed.') };
  return { ok: true, node, state };
}

const minutesFrom = (now: Date, minutes: number | undefined) =>
  minutes && minutes > 0 ? new Date(now.getTime() + minutes * 60_000).toISOString() : undefined;

export interface StartRunInput {
  readonly sessionId: string;
  readonly iceBreakerId: string;
  readonly topicTitle: string;
  readonly ownerName?: string;
  /** Minutes for the check-in timer (0 or absent: none). */
  readonly minutes?: number;
}

/** The facilitator starts the run of show (check-in), replacing an earlier run in this meeting. */
export function startRun(meeting: Meeting, input: StartRunInput, now: Date): ClientResult<void> {
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
  return clientOk();
}

/**
 * Rebuilds the run from the record's saved run (the live container was lost): phase, timers, groups,
 * group notes, takeaways with their curation and who voted, as they were saved. Replaces any run here.
 */
export function resumeRun(meeting: Meeting, sessionId: string, saved: SavedRunState): ClientResult<void> {
  Tree.runTransaction(meeting, (m) => {
    const groups = new BreakoutGroups();
    for (const g of saved.groups)
      groups.set(
        String(g.index),
        new BreakoutGroupEntry({ question: g.question, members: JSON.stringify([...g.members]) }),
      );
    const notes = new GroupNotes();
    for (const n of saved.groupNotes) {
      notes.set(
        n.id,
        new GroupNoteEntry({ group: n.group, userId: n.userId, displayName: n.displayName, text: n.text, at: n.at }),
      );
    }
    const takeaways = new Takeaways();
    for (const t of saved.takeaways) {
      takeaways.set(
        t.id,
        new TakeawayEntry({
          text: t.text,
          authorId: t.authorId,
          authorName: t.authorName,
          at: t.at,
          ...(t.mergedInto ? { mergedInto: t.mergedInto } : {}),
          ...(t.action ? { actionOwnerId: t.action.ownerId, actionDue: t.action.dueDate } : {}),
        }),
      );
    }
    const voted = new VoteMarks();
    for (const id of saved.voted) voted.set(id, saved.phaseStartedAt);
    m.sessionRun = new SessionRun({
      sessionId,
      phase: saved.phase,
      phaseStartedAt: saved.phaseStartedAt,
      ...(saved.phaseEndsAt ? { phaseEndsAt: saved.phaseEndsAt } : {}),
      iceBreakerId: saved.iceBreakerId,
      topicTitle: saved.topicTitle,
      ...(saved.ownerName ? { ownerName: saved.ownerName } : {}),
      ...(saved.breakoutEndsAt ? { breakoutEndsAt: saved.breakoutEndsAt } : {}),
      groups,
      groupNotes: notes,
      takeaways,
      voted,
      feedbackClosed: saved.feedbackClosed,
    });
  });
  return clientOk();
}

/** The facilitator moves on to `to` (the next phase), with an optional timer. */
export function advanceRun(
  meeting: Meeting,
  to: SessionPhase,
  opts: { minutes?: number },
  now: Date,
): ClientResult<void> {
  const run = runOf(meeting);
  if (!run.ok) return run.refused;
  const { node, state } = run;
  const no = refused(checkAdvance(state.phase, to));
  if (no) return no;
  if (to === 'breakouts' && state.groups.length < BREAKOUT_LIMITS.minGroups)
    return refuse('Form the breakout groups first.');
  Tree.runTransaction(node, (r) => {
    r.phase = to;
    r.phaseStartedAt = now.toISOString();
    r.phaseEndsAt = minutesFrom(now, opts.minutes);
    if (to === 'breakouts') r.breakoutEndsAt = minutesFrom(now, opts.minutes);
  });
  return clientOk();
}

/** Sets (or restarts) the current phase's timer; 0 removes it. */
export function setPhaseTimer(meeting: Meeting, minutes: number, now: Date): ClientResult<void> {
  const run = runOf(meeting);
  if (!run.ok) return run.refused;
  const { node, state } = run;
  if (!Number.isFinite(minutes) || minutes < 0 || minutes > 120) return refuse('A timer is 0 to 120 minutes.');
  if (state.phase === 'breakouts' && minutes > 0) {
    const no = refused(checkBreakoutMinutes(minutes));
    if (no) return no;
  }
  Tree.runTransaction(node, (r) => {
    r.phaseEndsAt = minutesFrom(now, minutes);
    if (state.phase === 'breakouts') r.breakoutEndsAt = r.phaseEndsAt;
  });
  return clientOk();
}

/** The facilitator sets the breakout groups (formed with formBreakouts) and their questions. */
export function setGroups(meeting: Meeting, groups: readonly LiveBreakoutGroup[]): ClientResult<void> {
  const run = runOf(meeting);
  if (!run.ok) return run.refused;
  const { node, state } = run;
  if (state.phase !== 'deep-dive' && state.phase !== 'breakouts')
    return refuse('Breakout groups are formed during the deep dive.');
  if (groups.length < BREAKOUT_LIMITS.minGroups || groups.length > BREAKOUT_LIMITS.maxGroups) {
    return refuse(`Breakouts are ${BREAKOUT_LIMITS.minGroups} to ${BREAKOUT_LIMITS.maxGroups} groups.`);
  }
  const questions: string[] = [];
  for (const g of groups) {
    if (!g.question.trim()) {
      questions.push('');
      continue;
    }
    const q = checkRunText(g.question, RUN_LIMITS.question, 'question');
    if (!q.ok) return refuse(q.error.message);
    questions.push(q.value);
  }
  Tree.runTransaction(node, (r) => {
    for (const k of [...r.groups.keys()]) r.groups.delete(k);
    groups.forEach((g, i) => {
      r.groups.set(
        String(i),
        new BreakoutGroupEntry({ question: questions[i] ?? '', members: JSON.stringify([...g.members]) }),
      );
    });
  });
  return clientOk();
}

export function moveMember(meeting: Meeting, userId: string, toGroup: number): ClientResult<void> {
  const run = runOf(meeting);
  if (!run.ok) return run.refused;
  const { node, state } = run;
  const moved = moveToGroup(
    state.groups.map((g) => ({ index: g.index, members: g.members, products: [] })),
    userId,
    toGroup,
  );
  if (!moved.ok) return refuse(moved.error.message);
  Tree.runTransaction(node, (r) => {
    for (const g of moved.value) {
      const entry = r.groups.get(String(g.index));
      if (entry) entry.members = JSON.stringify(g.members);
    }
  });
  return clientOk();
}

/** A person adds a note to their own breakout group's notes area. */
export function addGroupNote(
  meeting: Meeting,
  user: LiveUser,
  text: string,
  newId: () => string,
  now: Date,
): ClientResult<void> {
  const run = runOf(meeting);
  if (!run.ok) return run.refused;
  const { node, state } = run;
  if (state.phase !== 'breakouts') return refuse('Group notes are written during the breakouts.');
  const group = state.groups.find((g) => g.members.includes(user.id));
  if (!group) return refuse('You are not in a breakout group.');
  const t = checkRunText(text, RUN_LIMITS.groupNote, 'note');
  if (!t.ok) return refuse(t.error.message);
  Tree.runTransaction(node, (r) => {
    r.groupNotes.set(
      `${group.index}/${user.id}/${newId()}`,
      new GroupNoteEntry({
        group: group.index,
        userId: user.id,
        displayName: user.name,
        text: t.value,
        at: now.toISOString(),
      }),
    );
  });
  return clientOk();
}

/** Anyone adds a takeaway (from the deep dive on: the share-out is where most come). Returns its id. */
export function addTakeaway(
  meeting: Meeting,
  user: LiveUser,
  text: string,
  newId: () => string,
  now: Date,
): ClientResult<string> {
  const run = runOf(meeting);
  if (!run.ok) return run.refused;
  const { node, state } = run;
  if (state.phase === 'check-in') return refuse('Takeaways come once the deep dive has started.');
  const t = checkRunText(text, RUN_LIMITS.takeaway, 'takeaway');
  if (!t.ok) return refuse(t.error.message);
  const id = newId();
  Tree.runTransaction(node, (r) => {
    r.takeaways.set(
      id,
      new TakeawayEntry({ text: t.value, authorId: user.id, authorName: user.name, at: now.toISOString() }),
    );
  });
  return clientOk(id);
}

type Found =
  | { ok: true; node: SessionRun; state: SessionRunState; entry: TakeawayEntry }
  | { ok: false; refused: ClientResult<never> };

function takeawayOf(meeting: Meeting, id: string): Found {
  const run = runOf(meeting);
  if (!run.ok) return run;
  const entry = run.node.takeaways.get(id);
  if (!entry) return { ok: false, refused: refuse('That takeaway is not on the wall.') };
  return { ...run, entry };
}

/** The facilitator (or its author) rewrites a takeaway. */
export function editTakeaway(meeting: Meeting, id: string, text: string): ClientResult<void> {
  const found = takeawayOf(meeting, id);
  if (!found.ok) return found.refused;
  const t = checkRunText(text, RUN_LIMITS.takeaway, 'takeaway');
  if (!t.ok) return refuse(t.error.message);
  Tree.runTransaction(found.node, () => {
    found.entry.text = t.value;
  });
  return clientOk();
}

/** The facilitator merges one takeaway into another (it is shown inside it; undone with `into` undefined). */
export function mergeTakeaway(meeting: Meeting, id: string, into: string | undefined): ClientResult<void> {
  const found = takeawayOf(meeting, id);
  if (!found.ok) return found.refused;
  const { node, state, entry } = found;
  if (into !== undefined) {
    if (!node.takeaways.get(into)) return refuse('That takeaway is not on the wall.');
    if (into === id) return refuse('A takeaway cannot be merged into itself.');
    if (state.takeaways.find((t) => t.id === into)?.mergedInto)
      return refuse('Merge into a takeaway that is still on the wall.');
    if (state.takeaways.some((t) => t.mergedInto === id))
      return refuse('Others are merged into this one; merge into it instead.');
  }
  Tree.runTransaction(node, () => {
    entry.mergedInto = into;
  });
  return clientOk();
}

/** The facilitator turns a takeaway into an action with an owner and a due date (checked again by the server at close). */
export function setAction(
  meeting: Meeting,
  id: string,
  action: { ownerId: string; dueDate: string } | undefined,
  today: string,
): ClientResult<void> {
  const found = takeawayOf(meeting, id);
  if (!found.ok) return found.refused;
  if (action) {
    if (!action.ownerId) return refuse('An action needs an owner.');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(action.dueDate)) return refuse('A due date is a calendar date (YYYY-MM-DD).');
    if (action.dueDate < today) return refuse('The due date is in the past.');
  }
  Tree.runTransaction(found.node, () => {
    found.entry.actionOwnerId = action?.ownerId;
    found.entry.actionDue = action?.dueDate;
  });
  return clientOk();
}

/** Marks that the caller voted (after the vote reached the record). */
export function markVoted(meeting: Meeting, user: LiveUser, now: Date): ClientResult<void> {
  const run = runOf(meeting);
  if (!run.ok) return run.refused;
  if (run.state.phase !== 'feedback') return refuse('Feedback opens at the end of the session.');
  Tree.runTransaction(run.node, (r) => {
    r.voted.set(user.id, now.toISOString());
  });
  return clientOk();
}

export function closeFeedback(meeting: Meeting): ClientResult<void> {
  const run = runOf(meeting);
  if (!run.ok) return run.refused;
  if (run.state.phase !== 'feedback') return refuse('Feedback is not open.');
  Tree.runTransaction(run.node, (r) => {
    r.feedbackClosed = true;
  });
  return clientOk();
}

/** After the record holds the session's outcome: the run is closed for everyone. */
export function markRunClosed(meeting: Meeting, now: Date): ClientResult<void> {
  const run = runOf(meeting);
  if (!run.ok) return run.refused;
  Tree.runTransaction(run.node, (r) => {
    r.phase = 'closed';
    r.phaseEndsAt = undefined;
    r.closedAt = now.toISOString();
  });
  return clientOk();
}
