/**
 * The live meeting's data model: one SharedTree per meeting container. One entry per person
 * (maps keyed by user id), never shared counters: concurrent read-modify-write loses updates.
 * Later practices (Thirty Five, Lean Coffee, breakouts) add optional fields to `Meeting`.
 */
import { SchemaFactory, TreeViewConfiguration } from 'fluid-framework';

const sf = new SchemaFactory('guildhall.meeting');

export class CheckInEntry extends sf.object('CheckIn', {
  displayName: sf.string,
  text: sf.string,
  /** ISO time of the last edit. */
  at: sf.string,
}) {}

export class CheckIns extends sf.map('CheckIns', CheckInEntry) {}

export class Meeting extends sf.object('Meeting', {
  /** The meeting's phase; 'lobby' until a practice starts. */
  phase: sf.string,
  /** Keyed by user id: each person edits only their own entry. */
  checkIns: CheckIns,
}) {}

export const meetingTreeConfig = new TreeViewConfiguration({ schema: Meeting });

export const MAX_CHECK_IN_LENGTH = 140;

/** The content of a fresh container. */
export const initialMeeting = (): Meeting => new Meeting({ phase: 'lobby', checkIns: new CheckIns() });

/** Validates a one-line check-in; returns the trimmed text or a message saying what is wrong. */
export function checkCheckInText(text: string): { ok: true; text: string } | { ok: false; message: string } {
  const trimmed = text.replace(/\s+/g, ' ').trim();
  if (!trimmed) return { ok: false, message: 'Write a few words to check in.' };
  if (trimmed.length > MAX_CHECK_IN_LENGTH) return { ok: false, message: `A check-in is one line: at most ${MAX_CHECK_IN_LENGTH} characters.` };
  return { ok: true, text: trimmed };
}
