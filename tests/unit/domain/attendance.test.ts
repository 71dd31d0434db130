/** Invitations and attendance, pure: the calendar file, reminder windows and recipients, the champion's summary. */
import {
  attendanceSessions,
  dueReminders,
  nonResponders,
  normaliseChoice,
  reminderRecipients,
  sessionTitle,
  summariseAttendance,
  type Rsvp,
} from '../../../src/domain/attendance';
import { buildIcs, escapeIcsText, foldIcsLine, icsUtc } from '../../../src/domain/calendar';
import type { Session } from '../../../src/domain/session';

const HOUR = 3_600_000;
const session = (over: Partial<Session> = {}): Session => ({
  id: 's-1',
  communityId: 'c',
  tenantId: 't',
  details: { type: 'deep-dive' },
  startsAt: '2026-12-03T15:00:00.000Z',
  durationMinutes: 60,
  topicIds: [],
  facilitatorId: 'alex',
  meetingLink: null,
  purpose: '',
  agenda: [{ title: 'Check-in', minutes: 5 }],
  state: 'scheduled',
  attendees: [],
  closed: null,
  createdBy: 'alex',
  createdAt: '2026-11-20T10:00:00.000Z',
  ...over,
});
const start = Date.parse('2026-12-03T15:00:00.000Z');
const at = (msBefore: number) => new Date(start - msBefore);

describe('the calendar file (RFC 5545)', () => {
  test('times are UTC, whatever the offset they were given in', () => {
    expect(icsUtc(new Date('2026-12-03T16:00:00+01:00'))).toBe('20261203T150000Z');
    expect(icsUtc(new Date('2027-01-05T09:07:03.999Z'))).toBe('20270105T090703Z');
  });
  test('TEXT escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeIcsText('a\\b; c, d\ne\r\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
  });
  test('folds at 75 octets with a leading space, never inside a character', () => {
    const long = `DESCRIPTION:${'x'.repeat(200)}`;
    const folded = foldIcsLine(long).split('\r\n');
    expect(folded.map((l) => Buffer.byteLength(l))).toEqual([75, 75, 64]); // 212 octets: 75, then 1 space + 74, then 1 space + 63;
    expect(folded.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(long);
    const umlauts = `SUMMARY:${'ü'.repeat(80)}`; // 2 octets each
    const parts = foldIcsLine(umlauts).split('\r\n');
    expect(parts.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(parts.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(umlauts);
    expect(foldIcsLine('SHORT:x')).toBe('SHORT:x');
  });
  test('one VCALENDAR with one VEVENT, CRLF everywhere, required properties present', () => {
    const ics = buildIcs({
      uid: 's-1.c@guildhall',
      start: new Date(start),
      end: new Date(start + HOUR),
      stamp: new Date('2026-11-20T10:00:00Z'),
      summary: 'SM CoP: Deep dive, remote retros; part 1',
      description: 'Agenda:\n- Check-in (5 min)',
      url: 'https://teams.microsoft.com/l/meetup-join/abc',
      location: 'Microsoft Teams meeting',
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n').slice(0, -1);
    expect(lines).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Guildhall//Community of Practice sessions//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:s-1.c@guildhall',
      'DTSTAMP:20261120T100000Z',
      'DTSTART:20261203T150000Z',
      'DTEND:20261203T160000Z',
      'SUMMARY:SM CoP: Deep dive\\, remote retros\\; part 1',
      'DESCRIPTION:Agenda:\\n- Check-in (5 min)',
      'LOCATION:Microsoft Teams meeting',
      'URL:https://teams.microsoft.com/l/meetup-join/abc',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
  });
  test('an event that does not end after it starts is a bug', () => {
    expect(() =>
      buildIcs({
        uid: 'u',
        start: new Date(start),
        end: new Date(start),
        stamp: new Date(start),
        summary: 's',
        description: '',
      }),
    ).toThrow(/end after it starts/);
  });
});

describe('reminder windows', () => {
  test.each([
    ['25 hours before', 25 * HOUR, []],
    ['exactly a day before', 24 * HOUR, ['day-before']],
    ['23 hours before', 23 * HOUR, ['day-before']],
    ['31 minutes before', 31 * 60_000, ['day-before']],
    ['30 minutes before', 30 * 60_000, ['soon']],
    ['1 minute before', 60_000, ['soon']],
    ['at the start', 0, []],
    ['after the start', -60_000, []],
  ])('%s: %j', (_what, before, kinds) => {
    expect(dueReminders([session()], at(before)).map((r) => r.kind)).toEqual(kinds);
  });
  test('a session scheduled inside a window gets no reminder for it (its invitation just went out)', () => {
    const late = session({ createdAt: new Date(start - 3 * HOUR).toISOString() });
    expect(dueReminders([late], at(2 * HOUR))).toEqual([]);
    expect(dueReminders([late], at(10 * 60_000)).map((r) => r.kind)).toEqual(['soon']);
  });
  test('only scheduled sessions', () => {
    expect(dueReminders([session({ state: 'held' })], at(HOUR))).toEqual([]);
  });
  test('recipients: yes, maybe and not answered; a nudge: only not answered', () => {
    const members = ['a', 'b', 'c', 'd'].map((userId) => ({ userId }));
    const rsvps = [
      { userId: 'a', answer: 'yes' },
      { userId: 'b', answer: 'maybe' },
      { userId: 'c', answer: 'no' },
    ] as const;
    expect(reminderRecipients(members, rsvps)).toEqual(['a', 'b', 'd']);
    expect(nonResponders(members, rsvps)).toEqual(['d']);
  });
});

describe('answers and the champion view', () => {
  test('a reason and text only with a "no"; text alone means other; too long is refused', () => {
    expect(normaliseChoice({ answer: 'yes', reason: 'other', text: 'x' })).toEqual({
      ok: true,
      value: { answer: 'yes', reason: null, text: null },
    });
    expect(normaliseChoice({ answer: 'no', text: '  busy  ' })).toEqual({
      ok: true,
      value: { answer: 'no', reason: 'other', text: 'busy' },
    });
    expect(normaliseChoice({ answer: 'no', reason: 'urgent-meeting', text: ' ' })).toEqual({
      ok: true,
      value: { answer: 'no', reason: 'urgent-meeting', text: null },
    });
    expect(normaliseChoice({ answer: 'no', text: 'x'.repeat(301) })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });
  test('titles name the type and its subject', () => {
    expect(sessionTitle(session(), ['Remote retros'])).toBe('Deep dive: Remote retros');
    expect(
      sessionTitle(session({ details: { type: 'external-speaker', speakerName: 'Ana', organisation: 'Acme' } })),
    ).toBe('External speaker: Ana (Acme)');
    expect(sessionTitle(session({ details: { type: 'lean-coffee' } }))).toBe('Lean Coffee');
  });
  test('summary: who said what, who has not answered (members only), sorted by name', () => {
    const r = (userId: string, answer: Rsvp['answer'], extra: Partial<Rsvp> = {}): Rsvp => ({
      communityId: 'c',
      tenantId: 't',
      sessionId: 's-1',
      userId,
      displayName: userId.toUpperCase(),
      answer,
      reason: null,
      text: null,
      at: 'x',
      ...extra,
    });
    const members = ['zoe', 'bea', 'chen', 'dev', 'al'].map((u) => ({ userId: u, displayName: u.toUpperCase() }));
    const a = summariseAttendance(session(), 'T', members, [
      r('zoe', 'yes'),
      r('bea', 'yes'),
      r('chen', 'no', { reason: 'other', text: 'trip' }),
      r('gone', 'maybe'),
    ]);
    expect(a.yes.map((p) => p.userId)).toEqual(['bea', 'zoe']);
    expect(a.maybe.map((p) => p.userId)).toEqual(['gone']);
    expect(a.no).toEqual([{ userId: 'chen', displayName: 'CHEN', reason: 'other', text: 'trip' }]);
    expect(a.notAnswered.map((p) => p.userId)).toEqual(['al', 'dev']);
    expect(a.counts).toEqual({ members: 5, answered: 4, yes: 2, maybe: 1, no: 1 });
  });
  test('the next session is the soonest not yet over; the recent ones are before it, newest first', () => {
    const s = (id: string, startsAt: string) => session({ id, startsAt });
    const all = [
      s('a', '2026-11-05T15:00:00Z'),
      s('b', '2026-11-19T15:00:00Z'),
      s('c', '2026-12-03T15:00:00Z'),
      s('d', '2026-12-17T15:00:00Z'),
      s('e', '2026-10-22T15:00:00Z'),
      s('f', '2026-10-08T15:00:00Z'),
    ];
    const { next, recent } = attendanceSessions(all, new Date('2026-12-03T15:30:00Z'));
    expect(next?.id).toBe('c'); // still running
    expect(recent.map((x) => x.id)).toEqual(['b', 'a', 'e']);
    expect(attendanceSessions(all, new Date('2027-01-01T00:00:00Z')).next).toBeNull();
  });
});
