import { addVote, checkAnchor, checkDueDate, paragraphsOf, searchOutcomes, sessionMarkdown, summariseFeedback, type FeedbackTally, type Takeaway } from '../../../src/domain/outcomes';
import type { Session } from '../../../src/domain/session';

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
    for (const [m, v] of [['m3', 5], ['m1', 2], ['m2', 4]] as const) {
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
    const t: Takeaway = { id: 't1', communityId: 'c', sessionId: 's1', topicId: null, text: 'Timebox the Check-in', authorId: 'a', createdAt: '' };
    const hits = searchOutcomes('check-in', [t], [{ communityId: 'c', sessionId: 's2', markdown: 'Intro\n\nThe check-in ran long', updatedBy: 'a', updatedAt: '' }]);
    expect(hits.map((h) => [h.kind, h.sessionId])).toEqual([['takeaway', 's1'], ['notes', 's2']]);
    expect(hits[1]!.excerpt).toBe('The check-in ran long');
    expect(searchOutcomes('  ', [t], [])).toEqual([]);
  });
  it('exports a session as Markdown with notes, annotations, takeaways, actions and the attendance count', () => {
    const session: Session = {
      id: 's1', communityId: 'c', tenantId: 't', details: { type: 'deep-dive' }, startsAt: '2026-12-03T15:00:00.000Z', durationMinutes: 60,
      topicIds: ['t1'], facilitatorId: 'ana', meetingLink: null, purpose: 'Make retros lively', agenda: [], state: 'held',
      attendees: ['ana', 'ben', 'cy'], closed: null, createdBy: 'ana', createdAt: '',
    };
    const md = sessionMarkdown({
      session, topicTitles: { t1: 'Remote retros' }, names: { ana: 'Ana', ben: 'Ben' },
      notes: { communityId: 'c', sessionId: 's1', markdown: 'We tried silent writing.', updatedBy: 'ana', updatedAt: '' },
      annotations: [{ id: 'a1', communityId: 'c', sessionId: 's1', anchor: { paragraph: 0 }, text: 'Try 1-2-4-all', authorId: 'cy', createdAt: '' }],
      takeaways: [{ id: 'k1', communityId: 'c', sessionId: 's1', topicId: 't1', text: 'Silence first', authorId: 'ben', createdAt: '' }],
      actions: [{ id: 'x1', communityId: 'c', sessionId: 's1', takeawayId: 'k1', text: 'Try it in sprint 12', ownerId: 'ben', dueDate: '2026-12-17', status: 'open', createdBy: 'ana', createdAt: '', updatedAt: '' }],
    });
    expect(md).toContain('# Deep dive — 2026-12-03');
    expect(md).toContain('Facilitator: Ana · Attendance: 3');
    expect(md).toContain('Topics: Remote retros');
    expect(md).toContain('We tried silent writing.');
    expect(md).toContain('- On paragraph 1 (cy): Try 1-2-4-all');
    expect(md).toContain('- Silence first — Ben (Remote retros)');
    expect(md).toContain('- [ ] Try it in sprint 12 — Ben, due 2026-12-17 (open)');
  });
});
