import {
  agendaMinutes,
  agendaTemplate,
  checkAgenda,
  checkSchedule,
  SESSION_TYPES,
  suggestNextDates,
} from '../../../src/domain/session';

const now = new Date('2026-12-01T10:00:00.000Z');
const DAY = 86_400_000;

describe('agenda templates', () => {
  it('a deep dive runs check-in 5, deep dive 15, breakouts 15, share-out 10, takeaways 10, feedback 5: 60 minutes', () => {
    const a = agendaTemplate('deep-dive');
    expect(a.map((i) => [i.title, i.minutes])).toEqual([
      ['Check-in', 5],
      ['Deep dive', 15],
      ['Breakouts', 15],
      ['Share-out', 10],
      ['Takeaways', 10],
      ['Feedback', 5],
    ]);
    expect(agendaMinutes(a)).toBe(60);
  });
  it('every type has a template that ends with takeaways and feedback, and a copy that can be edited', () => {
    for (const type of SESSION_TYPES) {
      const a = agendaTemplate(type);
      expect(a.slice(-2).map((i) => i.title)).toEqual(['Takeaways', 'Feedback']);
      a[0] = { title: 'Changed', minutes: 1 };
      expect(agendaTemplate(type)[0]!.title).not.toBe('Changed');
    }
  });
  it('an agenda must fit the session and have an item', () => {
    expect(checkAgenda(agendaTemplate('deep-dive'), 60).ok).toBe(true);
    const over = checkAgenda(agendaTemplate('deep-dive'), 45);
    expect(over.ok || over.error.message).toMatch(/takes 60 minutes but the session lasts 45/);
    expect(checkAgenda([], 60).ok).toBe(false);
  });
});

describe('scheduling rules', () => {
  const base = {
    details: { type: 'deep-dive' as const },
    startsAt: '2026-12-10T15:00:00.000Z',
    durationMinutes: 60,
    topicIds: ['t1'],
    agenda: agendaTemplate('deep-dive'),
  };
  it('accepts a deep dive in the future with a topic', () => {
    expect(checkSchedule(base, now).ok).toBe(true);
  });
  it('refuses a start in the past or now, and a date that is not one', () => {
    expect(checkSchedule({ ...base, startsAt: '2026-11-30T15:00:00.000Z' }, now).ok).toBe(false);
    expect(checkSchedule({ ...base, startsAt: now.toISOString() }, now).ok).toBe(false);
    expect(checkSchedule({ ...base, startsAt: 'next tuesday' }, now).ok).toBe(false);
  });
  it('a deep dive needs a topic, a speaker session does not; a topic only once', () => {
    expect(checkSchedule({ ...base, topicIds: [] }, now).ok).toBe(false);
    expect(
      checkSchedule(
        {
          ...base,
          details: { type: 'external-speaker', speakerName: 'Ana', organisation: 'Acme' },
          topicIds: [],
          agenda: agendaTemplate('external-speaker'),
        },
        now,
      ).ok,
    ).toBe(true);
    expect(checkSchedule({ ...base, topicIds: ['t1', 't1'] }, now).ok).toBe(false);
  });
});

describe('cadence', () => {
  const last = new Date('2026-11-26T15:00:00.000Z');
  it('suggests dates every interval after the last session, at its time of day', () => {
    expect(suggestNextDates(2, last, now, 3).map((d) => d.toISOString())).toEqual([
      '2026-12-10T15:00:00.000Z',
      '2026-12-24T15:00:00.000Z',
      '2027-01-07T15:00:00.000Z',
    ]);
    expect(suggestNextDates(4, last, now, 2).map((d) => d.toISOString())).toEqual([
      '2026-12-03T15:00:00.000Z',
      '2026-12-10T15:00:00.000Z',
    ]);
    expect(suggestNextDates(1, last, now, 1)[0]!.toISOString()).toBe('2026-12-24T15:00:00.000Z');
    expect(suggestNextDates(3, last, now, 1)[0]!.toISOString()).toBe('2026-12-06T15:00:00.000Z');
  });
  it('skips intervals already past when the community paused', () => {
    const longAgo = new Date('2026-09-03T15:00:00.000Z');
    const [first] = suggestNextDates(2, longAgo, now, 1);
    expect(first!.getTime()).toBeGreaterThan(now.getTime());
    expect(first!.getTime() - now.getTime()).toBeLessThanOrEqual(14 * DAY);
    expect((first!.getTime() - longAgo.getTime()) % (14 * DAY)).toBe(0);
  });
  it('without a last session starts one interval from now; count 0 gives none', () => {
    expect(suggestNextDates(2, null, now, 1)[0]!.getTime()).toBe(now.getTime() + 14 * DAY);
    expect(suggestNextDates(2, last, now, 0)).toEqual([]);
  });
});
