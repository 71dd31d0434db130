import { SPLIT_OPTIONS, type GameState } from '../../../src/domain/thirty-five';
import {
  allRoundsPlayed,
  cardsWrittenLabel,
  formatCountdown,
  isDealt,
  listNames,
  mergeCandidates,
  namesFrom,
  openPairs,
  parseSplitValue,
  phaseLabel,
  rankedRows,
  roundLabel,
  roundSummary,
  seatView,
  pairSplitLabel,
  mineFromPair,
  splitValue,
} from '../../../src/tab/features/thirty-five/game-view';
import { PEOPLE, agreeAll, allPlayed, dealt, members, nameOf, writing } from './thirty-five-fixtures';

const open = (extra: Partial<GameState> = {}) => dealt(PEOPLE, 5, { roundOpen: true, ...extra });

/** The two holders of pair `i` of `round`. */
const holders = (s: GameState, i: number, round = s.round) => s.plan!.rounds[round]!.pairs[i]!.holders;
const choice = (s: GameState, userId: string, mine: readonly [number, number]) => {
  const pair = s.plan!.rounds[s.round]!.pairs.find((p) => p.holders.includes(userId))!;
  const me = pair.holders[0] === userId ? 0 : 1;
  return { round: s.round, userId, points: (me === 0 ? mine : [mine[1], mine[0]]) as readonly [number, number] };
};

describe('Thirty Five labels', () => {
  it("labels a split option with the pair's two cards in a fixed order, the same for both partners", () => {
    expect(SPLIT_OPTIONS.map((p) => pairSplitLabel('Remote retros', 'Metrics', p))[0]).toBe(
      '‘Remote retros’ 7 – 0 ‘Metrics’',
    );
    expect(pairSplitLabel('A card title that is far too long to show', 'B', [5, 2])).toBe(
      '‘A card title that is far to…’ 5 – 2 ‘B’',
    );
    expect(mineFromPair([5, 2], 0)).toEqual([5, 2]);
    expect(mineFromPair([5, 2], 1)).toEqual([2, 5]);
    expect(parseSplitValue(splitValue([4, 3]))).toEqual([4, 3]);
    expect(parseSplitValue('4-4')).toBeUndefined();
    expect(parseSplitValue('')).toBeUndefined();
  });

  it('counts cards and rounds in words', () => {
    expect(cardsWrittenLabel(1)).toBe('1 card written');
    expect(cardsWrittenLabel(4)).toBe('4 cards written');
    expect(roundLabel(dealt(PEOPLE, 5, { round: 1 }))).toBe('Round 2 of 5');
    expect(roundLabel(allPlayed())).toBe('Round 5 of 5');
    expect(allRoundsPlayed(allPlayed())).toBe(true);
    expect(allRoundsPlayed(dealt())).toBe(false);
  });

  it('names the phase for the stage', () => {
    expect(phaseLabel(undefined)).toBe('Check-in');
    expect(phaseLabel(writing())).toBe('Thirty Five · writing cards');
    expect(phaseLabel(dealt())).toBe('Thirty Five · between rounds');
    expect(phaseLabel(open())).toBe('Thirty Five · scoring');
    expect(phaseLabel({ ...allPlayed(), phase: 'finished' })).toBe('Thirty Five · the result');
    expect(phaseLabel({ ...allPlayed(), phase: 'finished', committed: { at: 'x', topicIds: [] } })).toBe(
      'Thirty Five · in the backlog',
    );
  });

  it('lists names and counts down in mm:ss', () => {
    expect(listNames(['Alex'])).toBe('Alex');
    expect(listNames(['Alex', 'Bea', 'Chen'])).toBe('Alex, Bea and Chen');
    expect(formatCountdown(299_001)).toBe('05:00');
    expect(formatCountdown(61_000)).toBe('01:01');
    expect(formatCountdown(-5)).toBe('00:00');
  });

  it('takes names from the members, then the audience', () => {
    const n = namesFrom(members.slice(0, 1), [
      { id: 'u1', name: 'Alex (tab)' },
      { id: 'x', name: 'Guest' },
    ]);
    expect(n('u1')).toBe('Alex Morgan');
    expect(n('x')).toBe('Guest');
    expect(n('nobody')).toBe('someone');
  });
});

describe('my seat in the open round', () => {
  it('shows the card I hold, my partner and theirs, never an author', () => {
    const s = open();
    const [a, b] = holders(s, 0);
    const v = seatView(s, a, nameOf);
    expect(v.kind).toBe('pair');
    if (v.kind !== 'pair') return;
    const pair = s.plan!.rounds[0]!.pairs[0]!;
    expect(v.myCard?.id).toBe(pair.cards[0]);
    expect(v.partnerCard?.id).toBe(pair.cards[1]);
    expect(v.partnerName).toBe(nameOf(b));
    expect(v.status).toBe('choose');
    expect(v.message).toBe(`Talk it over with ${nameOf(b).split(' ')[0]} and pick a split.`);
    expect(JSON.stringify(v)).not.toContain('authorId');
  });

  it('waits for the partner, then agrees (both views)', () => {
    const s0 = open();
    const [a, b] = holders(s0, 0);
    const s1 = { ...s0, choices: [choice(s0, a, [5, 2])] };
    const va = seatView(s1, a, nameOf);
    expect(va.kind === 'pair' && [va.status, va.message, va.mine]).toEqual([
      'waiting',
      `Waiting for ${nameOf(b).split(' ')[0]} to choose.`,
      [5, 2],
    ]);
    const vb = seatView(s1, b, nameOf);
    expect(vb.kind === 'pair' && vb.status).toBe('choose');
    expect(vb.kind === 'pair' && vb.message).toMatch(/has chosen/);
    // B agrees: both read the same words, the pair's two cards in the pair's own order.
    const s2 = { ...s1, choices: [...s1.choices, choice(s0, b, [2, 5])] };
    const agreedA = seatView(s2, a, nameOf);
    const agreedB = seatView(s2, b, nameOf);
    const [first, second] = s0.plan!.rounds[0]!.pairs[0]!.cards.map((id) => s0.cards.find((c) => c.id === id)!.title);
    expect(agreedA.kind === 'pair' && [agreedA.status, agreedA.message]).toEqual([
      'agreed',
      `Agreed: ‘${first}’ 5 – 2 ‘${second}’. It counts.`,
    ]);
    expect(agreedB.kind === 'pair' && agreedB.message).toBe(`Agreed: ‘${first}’ 5 – 2 ‘${second}’. It counts.`);
  });

  it("tells a mismatched pair what each chose, in the pair's card order (the same words for both)", () => {
    const s0 = open();
    const [a, b] = holders(s0, 0);
    const s = { ...s0, choices: [choice(s0, a, [5, 2]), choice(s0, b, [3, 4])] };
    const v = seatView(s, a, nameOf);
    const [first, second] = s0.plan!.rounds[0]!.pairs[0]!.cards.map((id) => s0.cards.find((c) => c.id === id)!.title);
    expect(v.kind === 'pair' && v.status).toBe('mismatch');
    expect(v.kind === 'pair' && v.message).toBe(
      `You chose ‘${first}’ 5 – 2 ‘${second}’, ${nameOf(b).split(' ')[0]} chose ‘${first}’ 4 – 3 ‘${second}’: talk it over and pick the same.`,
    );
    expect(v.kind === 'pair' && v.cardsInOrder.map((c) => c?.title)).toEqual([first, second]);
    const vb = seatView(s, b, nameOf);
    expect(vb.kind === 'pair' && vb.cardsInOrder.map((c) => c?.title)).toEqual([first, second]);
  });

  it('says when the facilitator closed the pair', () => {
    const s = open({ closedPairs: [{ round: 0, pair: 0 }] });
    const v = seatView(s, holders(s, 0)[0], nameOf);
    expect(v.kind === 'pair' && v.status).toBe('closed');
  });

  it('tells the one sitting out which card they hold', () => {
    const s = open();
    const bye = s.plan!.rounds[0]!.bye!;
    const v = seatView(s, bye.holder, nameOf);
    expect(v.kind).toBe('bye');
    expect(v.kind === 'bye' && v.message).toMatch(/^You sit this round out, holding “Topic \d”/);
  });

  it('knows who is not dealt in (a late joiner)', () => {
    const s = open();
    expect(seatView(s, 'u6', nameOf)).toEqual({ kind: 'none' });
    expect(isDealt(s, 'c-u1')).toBe(true);
    expect(isDealt(s, 'c-u6')).toBe(false);
  });
});

describe('the round for the facilitator and the stage', () => {
  it('counts agreed pairs and names who is still to score', () => {
    const s0 = open();
    const [a, b] = holders(s0, 0);
    const [c, d] = holders(s0, 1);
    const s = { ...s0, choices: [choice(s0, a, [4, 3]), choice(s0, b, [3, 4]), choice(s0, c, [7, 0])] };
    const sum = roundSummary(s, nameOf);
    expect(sum.agreedLabel).toBe('1 of 2 pairs agreed');
    expect(sum.toScore).toEqual([nameOf(d)]);
    expect(sum.complete).toBe(false);
    expect(openPairs(s, nameOf)).toEqual([
      {
        round: 0,
        pair: 1,
        holders: `${nameOf(c)} & ${nameOf(d)}`,
        status: 'waiting',
        detail: `waiting for ${nameOf(d).split(' ')[0]}`,
      },
    ]);
    const all = { ...s0, choices: agreeAll(s0, 0) };
    expect(roundSummary(all, nameOf).complete).toBe(true);
    expect(openPairs(all, nameOf)).toEqual([]);
  });
});

describe('the ranked result', () => {
  it('ranks cards with scores out of 35, bars in proportion, and says when a score rests on fewer rounds', () => {
    const s: GameState = { ...allPlayed(), phase: 'finished' };
    const rows = rankedRows(s);
    expect(rows).toHaveLength(5);
    expect(rows[0]!.rank).toBe(1);
    for (const r of rows) {
      expect(r.outOf).toBe(35);
      expect(r.outOfText).toBe('/ 35');
      expect(r.scoreText).toBe(r.normalized.toFixed(1));
      expect(r.barPercent).toBeCloseTo((r.normalized / 35) * 100);
      // 5 people, 5 rounds: every card sits out once, so each rests on 4 rounds.
      expect(r.restsOn).toBe('rests on 4 of 5 rounds');
    }
    expect(rows.map((r) => r.normalized)).toEqual([...rows.map((r) => r.normalized)].sort((a, b) => b - a));
  });

  it('shows merged cards beneath the card they were merged into', () => {
    const base: GameState = { ...allPlayed(), phase: 'finished' };
    const s = { ...base, merges: [{ from: 'c-u2', into: 'c-u1' }] };
    const rows = rankedRows(s);
    expect(rows).toHaveLength(4);
    const head = rows.find((r) => r.cardId === 'c-u1')!;
    expect(head.merged).toEqual([{ id: 'c-u2', title: 'Topic 2' }]);
    expect(head.outOfText).toBe('· 2 cards together');
    expect(head.restsOn).toBe('rests on 8 of 10 rounds');
    expect(mergeCandidates(s).map((c) => c.id)).not.toContain('c-u2');
    expect(head.barPercent).toBeLessThanOrEqual(100);
  });

  it('has no result before the deal', () => {
    expect(rankedRows(writing())).toEqual([]);
  });
});
