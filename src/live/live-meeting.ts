/**
 * The contract between the live layer and its users (the tab's pages, the server, tests).
 * The implementation (SharedTree schema, AzureClient) lives beside this file.
 */
import type { LiveConnectionInfo } from '../api/schemas';
import type { LiveBreakoutGroup, SavedRunState, SessionPhase, SessionRunState } from '../domain/session-run';
import type { ClientResult } from './client-result';
import type { CardMerge, GameCard, GameCheckpoint, GameState, PairRef, SplitChoice, ThirtyFivePlan } from '../domain/thirty-five';

/** Returns a signed token for one Fluid document (the server's /api/fluid/token). */
export type FetchFluidToken = (documentId: string | undefined) => Promise<string>;

export interface LiveUser {
  readonly id: string;
  readonly name: string;
}

export interface CheckIn {
  readonly userId: string;
  readonly displayName: string;
  readonly text: string;
  /** ISO time of the last edit. */
  readonly at: string;
}

/** A plain, immutable snapshot of the meeting's live state, for rendering. */
export interface MeetingSnapshot {
  readonly connected: boolean;
  /** One entry per person, newest edit last. */
  readonly checkIns: readonly CheckIn[];
  /** People connected right now (Fluid audience), by name. */
  readonly present: readonly LiveUser[];
  /** The meeting's Thirty Five game, if one was started. */
  readonly thirtyFive: GameState | undefined;
  /** The working session being run, if one was started. */
  readonly sessionRun: SessionRunState | undefined;
}

/**
 * Edits of a running working session. A step the rules refuse returns a refused ClientResult
 * (STEP_REFUSED) and leaves the tree unchanged; only bugs throw.
 */
export interface LiveSessionRun {
  /** Facilitator steps. */
  start(input: { sessionId: string; iceBreakerId: string; topicTitle: string; ownerName?: string; minutes?: number }): ClientResult<void>;
  /** Rebuilds a run from the record's saved run (the live container was lost). */
  resume(sessionId: string, saved: SavedRunState): ClientResult<void>;
  advance(to: SessionPhase, opts?: { minutes?: number }): ClientResult<void>;
  setTimer(minutes: number): ClientResult<void>;
  setGroups(groups: readonly LiveBreakoutGroup[]): ClientResult<void>;
  moveMember(userId: string, toGroup: number): ClientResult<void>;
  editTakeaway(id: string, text: string): ClientResult<void>;
  mergeTakeaway(id: string, into: string | undefined): ClientResult<void>;
  setAction(id: string, action: { ownerId: string; dueDate: string } | undefined): ClientResult<void>;
  closeFeedback(): ClientResult<void>;
  markClosed(): ClientResult<void>;
  /** Everyone: my own entries. */
  addGroupNote(text: string): ClientResult<void>;
  /** The new takeaway's id. */
  addTakeaway(text: string): ClientResult<string>;
  markVoted(): ClientResult<void>;
}

/**
 * Thirty Five edits. Each checks the rules first and throws GameStepRejectedError (tree unchanged)
 * for a step the state does not allow. Facilitator steps are offered by the pages to facilitators
 * only; whatever becomes part of the record goes through the server, which checks the role and
 * recomputes (docs/adr/0008-live-game-authority.md).
 */
export interface LiveThirtyFive {
  /** Participant: write or rewrite my own card (before it is dealt). */
  writeCard(text: { title: string; description?: string }): GameCard;
  /** Participant: my split for the open round, as [points for my card, points for my partner's]. */
  chooseSplit(mine: readonly number[]): SplitChoice;
  /** Facilitator steps. */
  start(input: { gameId: string; plannedRounds: number }): void;
  deal(plan: ThirtyFivePlan): void;
  redeal(plan: ThirtyFivePlan): void;
  openRound(opts?: { minutes?: number }): void;
  closeRound(): void;
  closePair(pair: PairRef): void;
  finish(): void;
  merge(merge: CardMerge): void;
  unmerge(cardId: string): void;
  markCommitted(committed: { at: string; topicIds: readonly string[] }): void;
  resume(checkpoint: GameCheckpoint): void;
}

export interface LiveMeeting {
  readonly containerId: string;
  /** Same object until something changes (safe for React's useSyncExternalStore). */
  getSnapshot(): MeetingSnapshot;
  subscribe(onChange: () => void): () => void;
  /** Set (or replace) the caller's own one-line check-in; empty or too long text is refused (VALIDATION_FAILED). */
  checkIn(text: string): ClientResult<CheckIn>;
  readonly thirtyFive: LiveThirtyFive;
  readonly session: LiveSessionRun;
  dispose(): void;
}

export type { LiveConnectionInfo, GameCheckpoint };
