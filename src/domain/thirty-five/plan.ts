import { IssueList } from './errors';
import { emptyHistory, planRounds, type History, type IndexRound } from './planner';
import type { ThirtyFivePlan, ThirtyFivePlanInput, ThirtyFiveRound } from './types';
import { canonicalInput, checkPlanShape, type CanonicalInput } from './validate';

function toRounds(input: CanonicalInput, rounds: IndexRound[]): ThirtyFiveRound[] {
  const who = input.participants;
  const card = input.cards.map((c) => c.id);
  return rounds.map((r) => {
    const pairs = r.pairs.map(([h0, h1, c0, c1]) => ({
      holders: [who[h0] as string, who[h1] as string] as const,
      cards: [card[c0] as string, card[c1] as string] as const,
    }));
    return r.bye ? { pairs, bye: { holder: who[r.bye[0]] as string, card: card[r.bye[1]] as string } } : { pairs };
  });
}

function authorIndex(input: CanonicalInput): Int32Array {
  const index = new Map(input.participants.map((p, i) => [p, i]));
  return Int32Array.from(input.cards, (c) => index.get(c.authorId) as number);
}

export function planThirtyFive(input: ThirtyFivePlanInput): ThirtyFivePlan {
  const canon = canonicalInput(input);
  const n = canon.participants.length;
  const rounds = planRounds({
    authorOf: authorIndex(canon),
    history: emptyHistory(n),
    rounds: canon.rounds,
    seed: canon.seed,
  });
  return { rounds: toRounds(canon, rounds) };
}

/** The played rounds as history, restricted to the participants and cards of `canon`. */
function historyOf(plan: ThirtyFivePlan, fromRound: number, canon: CanonicalInput, issues: IssueList): History {
  const n = canon.participants.length;
  const h = emptyHistory(n);
  const person = new Map(canon.participants.map((p, i) => [p, i]));
  const cardIx = new Map(canon.cards.map((c, i) => [c.id, i]));
  const authorOf = authorIndex(canon);
  const bump = (arr: Int32Array, i: number) => {
    arr[i] = (arr[i] as number) + 1;
  };
  for (let r = 0; r < fromRound; r++) {
    const round = plan.rounds[r] as ThirtyFiveRound;
    const played = new Uint8Array(n);
    const scored = new Uint8Array(n);
    const hold = (holder: string, cardId: string) => {
      const p = person.get(holder);
      const c = cardIx.get(cardId);
      if (p === undefined || c === undefined) return;
      if (authorOf[c] === p)
        issues.add(`cards`, `card "${cardId}" is said to be written by "${holder}", who held it in round ${r}`);
      bump(h.held, p * n + c);
    };
    for (const pair of round.pairs) {
      const [a, b] = pair.holders.map((x) => person.get(x));
      if (a !== undefined) played[a] = 1;
      if (b !== undefined) played[b] = 1;
      if (a !== undefined && b !== undefined) {
        bump(h.meets, a * n + b);
        bump(h.meets, b * n + a);
      }
      const [x, y] = pair.cards.map((c) => cardIx.get(c));
      if (x !== undefined) scored[x] = 1;
      if (y !== undefined) scored[y] = 1;
      if (x !== undefined && y !== undefined) {
        bump(h.compared, x * n + y);
        bump(h.compared, y * n + x);
      }
      hold(pair.holders[0], pair.cards[0]);
      hold(pair.holders[1], pair.cards[1]);
    }
    if (round.bye) hold(round.bye.holder, round.bye.card);
    for (let i = 0; i < n; i++) {
      if (!played[i]) bump(h.satOut, i);
      if (!scored[i]) bump(h.unscored, i);
    }
  }
  return h;
}

export function replanFromRound(
  plan: ThirtyFivePlan,
  fromRound: number,
  newInput: ThirtyFivePlanInput,
): ThirtyFivePlan {
  checkPlanShape(plan);
  const issues = new IssueList();
  if (!Number.isInteger(fromRound) || fromRound < 0 || fromRound > plan.rounds.length) {
    issues.add('fromRound', `must be an integer from 0 to ${plan.rounds.length} (got ${String(fromRound)})`);
    issues.throwIfAny('INVALID_REPLAN', 'Invalid Thirty Five re-plan');
  }
  const canon = canonicalInput(newInput, plan.rounds.length);
  if (canon.rounds <= fromRound) {
    issues.add(
      'rounds',
      `the game must go on after round ${fromRound}: total rounds ${canon.rounds} must be more than fromRound`,
    );
  }
  const history = historyOf(plan, fromRound, canon, issues);
  issues.throwIfAny('INVALID_REPLAN', 'Invalid Thirty Five re-plan');
  const rounds = planRounds({
    authorOf: authorIndex(canon),
    history,
    rounds: canon.rounds - fromRound,
    seed: canon.seed,
  });
  return { rounds: [...plan.rounds.slice(0, fromRound), ...toRounds(canon, rounds)] };
}
