/**
 * Thirty Five in the meeting tree: the tree -> the domain's plain GameState, and every edit a
 * participant or the facilitator makes, each one transaction, each checked first with the domain
 * rules (src/domain/thirty-five/game.ts). Needs the tree but no container: unit tested on an
 * independent tree view.
 */
import { Tree } from 'fluid-framework';
import {
  checkCardText,
  checkChoice,
  checkStep,
  GAME_PHASES,
  ROUND_TIMER_MAX_MINUTES,
  type CardMerge,
  type FacilitatorStep,
  type GameCard,
  type GameCheckpoint,
  type GamePhase,
  type GameState,
  type PairRef,
  type SplitChoice,
  type ThirtyFivePlan,
} from '../domain/thirty-five';
import type { Result } from '../domain/result';
import type { LiveUser } from './live-meeting';
import {
  ThirtyFiveCardEntry,
  ThirtyFiveCards,
  ThirtyFiveChoiceEntry,
  ThirtyFiveChoices,
  ThirtyFiveClosedPair,
  ThirtyFiveClosedPairs,
  ThirtyFiveGame,
  ThirtyFiveMerge,
  ThirtyFiveMerges,
  type Meeting,
} from './meeting-schema';

/** An edit the rules refuse (the UI should not have offered it): the tree is unchanged. */
export class GameStepRejectedError extends Error {
  readonly code = 'GAME_STEP_REJECTED' as const;
  override readonly name = 'GameStepRejectedError';
}

const planCache = new Map<string, ThirtyFivePlan | undefined>();

/** The plan stored as JSON; parsed once per distinct string. A malformed one reads as no plan. */
function parsePlan(json: string | undefined): ThirtyFivePlan | undefined {
  if (json === undefined) return undefined;
  if (planCache.has(json)) return planCache.get(json);
  let plan: ThirtyFivePlan | undefined;
  try {
    const v = JSON.parse(json) as ThirtyFivePlan;
    plan = Array.isArray(v?.rounds) ? v : undefined;
  } catch {
    plan = undefined;
  }
  if (planCache.size > 8) planCache.clear();
  planCache.set(json, plan);
  return plan;
}

const parseIds = (json: string | undefined): string[] => {
  try {
    const v = json === undefined ? [] : (JSON.parse(json) as unknown);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The game as plain data (undefined when the meeting has none). Lists come in a stable order. */
export function gameStateOf(meeting: Meeting): GameState | undefined {
  const g = meeting.thirtyFive;
  if (!g) return undefined;
  const cards: GameCard[] = [...g.cards.entries()]
    .map(([authorId, c]) => ({ id: c.cardId, authorId, title: c.title, description: c.description }))
    .sort((a, b) => byText(a.id, b.id));
  const choices: SplitChoice[] = [...g.choices.values()]
    .map((c) => ({ round: c.round, userId: c.userId, points: [c.first, c.second] as const }))
    .sort((a, b) => a.round - b.round || byText(a.userId, b.userId));
  const closedPairs: PairRef[] = [...g.closedPairs.values()].map((p) => ({ round: p.round, pair: p.pair })).sort((a, b) => a.round - b.round || a.pair - b.pair);
  const merges: CardMerge[] = [...g.merges.entries()].map(([from, m]) => ({ from, into: m.into })).sort((a, b) => byText(a.from, b.from));
  const phase: GamePhase = (GAME_PHASES as readonly string[]).includes(g.phase) ? (g.phase as GamePhase) : 'writing';
  return {
    gameId: g.gameId,
    phase,
    plannedRounds: g.plannedRounds,
    cards,
    plan: parsePlan(g.plan),
    round: g.round,
    roundOpen: g.roundOpen,
    roundEndsAt: g.roundEndsAt,
    choices,
    closedPairs,
    merges,
    committed: g.committedAt ? { at: g.committedAt, topicIds: parseIds(g.committedTopicIds) } : undefined,
  };
}

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new GameStepRejectedError(r.error.message);
  return r.value;
}

function gameOf(meeting: Meeting): { node: ThirtyFiveGame; state: GameState } {
  const node = meeting.thirtyFive;
  const state = gameStateOf(meeting);
  if (!node || !state) throw new GameStepRejectedError('No Thirty Five game is running in this meeting.');
  return { node, state };
}

function step(meeting: Meeting, s: FacilitatorStep, arg?: Parameters<typeof checkStep>[2]): { node: ThirtyFiveGame; state: GameState } {
  const g = gameOf(meeting);
  must(checkStep(g.state, s, arg));
  return g;
}

/** A new game (card writing open), replacing any earlier game of this meeting. */
export function startGame(meeting: Meeting, input: { gameId: string; plannedRounds: number }): void {
  if (!Number.isInteger(input.plannedRounds) || input.plannedRounds < 1) throw new GameStepRejectedError('A game has at least one round.');
  Tree.runTransaction(meeting, (m) => {
    m.thirtyFive = new ThirtyFiveGame({
      gameId: input.gameId,
      phase: 'writing',
      plannedRounds: input.plannedRounds,
      round: 0,
      roundOpen: false,
      cards: new ThirtyFiveCards(),
      choices: new ThirtyFiveChoices(),
      closedPairs: new ThirtyFiveClosedPairs(),
      merges: new ThirtyFiveMerges(),
    });
  });
}

/**
 * Writes (or rewrites) the caller's own card while cards are being written. A person who arrives
 * after the deal may write one too; it is dealt in by a re-deal. Returns the card.
 */
export function writeCard(meeting: Meeting, user: LiveUser, text: { title: string; description?: string }, newCardId: () => string, now: Date): GameCard {
  const { node, state } = gameOf(meeting);
  const checked = must(checkCardText(text.title, text.description));
  if (state.phase === 'finished') throw new GameStepRejectedError('The game is over: cards can no longer be written.');
  const existing = node.cards.get(user.id);
  const dealt = state.plan?.rounds.some((r) => r.pairs.some((p) => p.cards.includes(existing?.cardId ?? '')) || r.bye?.card === existing?.cardId);
  if (existing && dealt) throw new GameStepRejectedError('Your card is already dealt: it can no longer be changed.');
  const cardId = existing?.cardId ?? newCardId();
  Tree.runTransaction(node, (g) => {
    g.cards.set(user.id, new ThirtyFiveCardEntry({ cardId, title: checked.title, description: checked.description, at: now.toISOString() }));
  });
  return { id: cardId, authorId: user.id, title: checked.title, description: checked.description };
}

/** The caller's split for their pair in the open round, as [points for my card, for my partner's]. */
export function chooseSplit(meeting: Meeting, user: LiveUser, mine: readonly number[], now: Date): SplitChoice {
  const { node, state } = gameOf(meeting);
  const choice = must(checkChoice(state, user.id, mine));
  Tree.runTransaction(node, (g) => {
    g.choices.set(
      `${choice.round}/${user.id}`,
      new ThirtyFiveChoiceEntry({ round: choice.round, userId: user.id, first: choice.points[0], second: choice.points[1], at: now.toISOString() }),
    );
  });
  return choice;
}

/** The deal (made by the server from the written cards): playing, round 1 ready to open. */
export function dealGame(meeting: Meeting, plan: ThirtyFivePlan): void {
  const { node } = step(meeting, 'deal');
  Tree.runTransaction(node, (g) => {
    g.plan = JSON.stringify(plan);
    g.phase = 'playing';
    g.plannedRounds = plan.rounds.length;
    g.round = 0;
    g.roundOpen = false;
    g.roundEndsAt = undefined;
  });
}

/** A re-deal (people left or joined): the rounds from `round` on are new; nothing played changes. */
export function redealGame(meeting: Meeting, plan: ThirtyFivePlan): void {
  const { node, state } = gameOf(meeting);
  if (state.phase !== 'playing' || state.roundOpen) throw new GameStepRejectedError('Re-deal between rounds, while the game is being played.');
  Tree.runTransaction(node, (g) => {
    g.plan = JSON.stringify(plan);
    g.plannedRounds = plan.rounds.length;
  });
}

export function openRound(meeting: Meeting, opts: { minutes?: number }, now: Date): void {
  const { node } = step(meeting, 'open-round');
  const minutes = opts.minutes ?? 0;
  if (!Number.isFinite(minutes) || minutes < 0 || minutes > ROUND_TIMER_MAX_MINUTES) {
    throw new GameStepRejectedError(`A round timer is 0 to ${ROUND_TIMER_MAX_MINUTES} minutes.`);
  }
  Tree.runTransaction(node, (g) => {
    g.roundOpen = true;
    g.roundEndsAt = minutes > 0 ? new Date(now.getTime() + minutes * 60_000).toISOString() : undefined;
  });
}

/** Closes the open round (its unagreed pairs stay unscored); `savedRounds` records the checkpoint. */
export function closeRound(meeting: Meeting): void {
  const { node } = step(meeting, 'close-round');
  Tree.runTransaction(node, (g) => {
    g.roundOpen = false;
    g.roundEndsAt = undefined;
    g.round = g.round + 1;
    g.savedRounds = g.round;
  });
}

export function closePair(meeting: Meeting, user: LiveUser, pair: PairRef, now: Date): void {
  const { node } = step(meeting, 'close-pair', { pair });
  Tree.runTransaction(node, (g) => {
    g.closedPairs.set(`${pair.round}/${pair.pair}`, new ThirtyFiveClosedPair({ round: pair.round, pair: pair.pair, by: user.id, at: now.toISOString() }));
  });
}

export function finishGame(meeting: Meeting): void {
  const { node } = step(meeting, 'finish');
  Tree.runTransaction(node, (g) => {
    g.phase = 'finished';
  });
}

export function mergeCards(meeting: Meeting, user: LiveUser, merge: CardMerge, now: Date): void {
  const { node } = step(meeting, 'merge', { merge });
  Tree.runTransaction(node, (g) => {
    g.merges.set(merge.from, new ThirtyFiveMerge({ into: merge.into, by: user.id, at: now.toISOString() }));
  });
}

export function unmergeCard(meeting: Meeting, cardId: string): void {
  const { node } = step(meeting, 'unmerge', { merge: { from: cardId, into: cardId } });
  Tree.runTransaction(node, (g) => {
    g.merges.delete(cardId);
  });
}

export function markCommitted(meeting: Meeting, committed: { at: string; topicIds: readonly string[] }): void {
  const { node } = gameOf(meeting);
  Tree.runTransaction(node, (g) => {
    g.committedAt = committed.at;
    g.committedTopicIds = JSON.stringify(committed.topicIds);
  });
}

/**
 * Rebuilds the game from the record's checkpoint (the live container was lost): cards, the deal,
 * the closed rounds with their agreed splits (written as both holders' choices), closed pairs,
 * merges. The next round is ready to open.
 */
export function resumeGame(meeting: Meeting, cp: GameCheckpoint, now: Date): void {
  const at = now.toISOString();
  Tree.runTransaction(meeting, (m) => {
    const cards = new ThirtyFiveCards();
    for (const c of cp.cards) cards.set(c.authorId, new ThirtyFiveCardEntry({ cardId: c.id, title: c.title, description: c.description, at }));
    const choices = new ThirtyFiveChoices();
    for (const s of cp.splits) {
      const pair = cp.plan?.rounds[s.round]?.pairs[s.pair];
      if (!pair) continue;
      for (const holder of pair.holders) {
        choices.set(`${s.round}/${holder}`, new ThirtyFiveChoiceEntry({ round: s.round, userId: holder, first: s.points[0] ?? 0, second: s.points[1] ?? 0, at }));
      }
    }
    const closedPairs = new ThirtyFiveClosedPairs();
    for (const p of cp.closedPairs) closedPairs.set(`${p.round}/${p.pair}`, new ThirtyFiveClosedPair({ round: p.round, pair: p.pair, by: 'checkpoint', at }));
    const merges = new ThirtyFiveMerges();
    for (const x of cp.merges) merges.set(x.from, new ThirtyFiveMerge({ into: x.into, by: 'checkpoint', at }));
    m.thirtyFive = new ThirtyFiveGame({
      gameId: cp.gameId,
      phase: cp.phase,
      plannedRounds: cp.plannedRounds,
      ...(cp.plan ? { plan: JSON.stringify(cp.plan) } : {}),
      round: cp.roundsClosed,
      roundOpen: false,
      cards,
      choices,
      closedPairs,
      merges,
      savedRounds: cp.roundsClosed,
      ...(cp.committed ? { committedAt: cp.committed.at, committedTopicIds: JSON.stringify(cp.committed.topicIds) } : {}),
    });
  });
}
