import {
  byProductHint,
  closeRequest,
  foldedTakeaways,
  groupSummaries,
  heldCount,
  histogramView,
  iceBreakerText,
  movePreview,
  overrunWarning,
  previewGroups,
  sessionTopicTitle,
  stageVotes,
  topPrioritised,
  upcomingSessions,
  wallItems,
  whyNoStart,
} from '../../../src/tab/features/session-run/session-view';
import { dealt } from './thirty-five-fixtures';
import { nameOf, run, session, takeaway, topic } from './session-run-fixtures';

const at = (iso: string) => new Date(iso);

describe('who can start a session now', () => {
  it('is open with no run or a closed one, refused while a run or a Thirty Five game is going on', () => {
    expect(whyNoStart({ sessionRun: undefined, thirtyFive: undefined })).toBeUndefined();
    expect(
      whyNoStart({
        sessionRun: run({ phase: 'closed', closed: { at: '2026-03-02T11:00:00.000Z' } }),
        thirtyFive: undefined,
      }),
    ).toBeUndefined();
    expect(whyNoStart({ sessionRun: run({ phase: 'breakouts' }), thirtyFive: undefined })).toBe(
      'A session is already running in this meeting.',
    );
    expect(whyNoStart({ sessionRun: undefined, thirtyFive: dealt() })).toMatch(/Thirty Five game is being played/);
    expect(
      whyNoStart({
        sessionRun: undefined,
        thirtyFive: { ...dealt(), committed: { at: '2026-03-02T09:00:00.000Z', topicIds: ['t1'] } },
      }),
    ).toBeUndefined();
  });
});

describe('the deep dive opening', () => {
  const dive = run({ phase: 'deep-dive', phaseStartedAt: '2026-03-02T10:00:00.000Z' });
  it('warns only after the 10-minute cap, with the minutes over', () => {
    expect(overrunWarning(dive, at('2026-03-02T10:09:59.000Z'))).toBeUndefined();
    expect(overrunWarning(dive, at('2026-03-02T10:10:30.000Z'))).toBe(
      'The opening has run past its 10-minute cap — time to open it up',
    );
    expect(overrunWarning(dive, at('2026-03-02T10:13:20.000Z'))).toBe(
      'The opening has run 3 min past its 10-minute cap — time to open it up',
    );
  });
  it('never warns in another phase', () => {
    expect(overrunWarning({ ...dive, phase: 'breakouts' }, at('2026-03-02T10:30:00.000Z'))).toBeUndefined();
  });
  it('shows the ice breaker of the run', () => {
    expect(iceBreakerText(run({ iceBreakerId: 'ib-01' }))).toBe('The funniest thing that happened to you this sprint');
    expect(iceBreakerText(run({ iceBreakerId: 'nope' }))).toBe('How are you arriving today?');
  });
});

describe('the start choices', () => {
  const now = at('2026-03-02T12:00:00.000Z');
  it('offers scheduled sessions from 12 hours ago on, soonest first, and counts the held ones', () => {
    const list = [
      session({ id: 'later', startsAt: '2026-03-20T10:00:00.000Z' }),
      session({ id: 'held', state: 'held', startsAt: '2026-02-10T10:00:00.000Z' }),
      session({ id: 'this-morning', startsAt: '2026-03-02T09:00:00.000Z' }),
      session({ id: 'last-week', startsAt: '2026-02-23T10:00:00.000Z' }),
      session({ id: 'held-2', state: 'held', startsAt: '2026-02-24T10:00:00.000Z' }),
    ];
    expect(upcomingSessions(list, now).map((s) => s.id)).toEqual(['this-morning', 'later']);
    expect(heldCount(list)).toBe(2);
  });
  it('takes the best-ranked prioritised topic (not scheduled or proposed ones)', () => {
    const topics = [
      topic('a', 'Scheduled', { state: 'scheduled', rank: null }),
      topic('b', 'Second', { rank: 2 }),
      topic('c', 'First', { rank: 1 }),
      topic('d', 'Proposed', { state: 'proposed', rank: null }),
    ];
    expect(topPrioritised(topics)?.id).toBe('c');
    expect(topPrioritised([topics[0]!, topics[3]!])).toBeUndefined();
  });
  it('names a session by its first topic, else by its type and guest', () => {
    expect(sessionTopicTitle(session({ topicIds: ['t1'] }), [topic('t1', 'Remote retros')])).toBe('Remote retros');
    expect(
      sessionTopicTitle(
        session({
          topicIds: [],
          details: { type: 'external-speaker', speakerName: 'Ada Lovelace', organisation: 'X' },
        }),
        [],
      ),
    ).toBe('External speaker: Ada Lovelace');
  });
});

describe('breakout groups', () => {
  const four = ['u1', 'u2', 'u3', 'u4'].map((userId) => ({ userId, product: undefined }));
  it('forms even groups with their questions', () => {
    const r = previewGroups({
      people: four,
      count: 2,
      mode: 'random',
      seed: 's1:0',
      questions: ['  What works? ', 'What hurts?'],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((g) => g.members.length)).toEqual([2, 2]);
    expect(r.value.flatMap((g) => g.members).sort()).toEqual(['u1', 'u2', 'u3', 'u4']);
    expect(r.value.map((g) => g.question)).toEqual(['What works?', 'What hurts?']);
  });
  it('refuses too few people with the rule in words', () => {
    const r = previewGroups({ people: four.slice(0, 3), count: 2, mode: 'random', seed: 'x', questions: [] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toBe('2 groups need at least 4 people (3 here).');
  });
  it('keeps a product together by product', () => {
    const people = [
      { userId: 'u1', product: 'Billing' },
      { userId: 'u2', product: 'Billing' },
      { userId: 'u3', product: 'TV' },
      { userId: 'u4', product: 'TV' },
    ];
    const r = previewGroups({ people, count: 2, mode: 'by-product', seed: 'x', questions: [] });
    expect(r.ok && r.value.map((g) => [...g.members].sort())).toEqual(
      expect.arrayContaining([
        ['u1', 'u2'],
        ['u3', 'u4'],
      ]),
    );
    expect(byProductHint(people)).toBeUndefined();
    expect(byProductHint(four)).toMatch(/works like random/);
  });
  it('moves someone in the preview and keeps the questions', () => {
    const groups = [
      { index: 0, question: 'Q1', members: ['u1', 'u2'] },
      { index: 1, question: 'Q2', members: ['u3', 'u4'] },
    ];
    const r = movePreview(groups, 'u1', 1);
    expect(r.ok && r.value).toEqual([
      { index: 0, question: 'Q1', members: ['u2'] },
      { index: 1, question: 'Q2', members: ['u1', 'u3', 'u4'] },
    ]);
  });
  it('summarises each group for the stage: names, notes count, newest notes first', () => {
    const r = run({
      phase: 'breakouts',
      groups: [
        { index: 0, question: 'Q1', members: ['u2', 'u1'] },
        { index: 1, question: '', members: ['u3'] },
      ],
      groupNotes: [
        { id: 'n1', group: 0, userId: 'u1', displayName: 'Alex Morgan', text: 'first', at: '2026-03-02T10:20:00.000Z' },
        { id: 'n2', group: 0, userId: 'u2', displayName: 'Bea Okafor', text: 'second', at: '2026-03-02T10:21:00.000Z' },
      ],
    });
    const [g0, g1] = groupSummaries(r, nameOf);
    expect(g0).toMatchObject({ name: 'Group 1', memberNames: ['Alex Morgan', 'Bea Okafor'], notesLabel: '2 notes' });
    expect(g0!.latest.map((n) => n.text)).toEqual(['second', 'first']);
    expect(g1).toMatchObject({ name: 'Group 2', notesLabel: '0 notes', latest: [] });
  });
});

describe('the takeaway wall and the close', () => {
  const curated = run({
    phase: 'feedback',
    takeaways: [
      takeaway('k1', 'Timebox the retro', 'u1'),
      takeaway('k2', 'Keep retros short', 'u2', { mergedInto: 'k1' }),
      takeaway('k3', 'Ask the PO to join refinement', 'u3', { action: { ownerId: 'u2', dueDate: '2026-03-16' } }),
    ],
    groupNotes: [
      { id: 'n4', group: 0, userId: 'u4', displayName: 'Dara Nolan', text: 'n', at: '2026-03-02T10:20:00.000Z' },
    ],
  });

  it('shows merged takeaways inside their target and actions with owner and date', () => {
    const items = wallItems(curated, nameOf);
    expect(items.map((i) => i.id)).toEqual(['k1', 'k3']);
    expect(items[0]!.merged.map((m) => m.text)).toEqual(['Keep retros short']);
    expect(items[1]!.action?.label).toBe('Action · Bea Okafor · due 2026-03-16');
  });

  it("folds a merged takeaway into its target's text, and keeps the record limit", () => {
    expect(foldedTakeaways(curated).map((t) => t.text)).toEqual([
      'Timebox the retro (also: Keep retros short)',
      'Ask the PO to join refinement',
    ]);
    const long = run({
      takeaways: [takeaway('k1', 'a'.repeat(490), 'u1'), takeaway('k2', 'b'.repeat(40), 'u2', { mergedInto: 'k1' })],
    });
    const [folded] = foldedTakeaways(long);
    expect(folded!.text).toHaveLength(500);
    expect(folded!.text.endsWith('…')).toBe(true);
  });

  it('builds one close request: attendees from presence, check-ins, notes and takeaways (members only)', () => {
    const req = closeRequest({
      run: curated,
      snapshot: {
        present: [
          { id: 'u1', name: 'Alex Morgan' },
          { id: 'guest', name: 'Not a member' },
        ],
        checkIns: [{ userId: 'u5', displayName: 'Eli Haddad', text: 'hi', at: '2026-03-02T10:01:00.000Z' }],
      },
      topicId: 't1',
      memberIds: ['u1', 'u2', 'u3', 'u4', 'u5'],
    });
    expect(req.requestId).toBe('close-s1');
    expect(req.attendees).toEqual(['u1', 'u2', 'u3', 'u4', 'u5']);
    expect(req.feedback).toEqual([]);
    expect(req.takeaways).toEqual([
      { topicId: 't1', text: 'Timebox the retro (also: Keep retros short)', authorId: 'u1' },
      {
        topicId: 't1',
        text: 'Ask the PO to join refinement',
        authorId: 'u3',
        action: { ownerId: 'u2', dueDate: '2026-03-16' },
      },
    ]);
    // The group notes go with the close, signed, so the session page, the export and search keep them.
    expect(req.breakouts).toEqual([
      {
        index: 0,
        question: '',
        members: [],
        notes: [{ id: 'n4', authorId: 'u4', authorName: 'Dara Nolan', text: 'n', at: '2026-03-02T10:20:00.000Z' }],
      },
    ]);
  });
});

describe('feedback', () => {
  it("the stage counts the record's votes, never the tree's marks", () => {
    const here = ['u1', 'u2', 'u3'];
    expect(stageVotes(1, here, false)).toEqual({ label: '1 of 3 voted', shown: false });
    expect(stageVotes(3, here, false)).toEqual({ label: '3 of 3 voted', shown: true });
    // Two voted and left: the record's count is the figure, not the people here.
    expect(stageVotes(4, ['u1', 'u2'], false)).toEqual({ label: '4 of 4 voted', shown: true });
    // The facilitator closed voting: shown whatever the count.
    expect(stageVotes(1, here, true)).toEqual({ label: '1 of 3 voted', shown: true });
    // Before the record answered: no figure, nothing shown early.
    expect(stageVotes(undefined, here, false)).toEqual({ label: 'Counting the votes…', shown: false });
    expect(stageVotes(0, [], false)).toEqual({ label: '0 of 0 voted', shown: false });
  });
  it('has no bars below three votes and says why', () => {
    const h = histogramView({ votes: 2, average: null, distribution: null });
    expect(h.bars).toBeNull();
    expect(h.summary).toBe(
      'The result shows from 3 votes on, so nobody can tell who gave which score (2 votes so far).',
    );
  });
  it('draws a bar per score, the longest for the most votes, with the average', () => {
    const h = histogramView({ votes: 4, average: 4.3, distribution: [0, 0, 1, 1, 2] });
    expect(h.bars?.map((b) => [b.score, b.count, b.percent])).toEqual([
      [1, 0, 0],
      [2, 0, 0],
      [3, 1, 50],
      [4, 1, 50],
      [5, 2, 100],
    ]);
    expect(h.summary).toBe('Average 4.3 out of 5 from 4 votes');
  });
});
