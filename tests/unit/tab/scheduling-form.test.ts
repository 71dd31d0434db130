import { SESSION_TYPES, agendaTemplate } from '../../../src/domain/session';
import type { Topic } from '../../../src/domain/backlog';
import {
  DETAIL_FIELDS,
  agendaStatus,
  detailsSummary,
  initialScheduleForm,
  isoFromLocalInput,
  issuesToScheduleErrors,
  localInputFromIso,
  newRequestId,
  toAgendaEdit,
  toDraftAgenda,
  toScheduleRequest,
  withType,
  type ScheduleFormValues,
} from '../../../src/tab/features/scheduling/schedule-form';

const NOW = new Date('2026-12-02T12:00:00Z');
const top = { id: 't1', title: 'Remote retros', rank: 1 } as Topic;

const form = (over: Partial<ScheduleFormValues> = {}): ScheduleFormValues => ({
  ...initialScheduleForm({ dates: ['2026-12-16T15:00:00.000Z'], facilitatorId: 'bea' }, [top], 'alex'),
  ...over,
});

describe('the form as it opens', () => {
  it('is a deep dive on the first suggested date, on the top topic, with the next facilitator and the template agenda', () => {
    const f = form();
    expect(f.type).toBe('deep-dive');
    expect(isoFromLocalInput(f.startsAtLocal)).toBe('2026-12-16T15:00:00.000Z');
    expect(f.topicIds).toEqual(['t1']);
    expect(f.facilitatorId).toBe('bea');
    expect(f.agenda).toEqual(toDraftAgenda(agendaTemplate('deep-dive')));
    expect(f.durationMinutes).toBe('60');
  });

  it('falls back to the person scheduling when nobody is in the rotation, and to no topic or date when there are none', () => {
    const f = initialScheduleForm({ dates: [], facilitatorId: null }, [], 'alex');
    expect(f.facilitatorId).toBe('alex');
    expect(f.topicIds).toEqual([]);
    expect(f.startsAtLocal).toBe('');
  });
});

describe('dates', () => {
  it('rounds a suggestion up to the next quarter hour in local time, and reads a local input back as an instant', () => {
    const local = localInputFromIso('2026-12-16T14:53:06.000Z');
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:(00|15|30|45)$/);
    expect(isoFromLocalInput(local)).toBe(
      new Date(Math.ceil(Date.parse('2026-12-16T14:53:06.000Z') / 900000) * 900000).toISOString(),
    );
    expect(localInputFromIso('nonsense')).toBe('');
    expect(isoFromLocalInput('2026-12-16')).toBeUndefined();
    expect(isoFromLocalInput('')).toBeUndefined();
  });
});

describe('session types', () => {
  it('has fields for every type that match what the API asks for', () => {
    for (const type of SESSION_TYPES) {
      const values = Object.fromEntries(DETAIL_FIELDS[type].map((f) => [f.key, `  ${f.label} value `]));
      const r = toScheduleRequest(
        form({ type, details: values, agenda: toDraftAgenda(agendaTemplate(type)), durationMinutes: '120' }),
        'req-1',
        NOW,
      );
      expect(r.ok).toBe(true);
      if (r.ok) {
        const { type: t, ...fields } = r.value.details as { type: string } & Record<string, string>;
        expect(t).toBe(type);
        expect(Object.keys(fields).sort()).toEqual(DETAIL_FIELDS[type].map((f) => f.key).sort());
        for (const f of DETAIL_FIELDS[type]) expect(fields[f.key]).toBe(`${f.label} value`);
      }
    }
  });

  it('switching type brings its template and its length, unless the user set a duration', () => {
    const visit = withType(form(), 'visit');
    expect(visit.agenda.map((i) => i.title)).toEqual(agendaTemplate('visit').map((i) => i.title));
    expect(visit.durationMinutes).toBe('90');
    const kept = withType(form({ durationMinutes: '120', durationTouched: true }), 'visit');
    expect(kept.durationMinutes).toBe('120');
  });

  it('maps an external speaker form to the request, with the request id, link and purpose trimmed', () => {
    const r = toScheduleRequest(
      form({
        type: 'external-speaker',
        details: {
          speakerName: ' Ada Lovelace ',
          organisation: 'Analytical Engines Ltd',
          bookTitle: 'left over from another type',
        },
        agenda: [
          { title: ' Talk ', minutes: '40' },
          { title: 'Questions', minutes: '20' },
        ],
        durationMinutes: '60',
        meetingLink: ' https://teams.microsoft.com/l/meetup-join/x ',
        purpose: ' Learn from them ',
      }),
      'req-7',
      NOW,
    );
    expect(r).toEqual({
      ok: true,
      value: {
        details: { type: 'external-speaker', speakerName: 'Ada Lovelace', organisation: 'Analytical Engines Ltd' },
        startsAt: '2026-12-16T15:00:00.000Z',
        durationMinutes: 60,
        topicIds: ['t1'],
        facilitatorId: 'bea',
        meetingLink: 'https://teams.microsoft.com/l/meetup-join/x',
        purpose: 'Learn from them',
        agenda: [
          { title: 'Talk', minutes: 40 },
          { title: 'Questions', minutes: 20 },
        ],
        requestId: 'req-7',
      },
    });
  });

  it('names the missing fields of a type, a non-https link and a date in the past, as the server would', () => {
    const r = toScheduleRequest(
      form({ type: 'leadership-guest', details: { guestName: 'Sam' }, meetingLink: 'http://example.com' }),
      'r',
      NOW,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.guestRole).toBe("Fill in the guest's role.");
      expect(r.errors.meetingLink).toMatch(/https/);
    }
    const past = toScheduleRequest(form({ startsAtLocal: localInputFromIso('2026-11-01T10:00:00Z') }), 'r', NOW);
    expect(!past.ok && past.errors.startsAt).toBe('A session must be scheduled in the future.');
    const noTopic = toScheduleRequest(form({ topicIds: [] }), 'r', NOW);
    expect(!noTopic.ok && noTopic.errors.topicIds).toBe('A deep dive needs a topic from the backlog.');
    // A book club needs no topic.
    expect(
      toScheduleRequest(
        withType(form({ topicIds: [], details: { bookTitle: 'Turn the Ship Around' } }), 'book-club'),
        'r',
        NOW,
      ).ok,
    ).toBe(true);
  });

  it('refuses an agenda longer than the session, and minutes that are not whole numbers', () => {
    const over = toScheduleRequest(form({ durationMinutes: '45' }), 'r', NOW);
    expect(!over.ok && over.errors.agenda).toBe(
      'The agenda takes 60 minutes but the session lasts 45; shorten a timebox or lengthen the session.',
    );
    const bad = toScheduleRequest(form({ agenda: [{ title: 'Talk', minutes: 'ten' }] }), 'r', NOW);
    expect(!bad.ok && bad.errors.agenda).toBe('Item 1: the timebox is a whole number of minutes.');
    const none = toScheduleRequest(form({ durationMinutes: '' }), 'r', NOW);
    expect(!none.ok && none.errors.durationMinutes).toMatch(/whole number of minutes/);
  });
});

describe('the agenda against the duration', () => {
  const agenda = [
    { title: 'a', minutes: '20' },
    { title: 'b', minutes: '25' },
  ];
  it('says what is left, what fits and what is over', () => {
    expect(agendaStatus(agenda, '60')).toMatchObject({
      total: 45,
      spare: 15,
      over: 0,
      fits: true,
      label: '45 of 60 minutes planned, 15 to spare',
    });
    expect(agendaStatus(agenda, '45')).toMatchObject({ fits: true, label: '45 of 45 minutes: fits exactly' });
    expect(agendaStatus(agenda, '40')).toMatchObject({
      over: 5,
      fits: false,
      label: '45 of 40 minutes: 5 over — shorten a timebox or lengthen the session',
    });
    expect(agendaStatus(agenda, '')).toMatchObject({
      fits: false,
      label: "45 minutes planned; set the session's duration",
    });
    // A half-typed timebox counts as nothing until it is a number.
    expect(agendaStatus([...agenda, { title: 'c', minutes: '' }], '60').total).toBe(45);
  });

  it('turns an edited agenda into the request, or says why not', () => {
    expect(toAgendaEdit(agenda, '50')).toEqual({
      ok: true,
      agenda: [
        { title: 'a', minutes: 20 },
        { title: 'b', minutes: 25 },
      ],
      durationMinutes: 50,
    });
    expect(toAgendaEdit(agenda, '40')).toEqual({
      ok: false,
      message: 'The agenda takes 45 minutes but the session lasts 40; shorten a timebox or lengthen the session.',
    });
    expect(toAgendaEdit([{ title: ' ', minutes: '5' }], '30')).toEqual({ ok: false, message: 'Item 1 needs a title.' });
    expect(toAgendaEdit([{ title: 'x', minutes: '0' }], '30').ok).toBe(false);
    expect(toAgendaEdit([], '30')).toEqual({ ok: false, message: 'The agenda needs at least one item.' });
    expect(toAgendaEdit(agenda, '5').ok).toBe(false);
  });
});

describe('the API answers and the listing', () => {
  it('puts each API issue beside its field', () => {
    expect(
      issuesToScheduleErrors([
        { path: 'details.speakerName', message: 'speakerName is required' },
        { path: 'details', message: 'type must be one of …' },
        { path: 'agenda.2.minutes', message: 'a timebox is at least 1 minute' },
        { path: 'meetingLink', message: 'meetingLink must be an https URL' },
        { path: 'facilitatorId', message: 'not a member' },
        { path: '(body)', message: 'unknown field(s): x' },
      ]),
    ).toEqual({
      speakerName: 'Fill in the speaker.',
      type: 'type must be one of …',
      agenda: 'Item 3: a timebox is at least 1 minute',
      meetingLink: 'meetingLink must be an https URL',
      facilitatorId: 'not a member',
      form: 'unknown field(s): x',
    });
  });

  it('summarises a type’s own fields', () => {
    expect(detailsSummary({ type: 'external-speaker', speakerName: 'Ada', organisation: 'AE' })).toEqual({
      label: 'Speaker',
      text: 'Ada (AE)',
    });
    expect(detailsSummary({ type: 'visit', hostCompany: 'Contoso' })).toEqual({ label: 'Host', text: 'Contoso' });
    expect(detailsSummary({ type: 'deep-dive' })).toBeUndefined();
  });

  it('makes request ids the API accepts', () => {
    const id = newRequestId(() => 'x'.repeat(100));
    expect(id.length).toBeLessThanOrEqual(64);
    expect(newRequestId()).not.toBe(newRequestId());
  });
});
