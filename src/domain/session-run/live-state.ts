/**
 * A working session as it runs live, as plain data (the live layer maps its SharedTree to this), and
 * what the pages derive from it: my breakout group, the takeaway wall after curation, who voted.
 */
import { fail, ok, type Result } from '../result';
import type { SessionPhase } from './run-of-show';

export const RUN_LIMITS = { takeaway: 500, groupNote: 500, question: 200, answer: 140 } as const;

export interface LiveBreakoutGroup {
  readonly index: number;
  readonly question: string;
  readonly members: readonly string[];
}

export interface LiveGroupNote {
  /** Unique within the run (the live meeting's key for it). */
  readonly id: string;
  readonly group: number;
  readonly userId: string;
  readonly displayName: string;
  readonly text: string;
  readonly at: string;
}

export interface LiveTakeaway {
  readonly id: string;
  readonly text: string;
  readonly authorId: string;
  readonly authorName: string;
  readonly at: string;
  /** Set when the facilitator merged it into another takeaway (it is then shown inside that one). */
  readonly mergedInto: string | undefined;
  /** Set when the facilitator turned it into an action. */
  readonly action: { readonly ownerId: string; readonly dueDate: string } | undefined;
}

export interface SessionRunState {
  readonly sessionId: string;
  readonly phase: SessionPhase;
  readonly phaseStartedAt: string;
  readonly phaseEndsAt: string | undefined;
  readonly iceBreakerId: string;
  readonly topicTitle: string;
  readonly ownerName: string | undefined;
  readonly breakoutEndsAt: string | undefined;
  readonly groups: readonly LiveBreakoutGroup[];
  readonly groupNotes: readonly LiveGroupNote[];
  readonly takeaways: readonly LiveTakeaway[];
  /**
   * Who says they voted (never what: the vote itself goes to the record, anonymously). A hint only:
   * any member's client can write a mark for someone else, so the stage's vote figures come from the
   * record's count instead (stageVotes in the tab's session-run/session-view).
   */
  readonly voted: readonly string[];
  readonly feedbackClosed: boolean;
  readonly closed: { readonly at: string } | undefined;
}

export const groupOf = (run: SessionRunState, userId: string): LiveBreakoutGroup | undefined =>
  run.groups.find((g) => g.members.includes(userId));

export const notesOfGroup = (run: SessionRunState, group: number): LiveGroupNote[] =>
  run.groupNotes.filter((n) => n.group === group);

/** The takeaway wall: takeaways not merged away, oldest first, each with what was merged into it. */
export function takeawayWall(
  run: SessionRunState,
): { readonly takeaway: LiveTakeaway; readonly merged: readonly LiveTakeaway[] }[] {
  const merged = new Map<string, LiveTakeaway[]>();
  for (const t of run.takeaways) if (t.mergedInto) merged.set(t.mergedInto, [...(merged.get(t.mergedInto) ?? []), t]);
  return run.takeaways.filter((t) => !t.mergedInto).map((t) => ({ takeaway: t, merged: merged.get(t.id) ?? [] }));
}

/** One line, 1–500 characters. */
export function checkRunText(text: string, max: number, what: string): Result<string> {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!t) return fail('VALIDATION_FAILED', `Write the ${what} first.`);
  if (t.length > max)
    return fail('VALIDATION_FAILED', `A ${what} is at most ${max} characters (this one has ${t.length}).`);
  return ok(t);
}
