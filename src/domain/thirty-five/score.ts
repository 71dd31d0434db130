import { fail, ok, type Result } from '../result';
import { IssueList } from './errors';
import { POINTS_PER_PAIR, type ThirtyFiveCardScore, type ThirtyFivePlan, type ThirtyFiveSplit } from './types';
import { byCodeUnit, checkPlanShape } from './validate';

/** Why `points` is not a valid split, or undefined when it is. */
function splitProblem(points: unknown): string | undefined {
  if (!Array.isArray(points) || points.length !== 2) return 'a split is two numbers, one per card';
  const [a, b] = points as unknown[];
  for (const p of [a, b]) {
    if (typeof p !== 'number' || !Number.isInteger(p) || p < 0 || p > POINTS_PER_PAIR) {
      return `each card gets an integer from 0 to ${POINTS_PER_PAIR} (got ${JSON.stringify(points)})`;
    }
  }
  if ((a as number) + (b as number) !== POINTS_PER_PAIR) {
    return `the two numbers must add up to ${POINTS_PER_PAIR} (got ${JSON.stringify(points)})`;
  }
  return undefined;
}

export function validateSplit(points: unknown): Result<readonly [number, number]> {
  const problem = splitProblem(points);
  if (problem !== undefined)
    return fail('VALIDATION_FAILED', `Invalid split: ${problem}`, [{ path: 'points', message: problem }]);
  const [a, b] = points as number[];
  return ok([a as number, b as number] as const);
}

interface Tally {
  cardId: string;
  total: number;
  roundsScored: number;
  /** countOf[p]: rounds in which the card received p points. */
  countOf: number[];
  byRound: (number | null)[];
}

/**
 * Order two tallies, best first: higher normalized score (compared exactly, by cross-multiplying),
 * then more rounds scored, then more 7s, more 6s, … more 1s. 0 means equal on every rule.
 */
function compareTallies(a: Tally, b: Tally): number {
  // normalized = total × R ÷ scored; R is common, and a card with no scored round has 0.
  const left = a.roundsScored === 0 ? 0 : a.total * Math.max(1, b.roundsScored);
  const right = b.roundsScored === 0 ? 0 : b.total * Math.max(1, a.roundsScored);
  if (left !== right) return right - left;
  if (a.roundsScored !== b.roundsScored) return b.roundsScored - a.roundsScored;
  for (let p = POINTS_PER_PAIR; p >= 1; p--) {
    const d = (b.countOf[p] as number) - (a.countOf[p] as number);
    if (d !== 0) return d;
  }
  return 0;
}

export function scoreThirtyFive(plan: ThirtyFivePlan, splits: readonly ThirtyFiveSplit[]): ThirtyFiveCardScore[] {
  checkPlanShape(plan);
  const planned = plan.rounds.length;
  const tallies = new Map<string, Tally>();
  const tally = (cardId: string): Tally => {
    let t = tallies.get(cardId);
    if (!t) {
      t = {
        cardId,
        total: 0,
        roundsScored: 0,
        countOf: new Array<number>(POINTS_PER_PAIR + 1).fill(0),
        byRound: new Array<number | null>(planned).fill(null),
      };
      tallies.set(cardId, t);
    }
    return t;
  };
  for (const round of plan.rounds) {
    for (const pair of round.pairs) for (const c of pair.cards) tally(c);
    if (round.bye) tally(round.bye.card);
  }

  const issues = new IssueList();
  const seen = new Set<string>();
  if (!Array.isArray(splits)) {
    issues.add('splits', 'must be an array');
    issues.throwIfAny('INVALID_SPLIT', 'Invalid Thirty Five splits');
  }
  splits.forEach((s, i) => {
    const path = `splits[${i}]`;
    const split = s as Partial<ThirtyFiveSplit> | null;
    if (split === null || typeof split !== 'object') {
      issues.add(path, 'a split is { round, pair, points }');
      return;
    }
    const { round, pair, points } = split;
    if (typeof round !== 'number' || !Number.isInteger(round) || round < 0 || round >= planned) {
      issues.add(`${path}.round`, `unknown round ${String(round)} (the plan has rounds 0 to ${planned - 1})`);
      return;
    }
    const pairs = (plan.rounds[round] as ThirtyFivePlan['rounds'][number]).pairs;
    if (typeof pair !== 'number' || !Number.isInteger(pair) || pair < 0 || pair >= pairs.length) {
      issues.add(
        `${path}.pair`,
        `unknown pair ${String(pair)} in round ${round} (it has pairs 0 to ${pairs.length - 1})`,
      );
      return;
    }
    const problem = splitProblem(points);
    if (problem !== undefined) {
      issues.add(`${path}.points`, problem);
      return;
    }
    const key = `${round}:${pair}`;
    if (seen.has(key)) {
      issues.add(path, `round ${round} pair ${pair} already has a split`);
      return;
    }
    seen.add(key);
    const cards = (pairs[pair] as ThirtyFivePlan['rounds'][number]['pairs'][number]).cards;
    (points as number[]).forEach((p, k) => {
      const t = tally(cards[k] as string);
      t.total += p;
      t.roundsScored += 1;
      t.countOf[p] = (t.countOf[p] as number) + 1;
      t.byRound[round] = p;
    });
  });
  issues.throwIfAny('INVALID_SPLIT', 'Invalid Thirty Five splits');

  const ranked = [...tallies.values()].sort((a, b) => compareTallies(a, b) || byCodeUnit(a.cardId, b.cardId));
  const out: ThirtyFiveCardScore[] = [];
  ranked.forEach((t, i) => {
    const prev = ranked[i - 1];
    const rank = prev !== undefined && compareTallies(prev, t) === 0 ? (out[i - 1] as ThirtyFiveCardScore).rank : i + 1;
    out.push({
      cardId: t.cardId,
      total: t.total,
      roundsScored: t.roundsScored,
      normalized: t.roundsScored === 0 ? 0 : (t.total * planned) / t.roundsScored,
      rank,
      byRound: t.byRound,
    });
  });
  return out;
}
