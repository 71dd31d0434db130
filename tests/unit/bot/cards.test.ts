/**
 * Every card builder: valid Adaptive Card 1.5 (the SDK parser, a round trip that keeps every
 * property, 1.5 types only), buttons whose data the bot accepts back, and a snapshot per builder.
 */
import type { TopOfBacklog } from '../../../src/application/use-cases/top-of-backlog';
import type { InvitationView } from '../../../src/application/ports';
import type { Attendance } from '../../../src/application/use-cases/get-attendance';
import { CardSubmit, parseCardExecute } from '../../../src/bot/card-actions';
import { buildAttendanceCard, buildInvitationCard } from '../../../src/bot/cards/invitation-cards';
import type { Rsvp } from '../../../src/domain/attendance';
import type { Session } from '../../../src/domain/session';
import { buildBacklogCard, buildSimilarTopicCard, buildTopOfBacklogCard } from '../../../src/bot/cards/backlog-cards';
import { buildHelpCard } from '../../../src/bot/cards/help-card';
import { buildMeetingStartCard, buildSessionNotesCard } from '../../../src/bot/cards/meeting-cards';
import type { Topic } from '../../../src/domain/backlog';
import { adaptiveCardProblems } from './adaptive-card-check';

const topic = (over: Partial<Topic>): Topic => ({
  id: 't-1',
  communityId: 'cop-1',
  tenantId: 'tenant-a',
  title: 'How do we run remote retros?',
  description: '',
  state: 'prioritised',
  rank: 1,
  score: { normalized: 31.5, roundsScored: 5 },
  ownerId: null,
  proposedBy: 'alex',
  proposedAt: '2026-11-01T10:00:00.000Z',
  supporters: [],
  sessionIds: [],
  ...over,
});
const top: TopOfBacklog = {
  topics: [
    { topic: topic({ id: 't-1', rank: 1 }), ownerName: null },
    { topic: topic({ id: 't-2', rank: 2, title: 'Flow metrics', ownerId: 'bea' }), ownerName: 'Bea Smith' },
    { topic: topic({ id: 't-3', rank: 3, title: 'Working agreements', state: 'scheduled' }), ownerName: null },
  ],
  waiting: 2,
};

const session: Session = {
  id: 's-1',
  communityId: 'cop-1',
  tenantId: 'tenant-a',
  details: { type: 'deep-dive' },
  startsAt: '2026-12-03T15:00:00.000Z',
  durationMinutes: 60,
  topicIds: ['t-1'],
  facilitatorId: 'alex',
  meetingLink: 'https://teams.microsoft.com/l/meetup-join/abc',
  purpose: 'Share what works.',
  agenda: [
    { title: 'Check-in', minutes: 5 },
    { title: 'Deep dive', minutes: 15 },
    { title: 'Breakouts', minutes: 15 },
  ],
  state: 'scheduled',
  attendees: [],
  closed: null,
  createdBy: 'alex',
  createdAt: '2026-11-20T10:00:00.000Z',
};
const view: InvitationView = {
  session,
  communityName: 'SM CoP',
  topicTitles: ['How do we run remote retros?'],
  facilitatorName: 'Alex Morgan',
};
const speaker: InvitationView = {
  session: {
    ...session,
    id: 's-2',
    details: { type: 'external-speaker', speakerName: 'Ana Lima', organisation: 'Acme' },
    topicIds: [],
    meetingLink: null,
    purpose: '',
  },
  communityName: 'SM CoP',
  topicTitles: [],
  facilitatorName: null,
};
const calendarUrl = 'https://guildhall.example/api/communities/cop-1/sessions/s-1/calendar.ics?exp=1&sig=x';
const rsvp = (over: Partial<Rsvp>): Rsvp => ({
  communityId: 'cop-1',
  tenantId: 'tenant-a',
  sessionId: 's-1',
  userId: 'bea',
  displayName: 'Bea Smith',
  answer: 'yes',
  reason: null,
  text: null,
  at: '2026-11-21T10:00:00.000Z',
  ...over,
});
const attendance: Attendance = {
  communityId: 'cop-1',
  communityName: 'SM CoP',
  next: {
    sessionId: 's-1',
    title: 'Deep dive: How do we run remote retros?',
    startsAt: session.startsAt,
    yes: [{ userId: 'bea', displayName: 'Bea Smith' }],
    maybe: [],
    no: [{ userId: 'chen', displayName: 'Chen Li', reason: 'urgent-meeting', text: 'Release' }],
    notAnswered: [{ userId: 'dev', displayName: 'Dev Patel' }],
    counts: { members: 3, answered: 2, yes: 1, maybe: 0, no: 1 },
  },
  recent: [
    {
      sessionId: 's-0',
      title: 'Lean Coffee',
      startsAt: '2026-11-19T15:00:00.000Z',
      yes: [{ userId: 'bea', displayName: 'Bea Smith' }],
      maybe: [],
      no: [],
      notAnswered: [
        { userId: 'chen', displayName: 'Chen Li' },
        { userId: 'dev', displayName: 'Dev Patel' },
      ],
      counts: { members: 3, answered: 1, yes: 1, maybe: 0, no: 0 },
    },
  ],
  trend: [
    { sessionId: 's-0', title: 'Lean Coffee', startsAt: '2026-11-19T15:00:00.000Z', members: 3, answered: 1, yes: 1 },
    {
      sessionId: 's-1',
      title: 'Deep dive: How do we run remote retros?',
      startsAt: session.startsAt,
      members: 3,
      answered: 2,
      yes: 1,
    },
  ],
};

/** [name, card] for every builder and its variants. */
const CARDS: [string, unknown][] = [
  ['help', buildHelpCard()],
  ['help (welcome)', buildHelpCard({ welcome: true })],
  ['backlog (empty)', buildBacklogCard('SM CoP', [])],
  [
    'backlog',
    buildBacklogCard('SM CoP', [
      topic({}),
      topic({ id: 't-2', rank: null, state: 'proposed', score: null, supporters: ['bea'] }),
    ]),
  ],
  [
    'backlog (more than five)',
    buildBacklogCard(
      'SM CoP',
      Array.from({ length: 7 }, (_, i) => topic({ id: `t-${i}`, rank: i + 1 })),
    ),
  ],
  [
    'similar topic',
    buildSimilarTopicCard({
      communityId: 'cop-1',
      proposed: 'remote retros',
      similar: { id: 't-1', title: 'How do we run remote retros?' },
    }),
  ],
  ['top of the backlog', buildTopOfBacklogCard({ communityId: 'cop-1', communityName: 'SM CoP', top })],
  [
    'top of the backlog (nothing ranked)',
    buildTopOfBacklogCard({ communityId: 'cop-1', communityName: 'SM CoP', top: { topics: [], waiting: 1 } }),
  ],
  ['meeting start', buildMeetingStartCard({ meetingTitle: 'CoP deep dive', communityName: 'SM CoP' })],
  ['meeting start (unbound, untitled)', buildMeetingStartCard()],
  ['session notes (will follow)', buildSessionNotesCard({ meetingTitle: 'CoP deep dive', communityName: 'SM CoP' })],
  [
    'session notes (published)',
    buildSessionNotesCard({ meetingTitle: 'CoP deep dive', notesUrl: 'https://guildhall.example/notes/42' }),
  ],
  [
    'invitation (channel, with refresh)',
    buildInvitationCard({ view, calendarUrl, refreshUserIds: ['29:bea', '29:chen'] }),
  ],
  [
    'invitation (personal, not answered)',
    buildInvitationCard({ view, calendarUrl, viewer: { answer: null }, refreshUserIds: ['29:bea'] }),
  ],
  [
    'invitation (answered no, with a reason)',
    buildInvitationCard({
      view,
      calendarUrl,
      viewer: { answer: rsvp({ answer: 'no', reason: 'too-much-on-my-plate', text: 'Release week' }) },
    }),
  ],
  [
    'invitation (external speaker, no meeting link)',
    buildInvitationCard({ view: speaker, calendarUrl, viewer: { answer: rsvp({ answer: 'maybe' }) } }),
  ],
  [
    'reminder (a day before)',
    buildInvitationCard({ view, calendarUrl, viewer: { answer: rsvp({}) }, reason: 'day-before' }),
  ],
  ['reminder (soon)', buildInvitationCard({ view, calendarUrl, viewer: { answer: null }, reason: 'soon' })],
  ['nudge', buildInvitationCard({ view, calendarUrl, viewer: { answer: null }, reason: 'nudge' })],
  ['attendance', buildAttendanceCard(attendance)],
  [
    'attendance (nothing scheduled)',
    buildAttendanceCard({ communityId: 'cop-1', communityName: 'SM CoP', next: null, recent: [], trend: [] }),
  ],
];

function actions(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((n) => actions(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o);
    for (const [k, v] of Object.entries(o)) if (k !== 'data') actions(v, out);
  }
  return out;
}

describe.each(CARDS)('the %s card', (_name, card) => {
  test('is a valid Adaptive Card 1.5', () => {
    expect(adaptiveCardProblems(card)).toEqual([]);
  });
  test('sends back only data the bot accepts, and opens only https links', () => {
    for (const a of actions(card)) {
      if (a.type === 'Action.Submit') expect(CardSubmit.safeParse(a.data).success).toBe(true);
      else if (a.type === 'Action.Execute')
        expect(parseCardExecute({ action: { type: a.type, verb: a.verb, data: a.data } })).toMatchObject({ ok: true });
      else if (a.type === 'Action.ShowCard') expect(a.card).toBeDefined();
      else if (a.type === 'Action.OpenUrl') expect(String(a.url)).toMatch(/^https:\/\//);
      else throw new Error(`unexpected action ${String(a.type)}`);
    }
  });
  test('matches its snapshot', () => {
    expect(card).toMatchSnapshot();
  });
});

describe('the card check', () => {
  const good = buildHelpCard();
  test.each([
    [
      'a misspelt property',
      { ...good, body: [{ type: 'TextBlock', text: 'x', wieght: 'Bolder' }] },
      /card\.body\[0\]\.wieght: not a 1\.5 property/,
    ],
    [
      'a bad enum value',
      { ...good, body: [{ type: 'TextBlock', text: 'x', weight: 'Heavy' }] },
      /Invalid value "Heavy" for property "weight"/,
    ],
    ['an unknown element', { ...good, body: [{ type: 'TextBlok', text: 'x' }] }, /Unknown element type "TextBlok"/],
    [
      'an element newer than 1.5',
      { ...good, body: [{ type: 'Carousel', pages: [] }] },
      /"Carousel" is not an Adaptive Card 1\.5 element/,
    ],
    ['another version', { ...good, version: '1.6' }, /version must be 1\.5/],
  ])('catches %s', (_what, card, problem) => {
    expect(adaptiveCardProblems(card).join('\n')).toMatch(problem);
  });
});

describe('the top of the backlog card', () => {
  test('one "Volunteer to own" button per topic without an owner, carrying that topic', () => {
    const card = buildTopOfBacklogCard({ communityId: 'cop-1', communityName: 'SM CoP', top });
    expect(actions(card).map((a) => a.data)).toEqual([
      { action: 'volunteer-owner', communityId: 'cop-1', topicId: 't-1' },
      { action: 'volunteer-owner', communityId: 'cop-1', topicId: 't-3' },
    ]);
  });
});

describe('the session notes card', () => {
  test('says the notes will follow until a link is given, then links to them', () => {
    expect(actions(buildSessionNotesCard({}))).toEqual([]);
    expect(actions(buildSessionNotesCard({ notesUrl: 'https://x.example/n' }))).toEqual([
      { type: 'Action.OpenUrl', title: 'Read the notes', url: 'https://x.example/n' },
    ]);
  });
  test('refuses a link that is not http(s) (a bug, not input)', () => {
    expect(() => buildSessionNotesCard({ notesUrl: 'javascript:alert(1)' })).toThrow(/http\(s\) URL/);
  });
});

describe('the invitation card', () => {
  const buttons = (card: unknown) => actions(card).filter((a) => a.type === 'Action.Execute');
  test('yes / maybe / no are Universal Actions carrying the session; the "no" asks for a reason', () => {
    const card = buildInvitationCard({ view, calendarUrl });
    expect(buttons(card).map((a) => [a.verb, (a.data as any).answer])).toEqual([
      ['rsvp', 'yes'],
      ['rsvp', 'maybe'],
      ['rsvp', 'no'],
    ]);
    const no = actions(card).find((a) => a.type === 'Action.ShowCard') as any;
    expect(no.card.body.map((b: any) => [b.type, b.id])).toEqual([
      ['Input.ChoiceSet', 'reason'],
      ['Input.Text', 'reasonText'],
    ]);
    expect(no.card.body[0].choices.map((c: any) => c.value)).toEqual([
      'urgent-meeting',
      'too-much-on-my-plate',
      'other',
    ]);
    // What Teams sends back for a "no" (the inputs merged into the data) is accepted.
    expect(
      parseCardExecute({
        action: {
          type: 'Action.Execute',
          verb: 'rsvp',
          data: { ...(buttons(card)[2]!.data as object), reason: 'other', reasonText: 'Offsite' },
        },
      }),
    ).toMatchObject({ ok: true });
  });
  test('refresh lists at most 60 people, without repeats, and is left out without any', () => {
    const many = Array.from({ length: 70 }, (_, i) => `29:u${i}`);
    expect(
      (buildInvitationCard({ view, calendarUrl, refreshUserIds: [...many, '29:u0'] }) as any).refresh.userIds,
    ).toHaveLength(60);
    expect(buildInvitationCard({ view, calendarUrl })).not.toHaveProperty('refresh');
  });
  test('refuses a calendar link that is not http(s) (a bug, not input)', () => {
    expect(() => buildInvitationCard({ view, calendarUrl: 'javascript:alert(1)' })).toThrow(/http\(s\) URL/);
  });
});

describe('text people wrote', () => {
  // Every field a person typed carries a Markdown link; each card must show it literally (escaped), never as a link.
  const PHISH = '[Verify your account](https://phish.example)';
  const ESCAPED = '\\[Verify your account\\](https://phish.example)';
  const p = (what: string) => `${what} ${PHISH}`;
  const phishTopic = topic({ title: p('Topic'), ownerId: 'bea' });
  const phishSession: Session = {
    ...session,
    purpose: p('Purpose'),
    agenda: [{ title: p('Agenda item'), minutes: 5 }],
  };
  const phishView: InvitationView = {
    session: phishSession,
    communityName: p('Community'),
    topicTitles: [p('Topic')],
    facilitatorName: p('Facilitator'),
  };
  const speakerView: InvitationView = {
    ...phishView,
    session: {
      ...phishSession,
      details: { type: 'external-speaker', speakerName: p('Speaker'), organisation: p('Org') },
    },
    topicTitles: [],
  };
  const who = { userId: 'u', displayName: p('Person') };
  const phishAttendance: Attendance = {
    ...attendance,
    communityName: p('Community'),
    next: {
      ...attendance.next!,
      title: p('Session'),
      yes: [who],
      maybe: [who],
      no: [{ ...who, reason: 'other', text: p('Reason') }],
      notAnswered: [who],
    },
  };
  const cards: [string, unknown][] = [
    ['backlog', buildBacklogCard(p('Community'), [phishTopic])],
    [
      'similar topic',
      buildSimilarTopicCard({
        communityId: 'cop-1',
        proposed: p('Proposed'),
        similar: { id: 't-1', title: p('Similar') },
      }),
    ],
    [
      'top of the backlog',
      buildTopOfBacklogCard({
        communityId: 'cop-1',
        communityName: p('Community'),
        top: { topics: [{ topic: phishTopic, ownerName: p('Owner') }], waiting: 0 },
      }),
    ],
    ['meeting start', buildMeetingStartCard({ meetingTitle: p('Meeting'), communityName: p('Community') })],
    ['session notes', buildSessionNotesCard({ meetingTitle: p('Meeting'), communityName: p('Community') })],
    [
      'invitation',
      buildInvitationCard({
        view: phishView,
        calendarUrl,
        viewer: { answer: rsvp({ answer: 'no', reason: 'other', text: p('Reason') }) },
        reason: 'nudge',
      }),
    ],
    ['invitation (speaker)', buildInvitationCard({ view: speakerView, calendarUrl })],
    ['attendance', buildAttendanceCard(phishAttendance)],
  ];
  const shown = (card: unknown): string[] => {
    const out: string[] = [];
    const walk = (n: unknown) => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object') {
        for (const [k, v] of Object.entries(n)) {
          if (k === 'data') continue;
          if ((k === 'text' || k === 'value' || k === 'title') && typeof v === 'string') out.push(v);
          else walk(v);
        }
      }
    };
    walk(card);
    return out;
  };

  test.each(cards)('shows literally in the %s card: the link is escaped wherever it appears', (_name, card) => {
    const texts = shown(card);
    const withPhish = texts.filter((t) => t.includes('Verify your account'));
    expect(withPhish.length).toBeGreaterThan(0);
    for (const t of withPhish) expect(t).toContain(ESCAPED);
    expect(texts.filter((t) => t.replaceAll(ESCAPED, '').includes('](https://phish.example)'))).toEqual([]);
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  test('every field a person wrote is in one of these cards, escaped', () => {
    const all = cards.flatMap(([, c]) => shown(c)).join('\n');
    for (const field of [
      'Topic',
      'Proposed',
      'Similar',
      'Owner',
      'Community',
      'Meeting',
      'Purpose',
      'Agenda item',
      'Facilitator',
      'Reason',
      'Speaker',
      'Org',
      'Person',
      'Session',
    ]) {
      expect(all).toContain(`${field} ${ESCAPED}`);
    }
  });
});
