/**
 * The meeting tree <-> what views see, and the one edit a participant makes. Needs the tree but no
 * container or service: unit tested on an independent tree view. The Fluid-free parts (text rule,
 * snapshot building) are in ./snapshot.
 */
import { Tree } from 'fluid-framework';
import { clientFail, clientOk, type ClientResult } from './client-result';
import type { CheckIn, LiveUser, MeetingSnapshot } from './live-meeting';
import { CheckInEntry, type Meeting } from './meeting-schema';
import { buildSnapshot, checkCheckInText, keepIfSame } from './snapshot';
import { sessionRunOf } from './session-run-state';
import { gameStateOf } from './thirty-five-state';

export interface MeetingStateInput {
  /** Undefined while the tree cannot be read (an incompatible stored schema): check-ins are kept from `previous`. */
  readonly meeting: Meeting | undefined;
  readonly members: Iterable<{ readonly id: string; readonly name: string }>;
  readonly connected: boolean;
}

/**
 * The snapshot for the tree, the audience and the connection. Returns `previous` itself when nothing a
 * view can see changed, so `getSnapshot()` stays the same object (React's useSyncExternalStore).
 */
export function snapshotOf(input: MeetingStateInput, previous?: MeetingSnapshot): MeetingSnapshot {
  const checkIns = input.meeting
    ? input.meeting.checkIns.entries()
    : (previous?.checkIns ?? []).map((c) => [c.userId, c] as const);
  const thirtyFive = input.meeting ? gameStateOf(input.meeting) : previous?.thirtyFive;
  const sessionRun = input.meeting ? sessionRunOf(input.meeting) : previous?.sessionRun;
  const next = buildSnapshot({ connected: input.connected, checkIns, members: input.members, thirtyFive, sessionRun });
  return previous ? keepIfSame(previous, next) : next;
}

/**
 * Sets (or replaces) `user`'s own check-in in one transaction and returns what was written. Empty or
 * too long text is refused as a value (`VALIDATION_FAILED`) without touching the tree.
 */
export function applyCheckIn(
  meeting: Meeting,
  user: LiveUser,
  text: string,
  now: Date = new Date(),
): ClientResult<CheckIn> {
  const checked = checkCheckInText(text);
  if (!checked.ok) return clientFail('VALIDATION_FAILED', checked.message);
  const written: CheckIn = { userId: user.id, displayName: user.name, text: checked.text, at: now.toISOString() };
  Tree.runTransaction(meeting, (m) => {
    m.checkIns.set(user.id, new CheckInEntry({ displayName: written.displayName, text: written.text, at: written.at }));
  });
  return clientOk(written);
}
