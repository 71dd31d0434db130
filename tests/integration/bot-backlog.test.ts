/**
 * Proposing topics and reading the backlog from chat, through the real server (bot wired to the
 * record) over HTTP; replies captured by the connector stand-in at the activity's serviceUrl.
 */
import { startConnectorStandIn, type ConnectorStandIn } from '../fixtures/connector-stand-in';
import { startTestServer, type TestServer } from '../fixtures/test-server';

let server: TestServer;
let connector: ConnectorStandIn;
let communityId: string;
const CHANNEL = '19:backlog-channel@thread.tacv2';
let seq = 0;

beforeAll(async () => {
  server = await startTestServer();
  connector = await startConnectorStandIn();
  const created = await server.as('alex')('/api/communities', {
    body: { name: 'Scrum Masters North', purpose: 'working-group', cadencePerMonth: 2 },
  });
  communityId = created.body.community.id;
  await server.as('bea')(`/api/communities/${communityId}/members`, { body: {} });
  await server.as('alex')(`/api/contexts/${encodeURIComponent(CHANNEL)}`, {
    method: 'PUT',
    body: { kind: 'channel', communityId },
  });
});
afterAll(async () => {
  await connector.close();
  await server.close();
});

function activity(
  user: string,
  text: string | undefined,
  where: 'channel' | 'personal',
  over: Record<string, unknown> = {},
) {
  seq += 1;
  return {
    type: 'message',
    id: `act-${seq}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    timestamp: new Date().toISOString(),
    from: { id: `29:${user}`, aadObjectId: user, name: user.toUpperCase() },
    recipient: { id: '28:guildhall', name: 'Guildhall' },
    conversation:
      where === 'channel'
        ? { id: `${CHANNEL};messageid=${seq}`, conversationType: 'channel', tenantId: 'tenant-a', isGroup: true }
        : { id: `a:personal-${user}`, conversationType: 'personal', tenantId: 'tenant-a' },
    channelData: { tenant: { id: 'tenant-a' }, ...(where === 'channel' ? { channel: { id: CHANNEL } } : {}) },
    ...(text !== undefined ? { text } : {}),
    ...over,
  };
}

async function say(a: Record<string, unknown>): Promise<any> {
  const before = connector.received.length;
  const res = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(a),
  });
  expect(res.status).toBe(200);
  await connector.waitFor(before + 1, 10000);
  return connector.received[before]!.body;
}

const backlog = async () => (await server.as('alex')(`/api/communities/${communityId}/topics`)).body.topics as any[];

describe('the backlog from chat', () => {
  it('adds a proposal from the channel to the bound community, once even when Teams delivers it twice', async () => {
    const msg = activity('alex', '<at>Guildhall</at> propose: How do we run remote retros?', 'channel');
    const reply = await say(msg);
    expect(reply.text).toBe('Added to Scrum Masters North\'s backlog as proposed: "How do we run remote retros?".');
    // The same activity again: accepted (200), and nothing is answered or stored a second time.
    const before = connector.received.length;
    const again = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(msg),
    });
    expect(again.status).toBe(200);
    await new Promise((r) => setTimeout(r, 150));
    expect(connector.received).toHaveLength(before);
    expect((await backlog()).map((t) => t.title)).toEqual(['How do we run remote retros?']);
  });

  it('offers a +1 instead of a duplicate, and the +1 button counts', async () => {
    const reply = await say(activity('bea', 'propose: running remote retros', 'personal'));
    const card = reply.attachments[0].content;
    expect(card.body[1].text).toBe('"How do we run remote retros?"');
    const plusOne = card.actions.find((a: any) => a.data.action === 'support-topic');
    const answer = await say(activity('bea', undefined, 'personal', { value: plusOne.data }));
    expect(answer.text).toBe('Your +1 is on "How do we run remote retros?" (1 so far).');
    expect((await backlog())[0].supporters).toEqual(['bea']);
    expect(await backlog()).toHaveLength(1);
  });

  it('proposes anyway when asked', async () => {
    const reply = await say(activity('bea', 'propose: remote retros for big groups', 'personal'));
    const anyway = reply.attachments[0].content.actions.find((a: any) => a.data.action === 'propose-anyway');
    await say(activity('bea', undefined, 'personal', { value: anyway.data }));
    expect((await backlog()).map((t) => t.title)).toContain('remote retros for big groups');
  });

  it('shows the top of the backlog', async () => {
    const reply = await say(activity('alex', 'backlog', 'channel'));
    const card = reply.attachments[0].content;
    expect(card.body[0].text).toBe('Scrum Masters North: the backlog');
    expect(card.body[1].facts.map((f: any) => f.value)).toEqual([
      'How do we run remote retros? (proposed, +1)',
      'remote retros for big groups (proposed)',
    ]);
  });

  it('shows a proposed title with Markdown literally: in the reply and in the backlog card, never as a link', async () => {
    const title = '[Verify your account](https://phish.example) **now**';
    const reply = await say(activity('bea', `propose: ${title}`, 'personal'));
    expect(reply.text).toBe(
      'Added to Scrum Masters North\'s backlog as proposed: "\\[Verify your account\\](https://phish.example) \\*\\*now\\*\\*".',
    );
    const card = (await say(activity('bea', 'backlog', 'personal'))).attachments[0].content;
    const fact = card.body[1].facts.find((f: any) => f.value.includes('Verify'));
    expect(fact.value).toBe('\\[Verify your account\\](https://phish.example) \\*\\*now\\*\\* (proposed)');
    // The record keeps what was typed.
    expect((await backlog()).map((t) => t.title)).toContain(title);
  });

  it('explains instead of failing: no topic text, too long, not a member, no community', async () => {
    expect((await say(activity('alex', 'propose:', 'channel'))).text).toMatch(/Write the topic after propose/);
    expect((await say(activity('alex', `propose: ${'x'.repeat(130)}`, 'channel'))).text).toMatch(
      /at most 120 characters/,
    );
    expect((await say(activity('chen', 'propose: flow metrics', 'channel'))).text).toMatch(
      /not a member of 'Scrum Masters North'/,
    );
    expect((await say(activity('dana', 'backlog', 'personal'))).text).toMatch(/not in a community yet/);
    expect(
      (await say(activity('bea', undefined, 'personal', { value: { action: 'support-topic', communityId } }))).text,
    ).toMatch(/couldn't read what that card sent/);
    expect(await backlog()).toHaveLength(3);
  });
});
