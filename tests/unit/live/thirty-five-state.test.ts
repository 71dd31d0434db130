/**
 * Thirty Five in the meeting tree on an independent tree view (no service): every edit checks the
 * rules first and returns a refusal (tree unchanged) instead of throwing; a whole game played through the edits
 * reads back as the state the rules expect; a checkpoint rebuilds the game in a fresh tree.
 */
import { independentView, type TreeViewAlpha } from 'fluid-framework/alpha';
import {
  agreedSplits,
  checkpointOf,
  gameResult,
  planThirtyFive,
  scoreThirtyFive,
  type ThirtyFiveGameRecord,
} from '../../../src/domain/thirty-five';
import { initialMeeting, meetingTreeConfig, type Meeting } from '../../../src/live/meeting-schema';
import { snapshotOf } from '../../../src/live/meeting-state';
import type { ClientResult } from '../../../src/live/client-result';
import * as game from '../../../src/live/thirty-five-state';

const users = ['alex', 'bea', 'chen', 'dara', 'eli'].map((id) => ({ id, name: id.toUpperCase() }));
const now = new Date(Date.UTC(2026, 11, 2, 10, 0, 0));
let view: TreeViewAlpha<typeof Meeting>;
/** The server's opaque card id of each user's card (the tree never holds who wrote which). */
const cardOf = (userId: string) => `c-${users.findIndex((u) => u.id === userId) + 1}`;
const authorOf = (cardId: string) => users[Number(cardId.slice(2)) - 1]!.id;
const show = (userId: string, title: string, description = '') =>
  game.showCard(view.root, { id: cardOf(userId), title, description }, now);

beforeEach(() => {
  view = independentView(meetingTreeConfig);
  view.initialize(initialMeeting());
});
afterEach(() => view.dispose());

const state = () => game.gameStateOf(view.root)!;
const value = <T>(r: ClientResult<T>): T => {
  if (!r.ok) throw new Error(`refused: ${r.error.message}`);
  return r.value;
};
const refusal = (r: ClientResult<unknown>): string => (r.ok ? 'not refused' : r.error.message);

function writeAllCards() {
  game.startGame(view.root, { gameId: 'g1', plannedRounds: 5 });
  for (const u of users) show(u.id, `Topic from ${u.name}`);
}

function dealNow() {
  const s = state();
  const cards = s.cards.map((c) => ({ id: c.id, authorId: authorOf(c.id) }));
  const plan = planThirtyFive({ participants: cards.map((c) => c.authorId), cards, seed: 's' });
  game.dealGame(view.root, plan);
  return plan;
}

describe('Thirty Five in the tree', () => {
  it('shows a stored card under its opaque id with no author; a rewrite (same id) replaces it', () => {
    game.startGame(view.root, { gameId: 'g1', plannedRounds: 5 });
    value(show('alex', 'Remote retros'));
    value(show('alex', 'Remote  retros that work ', 'how'));
    expect(state().cards).toEqual([{ id: cardOf('alex'), title: 'Remote retros that work', description: 'how' }]);
    const entries = [...view.root.thirtyFive!.cardsById!.entries()];
    expect(entries.map(([key]) => key)).toEqual([cardOf('alex')]);
    expect(JSON.stringify(entries)).not.toContain('alex');
    expect(view.root.thirtyFive!.cards.size).toBe(0);
    show('bea', 'Estimation');
    dealNow();
    // A late joiner's card (stored by the server) shows too, to be dealt in by a re-deal.
    value(show('chen', 'Late topic'));
    expect(state().cards.map((c) => c.title)).toContain('Late topic');
  });

  it('refuses a bad card or a step out of order without touching the tree', () => {
    expect(show('alex', 'x')).toMatchObject({ ok: false, error: { code: 'STEP_REFUSED' } });
    game.startGame(view.root, { gameId: 'g1', plannedRounds: 5 });
    expect(refusal(show('alex', ''))).toMatch(/short title/);
    expect(refusal(game.openRound(view.root, {}, now))).toMatch(/Deal the cards first/);
    show('alex', 'Only one');
    const before = JSON.stringify(state());
    expect(game.finishGame(view.root)).toMatchObject({ ok: false, error: { code: 'STEP_REFUSED' } });
    expect(JSON.stringify(state())).toBe(before);
  });

  it('plays a whole game: choices per person, agreement counts, the round timer, a closed stuck pair, finish', () => {
    writeAllCards();
    const plan = dealNow();
    expect(state()).toMatchObject({ phase: 'playing', round: 0, roundOpen: false });
    const expected: { round: number; pair: number; points: [number, number] }[] = [];
    for (let r = 0; r < 5; r++) {
      game.openRound(view.root, { minutes: r === 0 ? 5 : 0 }, now);
      if (r === 0) expect(state().roundEndsAt).toBe('2026-12-02T10:05:00.000Z');
      plan.rounds[r]!.pairs.forEach((pair, p) => {
        const [a, b] = pair.holders.map((h) => users.find((u) => u.id === h)!);
        if (r === 2 && p === 0) {
          // A stuck pair: they disagree and the facilitator closes it.
          game.chooseSplit(view.root, a!, [7, 0], now);
          game.chooseSplit(view.root, b!, [7, 0], now);
          game.closePair(view.root, users[0]!, { round: r, pair: p }, now);
          expect(refusal(game.chooseSplit(view.root, a!, [0, 7], now))).toMatch(/closed your pair/);
          return;
        }
        const mine = (r + p) % 8;
        game.chooseSplit(view.root, a!, [mine, 7 - mine], now);
        game.chooseSplit(view.root, b!, [7 - mine, mine], now);
        expected.push({ round: r, pair: p, points: [mine, 7 - mine] });
      });
      game.closeRound(view.root);
      expect(refusal(game.chooseSplit(view.root, users[1]!, [4, 3], now))).toMatch(/not open/);
    }
    game.finishGame(view.root);
    const s = state();
    expect(s.phase).toBe('finished');
    expect(agreedSplits(s)).toEqual(expected);
    expect(gameResult(s).map((c) => [c.cardId, c.total])).toEqual(
      scoreThirtyFive(plan, expected).map((c) => [c.cardId, c.total]),
    );
  });

  it('rebuilds a game from its checkpoint in a fresh tree: same cards, deal, saved splits, next round ready', () => {
    writeAllCards();
    const plan = dealNow();
    for (let r = 0; r < 2; r++) {
      game.openRound(view.root, {}, now);
      plan.rounds[r]!.pairs.forEach((pair) => {
        for (const h of pair.holders)
          game.chooseSplit(view.root, users.find((u) => u.id === h)!, pair.holders[0] === h ? [4, 3] : [3, 4], now);
      });
      game.closeRound(view.root);
    }
    const s = state();
    const record: ThirtyFiveGameRecord = {
      gameId: 'g1',
      communityId: 'c',
      tenantId: 't',
      meetingId: 'm',
      status: 'playing',
      plannedRounds: 5,
      seed: 's',
      cards: s.cards.map((c) => ({ ...c, authorId: authorOf(c.id) })),
      plan,
      roundsClosed: 2,
      splits: agreedSplits(s) as ThirtyFiveGameRecord['splits'],
      closedPairs: [],
      merges: [],
      result: null,
      committed: null,
      scoring: null,
      startedBy: 'alex',
      startedAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    const fresh = independentView(meetingTreeConfig);
    fresh.initialize(initialMeeting());
    game.resumeGame(fresh.root, checkpointOf(record), now);
    const resumed = game.gameStateOf(fresh.root)!;
    expect(resumed).toMatchObject({ gameId: 'g1', phase: 'playing', round: 2, roundOpen: false, cards: s.cards, plan });
    expect(agreedSplits(resumed)).toEqual(agreedSplits(s));
    fresh.dispose();
  });

  it('a checkpoint rewrites the closed rounds from the record: a split or closed pair the server did not store is gone', () => {
    writeAllCards();
    const plan = dealNow();
    game.openRound(view.root, {}, now);
    const [p0, p1] = plan.rounds[0]!.pairs;
    const who = (id: string) => users.find((u) => u.id === id)!;
    // The record: pair 0 agreed on 5–2; pair 1 stored nothing.
    const record = {
      gameId: 'g1',
      phase: 'playing' as const,
      plannedRounds: 5,
      cards: state().cards,
      plan,
      roundsClosed: 1,
      splits: [{ round: 0, pair: 0, points: [5, 2] as [number, number] }],
      closedPairs: [],
      merges: [],
    };
    game.chooseSplit(view.root, who(p0!.holders[0]), [5, 2], now);
    game.chooseSplit(view.root, who(p0!.holders[1]), [2, 5], now);
    // A forger writes both of pair 1's splits (as if they agreed 7–0) and closes nothing the record knows.
    game.chooseSplit(view.root, who(p1!.holders[0]), [7, 0], now);
    game.chooseSplit(view.root, who(p1!.holders[1]), [0, 7], now);
    game.closePair(view.root, users[0]!, { round: 0, pair: 1 }, now);
    expect(agreedSplits(state())).toHaveLength(2);
    expect(game.applyCheckpoint(view.root, record, now)).toEqual({ ok: true, value: undefined });
    const s = state();
    expect(agreedSplits(s)).toEqual(record.splits);
    expect(s.closedPairs).toEqual([]);
    expect(s).toMatchObject({ round: 1, roundOpen: false, phase: 'playing' });
    expect(gameResult(s).map((c) => [c.cardId, c.total])).toEqual(
      scoreThirtyFive(plan, record.splits).map((c) => [c.cardId, c.total]),
    );
    expect(game.applyCheckpoint(view.root, { ...record, gameId: 'other' }, now)).toMatchObject({ ok: false });
  });

  it('keeps the snapshot the same object while the game does not change, and a new one when it does', () => {
    writeAllCards();
    const a = snapshotOf({ meeting: view.root, members: [], connected: true });
    const b = snapshotOf({ meeting: view.root, members: [], connected: true }, a);
    expect(b).toBe(a);
    show('bea', 'Something else');
    const c = snapshotOf({ meeting: view.root, members: [], connected: true }, b);
    expect(c).not.toBe(a);
    expect(c.thirtyFive?.cards.find((x) => x.id === cardOf('bea'))?.title).toBe('Something else');
  });
});
