/** Small Thirty Five games for the tab's unit tests: a real deal from the rules engine. */
import { planThirtyFive, type GameCard, type GameState, type SplitChoice } from '../../../src/domain/thirty-five';

export const PEOPLE = ['u1', 'u2', 'u3', 'u4', 'u5'] as const;
export const NAMES: Record<string, string> = {
  u1: 'Alex Morgan',
  u2: 'Bea Okafor',
  u3: 'Chen Wei',
  u4: 'Dara Nolan',
  u5: 'Eli Haddad',
  u6: 'Farah Khan',
};
export const nameOf = (id: string) => NAMES[id] ?? 'someone';
export const members = Object.entries(NAMES).map(([userId, displayName]) => ({ userId, displayName }));

export const cardsFor = (ids: readonly string[]): GameCard[] =>
  ids.map((id, i) => ({
    id: `c-${id}`,
    authorId: id,
    title: `Topic ${i + 1}`,
    description: i % 2 ? `Why topic ${i + 1} matters` : '',
  }));

export function writing(ids: readonly string[] = PEOPLE, rounds = 5): GameState {
  return {
    gameId: 'g1',
    phase: 'writing',
    plannedRounds: rounds,
    // The meeting's cards carry no author (the server keeps them): strip them as the tree does.
    cards: cardsFor(ids).map(({ id, title, description }) => ({ id, title, description })),
    plan: undefined,
    round: 0,
    roundOpen: false,
    roundEndsAt: undefined,
    choices: [],
    closedPairs: [],
    merges: [],
    committed: undefined,
  };
}

export function dealt(ids: readonly string[] = PEOPLE, rounds = 5, extra: Partial<GameState> = {}): GameState {
  const w = writing(ids, rounds);
  const plan = planThirtyFive({ participants: [...ids], cards: cardsFor(ids), rounds, seed: 'test' });
  return { ...w, phase: 'playing', plan, ...extra };
}

/** Both holders of every pair of `round` choose the same split (`k` points for cards[0]). */
export function agreeAll(state: GameState, round: number, k = 5): SplitChoice[] {
  const r = state.plan!.rounds[round]!;
  return r.pairs.flatMap((p, i) => {
    const points = [(k + i) % 8, 7 - ((k + i) % 8)] as const;
    return p.holders.map((userId) => ({ round, userId, points }));
  });
}

/** Every round played with everyone agreeing, ready to finish. */
export function allPlayed(ids: readonly string[] = PEOPLE, rounds = 5): GameState {
  const d = dealt(ids, rounds);
  const choices = Array.from({ length: rounds }, (_, r) => agreeAll(d, r, r + 2)).flat();
  return { ...d, choices, round: rounds };
}
