/**
 * The run of show as the record keeps it, so that a lost live container is rebuilt from it (like a
 * Thirty Five checkpoint): phase, timers, groups, group notes, takeaways with their curation, who
 * voted. The facilitator's client saves it at each phase change and on a short debounce; the server
 * merges what it had with what arrives, so a save never removes a group note or a takeaway that was
 * already kept (docs/adr/0018-saving-the-run-of-show.md). Pure.
 */
import { fail, ok, type Result } from '../result';
import { BREAKOUT_LIMITS } from './breakouts';
import { RUN_LIMITS, type LiveBreakoutGroup, type SessionRunState } from './live-state';
import type { SessionPhase } from './run-of-show';

/** Upper bounds on what one saved run holds (30 people, a long share-out). */
export const SAVED_RUN_LIMITS = { groupNotes: 600, takeaways: 300, people: 200 } as const;

export type SavedPhase = Exclude<SessionPhase, 'closed'>;

export interface SavedGroupNote {
  /** The note's id in the live meeting (unique within the run). */
  readonly id: string;
  readonly group: number;
  readonly userId: string;
  readonly displayName: string;
  readonly text: string;
  readonly at: string;
}

export interface SavedTakeaway {
  readonly id: string;
  readonly text: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly at: string;
  readonly mergedInto?: string | undefined;
  readonly action?: { readonly ownerId: string; readonly dueDate: string } | undefined;
}

/** The live run as plain data, without the close (a closed run is in the session record instead). */
export interface SavedRunState {
  readonly phase: SavedPhase;
  readonly phaseStartedAt: string;
  readonly phaseEndsAt?: string | undefined;
  readonly iceBreakerId: string;
  readonly topicTitle: string;
  readonly ownerName?: string | undefined;
  readonly breakoutEndsAt?: string | undefined;
  readonly groups: readonly LiveBreakoutGroup[];
  readonly groupNotes: readonly SavedGroupNote[];
  readonly takeaways: readonly SavedTakeaway[];
  readonly voted: readonly string[];
  readonly feedbackClosed: boolean;
}

/** One record per session: the last saved run and the meeting it runs in. */
export interface SavedSessionRun {
  readonly communityId: string;
  readonly sessionId: string;
  readonly meetingId: string;
  readonly run: SavedRunState;
  readonly savedBy: string;
  readonly savedAt: string;
}

/** The live run as the record keeps it; undefined for a closed run (nothing left to resume). */
export function savedRunOf(state: SessionRunState): SavedRunState | undefined {
  if (state.closed || state.phase === 'closed') return undefined;
  return {
    phase: state.phase,
    phaseStartedAt: state.phaseStartedAt,
    ...(state.phaseEndsAt ? { phaseEndsAt: state.phaseEndsAt } : {}),
    iceBreakerId: state.iceBreakerId,
    topicTitle: state.topicTitle,
    ...(state.ownerName ? { ownerName: state.ownerName } : {}),
    ...(state.breakoutEndsAt ? { breakoutEndsAt: state.breakoutEndsAt } : {}),
    groups: state.groups.map((g) => ({ index: g.index, question: g.question, members: [...g.members] })),
    groupNotes: state.groupNotes.map((n) => ({
      id: n.id,
      group: n.group,
      userId: n.userId,
      displayName: n.displayName,
      text: n.text,
      at: n.at,
    })),
    takeaways: state.takeaways.map((t) => ({
      id: t.id,
      text: t.text,
      authorId: t.authorId,
      authorName: t.authorName,
      at: t.at,
      ...(t.mergedInto ? { mergedInto: t.mergedInto } : {}),
      ...(t.action ? { action: { ownerId: t.action.ownerId, dueDate: t.action.dueDate } } : {}),
    })),
    voted: [...state.voted],
    feedbackClosed: state.feedbackClosed,
  };
}

/** Rules a saved run must follow beyond its shape: groups numbered 0..n-1, ids unique, merges on the wall. */
export function checkSavedRun(run: SavedRunState): Result<SavedRunState> {
  const bad = (path: string, message: string): Result<SavedRunState> =>
    fail('VALIDATION_FAILED', message, [{ path, message }]);
  if (run.groups.length > BREAKOUT_LIMITS.maxGroups)
    return bad('run.groups', `Breakouts are at most ${BREAKOUT_LIMITS.maxGroups} groups.`);
  if (run.groups.some((g, i) => g.index !== i)) return bad('run.groups', 'Groups are numbered 0, 1, 2… in order.');
  const placed = run.groups.flatMap((g) => g.members);
  if (new Set(placed).size !== placed.length) return bad('run.groups', 'A person is in one group at most.');
  if (run.phase === 'breakouts' && run.groups.length < BREAKOUT_LIMITS.minGroups)
    return bad('run.groups', 'Breakouts need their groups.');
  const noteIds = new Set(run.groupNotes.map((n) => n.id));
  if (noteIds.size !== run.groupNotes.length) return bad('run.groupNotes', 'A group note id is used twice.');
  const ids = new Set(run.takeaways.map((t) => t.id));
  if (ids.size !== run.takeaways.length) return bad('run.takeaways', 'A takeaway id is used twice.');
  for (const t of run.takeaways) {
    if (t.mergedInto === undefined) continue;
    const into = run.takeaways.find((x) => x.id === t.mergedInto);
    if (!into || into.id === t.id || into.mergedInto)
      return bad('run.takeaways', 'A takeaway is merged into one that is on the wall.');
  }
  for (const [what, text, max] of [
    ...run.groupNotes.map((n) => ['group note', n.text, RUN_LIMITS.groupNote] as const),
    ...run.takeaways.map((t) => ['takeaway', t.text, RUN_LIMITS.takeaway] as const),
  ]) {
    if (!text.trim() || text.length > max)
      return bad(what === 'takeaway' ? 'run.takeaways' : 'run.groupNotes', `A ${what} has 1 to ${max} characters.`);
  }
  return ok(run);
}

export interface MergedRun {
  readonly run: SavedRunState;
  /** Entries the record had that the incoming save lacked: kept, never dropped. */
  readonly kept: { readonly groupNotes: number; readonly takeaways: number };
}

/**
 * What the record holds after a save: the incoming run (the facilitator's current view wins for
 * phase, timers, groups, texts and curation), plus every group note and takeaway the record already
 * had that the incoming run lacks (a client that missed them, or a run started again), so a save
 * never lowers the count of kept notes or takeaways. A kept takeaway merged into one that is no
 * longer there is put back on the wall.
 */
export function mergeSavedRun(before: SavedRunState | undefined, incoming: SavedRunState): MergedRun {
  if (!before) return { run: incoming, kept: { groupNotes: 0, takeaways: 0 } };
  const noteIds = new Set(incoming.groupNotes.map((n) => n.id));
  const keptNotes = before.groupNotes.filter((n) => !noteIds.has(n.id));
  const takeawayIds = new Set(incoming.takeaways.map((t) => t.id));
  const keptTakeaways = before.takeaways.filter((t) => !takeawayIds.has(t.id));
  const byTime = <T extends { at: string; id: string }>(a: T, b: T) =>
    a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  const takeaways = [...incoming.takeaways, ...keptTakeaways].sort(byTime);
  const onWall = new Set(takeaways.filter((t) => !t.mergedInto).map((t) => t.id));
  const voted = [...new Set([...incoming.voted, ...before.voted])].sort();
  return {
    run: {
      ...incoming,
      groupNotes: [...incoming.groupNotes, ...keptNotes].sort((a, b) => a.group - b.group || byTime(a, b)),
      takeaways: takeaways.map((t) => {
        if (!t.mergedInto || onWall.has(t.mergedInto)) return t;
        const { mergedInto: _gone, ...rest } = t;
        return rest;
      }),
      voted,
    },
    kept: { groupNotes: keptNotes.length, takeaways: keptTakeaways.length },
  };
}
