/**
 * The steps of a Thirty Five game in a side panel. Everything that counts goes to the server first
 * (docs/adr/0017-votes-the-server-vouches-for.md): a participant's split, the facilitator's open
 * round, closed pair, round close, finish and commit. The server checks who may cast it and stores
 * it; only then is it shown in the live meeting. A round's close and the commit answer with the
 * record, which becomes what the meeting shows (`applyCheckpoint`), so an entry some client forged
 * into the tree is gone at the next checkpoint. Merges are live until the commit sends them.
 * Every step returns a ClientResult (a refusal is a value); it throws only on a bug. Free of React
 * and Fluent, so the flow is unit tested with stubs.
 */
import type { GameRecordView, LatestGameView } from '../../../api/thirty-five-schemas';
import { MAX_GAME_ROUNDS } from '../../../api/thirty-five-schemas';
import type { Result } from '../../../domain/result';
import {
  DEFAULT_ROUNDS,
  ROUND_TIMER_MAX_MINUTES,
  checkCardText,
  checkChoice,
  checkStep,
  checkpointOf,
  gameResult,
  seatOf,
  type CardMerge,
  type AnonymousCard,
  type GameState,
  type PairRef,
  type SplitChoice,
} from '../../../domain/thirty-five';
import type { Topic } from '../../../domain/backlog';
import { clientFail, clientOk, type ClientResult } from '../../../live/client-result';
import type { LiveThirtyFive } from '../../../live/live-meeting';
import type { ApiClient } from '../../api-client';
import { apiResult } from '../../api-result';

export interface GameControllerDeps {
  readonly api: ApiClient['thirtyFive'];
  readonly live: LiveThirtyFive;
  readonly communityId: string;
  readonly meetingId: string;
}

const refused = <T = never>(message: string): ClientResult<T> => clientFail('ACTION_REFUSED', message);
/** A rule the tab checks before asking anyone, as a refusal (or undefined when it holds). */
const unless = (r: Result<unknown>): ClientResult<never> | undefined => (r.ok ? undefined : refused(r.error.message));

/** Is this recorded game one to offer for resuming (started, not yet in the backlog)? */
export const isResumable = (g: GameRecordView | null | undefined): g is GameRecordView =>
  !!g && g.status !== 'committed' && !g.committed;

/** Everyone dealt into the rounds still to play (the next round's holders and its bye). */
export function playersDealtIn(state: GameState): string[] {
  const r = state.plan?.rounds[state.round];
  if (!r) return [];
  const ids = r.pairs.flatMap((p) => [...p.holders]);
  if (r.bye) ids.push(r.bye.holder);
  return ids;
}

export interface RedealChange {
  /** Dealt into the next round but not here any more. */
  readonly leaving: readonly string[];
  /** Cards written but not dealt into the next round (late joiners'; their authors are not shown). */
  readonly newCards: number;
}

/** Who a re-deal would take out, and how many new cards it would bring in, now. */
export function redealChange(state: GameState, presentIds: Iterable<string>): RedealChange {
  const hereSet = new Set(presentIds);
  const dealt = new Set(playersDealtIn(state));
  const dealtCards = new Set(
    (state.plan?.rounds ?? []).flatMap((r) => [
      ...r.pairs.flatMap((p) => [...p.cards]),
      ...(r.bye ? [r.bye.card] : []),
    ]),
  );
  return {
    leaving: [...dealt].filter((id) => !hereSet.has(id)),
    newCards: state.cards.filter((c) => !dealtCards.has(c.id)).length,
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
  start(rounds?: number): Promise<ClientResult<GameRecordView>>;
  /** Participant: write or rewrite my card; server first, then shown under its opaque id (no author). */
  writeCard(state: GameState, text: { title: string; description?: string }): Promise<ClientResult<AnonymousCard>>;
  /** Participant: my own card of this game (from the server), or null. */
  myCard(gameId: string): Promise<ClientResult<AnonymousCard | null>>;
  deal(state: GameState): Promise<ClientResult<GameRecordView>>;
  /** Participant: my split ([my card, my partner's]) for my pair in the open round; server first. */
  choose(state: GameState, userId: string, mine: readonly number[]): Promise<ClientResult<SplitChoice>>;
  openRound(state: GameState, minutes?: number): Promise<ClientResult<GameRecordView>>;
  closeRound(state: GameState): Promise<ClientResult<GameRecordView>>;
  closePair(state: GameState, pair: PairRef): Promise<ClientResult<GameRecordView>>;
  finish(state: GameState): Promise<ClientResult<GameRecordView>>;
  merge(state: GameState, merge: CardMerge): ClientResult<void>;
  unmerge(state: GameState, cardId: string): ClientResult<void>;
  commit(state: GameState): Promise<ClientResult<readonly Topic[]>>;
  redeal(state: GameState, presentIds: Iterable<string>): Promise<ClientResult<GameRecordView>>;
  /** The meeting's last game when it can be resumed, else null. */
  findResumable(): Promise<ClientResult<LatestGameView | null>>;
  resume(game: LatestGameView): ClientResult<void>;
}

export function createGameController({ api, live, communityId, meetingId }: GameControllerDeps): GameController {
  /** The record's game becomes what the meeting shows. */
  const show = (game: GameRecordView): ClientResult<GameRecordView> => {
    const applied = live.applyCheckpoint(checkpointOf(game));
    return applied.ok ? clientOk(game) : applied;
  };
  const checkpoint = async (state: GameState, roundsClosed: number, phase: 'playing' | 'finished') => {
    const saved = await apiResult(api.checkpoint(communityId, state.gameId, { roundsClosed, phase }));
    return saved.ok ? show(saved.value) : saved;
  };

  return {
    async start(rounds = DEFAULT_ROUNDS) {
      if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_GAME_ROUNDS)
        return refused(`A game has 1 to ${MAX_GAME_ROUNDS} rounds.`);
      const game = await apiResult(api.start(communityId, meetingId, { rounds }));
      if (!game.ok) return game;
      const shown = live.start({ gameId: game.value.gameId, plannedRounds: game.value.plannedRounds });
      return shown.ok ? game : shown;
    },

    async writeCard(state, text) {
      const checked = checkCardText(text.title, text.description);
      if (!checked.ok) return { ok: false, error: checked.error };
      if (state.phase === 'finished') return refused('The game is over: cards can no longer be written.');
      const card = await apiResult(api.writeCard(communityId, state.gameId, checked.value));
      if (!card.ok) return card;
      const shown = live.showCard(card.value);
      return shown.ok ? card : shown;
    },

    async myCard(gameId) {
      return apiResult(api.myCard(communityId, gameId));
    },

    async deal(state) {
      const no = unless(checkStep(state, 'deal'));
      if (no) return no;
      const game = await apiResult(api.deal(communityId, state.gameId));
      if (!game.ok) return game;
      if (!game.value.plan) return refused('The server accepted the deal but sent no plan back; try again.');
      const shown = live.deal(game.value.plan);
      return shown.ok ? game : shown;
    },

    async choose(state, userId, mine) {
      const choice = checkChoice(state, userId, mine);
      if (!choice.ok) return refused(choice.error.message);
      const seat = seatOf(state, userId);
      if (seat.kind !== 'pair') return refused('You have no pair in this round.');
      const stored = await apiResult(
        api.choose(communityId, state.gameId, {
          round: choice.value.round,
          pair: seat.pair,
          points: choice.value.points,
        }),
      );
      if (!stored.ok) return stored;
      return live.chooseSplit(mine);
    },

    async openRound(state, minutes = 0) {
      const no = unless(checkStep(state, 'open-round'));
      if (no) return no;
      const rounds = state.plan?.rounds.length ?? state.plannedRounds;
      if (state.round >= rounds) return refused(`All ${rounds} rounds are played: finish the game.`);
      if (!Number.isInteger(minutes) || minutes < 0 || minutes > ROUND_TIMER_MAX_MINUTES)
        return refused(`A round timer is 0 to ${ROUND_TIMER_MAX_MINUTES} minutes.`);
      const game = await apiResult(api.openRound(communityId, state.gameId, { round: state.round, minutes }));
      if (!game.ok) return game;
      const shown = live.openRound({ endsAt: game.value.scoring?.endsAt ?? null });
      return shown.ok ? game : shown;
    },

    async closeRound(state) {
      const no = unless(checkStep(state, 'close-round'));
      if (no) return no;
      return checkpoint(state, state.round + 1, 'playing');
    },

    async closePair(state, pair) {
      const no = unless(checkStep(state, 'close-pair', { pair }));
      if (no) return no;
      const game = await apiResult(api.closePair(communityId, state.gameId, pair));
      if (!game.ok) return game;
      const shown = live.closePair(pair);
      return shown.ok ? game : shown;
    },

    async finish(state) {
      const no = unless(checkStep(state, 'finish'));
      if (no) return no;
      return checkpoint(state, state.round, 'finished');
    },

    merge(state, m) {
      return unless(checkStep(state, 'merge', { merge: m })) ?? live.merge(m);
    },

    unmerge(state, cardId) {
      return unless(checkStep(state, 'unmerge', { merge: { from: cardId, into: cardId } })) ?? live.unmerge(cardId);
    },

    async commit(state) {
      const no = unless(checkStep(state, 'commit'));
      if (no) return no;
      const committed = await apiResult(
        api.commit(communityId, state.gameId, { merges: state.merges, result: gameResult(state) }),
      );
      if (!committed.ok) {
        if (committed.error.code !== 'RESULT_MISMATCH') return committed;
        // The screen was not what the record says (e.g. someone wrote into the live game): show the record.
        const latest = await apiResult(api.latest(communityId, meetingId));
        if (latest.ok && latest.value?.gameId === state.gameId) show(latest.value);
        return refused(
          'The result shown was not what the saved rounds say. It is updated now: check it and commit again.',
        );
      }
      const { game, topics } = committed.value;
      if (!game.committed) return refused('The server did not confirm the commit; reload and check the backlog.');
      const shown = show(game);
      return shown.ok ? clientOk(topics) : shown;
    },

    async redeal(state, presentIds) {
      const no = unless(checkRedeal(state));
      if (no) return no;
      const players = [...new Set(presentIds)];
      if (players.length < 2) return refused('At least two people with a card must be here to play on.');
      const game = await apiResult(api.redeal(communityId, state.gameId, { fromRound: state.round, players }));
      if (!game.ok) return game;
      if (!game.value.plan) return refused('The server accepted the re-deal but sent no plan back; try again.');
      const shown = live.redeal(game.value.plan);
      return shown.ok ? game : shown;
    },

    async findResumable() {
      const game = await apiResult(api.latest(communityId, meetingId));
      if (!game.ok) return game;
      return clientOk(isResumable(game.value) ? game.value : null);
    },

    resume(game) {
      if (!isResumable(game)) return refused('That game is already in the backlog; start a new one.');
      live.resume(checkpointOf(game), game.openChoices ?? []);
      return clientOk();
    },
  };
}
