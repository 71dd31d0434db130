/**
 * The bot between sessions, through the real server over HTTP (bot wired to the embedded record),
 * with the Bot Framework connector stand-in on loopback as every activity's serviceUrl: what the
 * bot sends arrives there. No SDK mocks.
 *
 * - a redelivered activity (message, card submit, event) is answered exactly once;
 * - install / uninstall keep and drop the conversation reference; the proactive notifier posts
 *   into the community's channel with it;
 * - meeting start and end post their cards into the meeting chat;
 * - "top" / "next" show the top of the backlog, "Volunteer to own" sets the owner once.
 */
import type { Topic } from '../../src/domain/backlog';
import { buildSessionNotesCard } from '../../src/bot/cards/meeting-cards';
import { startConnectorStandIn, type ConnectorStandIn, type ReceivedActivity } from '../fixtures/connector-stand-in';
import { startTestServer, type TestServer } from '../fixtures/test-server';

const TENANT = 'tenant-a';
const BOT = { id: '28:guildhall', name: 'Guildhall' };
const TEAM = '19:team-general@thread.tacv2';
const COP_CHANNEL = '19:cop-channel@thread.tacv2';
// Teams meeting ids are base64; this one has no '=' padding because the API's id rule refuses '='
// (reported to the lead: real padded meeting ids cannot be bound yet).
const MEETING = 'MCMxOTptZWV0aW5nX2FiY0B0aHJlYWQudjIjMA';
const MEETING_CHAT = '19:meeting_abc@thread.v2';

let server: TestServer;
let connector: ConnectorStandIn;
let communityId: string;
let seq = 0;

beforeAll(async () => {
  server = await startTestServer();
  connector = await startConnectorStandIn();
  const created = await server.as('alex')('/api/communities', {
    body: { name: 'Scrum Masters North', purpose: 'working-group', cadencePerMonth: 2 },
  });
  communityId = created.body.community.id;
  await server.as('bea')(`/api/communities/${communityId}/members`, { body: {} });
  for (const [contextId, kind] of [
    [COP_CHANNEL, 'channel'],
    [MEETING, 'meeting'],
  ] as const) {
    const bound = await server.as('alex')(`/api/contexts/${encodeURIComponent(contextId)}`, {
      method: 'PUT',
      body: { kind, communityId },
    });
    expect(bound).toMatchObject({ status: 200, body: { binding: { contextId, communityId } } });
  }
});
afterAll(async () => {
  await connector.close();
  await server.close();
});
beforeEach(() => connector.clear());

type Where = 'personal' | 'cop-channel' | 'general' | 'meeting';

function activity(user: string, where: Where, over: Record<string, unknown> = {}): Record<string, unknown> {
  seq += 1;
  const conversation = {
    personal: { id: `a:personal-${user}`, conversationType: 'personal', tenantId: TENANT },
    'cop-channel': {
      id: `${COP_CHANNEL};messageid=${seq}`,
      conversationType: 'channel',
      tenantId: TENANT,
      isGroup: true,
    },
    general: { id: TEAM, conversationType: 'channel', tenantId: TENANT, isGroup: true },
    meeting: { id: MEETING_CHAT, conversationType: 'groupChat', tenantId: TENANT, isGroup: true },
  }[where];
  const channelData = {
    personal: { tenant: { id: TENANT } },
    'cop-channel': { tenant: { id: TENANT }, team: { id: TEAM }, channel: { id: COP_CHANNEL } },
    general: { tenant: { id: TENANT }, team: { id: TEAM }, channel: { id: TEAM } },
    meeting: { tenant: { id: TENANT }, meeting: { id: MEETING } },
  }[where];
  return {
    type: 'message',
    id: `act-${seq}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    timestamp: new Date().toISOString(),
    from: { id: `29:${user}`, aadObjectId: user, name: user.toUpperCase() },
    recipient: BOT,
    conversation,
    channelData,
    locale: 'en-US',
    ...over,
  };
}
const message = (user: string, text: string, where: Where = 'personal') => activity(user, where, { text });
const submit = (user: string, value: unknown, where: Where = 'personal') => activity(user, where, { value });
const meetingEvent = (name: 'meetingStart' | 'meetingEnd', title = 'CoP deep dive') =>
  activity('alex', 'meeting', {
    type: 'event',
    name: `application/vnd.microsoft.${name}`,
    value: {
      Id: MEETING,
      MeetingType: 'Scheduled',
      Title: title,
      JoinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
      [name === 'meetingStart' ? 'StartTime' : 'EndTime']: '2026-12-02T10:00:00Z',
    },
  });

async function post(body: unknown): Promise<number> {
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await res.text();
  return res.status;
}

/** Sends one activity and returns the single message it produced (and checks there is no second). */
async function say(a: Record<string, unknown>): Promise<ReceivedActivity> {
  const before = connector.received.length;
  expect(await post(a)).toBe(200);
  await connector.waitFor(before + 1, 10000);
  await settle();
  expect(connector.received).toHaveLength(before + 1);
  return connector.received[before]!;
}
const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));
const cardOf = (a: ReceivedActivity): any => {
  expect(a.body.attachments).toHaveLength(1);
  expect(a.body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
  return a.body.attachments[0].content;
};
function texts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.text === 'string') out.push(o.text);
      if (typeof o.title === 'string' && typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o.title);
      Object.entries(o).forEach(([k, v]) => k !== 'data' && walk(v));
    }
  };
  walk(card);
  return out;
}
const actionsOf = (card: unknown): any[] => {
  const out: any[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o);
      Object.entries(o).forEach(([k, v]) => k !== 'data' && walk(v));
    }
  };
  walk(card);
  return out;
};

let topicSeq = 0;
async function rankedTopic(over: Partial<Topic>): Promise<Topic> {
  topicSeq += 1;
  const t: Topic = {
    id: `ranked-${topicSeq}`,
    communityId,
    tenantId: TENANT,
    title: `Ranked topic ${topicSeq}`,
    description: '',
    state: 'prioritised',
    rank: topicSeq,
    score: null,
    ownerId: null,
    proposedBy: 'alex',
    proposedAt: '2026-11-01T10:00:00.000Z',
    supporters: [],
    sessionIds: [],
    ...over,
  };
  const created = await server.store.topics.create(t);
  expect(created.ok).toBe(true);
  return t;
}

describe('a redelivered activity is answered exactly once', () => {
  it('the same message delivered twice: one reply at the connector', async () => {
    const msg = message('alex', 'help');
    expect(await post(msg)).toBe(200);
    expect(await post(msg)).toBe(200);
    await connector.waitFor(1);
    await settle(300);
    expect(connector.received).toHaveLength(1);
    expect(connector.received[0]!.replyToId).toBe(msg.id);
    expect(texts(cardOf(connector.received[0]!))[0]).toBe('Guildhall: what I can do');
  });

  it('three deliveries at once: still one reply', async () => {
    const msg = message('bea', 'hi');
    expect(await Promise.all([post(msg), post(msg), post(msg)])).toEqual([200, 200, 200]);
    await connector.waitFor(1);
    await settle(300);
    expect(connector.received).toHaveLength(1);
  });

  it('a new activity id in the same conversation is a new message (answered)', async () => {
    const first = message('alex', 'help');
    const second = message('alex', 'help');
    await say(first);
    await say(second);
    expect(connector.received.map((r) => r.replyToId)).toEqual([first.id, second.id]);
  });

  it('a redelivered card submit: one reply, one change', async () => {
    const t = await rankedTopic({ title: 'Flow metrics for Scrum teams' });
    const press = submit('bea', { action: 'volunteer-owner', communityId, topicId: t.id });
    expect(await post(press)).toBe(200);
    expect(await post(press)).toBe(200);
    await connector.waitFor(1);
    await settle(300);
    expect(connector.received).toHaveLength(1);
    expect(connector.received[0]!.body.text).toMatch(/^Thank you! You own "Flow metrics for Scrum teams"/);
    expect((await server.store.topics.get(communityId, t.id))?.value.ownerId).toBe('bea');
  });

  it('a redelivered meeting start event: one card in the meeting chat', async () => {
    const start = meetingEvent('meetingStart');
    expect(await post(start)).toBe(200);
    expect(await post(start)).toBe(200);
    await connector.waitFor(1);
    await settle(300);
    expect(connector.received).toHaveLength(1);
    expect(connector.received[0]!.conversationId).toBe(MEETING_CHAT);
    expect(texts(cardOf(connector.received[0]!))[0]).toBe('CoP deep dive has started');
  });

  it('when answering failed, the claim is given back and the redelivery is answered', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => {});
    connector.failNext(1, 403);
    const msg = message('alex', 'help');
    expect(await post(msg)).toBe(200);
    const [apology] = await connector.waitFor(1);
    expect(apology!.body.text).toMatch(/something went wrong on my side/i);
    expect(errors.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/turn failed \(message activity\)/);
    errors.mockRestore();
    connector.clear();
    const reply = await say(msg);
    expect(cardOf(reply).body[0].text).toMatch(/what I can do/);
  });
});

describe('conversation references', () => {
  const install = (where: Where, action: 'add' | 'remove') =>
    activity('alex', where, { type: 'installationUpdate', action });

  it('installing in a team keeps where to post; uninstalling forgets it', async () => {
    expect(await post(install('general', 'add'))).toBe(200);
    const saved = await server.store.conversationRefs.get(TENANT, TEAM);
    expect(saved?.value).toMatchObject({
      tenantId: TENANT,
      conversationId: TEAM,
      conversationType: 'channel',
      serviceUrl: connector.url,
      channelId: 'msteams',
      botId: BOT.id,
      botName: BOT.name,
      teamId: TEAM,
      teamsChannelId: TEAM,
      communityId: null,
    });
    expect(connector.received).toHaveLength(0); // installationUpdate itself posts nothing
    expect(await post(install('general', 'remove'))).toBe(200);
    expect(await server.store.conversationRefs.get(TENANT, TEAM)).toBeUndefined();
  });

  it('adding the bot to a personal chat keeps the reference (with the person) and welcomes; removing it forgets', async () => {
    const added = activity('bea', 'personal', { type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] });
    const welcome = await say(added);
    expect(texts(cardOf(welcome))[0]).toBe('Welcome to Guildhall!');
    expect((await server.store.conversationRefs.get(TENANT, 'a:personal-bea'))?.value).toMatchObject({
      conversationType: 'personal',
      userId: 'bea',
      communityId: null,
    });
    expect(
      await post(activity('bea', 'personal', { type: 'conversationUpdate', membersRemoved: [{ id: BOT.id }] })),
    ).toBe(200);
    expect(await server.store.conversationRefs.get(TENANT, 'a:personal-bea')).toBeUndefined();
  });

  it('a meeting chat install is saved with the community its meeting is bound to', async () => {
    expect(await post(install('meeting', 'add'))).toBe(200);
    expect((await server.store.conversationRefs.get(TENANT, MEETING_CHAT))?.value).toMatchObject({
      conversationType: 'groupChat',
      communityId,
    });
  });
});

describe('posting into the community channel (ProactiveNotifier)', () => {
  const notes = buildSessionNotesCard({
    meetingTitle: 'CoP deep dive',
    communityName: 'Scrum Masters North',
    notesUrl: 'https://guildhall.example/notes/1',
  });

  it('with no channel of the community installed: NOT_FOUND, nothing sent', async () => {
    const r = await server.notifier.postToCommunityChannel({ tenantId: TENANT, communityId }, notes);
    expect(r.ok || r.error.code).toBe('NOT_FOUND');
    expect(connector.requests).toHaveLength(0);
  });

  it('after the app is installed in the team and the bot used in the community channel, the card arrives there as a new post', async () => {
    expect(await post(activity('alex', 'general', { type: 'installationUpdate', action: 'add' }))).toBe(200);
    await say(message('alex', '<at>Guildhall</at> top', 'cop-channel'));
    connector.clear();
    const r = await server.notifier.postToCommunityChannel({ tenantId: TENANT, communityId }, notes);
    expect(r).toEqual({ ok: true, value: { conversationId: COP_CHANNEL } });
    const [posted] = await connector.waitFor(1);
    expect(posted!.method).toBe('POST');
    expect(posted!.conversationId).toBe(COP_CHANNEL);
    expect(posted!.replyToId).toBeUndefined(); // a new post, not a reply
    expect(posted!.body.from?.id).toBe(BOT.id);
    expect(cardOf(posted!)).toEqual(notes);
    expect(connector.received).toHaveLength(1);
  });

  it('another tenant asking for the same community id finds nothing', async () => {
    const r = await server.notifier.postToCommunityChannel({ tenantId: 'tenant-b', communityId }, notes);
    expect(r.ok || r.error.code).toBe('NOT_FOUND');
  });

  it('Teams refusing the post is a NOTIFICATION_FAILED result, not a crash', async () => {
    connector.failNext(5, 403);
    const r = await server.notifier.postToCommunityChannel({ tenantId: TENANT, communityId }, notes);
    expect(r.ok || r.error.code).toBe('NOTIFICATION_FAILED');
    // One attempt, and no chat apology posted into the channel after it.
    expect(connector.requests.map((q) => `${q.method} ${q.status}`)).toEqual(['POST 403']);
    connector.failNext(0);
  });

  it('uninstalling from the team forgets its channels too', async () => {
    expect(await post(activity('alex', 'general', { type: 'installationUpdate', action: 'remove' }))).toBe(200);
    expect(await server.store.conversationRefs.get(TENANT, COP_CHANNEL)).toBeUndefined();
    const r = await server.notifier.postToCommunityChannel({ tenantId: TENANT, communityId }, notes);
    expect(r.ok || r.error.code).toBe('NOT_FOUND');
  });
});

describe('meeting start and end', () => {
  it('at start: a card in the meeting chat pointing to the side panel, naming the bound community', async () => {
    const start = meetingEvent('meetingStart', 'CoP deep dive: remote retros');
    const posted = await say(start);
    expect(posted.conversationId).toBe(MEETING_CHAT);
    const t = texts(cardOf(posted));
    expect(t[0]).toBe('CoP deep dive: remote retros has started');
    expect(t.join('\n')).toMatch(/Scrum Masters North is meeting now/);
    expect(t.join('\n')).toMatch(/side panel/);
  });

  it('at end: a card that says the notes will follow in the community channel', async () => {
    const posted = await say(meetingEvent('meetingEnd'));
    const card = cardOf(posted);
    expect(texts(card)[0]).toBe('CoP deep dive has ended');
    expect(texts(card).join('\n')).toMatch(/notes and the takeaways will follow in Scrum Masters North's channel/);
    expect(actionsOf(card)).toEqual([]);
  });

  it('an unbound meeting still gets the cards, without a community name', async () => {
    const start = meetingEvent('meetingStart');
    (start.channelData as any).meeting.id = 'unbound-meeting';
    (start.value as any).Id = 'unbound-meeting';
    (start.conversation as any).id = '19:meeting_other@thread.v2';
    const t = texts(cardOf(await say(start)));
    expect(t.join('\n')).not.toMatch(/Scrum Masters North/);
    expect(t.join('\n')).toMatch(/side panel/);
  });
});

describe('"top" / "next" and "Volunteer to own"', () => {
  let topics: Topic[];
  beforeAll(async () => {
    // Fresh ranks above whatever the earlier tests stored: discussed/owned ones shift out of the top 5.
    for (const t of (await server.store.topics.listByCommunity(communityId)).map((v) => v.value)) {
      await server.store.topics.update(
        { ...t, state: 'discussed' },
        (await server.store.topics.get(communityId, t.id))!.etag,
      );
    }
    topics = [];
    for (let i = 0; i < 6; i++)
      topics.push(await rankedTopic({ title: `Topic ${i + 1}`, rank: i + 1, ownerId: i === 1 ? 'alex' : null }));
  });

  it('shows the five best-ranked topics, who owns each or that it needs an owner, with a button on each unowned one', async () => {
    const card = cardOf(await say(message('bea', 'top')));
    const t = texts(card);
    expect(t[0]).toBe('Scrum Masters North: the top of the backlog');
    expect(t.filter((x) => x.startsWith('#'))).toEqual([
      '#1 Topic 1',
      '#2 Topic 2',
      '#3 Topic 3',
      '#4 Topic 4',
      '#5 Topic 5',
    ]);
    expect(t).toContain('Owner: ALEX');
    expect(t.filter((x) => x === 'Needs an owner')).toHaveLength(4);
    const buttons = actionsOf(card);
    expect(buttons.map((b) => b.title)).toEqual(Array(4).fill('Volunteer to own'));
    expect(buttons.map((b) => b.data.topicId)).toEqual([topics[0]!.id, topics[2]!.id, topics[3]!.id, topics[4]!.id]);
  });

  it('"next" answers the same card', async () => {
    const card = cardOf(await say(message('bea', 'next', 'cop-channel')));
    expect(texts(card)[0]).toBe('Scrum Masters North: the top of the backlog');
  });

  it('pressing "Volunteer to own" makes the caller the owner; a second volunteer is told who owns it', async () => {
    const card = cardOf(await say(message('bea', 'top')));
    const button = actionsOf(card)[0];
    expect((await say(submit('bea', button.data))).body.text).toBe(
      'Thank you! You own "Topic 1" now: you prepare its deep dive. Keep the opening short; the group works on it in breakouts.',
    );
    expect((await say(submit('bea', button.data))).body.text).toBe('You already own "Topic 1". Nothing changed.');
    expect((await say(submit('alex', button.data))).body.text).toMatch(/"Topic 1" already has an owner: BEA/);
    expect((await server.store.topics.get(communityId, topics[0]!.id))?.value.ownerId).toBe('bea');
    expect(texts(cardOf(await say(message('alex', 'top')))).slice(1, 3)).toEqual(['#1 Topic 1', 'Owner: BEA']);
  });

  it('a non-member pressing the button changes nothing and is told why', async () => {
    const reply = await say(submit('chen', { action: 'volunteer-owner', communityId, topicId: topics[2]!.id }));
    expect(reply.body.text).toMatch(/not a member of 'Scrum Masters North'/);
    expect((await server.store.topics.get(communityId, topics[2]!.id))?.value.ownerId).toBeNull();
  });

  it('"volunteer to facilitate" says it comes with sessions; "volunteer to own" says how', async () => {
    expect((await say(message('bea', 'volunteer to facilitate'))).body.text).toMatch(
      /volunteering to facilitate \(it comes with sessions\)/,
    );
    expect((await say(message('bea', 'volunteer to own a topic'))).body.text).toMatch(
      /type top and press "Volunteer to own"/,
    );
  });
});
