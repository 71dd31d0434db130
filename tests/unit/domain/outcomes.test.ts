import {
  addVote,
  checkAnchor,
  checkDueDate,
  paragraphsOf,
  searchOutcomes,
  summariseFeedback,
  type FeedbackTally,
  type Takeaway,
} from '../../../src/domain/outcomes';

const now = new Date('2026-12-03T22:30:00.000Z');

describe('outcome rules', () => {
  it('a due date is a real date, today or later', () => {
    expect(checkDueDate('2026-12-03', now).ok).toBe(true);
    expect(checkDueDate('2027-01-31', now).ok).toBe(true);
    const past = checkDueDate('2026-12-02', now);
    expect(past.ok || past.error.message).toBe('The due date is in the past.');
    expect(checkDueDate('2026-02-30', now).ok).toBe(false);
    expect(checkDueDate('03/12/2026', now).ok).toBe(false);
  });
  it('anchors an annotation to an existing paragraph or a quote in the notes', () => {
    const md = '# Notes\n\nWe tried silent writing.\n\n\n- It worked';
    expect(paragraphsOf(md)).toEqual(['# Notes', 'We tried silent writing.', '- It worked']);
    expect(checkAnchor(md, { paragraph: 2 }).ok).toBe(true);
    expect(checkAnchor(md, { paragraph: 3 }).ok).toBe(false);
    expect(checkAnchor(md, { quote: 'silent writing' }).ok).toBe(true);
    expect(checkAnchor(md, { quote: 'loud writing' }).ok).toBe(false);
  });
  it('counts one vote per marker, keeps values and markers sorted apart, 1–5 only', () => {
    let tally: FeedbackTally = { communityId: 'c', sessionId: 's', values: [], markers: [] };
    for (const [m, v] of [
      ['m3', 5],
      ['m1', 2],
      ['m2', 4],
    ] as const) {
      const r = addVote(tally, m, v);
      if (!r.ok) throw new Error(r.error.message);
      tally = r.value.tally;
    }
    expect(tally.values).toEqual([2, 4, 5]);
    expect(tally.markers).toEqual(['m1', 'm2', 'm3']);
    const again = addVote(tally, 'm1', 1);
    expect(again.ok && again.value.counted).toBe(false);
    expect(addVote(tally, 'm9', 6).ok).toBe(false);
    expect(addVote(tally, 'm9', 2.5).ok).toBe(false);
  });
  it('shows feedback results only from three votes', () => {
    expect(summariseFeedback([4, 5])).toEqual({ votes: 2, average: null, distribution: null });
    expect(summariseFeedback([2, 4, 5])).toEqual({ votes: 3, average: 3.7, distribution: [0, 1, 0, 1, 1] });
  });
  it('finds takeaways and note paragraphs, case-insensitive', () => {
    const t: Takeaway = {
      id: 't1',
      communityId: 'c',
      sessionId: 's1',
      topicId: null,
      text: 'Timebox the Check-in',
      authorId: 'a',
      createdAt: '',
    };
    const hits = searchOutcomes(
      'check-in',
      [t],
      [
        {
          communityId: 'c',
          sessionId: 's2',
          markdown: 'Intro\n\nThe check-in ran long',
          updatedBy: 'a',
          updatedAt: '',
        },
      ],
    );
    expect(hits.map((h) => [h.kind, h.sessionId])).toEqual([
      ['takeaway', 's1'],
      ['notes', 's2'],
    ]);
    expect(hits[1]!.excerpt).toBe('The check-in ran long');
    expect(searchOutcomes('  ', [t], [])).toEqual([]);
  });
});
