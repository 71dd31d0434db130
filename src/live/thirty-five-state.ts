/**
 * Thirty Five in the meeting tree: the tree -> the domain's plain GameState, and every edit a
 * participant or the facilitator makes, each one transaction, each checked first with the domain
 * rules (src/domain/thirty-five/game.ts). A refused edit is a value (`STEP_REFUSED`, tree unchanged),
 * never a throw. The tree only mirrors what the server stored (docs/adr/0017-votes-the-server-vouches-for.md):
 * at every checkpoint `applyCheckpoint` rewrites the closed rounds from the record, so an entry a
 * client forged disappears. Needs the tree but no container: unit tested on an independent tree view.
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
  type AnonymousCard,
  type GameCheckpoint,
  type GamePhase,
  type GameState,
  type PairRef,
  type SplitChoice,
  type ThirtyFivePlan,
} from '../domain/thirty-five';
import type { Result } from '../domain/result';
import { clientFail, clientOk, type ClientResult } from './client-result';
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
  const cards: AnonymousCard[] = [...(g.cardsById?.entries() ?? [])]
    .map(([id, c]) => ({ id, title: c.title, description: c.description }))
    .sort((a, b) => byText(a.id, b.id));
  const choices: SplitChoice[] = [...g.choices.values()]
    .map((c) => ({ round: c.round, userId: c.userId, points: [c.first, c.second] as const }))
    .sort((a, b) => a.round - b.round || byText(a.userId, b.userId));
  const closedPairs: PairRef[] = [...g.closedPairs.values()]
    .map((p) => ({ round: p.round, pair: p.pair }))
    .sort((a, b) => a.round - b.round || a.pair - b.pair);
  const merges: CardMerge[] = [...g.merges.entries()]
    .map(([from, m]) => ({ from, into: m.into }))
    .sort((a, b) => byText(a.from, b.from));
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

type Refused = { ok: false; error: { code: 'STEP_REFUSED'; message: string } };
const refused = (message: string): Refused => clientFail('STEP_REFUSED', message) as Refused;
const asRefusal = (r: Result<unknown>): Refused | undefined => (r.ok ? undefined : refused(r.error.message));

type Game = { node: ThirtyFiveGame; state: GameState };

function gameOf(meeting: Meeting): Game | Refused {
  const node = meeting.thirtyFive;
  const state = gameStateOf(meeting);
  if (!node || !state) return refused('No Thirty Five game is running in this meeting.');
  return { node, state };
}

function step(meeting: Meeting, s: FacilitatorStep, arg?: Parameters<typeof checkStep>[2]): Game | Refused {
  const g = gameOf(meeting);
  if ('ok' in g) return g;
  return asRefusal(checkStep(g.state, s, arg)) ?? g;
}

/** A new game (card writing open), replacing any earlier game of this meeting. */
export function startGame(meeting: Meeting, input: { gameId: string; plannedRounds: number }): ClientResult<void> {
  if (!Number.isInteger(input.plannedRounds) || input.plannedRounds < 1)
    return refused('A game has at least one round.');
  Tree.runTransaction(meeting, (m) => {
    m.thirtyFive = new ThirtyFiveGame({
      gameId: input.gameId,
      phase: 'writing',
      plannedRounds: input.plannedRounds,
      round: 0,
      roundOpen: false,
      cards: new ThirtyFiveCards(),
      cardsById: new ThirtyFiveCards(),
      choices: new ThirtyFiveChoices(),
      closedPairs: new ThirtyFiveClosedPairs(),
      merges: new ThirtyFiveMerges(),
    });
  });
  return clientOk();
}

/**
 * Shows a card the server stored (written server first: docs/adr/0023-anonymous-thirty-five-cards.md),
 * keyed by its opaque per-game id, with no author; a rewrite has the same id and replaces it.
 */
export function showCard(meeting: Meeting, card: AnonymousCard, now: Date): ClientResult<void> {
  const g = gameOf(meeting);
  if ('ok' in g) return g;
  const { node, state } = g;
  const checked = checkCardText(card.title, card.description);
  if (!checked.ok) return { ok: false, error: checked.error };
  if (state.phase === 'finished') return refused('The game is over: cards can no longer be written.');
  const { title, description } = checked.value;
  Tree.runTransaction(node, (t) => {
    const entry = new ThirtyFiveCardEntry({ cardId: card.id, title, description, at: now.toISOString() });
    if (t.cardsById) t.cardsById.set(card.id, entry);
    else t.cardsById = new ThirtyFiveCards({ [card.id]: entry });
  });
  return clientOk();
}

/**
 * Shows the caller's split for their pair in the open round, as [points for my card, for my
 * partner's], once the server has stored it (the tab's controller asks the server first).
 */
export function chooseSplit(
  meeting: Meeting,
  user: LiveUser,
  mine: readonly number[],
  now: Date,
): ClientResult<SplitChoice> {
  const g = gameOf(meeting);
  if ('ok' in g) return g;
  const choice = checkChoice(g.state, user.id, mine);
  if (!choice.ok) return refused(choice.error.message);
  const c = choice.value;
  Tree.runTransaction(g.node, (t) => {
    t.choices.set(
      `${c.round}/${user.id}`,
      new ThirtyFiveChoiceEntry({
        round: c.round,
        userId: user.id,
        first: c.points[0],
        second: c.points[1],
        at: now.toISOString(),
      }),
    );
  });
  return clientOk(c);
}

/** The deal (made by the server from the written cards): playing, round 1 ready to open. */
export function dealGame(meeting: Meeting, plan: ThirtyFivePlan): ClientResult<void> {
  const g = step(meeting, 'deal');
  if ('ok' in g) return g;
  Tree.runTransaction(g.node, (t) => {
    t.plan = JSON.stringify(plan);
    t.phase = 'playing';
    t.plannedRounds = plan.rounds.length;
    t.round = 0;
    t.roundOpen = false;
    t.roundEndsAt = undefined;
  });
  return clientOk();
}

/** A re-deal (people left or joined): the rounds from `round` on are new; nothing played changes. */
export function redealGame(meeting: Meeting, plan: ThirtyFivePlan): ClientResult<void> {
  const g = gameOf(meeting);
  if ('ok' in g) return g;
  if (g.state.phase !== 'playing' || g.state.roundOpen)
    return refused('Re-deal between rounds, while the game is being played.');
  Tree.runTransaction(g.node, (t) => {
    t.plan = JSON.stringify(plan);
    t.plannedRounds = plan.rounds.length;
  });
  return clientOk();
}

/** Opens the next round; `endsAt` is the timer the server stored (else `minutes` from now). */
export function openRound(
  meeting: Meeting,
  opts: { minutes?: number; endsAt?: string | null },
  now: Date,
): ClientResult<void> {
  const g = step(meeting, 'open-round');
  if ('ok' in g) return g;
  const minutes = opts.minutes ?? 0;
  if (!Number.isFinite(minutes) || minutes < 0 || minutes > ROUND_TIMER_MAX_MINUTES) {
    return refused(`A round timer is 0 to ${ROUND_TIMER_MAX_MINUTES} minutes.`);
  }
  const endsAt =
    opts.endsAt !== undefined
      ? (opts.endsAt ?? undefined)
      : minutes > 0
        ? new Date(now.getTime() + minutes * 60_000).toISOString()
        : undefined;
  Tree.runTransaction(g.node, (t) => {
    t.roundOpen = true;
    t.roundEndsAt = endsAt;
  });
  return clientOk();
}

/** Closes the open round in the live view only (tests and the bench); the tab uses applyCheckpoint. */
export function closeRound(meeting: Meeting): ClientResult<void> {
  const g = step(meeting, 'close-round');
  if ('ok' in g) return g;
  Tree.runTransaction(g.node, (t) => {
    t.roundOpen = false;
    t.roundEndsAt = undefined;
    t.round = t.round + 1;
    t.savedRounds = t.round;
  });
  return clientOk();
}

export function closePair(meeting: Meeting, user: LiveUser, pair: PairRef, now: Date): ClientResult<void> {
  const g = step(meeting, 'close-pair', { pair });
  if ('ok' in g) return g;
  Tree.runTransaction(g.node, (t) => {
    t.closedPairs.set(
      `${pair.round}/${pair.pair}`,
      new ThirtyFiveClosedPair({ round: pair.round, pair: pair.pair, by: user.id, at: now.toISOString() }),
    );
  });
  return clientOk();
}

export function finishGame(meeting: Meeting): ClientResult<void> {
  const g = step(meeting, 'finish');
  if ('ok' in g) return g;
  Tree.runTransaction(g.node, (t) => {
    t.phase = 'finished';
  });
  return clientOk();
}

export function mergeCards(meeting: Meeting, user: LiveUser, merge: CardMerge, now: Date): ClientResult<void> {
  const g = step(meeting, 'merge', { merge });
  if ('ok' in g) return g;
  Tree.runTransaction(g.node, (t) => {
    t.merges.set(merge.from, new ThirtyFiveMerge({ into: merge.into, by: user.id, at: now.toISOString() }));
  });
  return clientOk();
}

export function unmergeCard(meeting: Meeting, cardId: string): ClientResult<void> {
  const g = step(meeting, 'unmerge', { merge: { from: cardId, into: cardId } });
  if ('ok' in g) return g;
  Tree.runTransaction(g.node, (t) => {
    t.merges.delete(cardId);
  });
  return clientOk();
}

export function markCommitted(
  meeting: Meeting,
  committed: { at: string; topicIds: readonly string[] },
): ClientResult<void> {
  const g = gameOf(meeting);
  if ('ok' in g) return g;
  Tree.runTransaction(g.node, (t) => {
    t.committedAt = committed.at;
    t.committedTopicIds = JSON.stringify(committed.topicIds);
  });
  return clientOk();
}

/** Both holders' entries for each agreed split, as the record saved it. */
function choicesFromSplits(cp: GameCheckpoint, at: string): [string, ThirtyFiveChoiceEntry][] {
  const out: [string, ThirtyFiveChoiceEntry][] = [];
  for (const s of cp.splits) {
    const pair = cp.plan?.rounds[s.round]?.pairs[s.pair];
    if (!pair) continue;
    for (const holder of pair.holders) {
      out.push([
        `${s.round}/${holder}`,
        new ThirtyFiveChoiceEntry({
          round: s.round,
          userId: holder,
          first: s.points[0] ?? 0,
          second: s.points[1] ?? 0,
          at,
        }),
      ]);
    }
  }
  return out;
}

/**
 * The record's answer to a checkpoint (a round's close, the finish, the commit) becomes what the
 * meeting shows: no round is open then, so every choice and closed pair is rewritten from the saved
 * splits and closed pairs (a split or pair a client wrote that the server did not store is gone), and
 * the next round is ready to open. Cards stay; merges stay until the record holds the committed ones.
 */
export function applyCheckpoint(meeting: Meeting, cp: GameCheckpoint, now: Date): ClientResult<void> {
  const g = gameOf(meeting);
  if ('ok' in g) return g;
  if (g.state.gameId !== cp.gameId) return refused('The saved game is not the one in this meeting.');
  const at = now.toISOString();
  Tree.runTransaction(g.node, (t) => {
    for (const key of [...t.choices.keys()]) t.choices.delete(key);
    for (const [key, entry] of choicesFromSplits(cp, at)) t.choices.set(key, entry);
    for (const key of [...t.closedPairs.keys()]) t.closedPairs.delete(key);
    for (const p of cp.closedPairs)
      t.closedPairs.set(
        `${p.round}/${p.pair}`,
        new ThirtyFiveClosedPair({ round: p.round, pair: p.pair, by: 'checkpoint', at }),
      );
    if (cp.plan) t.plan = JSON.stringify(cp.plan);
    t.phase = cp.phase;
    t.round = cp.roundsClosed;
    t.roundOpen = false;
    t.roundEndsAt = undefined;
    t.savedRounds = cp.roundsClosed;
    if (cp.committed) {
      for (const key of [...t.merges.keys()]) t.merges.delete(key);
      for (const x of cp.merges) t.merges.set(x.from, new ThirtyFiveMerge({ into: x.into, by: 'checkpoint', at }));
      t.committedAt = cp.committed.at;
      t.committedTopicIds = JSON.stringify(cp.committed.topicIds);
    }
  });
  return clientOk();
}

/**
 * Rebuilds the game from the record's checkpoint (the live container was lost): cards, the deal,
 * the closed rounds with their agreed splits (written as both holders' choices), closed pairs,
 * merges, and the splits the server stored for the round being scored. The next round is ready to open.
 */
export function resumeGame(
  meeting: Meeting,
  cp: GameCheckpoint,
  now: Date,
  openChoices: readonly SplitChoice[] = [],
): void {
  const at = now.toISOString();
  Tree.runTransaction(meeting, (m) => {
    const cardsById = new ThirtyFiveCards();
    for (const c of cp.cards)
      cardsById.set(c.id, new ThirtyFiveCardEntry({ cardId: c.id, title: c.title, description: c.description, at }));
    const choices = new ThirtyFiveChoices();
    for (const [key, entry] of choicesFromSplits(cp, at)) choices.set(key, entry);
    for (const c of openChoices) {
      if (c.round !== cp.roundsClosed) continue;
      choices.set(
        `${c.round}/${c.userId}`,
        new ThirtyFiveChoiceEntry({ round: c.round, userId: c.userId, first: c.points[0], second: c.points[1], at }),
      );
    }
    const closedPairs = new ThirtyFiveClosedPairs();
    for (const p of cp.closedPairs)
      closedPairs.set(
        `${p.round}/${p.pair}`,
        new ThirtyFiveClosedPair({ round: p.round, pair: p.pair, by: 'checkpoint', at }),
      );
    const merges = new ThirtyFiveMerges();
    for (const x of cp.merges) merges.set(x.from, new ThirtyFiveMerge({ into: x.into, by: 'checkpoint', at }));
    m.thirtyFive = new ThirtyFiveGame({
      gameId: cp.gameId,
      phase: cp.phase,
      plannedRounds: cp.plannedRounds,
      ...(cp.plan ? { plan: JSON.stringify(cp.plan) } : {}),
      round: cp.roundsClosed,
      roundOpen: false,
      cards: new ThirtyFiveCards(),
      cardsById,
      choices,
      closedPairs,
      merges,
      savedRounds: cp.roundsClosed,
      ...(cp.committed
        ? { committedAt: cp.committed.at, committedTopicIds: JSON.stringify(cp.committed.topicIds) }
        : {}),
    });
  });
}
