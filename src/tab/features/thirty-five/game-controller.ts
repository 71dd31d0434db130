/**
 * The facilitator's steps of a Thirty Five game. Each step that becomes part of the record goes to
 * the server first (it checks the role and recomputes, docs/adr/0008-live-game-authority.md) and is
 * applied to the live meeting only when the server agrees; a refused step leaves the live game as it
 * was. Steps that only change what people see (open a round, close a stuck pair, merges) are live
 * only. Free of React and Fluent, so the flow is unit tested with stubs.
 */
import type { GameRecordView } from '../../../api/thirty-five-schemas';
import { MAX_GAME_ROUNDS } from '../../../api/thirty-five-schemas';
import type { Result } from '../../../domain/result';
import {
  DEFAULT_ROUNDS,
  ROUND_TIMER_MAX_MINUTES,
  agreedSplits,
  checkStep,
  checkpointOf,
  gameResult,
  type CardMerge,
  type GameCard,
  type GameState,
  type PairRef,
} from '../../../domain/thirty-five';
import type { Topic } from '../../../domain/backlog';
import type { LiveThirtyFive } from '../../../live/live-meeting';
import type { ApiClient } from '../../api-client';

/** A step the tab itself refuses before asking anyone (the message says why, for the user). */
export class GameActionRefusedError extends Error {
  readonly code = 'GAME_ACTION_REFUSED' as const;
  override readonly name = 'GameActionRefusedError';
}

export interface GameControllerDeps {
  readonly api: ApiClient['thirtyFive'];
  readonly live: LiveThirtyFive;
  readonly communityId: string;
  readonly meetingId: string;
}

function must(r: Result<void>): void {
  if (!r.ok) throw new GameActionRefusedError(r.error.message);
}

/** Is this recorded game one to offer for resuming (started, not yet in the backlog)? */
export const isResumable = (g: GameRecordView | null | undefined): g is GameRecordView => !!g && g.status !== 'committed' && !g.committed;

/** Everyone dealt into the rounds still to play (the next round's holders and its bye). */
export function playersDealtIn(state: GameState): string[] {
  const r = state.plan?.rounds[state.round];
  if (!r) return [];
  const ids = r.pairs.flatMap((p) => [...p.holders]);
  if (r.bye) ids.push(r.bye.holder);
  return ids;
}

/** The cards of the people who play on: authors who are here now (late joiners' new cards included). */
export function cardsOfPlayersOn(state: GameState, presentIds: Iterable<string>): GameCard[] {
  const here = new Set(presentIds);
  return state.cards.filter((c) => here.has(c.authorId));
}

export interface RedealChange {
  /** Dealt into the next round but not here any more. */
  readonly leaving: readonly string[];
  /** Here with a card, but not dealt into the next round. */
  readonly joining: readonly string[];
  /** People here without a card (they are left out of a re-deal until they write one). */
  readonly withoutCard: readonly string[];
}

/** Who a re-deal would take out and bring in, now. */
export function redealChange(state: GameState, presentIds: Iterable<string>): RedealChange {
  const here = [...new Set(presentIds)];
  const hereSet = new Set(here);
  const dealt = new Set(playersDealtIn(state));
  const authors = new Set(state.cards.map((c) => c.authorId));
  return {
    leaving: [...dealt].filter((id) => !hereSet.has(id)),
    joining: here.filter((id) => authors.has(id) && !dealt.has(id)),
    withoutCard: here.filter((id) => !authors.has(id)),
  };
}

/** Can the game be re-dealt now (between rounds, with rounds left to play)? The reason when not. */
export function checkRedeal(state: GameState): Result<void> {
  const no = (message: string): Result<void> => ({ ok: false, error: { code: 'VALIDATION_FAILED', message } });
  if (state.phase !== 'playing' || !state.plan) return no('Re-deal while the game is being played.');
  if (state.roundOpen) return no('Close the open round before re-dealing.');
  if (state.round >= state.plan.rounds.length) return no('Every round is played: there is nothing left to re-deal.');
  return { ok: true, value: undefined };
}

export interface GameController {
  start(rounds?: number): Promise<GameRecordView>;
  deal(state: GameState): Promise<GameRecordView>;
  openRound(state: GameState, minutes?: number): void;
  closeRound(state: GameState): Promise<GameRecordView>;
  closePair(state: GameState, pair: PairRef): void;
  finish(state: GameState): Promise<GameRecordView>;
  merge(state: GameState, merge: CardMerge): void;
  unmerge(state: GameState, cardId: string): void;
  commit(state: GameState): Promise<readonly Topic[]>;
  redeal(state: GameState, presentIds: Iterable<string>): Promise<GameRecordView>;
  /** The meeting's last game when it can be resumed, else null. */
  findResumable(): Promise<GameRecordView | null>;
  resume(game: GameRecordView): void;
}

export function createGameController({ api, live, communityId, meetingId }: GameControllerDeps): GameController {
  return {
    async start(rounds = DEFAULT_ROUNDS) {
      if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_GAME_ROUNDS) {
        throw new GameActionRefusedError(`A game has 1 to ${MAX_GAME_ROUNDS} rounds.`);
      }
      const game = await api.start(communityId, meetingId, { rounds });
      live.start({ gameId: game.gameId, plannedRounds: game.plannedRounds });
      return game;
    },

    async deal(state) {
      must(checkStep(state, 'deal'));
      const game = await api.deal(communityId, state.gameId, state.cards);
      if (!game.plan) throw new GameActionRefusedError('The server accepted the deal but sent no plan back; try again.');
      live.deal(game.plan);
      return game;
    },

    openRound(state, minutes = 0) {
      must(checkStep(state, 'open-round'));
      const rounds = state.plan?.rounds.length ?? state.plannedRounds;
      if (state.round >= rounds) throw new GameActionRefusedError(`All ${rounds} rounds are played: finish the game.`);
      if (!Number.isInteger(minutes) || minutes < 0 || minutes > ROUND_TIMER_MAX_MINUTES) {
        throw new GameActionRefusedError(`A round timer is 0 to ${ROUND_TIMER_MAX_MINUTES} minutes.`);
      }
      live.openRound({ minutes });
    },

    async closeRound(state) {
      must(checkStep(state, 'close-round'));
      const game = await api.checkpoint(communityId, state.gameId, {
        roundsClosed: state.round + 1,
        phase: 'playing',
        splits: agreedSplits(state, state.round),
        closedPairs: state.closedPairs,
      });
      live.closeRound();
      return game;
    },

    closePair(state, pair) {
      must(checkStep(state, 'close-pair', { pair }));
      live.closePair(pair);
    },

    async finish(state) {
      must(checkStep(state, 'finish'));
      const game = await api.checkpoint(communityId, state.gameId, {
        roundsClosed: state.round,
        phase: 'finished',
        splits: agreedSplits(state),
        closedPairs: state.closedPairs,
      });
      live.finish();
      return game;
    },

    merge(state, m) {
      must(checkStep(state, 'merge', { merge: m }));
      live.merge(m);
    },

    unmerge(state, cardId) {
      must(checkStep(state, 'unmerge', { merge: { from: cardId, into: cardId } }));
      live.unmerge(cardId);
    },

    async commit(state) {
      must(checkStep(state, 'commit'));
      const { game, topics } = await api.commit(communityId, state.gameId, {
        splits: agreedSplits(state),
        merges: state.merges,
        result: gameResult(state),
      });
      if (!game.committed) throw new GameActionRefusedError('The server did not confirm the commit; reload and check the backlog.');
      live.markCommitted(game.committed);
      return topics;
    },

    async redeal(state, presentIds) {
      must(checkRedeal(state));
      const cards = cardsOfPlayersOn(state, presentIds);
      if (cards.length < 2) throw new GameActionRefusedError('At least two people with a card must be here to play on.');
      const game = await api.redeal(communityId, state.gameId, { fromRound: state.round, cards });
      if (!game.plan) throw new GameActionRefusedError('The server accepted the re-deal but sent no plan back; try again.');
      live.redeal(game.plan);
      return game;
    },

    async findResumable() {
      const game = await api.latest(communityId, meetingId);
      return isResumable(game) ? game : null;
    },

    resume(game) {
      if (!isResumable(game)) throw new GameActionRefusedError('That game is already in the backlog; start a new one.');
      live.resume(checkpointOf(game));
    },
  };
}
