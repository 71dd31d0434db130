/**
 * Pure parts of the live layer: check-in validation and the mapping from the tree and the audience
 * to the plain snapshot handed to views. No Fluid imports, so unit tested without a service.
 */
import type { SessionRunState } from '../domain/session-run';
import type { GameState } from '../domain/thirty-five';
import type { CheckIn, LiveUser, MeetingSnapshot } from './live-meeting';

export const MAX_CHECK_IN_LENGTH = 140;

export type CheckInTextResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly message: string };

/** One line (line breaks and runs of spaces become one space), 1–140 characters after trimming. */
export function checkCheckInText(text: string): CheckInTextResult {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (!trimmed) return { ok: false, message: 'Write a few words to check in.' };
  if (trimmed.length > MAX_CHECK_IN_LENGTH) {
    return {
      ok: false,
      message: `A check-in is one line: at most ${MAX_CHECK_IN_LENGTH} characters (this one has ${trimmed.length}).`,
    };
  }
  return { ok: true, text: trimmed };
}

/** The identity the server uses when it creates containers; not a participant. */
export const SERVER_USER: LiveUser = Object.freeze({ id: 'guildhall-server', name: 'Guildhall' });

export interface SnapshotInput {
  readonly connected: boolean;
  /** The tree's check-ins map: user id → entry. */
  readonly checkIns: Iterable<
    readonly [string, { readonly displayName: string; readonly text: string; readonly at: string }]
  >;
  /** Audience members (any iterable of { id, name }; one member may appear once per connection). */
  readonly members: Iterable<{ readonly id: string; readonly name: string }>;
  /** The Thirty Five game as plain data (see thirty-five-state.ts), if any. */
  readonly thirtyFive?: GameState | undefined;
  /** The working session's run (see session-run-state.ts), if any. */
  readonly sessionRun?: SessionRunState | undefined;
}

/** Builds a frozen snapshot: check-ins oldest edit first (ties by user id), present people once each, by name, without the server. */
export function buildSnapshot(input: SnapshotInput): MeetingSnapshot {
  const checkIns: CheckIn[] = [...input.checkIns]
    .map(([userId, c]) => Object.freeze({ userId, displayName: c.displayName, text: c.text, at: c.at }))
    .sort((a, b) => compare(a.at, b.at) || compare(a.userId, b.userId));
  const byId = new Map<string, LiveUser>();
  for (const m of input.members) {
    if (m.id === SERVER_USER.id || byId.has(m.id)) continue;
    byId.set(m.id, Object.freeze({ id: m.id, name: m.name || m.id }));
  }
  const present = [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || compare(a.id, b.id));
  return Object.freeze({
    connected: input.connected,
    checkIns: Object.freeze(checkIns),
    present: Object.freeze(present),
    thirtyFive: input.thirtyFive,
    sessionRun: input.sessionRun,
  });
}

/** Structural equality of two snapshots (so an unchanged state keeps the same object). */
export function sameSnapshot(a: MeetingSnapshot, b: MeetingSnapshot): boolean {
  if (a === b) return true;
  if (a.connected !== b.connected || a.checkIns.length !== b.checkIns.length || a.present.length !== b.present.length)
    return false;
  for (let i = 0; i < a.checkIns.length; i++) {
    const x = a.checkIns[i]!;
    const y = b.checkIns[i]!;
    if (x.userId !== y.userId || x.displayName !== y.displayName || x.text !== y.text || x.at !== y.at) return false;
  }
  for (let i = 0; i < a.present.length; i++) {
    const x = a.present[i]!;
    const y = b.present[i]!;
    if (x.id !== y.id || x.name !== y.name) return false;
  }
  return samePlain(a.thirtyFive, b.thirtyFive) && samePlain(a.sessionRun, b.sessionRun);
}

/** Games and runs are plain data built in a stable order, so their JSON says whether anything changed. */
const samePlain = (a: object | undefined, b: object | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b));

/** Returns `previous` when `next` says the same thing, else `next`. */
export const keepIfSame = (previous: MeetingSnapshot, next: MeetingSnapshot): MeetingSnapshot =>
  sameSnapshot(previous, next) ? previous : next;

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
