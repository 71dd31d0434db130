/**
 * Every card builder: valid Adaptive Card 1.5 (the SDK parser, a round trip that keeps every
 * property, 1.5 types only), buttons whose data the bot accepts back, and a snapshot per builder.
 */
import type { TopOfBacklog } from '../../../src/application/use-cases/top-of-backlog';
import { CardSubmit } from '../../../src/bot/card-actions';
import { buildBacklogCard, buildSimilarTopicCard, buildTopOfBacklogCard } from '../../../src/bot/cards/backlog-cards';
import { buildHelpCard } from '../../../src/bot/cards/help-card';
import { buildMeetingStartCard, buildSessionNotesCard } from '../../../src/bot/cards/meeting-cards';
import type { Topic } from '../../../src/domain/backlog';
import { adaptiveCardProblems } from './adaptive-card-check';

const topic = (over: Partial<Topic>): Topic => ({
  id: 't-1', communityId: 'cop-1', tenantId: 'tenant-a', title: 'How do we run remote retros?', description: '', state: 'prioritised',
  rank: 1, score: { normalized: 31.5, roundsScored: 5 }, ownerId: null, proposedBy: 'alex', proposedAt: '2026-11-01T10:00:00.000Z',
  supporters: [], sessionIds: [], ...over,
});
const top: TopOfBacklog = {
  topics: [
    { topic: topic({ id: 't-1', rank: 1 }), ownerName: null },
    { topic: topic({ id: 't-2', rank: 2, title: 'Flow metrics', ownerId: 'bea' }), ownerName: 'Bea Smith' },
    { topic: topic({ id: 't-3', rank: 3, title: 'Working agreements', state: 'scheduled' }), ownerName: null },
  ],
  waiting: 2,
};

/** [name, card] for every builder and its variants. */
const CARDS: [string, unknown][] = [
  ['help', buildHelpCard()],
  ['help (welcome)', buildHelpCard({ welcome: true })],
  ['backlog (empty)', buildBacklogCard('SM CoP', [])],
  ['backlog', buildBacklogCard('SM CoP', [topic({}), topic({ id: 't-2', rank: null, state: 'proposed', score: null, supporters: ['bea'] })])],
  ['backlog (more than five)', buildBacklogCard('SM CoP', Array.from({ length: 7 }, (_, i) => topic({ id: `t-${i}`, rank: i + 1 })))],
  ['similar topic', buildSimilarTopicCard({ communityId: 'cop-1', proposed: 'remote retros', similar: { id: 't-1', title: 'How do we run remote retros?' } })],
  ['top of the backlog', buildTopOfBacklogCard({ communityId: 'cop-1', communityName: 'SM CoP', top })],
  ['top of the backlog (nothing ranked)', buildTopOfBacklogCard({ communityId: 'cop-1', communityName: 'SM CoP', top: { topics: [], waiting: 1 } })],
  ['meeting start', buildMeetingStartCard({ meetingTitle: 'CoP deep dive', communityName: 'SM CoP' })],
  ['meeting start (unbound, untitled)', buildMeetingStartCard()],
  ['session notes (will follow)', buildSessionNotesCard({ meetingTitle: 'CoP deep dive', communityName: 'SM CoP' })],
  ['session notes (published)', buildSessionNotesCard({ meetingTitle: 'CoP deep dive', notesUrl: 'https://guildhall.example/notes/42' })],
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
    ['a misspelt property', { ...good, body: [{ type: 'TextBlock', text: 'x', wieght: 'Bolder' }] }, /card\.body\[0\]\.wieght: not a 1\.5 property/],
    ['a bad enum value', { ...good, body: [{ type: 'TextBlock', text: 'x', weight: 'Heavy' }] }, /Invalid value "Heavy" for property "weight"/],
    ['an unknown element', { ...good, body: [{ type: 'TextBlok', text: 'x' }] }, /Unknown element type "TextBlok"/],
    ['an element newer than 1.5', { ...good, body: [{ type: 'Carousel', pages: [] }] }, /"Carousel" is not an Adaptive Card 1\.5 element/],
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
    expect(actions(buildSessionNotesCard({ notesUrl: 'https://x.example/n' }))).toEqual([{ type: 'Action.OpenUrl', title: 'Read the notes', url: 'https://x.example/n' }]);
  });
  test('refuses a link that is not http(s) (a bug, not input)', () => {
    expect(() => buildSessionNotesCard({ notesUrl: 'javascript:alert(1)' })).toThrow(/http\(s\) URL/);
  });
});
