/**
 * The bot endpoint over real HTTP: express 5 + express.json() + createBot().handle, with the
 * replies captured by a loopback stand-in for the Bot Framework connector. No SDK mocks.
 */
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppDeps } from '../../src/application/deps';
import { createBot, type BotOptions } from '../../src/bot/bot-app';
import { createRecordStore } from '../../src/store/create-record-store';
import { startConnectorStandIn, type ConnectorStandIn, type ReceivedActivity } from '../fixtures/connector-stand-in';

const TENANT = 'tenant-1';
const BOT = { id: '28:bot', name: 'Guildhall' };
const USER = { id: '29:user-1', aadObjectId: 'aad-user-1', name: 'Ada Lovelace' };
const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

let connector: ConnectorStandIn;
let server: Server;
let baseUrl: string;
const logged: { msg: string; err?: unknown }[] = [];
let seq = 0;
let deps: AppDeps;
/** The record in memory, and links cards would carry: what every bot is built with. */
const required = (): Pick<BotOptions, 'deps' | 'links' | 'instanceId'> => ({
  deps,
  links: { calendarUrl: () => 'https://guildhall.example/calendar.ics' },
  instanceId: 'bot-test',
});

beforeAll(async () => {
  connector = await startConnectorStandIn();
  let n = 0;
  deps = {
    store: await createRecordStore({ kind: 'embedded', path: ':memory:' }),
    clock: { now: () => new Date() },
    ids: { newId: () => `id-${++n}` },
  };
  const bot = createBot({ ...required(), log: (msg, err) => logged.push({ msg, err }) });
  const app = express();
  app.use('/api', express.json({ limit: '64kb' }));
  app.post('/api/messages', (req, res, next) => {
    bot.handle(req, res).catch(next);
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await connector.close();
  await deps.store.close();
});

beforeEach(() => {
  connector.clear();
  logged.length = 0;
});

/** A personal-chat activity as Teams sends it. */
function activity(overrides: Record<string, unknown>): Record<string, unknown> {
  seq += 1;
  return {
    type: 'message',
    id: `incoming-${seq}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    conversation: { id: `a:conversation-${seq}`, conversationType: 'personal', tenantId: TENANT },
    from: USER,
    recipient: BOT,
    channelData: { tenant: { id: TENANT } },
    locale: 'en-US',
    ...overrides,
  };
}

const message = (text: string, extra: Record<string, unknown> = {}) =>
  activity({ type: 'message', text, textFormat: 'plain', ...extra });

async function post(body: unknown, init: { raw?: string; contentType?: string } = {}) {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': init.contentType ?? 'application/json' },
    body: init.raw ?? JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text };
}

function cardOf(a: ReceivedActivity): any {
  const attachments = a.body?.attachments as { contentType: string; content: any }[] | undefined;
  expect(attachments).toHaveLength(1);
  expect(attachments![0]!.contentType).toBe(ADAPTIVE);
  return attachments![0]!.content;
}

function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (typeof n.text === 'string') out.push(n.text);
      if (typeof n.title === 'string') out.push(n.title);
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out.join('\n');
}

function expectHelpCard(a: ReceivedActivity): any {
  expect(a.body.type).toBe('message');
  const card = cardOf(a);
  expect(card.type).toBe('AdaptiveCard');
  expect(card.version).toBe('1.5');
  const text = cardText(card);
  for (const expected of [
    'propose: how do we run remote retros?',
    'backlog',
    'next',
    'RSVP',
    'attendance',
    'champions',
  ]) {
    expect(text).toContain(expected);
  }
  return card;
}

/** The one reply to an incoming activity, sent back into the same conversation. */
async function onlyReplyTo(incoming: Record<string, unknown>): Promise<ReceivedActivity> {
  const [reply] = await connector.waitFor(1);
  // Give a stray second reply a moment to show up before asserting there is just one.
  await new Promise((r) => setTimeout(r, 50));
  expect(connector.received).toHaveLength(1);
  expect(reply!.conversationId).toBe((incoming.conversation as { id: string }).id);
  expect(reply!.replyToId).toBe(incoming.id);
  expect(reply!.body.recipient?.id).toBe(USER.id);
  return reply!;
}

describe('POST /api/messages', () => {
  test('"help" answers 200 with the help card, and nothing but the activity routes is called', async () => {
    const incoming = message('help');
    const res = await post(incoming);
    expect(res.status).toBe(200);
    const reply = await onlyReplyTo(incoming);
    const card = expectHelpCard(reply);
    expect(cardText(card)).not.toMatch(/welcome/i);
    expect(reply.body.text ?? '').toBe('');
    // No token endpoint, no member lookup: without a bot id nothing else is needed.
    expect(connector.requests.map((r) => `${r.method} ${r.status}`)).toEqual(['POST 200']);
    expect(reply.headers.authorization).toBeUndefined();
  });

  test.each(['HELP', '/help', 'Hello', 'hi', ' hi! '])('"%s" answers with the help card', async (text) => {
    const incoming = message(text);
    expect((await post(incoming)).status).toBe(200);
    expectHelpCard(await onlyReplyTo(incoming));
  });

  test('"hi" with an <at>Guildhall</at> mention (channel style) answers with the help card', async () => {
    const incoming = message('<at>Guildhall</at> hi', {
      entities: [
        { type: 'mention', text: '<at>Guildhall</at>', mentioned: { id: BOT.id, name: BOT.name } },
        { type: 'clientInfo', locale: 'en-US', platform: 'Web' },
      ],
      conversation: {
        id: `19:channel-${seq}@thread.tacv2;messageid=1`,
        conversationType: 'channel',
        tenantId: TENANT,
        isGroup: true,
      },
    });
    expect((await post(incoming)).status).toBe(200);
    const reply = await onlyReplyTo(incoming);
    expect(reply.path).toContain(encodeURIComponent((incoming.conversation as { id: string }).id));
    const card = expectHelpCard(reply);
    expect(reply.body.text ?? '').not.toMatch(/didn't catch/);
    expect(card).toBeDefined();
  });

  test('a leading mention without a matching entity is stripped too', async () => {
    const incoming = message('<at>Guildhall</at>&nbsp;Help');
    expect((await post(incoming)).status).toBe(200);
    const reply = await onlyReplyTo(incoming);
    expect(reply.body.text ?? '').toBe('');
    expectHelpCard(reply);
  });

  test('an unknown text gets the not-understood line and the help card', async () => {
    const incoming = message('what is the meaning of life?');
    expect((await post(incoming)).status).toBe(200);
    const reply = await onlyReplyTo(incoming);
    expect(reply.body.text).toMatch(/didn't catch that/i);
    expectHelpCard(reply);
  });

  test('a message with no text at all still gets an answer', async () => {
    const incoming = activity({
      type: 'message',
      attachments: [{ contentType: 'image/png', contentUrl: 'https://example.invalid/x.png' }],
    });
    expect((await post(incoming)).status).toBe(200);
    const reply = await onlyReplyTo(incoming);
    expect(reply.body.text).toMatch(/didn't catch that/i);
    expectHelpCard(reply);
  });

  test.each([['propose: how do we run remote retros?'], ['backlog'], ['Next'], ['rsvp'], ['attendance']])(
    '"%s" from someone in no community says how to join one',
    async (text) => {
      const incoming = message(text);
      expect((await post(incoming)).status).toBe(200);
      const reply = await onlyReplyTo(incoming);
      expect(reply.body.text).toMatch(/You are not in a community yet/);
    },
  );

  test('"volunteer to facilitate" says it is coming soon, with the help card', async () => {
    const incoming = message('volunteer to facilitate');
    expect((await post(incoming)).status).toBe(200);
    const reply = await onlyReplyTo(incoming);
    expect(reply.body.text).toMatch(/coming soon: volunteering to facilitate \(it comes with sessions\)/i);
    expectHelpCard(reply);
  });

  test("a valid card submit (the help card's button) runs the command", async () => {
    const incoming = activity({ type: 'message', value: { action: 'command', command: 'backlog' } });
    expect((await post(incoming)).status).toBe(200);
    const reply = await onlyReplyTo(incoming);
    expect(reply.body.text).toMatch(/not in a community yet/i);
  });

  test.each([
    [{ action: 'command', command: 'self-destruct' }, /command must be one of/],
    [{ action: 'launch' }, /action I do not know/],
    ['just a string', /no usable data/],
  ])('a malformed card submit %j gets a clear text message', async (value, why) => {
    const incoming = activity({ type: 'message', value });
    expect((await post(incoming)).status).toBe(200);
    const reply = await onlyReplyTo(incoming);
    expect(reply.body.text).toMatch(/couldn't read what that card sent/);
    expect(reply.body.text).toMatch(why);
    expect(reply.body.attachments ?? []).toHaveLength(0);
  });

  test('conversationUpdate adding the bot answers with the welcome card', async () => {
    const incoming = activity({
      type: 'conversationUpdate',
      membersAdded: [{ id: BOT.id }],
      channelData: { tenant: { id: TENANT }, eventType: 'teamMemberAdded' },
    });
    expect((await post(incoming)).status).toBe(200);
    const [reply] = await connector.waitFor(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(connector.received).toHaveLength(1);
    const card = expectHelpCard(reply!);
    expect(cardText(card)).toMatch(/welcome to guildhall/i);
  });

  test('conversationUpdate adding someone else sends nothing', async () => {
    const incoming = activity({ type: 'conversationUpdate', membersAdded: [{ id: '29:someone-else' }] });
    expect((await post(incoming)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(connector.received).toHaveLength(0);
  });

  test('when the connector refuses the reply, the bot apologises instead of crashing', async () => {
    connector.failNext(1, 403);
    const incoming = message('help');
    const res = await post(incoming);
    expect(res.status).toBe(200);
    const [apology] = await connector.waitFor(1);
    expect(apology!.body.text).toMatch(/something went wrong on my side/i);
    expect(connector.requests.map((r) => r.status)).toEqual([403, 200]);
    expect(logged.map((l) => l.msg).join('\n')).toMatch(/turn failed \(message activity\)/);
  });

  test('a body that is not JSON gets 400 and the server keeps serving', async () => {
    const bad = await post(undefined, { raw: '{"type": "message", ' });
    expect(bad.status).toBe(400);
    const incoming = message('help');
    expect((await post(incoming)).status).toBe(200);
    expectHelpCard(await onlyReplyTo(incoming));
  });

  test.each([
    ['an empty object', {}],
    ['an array', [{ type: 'message' }]],
    [
      'an activity without a conversation',
      {
        type: 'message',
        text: 'help',
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:1',
        from: USER,
        recipient: BOT,
      },
    ],
    [
      'an activity with a non-http serviceUrl',
      {
        type: 'message',
        text: 'help',
        channelId: 'msteams',
        serviceUrl: 'file:///etc/passwd',
        conversation: { id: 'a:1' },
        from: USER,
        recipient: BOT,
      },
    ],
  ])('%s gets 400 with a clear message, and the server keeps serving', async (_what, body) => {
    const bad = await post(body);
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toEqual({
      error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/^Not a Bot Framework activity: /) },
    });
    expect(connector.requests).toHaveLength(0);
    const incoming = message('hi');
    expect((await post(incoming)).status).toBe(200);
    expectHelpCard(await onlyReplyTo(incoming));
  });

  test('a body sent without a JSON content type gets 400', async () => {
    const bad = await post(undefined, { raw: JSON.stringify(message('help')), contentType: 'text/plain' });
    expect(bad.status).toBe(400);
    expect(connector.requests).toHaveLength(0);
  });

  test('an unhandled invoke is answered by the adapter without a crash', async () => {
    const incoming = activity({ type: 'invoke', name: 'composeExtension/query', value: {} });
    const res = await post(incoming);
    expect(res.status).toBe(501);
    const next = message('help');
    expect((await post(next)).status).toBe(200);
    expectHelpCard(await onlyReplyTo(next));
  });

  test('GET is not a route (only POST is mounted)', async () => {
    const res = await fetch(`${baseUrl}/api/messages`);
    expect(res.status).toBe(404);
  });
});

describe('createBot with a bot id', () => {
  test('rejects an unauthenticated request with 401 and sends nothing', async () => {
    const secured = createBot({
      ...required(),
      botId: '00000000-0000-0000-0000-000000000001',
      botPassword: 'not-a-secret',
      botTenantId: TENANT,
      log: () => {},
    });
    const app = express();
    app.use(express.json());
    app.post('/api/messages', (req, res, next) => {
      secured.handle(req, res).catch(next);
    });
    const s = await new Promise<Server>((resolve) => {
      const x = app.listen(0, '127.0.0.1', () => resolve(x));
    });
    const errors = jest.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await fetch(`http://127.0.0.1:${(s.address() as AddressInfo).port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(message('help')),
      });
      expect(res.status).toBe(401);
      await new Promise((r) => setTimeout(r, 50));
      expect(connector.requests).toHaveLength(0);
    } finally {
      errors.mockRestore();
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    }
  });
});
