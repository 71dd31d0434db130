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

/**
 * A topic card of Thirty Five. In `cardsById` (schema v3) it is keyed by its opaque per-game card id and
 * carries no author (docs/adr/0023-anonymous-thirty-five-cards.md); the older `cards` map (keyed by the
 * author's user id) is no longer written or read and stays empty in new games.
 */
export class ThirtyFiveCardEntry extends sf.object(
  'ThirtyFiveCard',
  { cardId: sf.string, title: sf.string, description: sf.string, at: sf.string },
  growable,
) {}
export class ThirtyFiveCards extends sf.map('ThirtyFiveCards', ThirtyFiveCardEntry) {}

/** One person's split for their pair in one round, keyed `<round>/<userId>`: nobody writes another's entry. */
export class ThirtyFiveChoiceEntry extends sf.object(
  'ThirtyFiveChoice',
  {
    round: sf.number,
    userId: sf.string,
    /** Points for the pair's first and second card (the plan's `cards` order). */
    first: sf.number,
    second: sf.number,
    at: sf.string,
  },
  growable,
) {}
export class ThirtyFiveChoices extends sf.map('ThirtyFiveChoices', ThirtyFiveChoiceEntry) {}

/** A pair the facilitator closed without agreement (its round stays unscored), keyed `<round>/<pair>`. */
export class ThirtyFiveClosedPair extends sf.object(
  'ThirtyFiveClosedPair',
  { round: sf.number, pair: sf.number, by: sf.string, at: sf.string },
  growable,
) {}
export class ThirtyFiveClosedPairs extends sf.map('ThirtyFiveClosedPairs', ThirtyFiveClosedPair) {}

/** A duplicate card shown inside another, keyed by the merged card's id. */
export class ThirtyFiveMerge extends sf.object(
  'ThirtyFiveMerge',
  { into: sf.string, by: sf.string, at: sf.string },
  growable,
) {}
export class ThirtyFiveMerges extends sf.map('ThirtyFiveMerges', ThirtyFiveMerge) {}

/**
 * The game. Fields the facilitator sets (phase, plan, round, roundOpen) have one writer; everything
 * a participant adds is their own map entry. Tallies are derived (src/domain/thirty-five/game.ts).
 */
export class ThirtyFiveGame extends sf.object(
  'ThirtyFiveGame',
  {
    gameId: sf.string,
    /** writing | playing | finished */
    phase: sf.string,
    plannedRounds: sf.number,
    /** The deal (a ThirtyFivePlan as JSON), set once by the deal; replaced by a re-deal. */
    plan: sf.optional(sf.string),
    /** Rounds closed so far; while a round is open, the open round's index. */
    round: sf.number,
    roundOpen: sf.boolean,
    roundEndsAt: sf.optional(sf.string),
    /** Unused since schema v3 (it was keyed by author); kept empty so older documents still fit. */
    cards: ThirtyFiveCards,
    /** The cards, keyed by their opaque per-game id, without authors (schema v3). */
    cardsById: sf.optional(ThirtyFiveCards),
    choices: ThirtyFiveChoices,
    closedPairs: ThirtyFiveClosedPairs,
    merges: ThirtyFiveMerges,
    /** Rounds saved to the record (the checkpoint a lost container resumes from). */
    savedRounds: sf.optional(sf.number),
    committedAt: sf.optional(sf.string),
    /** The backlog topics the result became (JSON array of ids). */
    committedTopicIds: sf.optional(sf.string),
  },
  growable,
) {}

/** A breakout group: its question and members (a JSON array of user ids, written by the facilitator). */
export class BreakoutGroupEntry extends sf.object(
  'BreakoutGroup',
  { question: sf.string, members: sf.string },
  growable,
) {}
export class BreakoutGroups extends sf.map('BreakoutGroups', BreakoutGroupEntry) {}

/** One note in a breakout group's notes area, keyed `<group>/<userId>/<noteId>`: each person adds their own. */
export class GroupNoteEntry extends sf.object(
  'GroupNote',
  { group: sf.number, userId: sf.string, displayName: sf.string, text: sf.string, at: sf.string },
  growable,
) {}
export class GroupNotes extends sf.map('GroupNotes', GroupNoteEntry) {}

/** A takeaway, keyed by its id. Its author writes it; the facilitator curates (edit, merge, action). */
export class TakeawayEntry extends sf.object(
  'LiveTakeaway',
  {
    text: sf.string,
    authorId: sf.string,
    authorName: sf.string,
    at: sf.string,
    mergedInto: sf.optional(sf.string),
    actionOwnerId: sf.optional(sf.string),
    actionDue: sf.optional(sf.string),
  },
  growable,
) {}
export class Takeaways extends sf.map('LiveTakeaways', TakeawayEntry) {}

/** Who voted (user id -> ISO time); the vote itself goes to the record, anonymously. */
export class VoteMarks extends sf.map('VoteMarks', sf.string) {}

/** A working session as it runs: the phase and its timer, breakouts, takeaways, feedback marks. */
export class SessionRun extends sf.object(
  'SessionRun',
  {
    sessionId: sf.string,
    /** check-in | deep-dive | breakouts | share-out | feedback | closed */
    phase: sf.string,
    phaseStartedAt: sf.string,
    phaseEndsAt: sf.optional(sf.string),
    iceBreakerId: sf.string,
    topicTitle: sf.string,
    ownerName: sf.optional(sf.string),
    breakoutEndsAt: sf.optional(sf.string),
    groups: BreakoutGroups,
    groupNotes: GroupNotes,
    takeaways: Takeaways,
    voted: VoteMarks,
    feedbackClosed: sf.boolean,
    closedAt: sf.optional(sf.string),
  },
  growable,
) {}

export class Meeting extends sf.object(
  'Meeting',
  {
    /** The meeting's phase; 'lobby' until a practice starts. */
    phase: sf.string,
    /** Keyed by user id: each person edits only their own entry. */
    checkIns: CheckIns,
    /** The Thirty Five game of this meeting, once a facilitator starts one. */
    thirtyFive: sf.optional(ThirtyFiveGame),
    /** The working session being run in this meeting, once a facilitator starts it. */
    sessionRun: sf.optional(SessionRun),
  },
  growable,
) {}

export const meetingTreeConfig = new TreeViewConfiguration({ schema: Meeting });

/** The content of a fresh container. */
export const initialMeeting = (): Meeting => new Meeting({ phase: 'lobby', checkIns: new CheckIns() });

export { checkCheckInText, MAX_CHECK_IN_LENGTH } from './snapshot';
