/**
 * Invitations, RSVPs, reminders and the champion's view (issue 5), through the real server over
 * HTTP with activities as Teams sends them and the Bot Framework connector stand-in on loopback as
 * every activity's serviceUrl. No SDK mocks.
 *
 * - scheduling a session posts the invitation in the community's channel and sends it one-to-one to
 *   each member who has the app, once (a repeated request sends nothing);
 * - an RSVP (invoke adaptiveCard/action) is answered in the HTTP response with that person's card;
 *   a "no" keeps its reason; a repeated RSVP changes nothing; a non-member and a malformed payload
 *   get a clear message;
 * - the champion's attendance card and API, and Nudge reaching only those who have not answered;
 * - the signed calendar link;
 * - reminders: two server instances on one SQLite file, run at once, send each reminder once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Topic } from '../../src/domain/backlog';
import { encodeDevIdentity } from '../../src/api/dev-identity';
import { parseConfig } from '../../src/server/config';
import { startServer, type RunningServer } from '../../src/server/server';
import { startConnectorStandIn, type ConnectorStandIn, type ReceivedActivity } from '../fixtures/connector-stand-in';
import { startTestServer, type TestServer } from '../fixtures/test-server';

const TENANT = 'tenant-a';
const BOT = { id: '28:guildhall', name: 'Guildhall' };
const TEAM = '19:team-general@thread.tacv2';
const COP_CHANNEL = '19:cop-channel@thread.tacv2';
const HOUR = 3_600_000;

let seq = 0;
type Where = 'personal' | 'cop-channel' | 'general';

function activityFor(
  connector: ConnectorStandIn,
  user: string,
  where: Where,
  over: Record<string, unknown> = {},
): Record<string, unknown> {
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
  }[where];
  const channelData = {
    personal: { tenant: { id: TENANT } },
    'cop-channel': { tenant: { id: TENANT }, team: { id: TEAM }, channel: { id: COP_CHANNEL } },
    general: { tenant: { id: TENANT }, team: { id: TEAM }, channel: { id: TEAM } },
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

async function postTo(url: string, body: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));
const cardOf = (a: ReceivedActivity): any => {
  expect(a.body.attachments).toHaveLength(1);
  expect(a.body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
  return a.body.attachments[0].content;
};
function walk(card: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(card)) card.forEach((c) => walk(c, visit));
  else if (card && typeof card === 'object') {
    const o = card as Record<string, unknown>;
    visit(o);
    Object.entries(o).forEach(([k, v]) => k !== 'data' && walk(v, visit));
  }
}
function texts(card: unknown): string[] {
  const out: string[] = [];
  walk(card, (o) => {
    if (typeof o.text === 'string') out.push(o.text);
    if (typeof o.title === 'string' && typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o.title);
  });
  return out;
}
const actionsOf = (card: unknown): any[] => {
  const out: any[] = [];
  walk(card, (o) => {
    if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o);
  });
  return out;
};
/** The card's heading (its first TextBlock). */
const headingOf = (card: any): string => card.body[0].text;
const executeButton = (card: unknown, answer: string) =>
  actionsOf(card).find((a) => a.type === 'Action.Execute' && a.data?.answer === answer);

async function setUpCommunity(
  server: { url: string },
  connector: ConnectorStandIn,
  as: (u: string) => any,
  opts: { withApp: string[]; members: string[] },
) {
  const created = await as('alex')('/api/communities', {
    body: { name: 'Scrum Masters North', purpose: 'working-group', cadencePerMonth: 2 },
  });
  const communityId: string = created.body.community.id;
  for (const m of opts.members)
    expect((await as(m)(`/api/communities/${communityId}/members`, { body: {} })).status).toBe(201);
  expect(
    (
      await as('alex')(`/api/contexts/${encodeURIComponent(COP_CHANNEL)}`, {
        method: 'PUT',
        body: { kind: 'channel', communityId },
      })
    ).status,
  ).toBe(200);
  // The app in the team, the bot used once in the community's channel, and personal installs.
  expect(
    (await postTo(server.url, activityFor(connector, 'alex', 'general', { type: 'installationUpdate', action: 'add' })))
      .status,
  ).toBe(200);
  expect(
    (await postTo(server.url, activityFor(connector, 'alex', 'cop-channel', { text: '<at>Guildhall</at> top' })))
      .status,
  ).toBe(200);
  for (const u of opts.withApp) {
    expect(
      (
        await postTo(
          server.url,
          activityFor(connector, u, 'personal', { type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] }),
        )
      ).status,
    ).toBe(200);
  }
  await connector.waitFor(1 + opts.withApp.length);
  await settle();
  connector.clear();
  return communityId;
}

describe('invitations, RSVPs and the champion view (one server)', () => {
  let server: TestServer;
  let connector: ConnectorStandIn;
  let communityId: string;
  let sessionId: string;
  let channelCard: any;
  let startsAt: string;
  const activity = (user: string, where: Where, over: Record<string, unknown> = {}) =>
    activityFor(connector, user, where, over);
  const post = (body: unknown) => postTo(server.url, body);
  const invoke = (user: string, action: Record<string, unknown>, where: Where = 'cop-channel') =>
    post(
      activity(user, where, {
        type: 'invoke',
        name: 'adaptiveCard/action',
        replyToId: 'stand-in-1',
        value: { action, trigger: 'manual' },
      }),
    );

  beforeAll(async () => {
    server = await startTestServer();
    connector = await startConnectorStandIn();
    // dana has the app but is not a member; eve is a member without the app.
    communityId = await setUpCommunity(server, connector, server.as, {
      members: ['bea', 'chen', 'dev', 'eve'],
      withApp: ['alex', 'bea', 'chen', 'dev', 'dana'],
    });
    const topic: Topic = {
      id: 'remote-retros',
      communityId,
      tenantId: TENANT,
      title: 'How do we run remote retros?',
      description: '',
      state: 'prioritised',
      rank: 1,
      score: null,
      ownerId: 'bea',
      proposedBy: 'alex',
      proposedAt: '2026-11-01T10:00:00.000Z',
      supporters: [],
      sessionIds: [],
    };
    expect((await server.store.topics.create(topic)).ok).toBe(true);
  });
  afterAll(async () => {
    await connector.close();
    await server.close();
  });

  it('scheduling a session posts the invitation in the channel and sends it one-to-one to each member with the app, once', async () => {
    startsAt = new Date(Date.now() + 3 * 24 * HOUR).toISOString();
    const body = {
      startsAt,
      details: { type: 'deep-dive' },
      topicIds: ['remote-retros'],
      purpose: 'Share what works; leave with one experiment each.',
      meetingLink: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc',
      requestId: 'invite-1',
    };
    const scheduled = await server.as('alex')(`/api/communities/${communityId}/sessions`, { body });
    expect(scheduled.status).toBe(201);
    sessionId = scheduled.body.session.id;
    expect(scheduled.body.invitations).toEqual({
      sent: true,
      channel: 'posted',
      direct: { sent: 4, withoutApp: 1, failed: 0 },
    });
    await connector.waitFor(5);
    await settle();
    expect(connector.received).toHaveLength(5);
    const where = connector.received.map((r) => r.conversationId).sort();
    expect(where).toEqual([COP_CHANNEL, 'a:personal-alex', 'a:personal-bea', 'a:personal-chen', 'a:personal-dev']);
    expect(connector.received.every((r) => r.replyToId === undefined && r.method === 'POST')).toBe(true);

    channelCard = cardOf(connector.received.find((r) => r.conversationId === COP_CHANNEL)!);
    const t = texts(channelCard).join('\n');
    expect(t).toMatch(/You're invited: Deep dive: How do we run remote retros\?/);
    expect(t).toMatch(/Share what works/);
    expect(t).toContain(`{{DATE(${startsAt.replace(/\.\d{3}Z$/, 'Z')}, LONG)}}`);
    expect(
      channelCard.body.some(
        (b: any) => b.type === 'FactSet' && b.facts.some((f: any) => f.title === '5 min' && f.value === 'Check-in'),
      ),
    ).toBe(true);
    expect(channelCard.refresh).toEqual({
      action: { type: 'Action.Execute', title: 'Show my answer', verb: 'rsvp-view', data: { communityId, sessionId } },
      userIds: ['29:alex', '29:bea', '29:chen', '29:dev'],
    });
    expect(actionsOf(channelCard).map((a) => a.title)).toEqual([
      'Show my answer',
      'Yes, I will come',
      'Maybe',
      'No, I cannot',
      'Send my answer',
      'Add to calendar',
      'Join the meeting',
    ]);
    const personal = cardOf(connector.received.find((r) => r.conversationId === 'a:personal-bea')!);
    expect(texts(personal)).toContain('You have not answered yet.');
    expect(personal.refresh.userIds).toEqual(['29:bea']);

    // The same request again: the session is the same and no invitation goes out twice.
    connector.clear();
    const again = await server.as('alex')(`/api/communities/${communityId}/sessions`, { body });
    expect(again.status).toBe(201);
    expect(again.body.session.id).toBe(sessionId);
    expect(again.body.invitations).toMatchObject({ sent: false });
    await settle(300);
    expect(connector.received).toHaveLength(0);
  });

  it("an RSVP is answered in the HTTP response with that person's card, and stored", async () => {
    const res = await invoke('bea', executeButton(channelCard, 'yes'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    const card = res.body.value;
    expect(texts(card)).toContain('Your answer: Yes');
    expect(card.refresh.userIds).toEqual(['29:bea']);
    expect((await server.store.rsvps.get(communityId, sessionId, 'bea'))?.value).toMatchObject({
      answer: 'yes',
      reason: null,
      text: null,
      displayName: 'BEA',
    });
    await settle();
    expect(connector.received).toHaveLength(0); // the shared channel card is not replaced for everyone
  });

  it('a refresh shows each person their own answer', async () => {
    const bea = await invoke('bea', channelCard.refresh.action);
    expect(texts(bea.body.value)).toContain('Your answer: Yes');
    const dev = await invoke('dev', channelCard.refresh.action);
    expect(texts(dev.body.value)).toContain('You have not answered yet.');
  });

  it('a "no" with a reason is stored with it, and shown', async () => {
    const no = executeButton(channelCard, 'no');
    const res = await invoke(
      'chen',
      { ...no, data: { ...no.data, reason: 'too-much-on-my-plate', reasonText: '  Release week  ' } },
      'personal',
    );
    expect(texts(res.body.value)).toContain('Your answer: No (Too much on my plate: Release week)');
    expect((await server.store.rsvps.get(communityId, sessionId, 'chen'))?.value).toMatchObject({
      answer: 'no',
      reason: 'too-much-on-my-plate',
      text: 'Release week',
    });
  });

  it('a redelivered or repeated RSVP changes nothing and gets the same card', async () => {
    const before = (await server.store.rsvps.get(communityId, sessionId, 'bea'))!;
    const press = activity('bea', 'cop-channel', {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: executeButton(channelCard, 'yes'), trigger: 'manual' },
    });
    const [a, b] = await Promise.all([post(press), post(press)]);
    const c = await post(press);
    for (const r of [a, b, c])
      expect(r.body.value).toEqual((await invoke('bea', channelCard.refresh.action)).body.value);
    const after = (await server.store.rsvps.get(communityId, sessionId, 'bea'))!;
    expect(after).toEqual(before); // same etag: nothing was written
  });

  it("a non-member's RSVP is refused clearly and nothing is stored", async () => {
    const res = await invoke('dana', executeButton(channelCard, 'yes'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: expect.stringMatching(
        /not a member of 'Scrum Masters North'.*Only members of the community can answer its invitations; nothing was recorded/,
      ),
    });
    expect(await server.store.rsvps.get(communityId, sessionId, 'dana')).toBeUndefined();
  });

  it.each([
    [
      'an unknown answer',
      { type: 'Action.Execute', verb: 'rsvp', data: { communityId: 'x', sessionId: 'y', answer: 'perhaps' } },
      /the answer must be yes, maybe or no/,
    ],
    ['no ids', { type: 'Action.Execute', verb: 'rsvp', data: { answer: 'yes' } }, /communityId/],
    ['an unknown verb', { type: 'Action.Execute', verb: 'dance', data: {} }, /action I do not know/],
    // Verbs that name Object.prototype members: unknown actions too, not a lookup on the prototype.
    [
      'the verb constructor',
      { type: 'Action.Execute', verb: 'constructor', data: { communityId: 'x', sessionId: 'y' } },
      /action I do not know/,
    ],
    ['the verb __proto__', { type: 'Action.Execute', verb: '__proto__', data: {} }, /action I do not know/],
    ['the verb toString', { type: 'Action.Execute', verb: 'toString', data: {} }, /action I do not know/],
    ['the verb hasOwnProperty', { type: 'Action.Execute', verb: 'hasOwnProperty', data: {} }, /action I do not know/],
    ['not an Action.Execute', { type: 'Action.Submit', verb: 'rsvp', data: {} }, /not an Action.Execute/],
    [
      'a reason that is not offered',
      {
        type: 'Action.Execute',
        verb: 'rsvp',
        data: { communityId: 'x', sessionId: 'y', answer: 'no', reason: 'bored' },
      },
      /not one the card offers/,
    ],
  ])('a malformed payload (%s) gets a clear message, never a crash', async (_what, action, message) => {
    const res = await invoke('bea', action);
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.activity.message');
    expect(res.body.value).toMatch(/^I couldn't read what that card sent/);
    expect(res.body.value).toMatch(message);
  });

  it('an invoke without an action at all is answered too', async () => {
    const res = await post(
      activity('bea', 'personal', { type: 'invoke', name: 'adaptiveCard/action', value: 'garbage' }),
    );
    expect(res.status).toBe(200);
    expect(res.body.value).toMatch(/carries no action/);
  });

  it('the calendar link from the card downloads the session as an .ics file; a changed link is refused', async () => {
    const link = actionsOf(channelCard).find((a) => a.title === 'Add to calendar').url as string;
    expect(link).toMatch(
      new RegExp(`^${server.url}/api/communities/${communityId}/sessions/${sessionId}/calendar\\.ics\\?exp=\\d+&sig=`),
    );
    const res = await fetch(link);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = await res.text();
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics).toContain(`\r\nDTSTART:${startsAt.replace(/[-:]/g, '').replace(/\.\d{3}/, '')}\r\n`);
    expect(ics).toContain('SUMMARY:Scrum Masters North: Deep dive: How do we run remote retros?');
    expect(ics).toContain(`UID:${sessionId}.${communityId}@guildhall`);
    expect(ics.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect((await fetch(link.replace(/sig=./, 'sig=A'))).status).toBe(403);
    expect((await fetch(link.replace(/exp=\d+/, 'exp=9999999999'))).status).toBe(403);
    expect((await fetch(link.split('?')[0]!)).status).toBe(403);
  });

  it('"rsvp" in chat shows the next invitation with your answer', async () => {
    connector.clear();
    const msg = activity('chen', 'personal', { text: 'rsvp' });
    expect((await post(msg)).status).toBe(200);
    const [reply] = await connector.waitFor(1);
    expect(texts(cardOf(reply!))).toContain('Your answer: No (Too much on my plate: Release week)');
  });

  it('the champion sees who answered what, who has not, and the trend; the API returns the same', async () => {
    connector.clear();
    const msg = activity('alex', 'personal', { text: 'attendance' });
    expect((await post(msg)).status).toBe(200);
    const [reply] = await connector.waitFor(1);
    const t = texts(cardOf(reply!)).join('\n');
    expect(t).toMatch(/Scrum Masters North: attendance/);
    expect(t).toMatch(/2 of 5 answered: 1 yes, 0 maybe, 1 no/);
    expect(t).toMatch(/\*\*Yes:\*\* BEA/);
    expect(t).toMatch(/\*\*No:\*\* CHEN \(Too much on my plate: Release week\)/);
    expect(t).toMatch(/\*\*Not answered:\*\* ALEX, DEV, EVE/);
    expect(t).toMatch(/2\/5 answered, 1 yes/);

    const api = await server.as('alex')(`/api/communities/${communityId}/attendance`);
    expect(api.status).toBe(200);
    expect(api.body.attendance.next).toMatchObject({
      sessionId,
      counts: { members: 5, answered: 2, yes: 1, maybe: 0, no: 1 },
      yes: [{ userId: 'bea', displayName: 'BEA' }],
      no: [{ userId: 'chen', reason: 'too-much-on-my-plate', text: 'Release week' }],
      notAnswered: [{ userId: 'alex' }, { userId: 'dev' }, { userId: 'eve' }],
    });
    expect(api.body.attendance.trend).toEqual([
      { sessionId, title: 'Deep dive: How do we run remote retros?', startsAt, members: 5, answered: 2, yes: 1 },
    ]);
    expect(await server.as('bea')(`/api/communities/${communityId}/attendance`)).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN' } },
    });
    const beaAsks = activity('bea', 'personal', { text: 'attendance' });
    connector.clear();
    await post(beaAsks);
    const [refused] = await connector.waitFor(1);
    expect(refused!.body.text).toBe('Only champions and facilitators of Scrum Masters North can see attendance.');
  });

  it('Nudge reaches only those who have not answered (and have the app), once per press', async () => {
    connector.clear();
    await post(activity('alex', 'personal', { text: 'attendance' }));
    const [reply] = await connector.waitFor(1);
    const nudge = actionsOf(cardOf(reply!)).find((a) => a.type === 'Action.Submit');
    expect(nudge.title).toBe('Nudge the 3 who have not answered');
    connector.clear();
    const press = activity('alex', 'personal', { value: nudge.data });
    expect((await post(press)).status).toBe(200);
    expect((await post(press)).status).toBe(200); // redelivered
    await connector.waitFor(3);
    await settle(300);
    expect(connector.received).toHaveLength(3);
    const confirmation = connector.received.find((r) => r.replyToId === press.id)!;
    expect(confirmation.body.text).toBe(
      'Reminded 2 who have not answered: ALEX, DEV. EVE has no chat with me yet, so only the channel post reaches them.',
    );
    const nudged = connector.received.filter((r) => r !== confirmation);
    expect(nudged.map((r) => r.conversationId).sort()).toEqual(['a:personal-alex', 'a:personal-dev']);
    expect(headingOf(cardOf(nudged[0]!))).toBe('Will you join? Deep dive: How do we run remote retros?');
    // A member who is not a champion cannot nudge.
    connector.clear();
    await post(activity('bea', 'personal', { value: nudge.data }));
    const [no] = await connector.waitFor(1);
    expect(no!.body.text).toMatch(/Only a facilitator or champion/);
    await settle();
    expect(connector.received).toHaveLength(1);
  });

  it('unknown commands still get the help card, which lists rsvp and attendance', async () => {
    connector.clear();
    await post(activity('bea', 'personal', { text: 'dance' }));
    const [reply] = await connector.waitFor(1);
    const t = texts(cardOf(reply!)).join('\n');
    expect(t).toMatch(/RSVP/);
    expect(t).toMatch(/attendance/);
  });
});

describe('reminders with two server instances on one store', () => {
  let dir: string;
  let a: RunningServer;
  let b: RunningServer;
  let connector: ConnectorStandIn;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'guildhall-reminders-'));
    const config = parseConfig({
      AUTH_MODE: 'dev',
      NODE_ENV: 'test',
      PORT: '0',
      FLUID_ENDPOINT: 'http://127.0.0.1:9',
      DATA_DIR: dir,
      REMINDER_INTERVAL_SECONDS: '0',
    });
    // Each instance opens the SQLite file itself (no shared store object): two independent stores, one record.
    a = await startServer(config);
    b = await startServer(config);
    connector = await startConnectorStandIn();
  });
  afterAll(async () => {
    await connector.close();
    await a.close();
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const as =
    (server: RunningServer) =>
    (user: string) =>
    async (p: string, init: { method?: string; body?: unknown } = {}) => {
      const res = await fetch(server.url + p, {
        method: init.method ?? (init.body ? 'POST' : 'GET'),
        headers: {
          authorization: encodeDevIdentity({ tenantId: TENANT, userId: user, displayName: user.toUpperCase() }),
          'content-type': 'application/json',
        },
        ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    };

  it('each reminder goes out once, to those who said yes or maybe and to those who have not answered', async () => {
    // Set up through instance A; schedule through instance B (same record).
    const communityId = await setUpCommunity(a, connector, as(a), {
      members: ['bea', 'chen', 'dev'],
      withApp: ['alex', 'bea', 'chen', 'dev'],
    });
    const startsAt = new Date(Date.now() + 3 * 24 * HOUR).toISOString();
    const scheduled = await as(b)('alex')(`/api/communities/${communityId}/sessions`, {
      body: { startsAt, details: { type: 'lean-coffee' }, purpose: 'Bring your questions' },
    });
    expect(scheduled.status).toBe(201);
    const sessionId: string = scheduled.body.session.id;
    await connector.waitFor(5);
    const channelCard = cardOf(connector.received.find((r) => r.conversationId === COP_CHANNEL)!);
    await settle();
    connector.clear();
    const answer = (user: string, answerWord: string, server: RunningServer) =>
      postTo(
        server.url,
        activityFor(connector, user, 'personal', {
          type: 'invoke',
          name: 'adaptiveCard/action',
          value: { action: executeButton(channelCard, answerWord) },
        }),
      );
    expect((await answer('bea', 'yes', a)).body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect((await answer('dev', 'maybe', b)).body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect((await answer('chen', 'no', a)).body.type).toBe('application/vnd.microsoft.card.adaptive');

    const start = Date.parse(startsAt);
    // Too early: nothing due.
    expect([
      ...(await a.sendDueReminders(new Date(start - 30 * HOUR))),
      ...(await b.sendDueReminders(new Date(start - 30 * HOUR))),
    ]).toEqual([]);

    // A day before, both instances at once (several times each): alex (no answer), bea (yes), dev (maybe); not chen (no).
    const dayBefore = new Date(start - 23 * HOUR);
    const runs = await Promise.all([
      a.sendDueReminders(dayBefore),
      b.sendDueReminders(dayBefore),
      a.sendDueReminders(dayBefore),
      b.sendDueReminders(dayBefore),
    ]);
    expect(runs.flat()).toEqual([
      { communityId, sessionId, kind: 'day-before', sent: 3, failed: 0, withoutApp: 0, gaveUp: 0 },
    ]);
    await connector.waitFor(3);
    await settle(300);
    expect(connector.received.map((r) => r.conversationId).sort()).toEqual([
      'a:personal-alex',
      'a:personal-bea',
      'a:personal-dev',
    ]);
    const beaReminder = cardOf(connector.received.find((r) => r.conversationId === 'a:personal-bea')!);
    expect(headingOf(beaReminder)).toBe('Tomorrow: Lean Coffee: Bring your questions');
    expect(texts(beaReminder)).toContain('Your answer: Yes');
    expect(texts(cardOf(connector.received.find((r) => r.conversationId === 'a:personal-alex')!))).toContain(
      'You have not answered yet.',
    );

    // Later the same day: still once.
    connector.clear();
    expect([
      ...(await a.sendDueReminders(new Date(start - 2 * HOUR))),
      ...(await b.sendDueReminders(new Date(start - 2 * HOUR))),
    ]).toEqual([]);

    // Shortly before: the second reminder, once.
    const soon = new Date(start - 20 * 60_000);
    const soonRuns = await Promise.all([b.sendDueReminders(soon), a.sendDueReminders(soon)]);
    expect(soonRuns.flat().map((r) => [r.kind, r.sent])).toEqual([['soon', 3]]);
    await connector.waitFor(3);
    await settle(300);
    expect(connector.received).toHaveLength(3);
    expect(headingOf(cardOf(connector.received[0]!))).toBe('Starting in 30 minutes: Lean Coffee: Bring your questions');
    connector.clear();
    expect([...(await a.sendDueReminders(soon)), ...(await b.sendDueReminders(new Date(start - 60_000)))]).toEqual([]);
    await settle();
    expect(connector.received).toHaveLength(0);
  });

  it('a reminder Teams refused is retried with backoff until it goes through, once across both instances; then given up on', async () => {
    connector.clear();
    const communityId = await setUpCommunity(a, connector, as(a), {
      members: ['bea', 'chen', 'dev'],
      withApp: ['alex', 'bea', 'chen', 'dev'],
    });
    const startsAt = new Date(Date.now() + 3 * 24 * HOUR).toISOString();
    const scheduled = await as(a)('alex')(`/api/communities/${communityId}/sessions`, {
      body: { startsAt, details: { type: 'lean-coffee' }, purpose: 'Retries' },
    });
    expect(scheduled.status).toBe(201);
    const sessionId: string = scheduled.body.session.id;
    await connector.waitFor(5);
    await settle();
    connector.clear();
    const start = Date.parse(startsAt);
    const both = async (at: Date) =>
      (
        await Promise.all([
          a.sendDueReminders(at),
          b.sendDueReminders(at),
          a.sendDueReminders(at),
          b.sendDueReminders(at),
        ])
      ).flat();
    const tally = (runs: { sent: number; failed: number; gaveUp: number }[]) =>
      runs.reduce((t, r) => ({ sent: t.sent + r.sent, failed: t.failed + r.failed, gaveUp: t.gaveUp + r.gaveUp }), {
        sent: 0,
        failed: 0,
        gaveUp: 0,
      });
    const reached = () => connector.received.map((r) => r.conversationId).sort();
    const claimOf = (kind: string) =>
      a.store.notificationClaims.get(communityId, `reminder:${kind}:${sessionId}:${startsAt}`);

    // A day before: Teams refuses the first two of four sends.
    const dayBefore = start - 23 * HOUR;
    connector.failNext(2, 403);
    expect(tally(await both(new Date(dayBefore)))).toEqual({ sent: 2, failed: 2, gaveUp: 0 });
    await settle(300);
    expect(connector.received).toHaveLength(2);
    expect((await claimOf('day-before'))?.retries?.map((r) => r.attempts)).toEqual([1, 1]);
    // Not before the backoff has passed.
    expect(await both(new Date(dayBefore + 30_000))).toEqual([]);
    // After a minute: both retried, by one instance, and refused once more for one of them.
    connector.failNext(1, 403);
    expect(tally(await both(new Date(dayBefore + 61_000)))).toEqual({ sent: 1, failed: 1, gaveUp: 0 });
    // That one is due again 4 minutes later, not after 1.
    expect(await both(new Date(dayBefore + 2 * 61_000))).toEqual([]);
    expect(tally(await both(new Date(dayBefore + 6 * 60_000)))).toEqual({ sent: 1, failed: 0, gaveUp: 0 });
    await settle(300);
    expect(reached()).toEqual(['a:personal-alex', 'a:personal-bea', 'a:personal-chen', 'a:personal-dev']);
    expect(await claimOf('day-before')).toMatchObject({ retries: [], gaveUp: [], leaseUntil: null });
    expect(await both(new Date(dayBefore + 60 * 60_000))).toEqual([]);

    // Shortly before: Teams refuses every send to one person (four attempts), then the reminder is given up on and recorded.
    connector.clear();
    const soon = start - 29 * 60_000;
    connector.failNext(1, 403);
    expect(tally(await both(new Date(soon)))).toEqual({ sent: 3, failed: 1, gaveUp: 0 });
    const refused = (await claimOf('soon'))!.retries![0]!.userId;
    let at = soon;
    for (const wait of [1, 4, 16]) {
      at += wait * 60_000 + 1000;
      connector.failNext(1, 403);
      const runs = tally(await both(new Date(at)));
      expect(runs).toEqual({ sent: 0, failed: 1, gaveUp: wait === 16 ? 1 : 0 });
    }
    const record = (await claimOf('soon'))!;
    expect(record.retries).toEqual([]);
    expect(record.gaveUp).toEqual([
      {
        userId: refused,
        attempts: 4,
        at: new Date(at).toISOString(),
        error: expect.stringMatching(/Teams did not take the message/),
      },
    ]);
    expect(await both(new Date(start - 60_000))).toEqual([]);
    await settle(300);
    expect(connector.received).toHaveLength(3);
    expect(connector.requests.filter((r) => r.status === 403)).toHaveLength(4);
  });
});
