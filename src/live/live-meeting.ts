/**
 * The contract between the live layer and its users (the tab's pages, the server, tests).
 * The implementation (SharedTree schema, AzureClient) lives beside this file.
 */
import type { LiveConnectionInfo } from '../api/schemas';
import type { LiveBreakoutGroup, SavedRunState, SessionPhase, SessionRunState } from '../domain/session-run';
import type { ClientResult } from './client-result';
import type {
  CardMerge,
  AnonymousCard,
  GameCheckpoint,
  GameState,
  PairRef,
  SplitChoice,
  ThirtyFivePlan,
} from '../domain/thirty-five';

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
  start(input: {
    sessionId: string;
    iceBreakerId: string;
    topicTitle: string;
    ownerName?: string;
    minutes?: number;
  }): ClientResult<void>;
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
 * Thirty Five edits. Each checks the rules first and returns a refusal (`STEP_REFUSED`, tree
 * unchanged) for a step the state does not allow; it throws only on a bug. The tree mirrors what the
 * server stored (docs/adr/0017-votes-the-server-vouches-for.md): the tab calls the server first, and
 * `applyCheckpoint` rewrites the closed rounds from the record's answer.
 */
export interface LiveThirtyFive {
  /** Participant: show my card once the server stored it (its opaque id, no author; a rewrite replaces it). */
  showCard(card: AnonymousCard): ClientResult<void>;
  /** Participant: show my split for the open round (stored by the server first), as [my card, my partner's]. */
  chooseSplit(mine: readonly number[]): ClientResult<SplitChoice>;
  /** Facilitator steps. */
  start(input: { gameId: string; plannedRounds: number }): ClientResult<void>;
  deal(plan: ThirtyFivePlan): ClientResult<void>;
  redeal(plan: ThirtyFivePlan): ClientResult<void>;
  openRound(opts?: { minutes?: number; endsAt?: string | null }): ClientResult<void>;
  /** The live view only (tests, bench); the tab closes a round through the server and applyCheckpoint. */
  closeRound(): ClientResult<void>;
  closePair(pair: PairRef): ClientResult<void>;
  finish(): ClientResult<void>;
  merge(merge: CardMerge): ClientResult<void>;
  unmerge(cardId: string): ClientResult<void>;
  markCommitted(committed: { at: string; topicIds: readonly string[] }): ClientResult<void>;
  /** The record's checkpoint becomes what the meeting shows (closed rounds rewritten from it). */
  applyCheckpoint(checkpoint: GameCheckpoint): ClientResult<void>;
  /** Rebuild a lost game from the record (with the splits stored for the round being scored). */
  resume(checkpoint: GameCheckpoint, openChoices?: readonly SplitChoice[]): void;
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
