import { IssueList } from './errors';
import {
  DEFAULT_ROUNDS,
  MAX_PARTICIPANTS,
  MAX_ROUNDS,
  type ThirtyFiveCard,
  type ThirtyFivePlan,
  type ThirtyFivePlanInput,
} from './types';

/** Input after validation, in canonical order (participants and cards sorted by id). */
export interface CanonicalInput {
  readonly participants: readonly string[];
  readonly cards: readonly ThirtyFiveCard[];
  readonly rounds: number;
  readonly seed: string;
}

/** Code-unit order: the same on every machine and locale. */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Check a plan input and return it in canonical order; throws `INVALID_PLAN_INPUT` listing every problem. */
export function canonicalInput(input: ThirtyFivePlanInput, defaultRounds = DEFAULT_ROUNDS): CanonicalInput {
  const issues = new IssueList();
  const raw = (input ?? {}) as Partial<ThirtyFivePlanInput>;
  const participants: string[] = [];
  const cards: ThirtyFiveCard[] = [];

  if (!Array.isArray(raw.participants)) {
    issues.add('participants', 'must be an array of participant ids');
  } else {
    const seen = new Set<string>();
    raw.participants.forEach((p, i) => {
      if (!isNonEmptyString(p)) issues.add(`participants[${i}]`, 'must be a non-empty string');
      else if (seen.has(p)) issues.add(`participants[${i}]`, `duplicate participant id "${p}"`);
      else {
        seen.add(p);
        participants.push(p);
      }
    });
    if (raw.participants.length < 2)
      issues.add('participants', `at least 2 participants are needed (got ${raw.participants.length})`);
    if (raw.participants.length > MAX_PARTICIPANTS)
      issues.add('participants', `at most ${MAX_PARTICIPANTS} participants (got ${raw.participants.length})`);
  }

  if (!Array.isArray(raw.cards)) {
    issues.add('cards', 'must be an array of { id, authorId }');
  } else {
    const ids = new Set<string>();
    const authors = new Map<string, string>();
    const known = new Set(participants);
    raw.cards.forEach((c: unknown, i) => {
      const card = c as Partial<ThirtyFiveCard> | null;
      if (card === null || typeof card !== 'object') {
        issues.add(`cards[${i}]`, 'must be an object { id, authorId }');
        return;
      }
      let good = true;
      if (!isNonEmptyString(card.id)) {
        issues.add(`cards[${i}].id`, 'must be a non-empty string');
        good = false;
      } else if (ids.has(card.id)) {
        issues.add(`cards[${i}].id`, `duplicate card id "${card.id}"`);
        good = false;
      }
      if (!isNonEmptyString(card.authorId)) {
        issues.add(`cards[${i}].authorId`, 'must be a non-empty string');
        good = false;
      } else if (Array.isArray(raw.participants) && !known.has(card.authorId)) {
        issues.add(`cards[${i}].authorId`, `author "${card.authorId}" is not a participant`);
        good = false;
      } else if (authors.has(card.authorId)) {
        issues.add(
          `cards[${i}].authorId`,
          `participant "${card.authorId}" already wrote card "${authors.get(card.authorId)}"; one card per participant`,
        );
        good = false;
      }
      if (good) {
        ids.add(card.id as string);
        authors.set(card.authorId as string, card.id as string);
        cards.push({ id: card.id as string, authorId: card.authorId as string });
      }
    });
    if (Array.isArray(raw.participants) && raw.cards.length !== raw.participants.length) {
      issues.add(
        'cards',
        `one card per participant: ${raw.participants.length} participants but ${raw.cards.length} cards`,
      );
    }
    if (issues.empty) {
      for (const p of participants) if (!authors.has(p)) issues.add('cards', `participant "${p}" has no card`);
    }
  }

  const rounds = raw.rounds === undefined ? defaultRounds : raw.rounds;
  if (typeof rounds !== 'number' || !Number.isInteger(rounds) || rounds < 1 || rounds > MAX_ROUNDS) {
    issues.add('rounds', `must be an integer from 1 to ${MAX_ROUNDS} (got ${String(rounds)})`);
  }

  const seed = raw.seed;
  if (!(typeof seed === 'string' || (typeof seed === 'number' && Number.isFinite(seed)))) {
    issues.add('seed', 'must be a string or a finite number');
  }

  issues.throwIfAny('INVALID_PLAN_INPUT', 'Invalid Thirty Five input');
  return {
    participants: [...participants].sort(byCodeUnit),
    cards: [...cards].sort((a, b) => byCodeUnit(a.id, b.id)),
    rounds,
    seed: String(seed),
  };
}

/**
 * Check that a plan is well formed: every round has pairs of two distinct holders and two cards,
 * nobody and no card appears twice in a round. Throws `INVALID_PLAN`.
 */
export function checkPlanShape(plan: ThirtyFivePlan): void {
  const issues = new IssueList();
  const raw = plan as { rounds?: unknown } | null;
  if (raw === null || typeof raw !== 'object' || !Array.isArray(raw.rounds) || raw.rounds.length === 0) {
    issues.add('rounds', 'a plan has a non-empty array of rounds');
    issues.throwIfAny('INVALID_PLAN', 'Invalid Thirty Five plan');
    return;
  }
  raw.rounds.forEach((r: unknown, ri) => {
    const round = r as { pairs?: unknown; bye?: unknown } | null;
    if (round === null || typeof round !== 'object' || !Array.isArray(round.pairs)) {
      issues.add(`rounds[${ri}]`, 'must have an array of pairs');
      return;
    }
    const holders = new Set<string>();
    const cards = new Set<string>();
    const see = (path: string, holder: unknown, card: unknown) => {
      if (!isNonEmptyString(holder)) issues.add(path, 'holder must be a non-empty string');
      else if (holders.has(holder)) issues.add(path, `"${holder}" appears twice in round ${ri}`);
      else holders.add(holder);
      if (!isNonEmptyString(card)) issues.add(path, 'card must be a non-empty string');
      else if (cards.has(card)) issues.add(path, `card "${card}" appears twice in round ${ri}`);
      else cards.add(card);
    };
    round.pairs.forEach((p: unknown, pi) => {
      const pair = p as { holders?: unknown; cards?: unknown } | null;
      const path = `rounds[${ri}].pairs[${pi}]`;
      if (
        pair === null ||
        typeof pair !== 'object' ||
        !Array.isArray(pair.holders) ||
        !Array.isArray(pair.cards) ||
        pair.holders.length !== 2 ||
        pair.cards.length !== 2
      ) {
        issues.add(path, 'a pair has two holders and two cards');
        return;
      }
      see(path, pair.holders[0], pair.cards[0]);
      see(path, pair.holders[1], pair.cards[1]);
    });
    if (round.bye !== undefined) {
      const bye = round.bye as { holder?: unknown; card?: unknown } | null;
      if (bye === null || typeof bye !== 'object') issues.add(`rounds[${ri}].bye`, 'must be { holder, card }');
      else see(`rounds[${ri}].bye`, bye.holder, bye.card);
    }
  });
  issues.throwIfAny('INVALID_PLAN', 'Invalid Thirty Five plan');
}
