/**
 * Publishing a held session over HTTP, with the Bot Framework connector stand-in on loopback: the
 * session is marked published either way; when the bot is installed in the community's channel, one
 * card linking to the channel tab's page of the session is posted there, and publishing again posts
 * nothing more. Only the facilitator publishes, and only a held session.
 */
import { startConnectorStandIn, type ConnectorStandIn } from '../fixtures/connector-stand-in';
import { startTestServer, type TestServer } from '../fixtures/test-server';

const TENANT = 'tenant-a';
const BOT = { id: '28:guildhall', name: 'Guildhall' };
const TEAM = '19:team-general@thread.tacv2';
const MEETING = 'MCMxOTptZWV0aW5nX3B1Ymxpc2hAdGhyZWFkLnYy==';
const MEETING_CHAT = '19:meeting_publish@thread.v2';

let server: TestServer;
let connector: ConnectorStandIn;
let communityId: string;
let base: string;
beforeAll(async () => {
  server = await startTestServer();
  connector = await startConnectorStandIn();
  const created = await server.as('alex')('/api/communities', {
    body: { name: 'Scrum Masters North', purpose: 'working-group', cadencePerMonth: 2 },
  });
  communityId = created.body.community.id;
  base = `/api/communities/${communityId}`;
  await server.as('bea')(`${base}/members`, { body: {} });
  expect(
    (
      await server.as('alex')(`/api/contexts/${encodeURIComponent(TEAM)}`, {
        method: 'PUT',
        body: { kind: 'channel', communityId },
      })
    ).status,
  ).toBe(200);
  expect(
    (
      await server.as('alex')(`/api/contexts/${encodeURIComponent(MEETING)}`, {
        method: 'PUT',
        body: { kind: 'meeting', communityId },
      })
    ).status,
  ).toBe(200);
});
afterAll(async () => {
  await connector.close();
  await server.close();
});

const inMinutes = (m: number) => new Date(Date.now() + m * 60_000).toISOString();

async function aTopic(): Promise<string> {
  const t = await server.as('bea')(`${base}/topics`, {
    body: { title: `Remote retros ${Math.random().toString(36).slice(2, 8)}`, force: true },
  });
  if (t.status !== 201) throw new Error(JSON.stringify(t.body));
  // Only a prioritised topic can be scheduled: move it to the top of the backlog.
  expect(
    (await server.as('alex')(`${base}/topics/${t.body.topic.id}/position`, { method: 'PUT', body: { position: 1 } }))
      .status,
  ).toBe(200);
  return t.body.topic.id as string;
}

async function heldSession(): Promise<string> {
  const scheduled = await server.as('alex')(`${base}/sessions`, {
    body: {
      startsAt: inMinutes(30),
      details: { type: 'deep-dive' },
      topicIds: [await aTopic()],
      requestId: `s-${Math.random().toString(36).slice(2)}`,
    },
  });
  if (scheduled.status !== 201) throw new Error(JSON.stringify(scheduled.body));
  const sid = scheduled.body.session.id as string;
  const closed = await server.as('alex')(`${base}/sessions/${sid}/close`, {
    body: {
      requestId: `close-${sid}`,
      attendees: ['alex', 'bea'],
      takeaways: [{ topicId: null, text: 'Start retros with a silent minute' }],
      feedback: [],
    },
  });
  expect(closed.status).toBe(200);
  return sid;
}

async function installInTeam(): Promise<void> {
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'installationUpdate',
      action: 'add',
      id: `install-${Date.now()}`,
      channelId: 'msteams',
      serviceUrl: connector.url,
      timestamp: new Date().toISOString(),
      from: { id: '29:alex', aadObjectId: 'alex', name: 'ALEX' },
      recipient: BOT,
      conversation: { id: TEAM, conversationType: 'channel', tenantId: TENANT, isGroup: true },
      channelData: { tenant: { id: TENANT }, team: { id: TEAM }, channel: { id: TEAM } },
    }),
  });
  expect(res.status).toBe(200);
}

describe('publishing a session', () => {
  it('without the bot in the channel: published and exportable, nothing posted, and it says so', async () => {
    const sid = await heldSession();
    const res = await server.as('alex')(`${base}/sessions/${sid}/publish`, { body: {} });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ posted: false, session: { published: { by: 'alex', posted: false } } });
    expect(res.body.message).toMatch(/not installed/);
    expect(connector.received).toHaveLength(0);
    const md = await fetch(`${server.url}${base}/sessions/${sid}/export.md`, {
      headers: { authorization: await authOf('bea') },
    });
    expect(await md.text()).toContain('Start retros with a silent minute');
  });

  it('with the bot installed: one card to the channel linking to the session, and not twice', async () => {
    await installInTeam();
    connector.clear();
    const sid = await heldSession();
    await new Promise((r) => setTimeout(r, 200));
    connector.clear(); // scheduling posted the invitation to the channel; only the publish card counts below
    const res = await server.as('alex')(`${base}/sessions/${sid}/publish`, { body: {} });
    expect(res.status).toBe(200);
    expect(res.body.posted).toBe(true);
    const [posted] = await connector.waitFor(1);
    expect(posted!.conversationId).toBe(TEAM);
    const card = JSON.stringify(posted!.body.attachments[0].content);
    expect(card).toContain(`/tab/content#session=${encodeURIComponent(sid)}`);
    expect(card).toContain('Deep dive');
    const again = await server.as('alex')(`${base}/sessions/${sid}/publish`, { body: {} });
    expect(again.body).toMatchObject({ posted: true, message: expect.stringMatching(/Already published/) });
    await new Promise((r) => setTimeout(r, 200));
    expect(connector.received).toHaveLength(1);
  });

  it('the meeting-end card links to the published notes of the session that meeting was', async () => {
    const meetingEnd = () =>
      fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'event',
          name: 'application/vnd.microsoft.meetingEnd',
          id: `end-${Math.random().toString(36).slice(2)}`,
          channelId: 'msteams',
          serviceUrl: connector.url,
          timestamp: new Date().toISOString(),
          from: { id: '29:alex', aadObjectId: 'alex', name: 'ALEX' },
          recipient: BOT,
          conversation: { id: MEETING_CHAT, conversationType: 'groupChat', tenantId: TENANT, isGroup: true },
          channelData: { tenant: { id: TENANT }, meeting: { id: MEETING } },
          value: {
            Id: MEETING,
            MeetingType: 'Scheduled',
            Title: 'CoP deep dive',
            EndTime: new Date(Date.now() + 40 * 60_000).toISOString(),
          },
        }),
      });
    const sid = await heldSession();
    await new Promise((r) => setTimeout(r, 200));
    connector.clear();
    expect((await meetingEnd()).status).toBe(200);
    const [before] = await connector.waitFor(1);
    expect(JSON.stringify(before!.body.attachments[0].content)).not.toContain('#session=');
    expect((await server.as('alex')(`${base}/sessions/${sid}/publish`, { body: {} })).status).toBe(200);
    connector.clear();
    await new Promise((r) => setTimeout(r, 300));
    connector.clear(); // the publish card to the channel
    expect((await meetingEnd()).status).toBe(200);
    const [after] = await connector.waitFor(1);
    expect(after!.conversationId).toBe(MEETING_CHAT);
    expect(JSON.stringify(after!.body.attachments[0].content)).toContain(
      `/tab/content#session=${encodeURIComponent(sid)}`,
    );
  });

  it('only the facilitator publishes, only a held session, and another tenant sees nothing', async () => {
    const sid = await heldSession();
    expect((await server.as('bea')(`${base}/sessions/${sid}/publish`, { body: {} })).status).toBe(403);
    const upcoming = await server.as('alex')(`${base}/sessions`, {
      body: { startsAt: inMinutes(60), details: { type: 'deep-dive' }, topicIds: [await aTopic()] },
    });
    const notHeld = await server.as('alex')(`${base}/sessions/${upcoming.body.session.id}/publish`, { body: {} });
    expect(notHeld.status).toBe(400);
    expect(notHeld.body.error.message).toMatch(/Close the session first/);
    expect((await server.as('mallory', 'tenant-b')(`${base}/sessions/${sid}/publish`, { body: {} })).status).toBe(404);
    expect((await server.as('alex')(`${base}/sessions/${sid}`)).body.session.published ?? null).toBeNull();
  });
});

async function authOf(user: string): Promise<string> {
  const { encodeDevIdentity } = await import('../../src/api/dev-identity');
  return encodeDevIdentity({ tenantId: TENANT, userId: user, displayName: user.toUpperCase() });
}
