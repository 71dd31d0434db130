/**
 * The live meeting's data model: one SharedTree per meeting container. One entry per person
 * (maps keyed by user id), never shared counters: concurrent read-modify-write loses updates.
 *
 * Growing the model: later practices (Thirty Five, Lean Coffee, breakouts) add OPTIONAL fields to
 * `Meeting` (or `CheckIn`), never required ones, and never rename or retype a field. Objects are
 * declared with `allowUnknownOptionalFields`, so a tab still running the older code keeps viewing a
 * document whose stored schema a newer client has already upgraded with extra optional fields.
 */
import { TreeViewConfiguration } from 'fluid-framework';
import { SchemaFactoryBeta } from 'fluid-framework/beta';

const sf = new SchemaFactoryBeta('guildhall.meeting');
const growable = { allowUnknownOptionalFields: true } as const;

export class CheckInEntry extends sf.object(
  'CheckIn',
  {
    displayName: sf.string,
    text: sf.string,
    /** ISO time of the last edit. */
    at: sf.string,
  },
  growable,
) {}

export class CheckIns extends sf.map('CheckIns', CheckInEntry) {}

export class Meeting extends sf.object(
  'Meeting',
  {
    /** The meeting's phase; 'lobby' until a practice starts. */
    phase: sf.string,
    /** Keyed by user id: each person edits only their own entry. */
    checkIns: CheckIns,
  },
  growable,
) {}

export const meetingTreeConfig = new TreeViewConfiguration({ schema: Meeting });

/** The content of a fresh container. */
export const initialMeeting = (): Meeting => new Meeting({ phase: 'lobby', checkIns: new CheckIns() });

export { checkCheckInText, MAX_CHECK_IN_LENGTH } from './snapshot';
