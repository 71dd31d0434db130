/**
 * A bot answer lost in a crash is sent when Teams delivers the activity again (ADR 0010), over the
 * bot's real HTTP endpoint with the connector stand-in. The "crash": the first delivery's answer is
 * held by the stand-in and never completes, as when the process dies between claiming the activity
 * and sending its answer. The bot's clock is moved on to pass the claim's lease.
 */
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppDeps } from '../../src/application/deps';
import { ACTIVITY_CLAIM_LEASE_MS } from '../../src/application/use-cases/claim-activity';
import { createBot } from '../../src/bot/bot-app';
import { createRecordStore } from '../../src/store/create-record-store';
import { startConnectorStandIn, type ConnectorStandIn } from '../fixtures/connector-stand-in';

const TENANT = 'tenant-1';
let connector: ConnectorStandIn;
let server: Server;
let baseUrl: string;
let deps: AppDeps;
let skewMs = 0;

beforeAll(async () => {
  connector = await startConnectorStandIn();
  let n = 0;
  deps = {
    store: await createRecordStore({ kind: 'embedded', path: ':memory:' }),
    clock: { now: () => new Date(Date.now() + skewMs) },
    ids: { newId: () => `id-${++n}` },
  };
  const bot = createBot({
    deps,
    links: { calendarUrl: () => 'https://guildhall.example/calendar.ics' },
    instanceId: 'bot-test',
    log: () => {},
  });
  const app = express();
  app.use('/api', express.json());
  app.post('/api/messages', (req, res, next) => {
    bot.handle(req, res).catch(next);
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  connector.dropHeld();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await connector.close();
  await deps.store.close();
});

const help = {
  type: 'message',
  id: 'incoming-crash-1',
  channelId: 'msteams',
  timestamp: new Date().toISOString(),
  text: 'help',
  conversation: { id: 'a:crash-conversation', conversationType: 'personal', tenantId: TENANT },
  from: { id: '29:user-1', aadObjectId: 'aad-user-1', name: 'Ada' },
  recipient: { id: '28:bot', name: 'Guildhall' },
  channelData: { tenant: { id: TENANT } },
};
const deliver = (body: unknown) =>
  fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const settle = (ms = 150) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await settle(20);
  }
}

describe('a redelivered activity whose answer was lost', () => {
  it('is answered exactly once: not while the first delivery may still answer, then after the lease', async () => {
    const activity = { ...help, serviceUrl: connector.url };
    connector.holdNext(1);
    // The first delivery claims the activity; its answer never reaches Teams (the process "dies" mid-send).
    const first = deliver(activity).catch(() => undefined);
    await until(() => connector.held() === 1, 'the first answer to be held');

    // Teams retries at once: a concurrent duplicate, left to the first delivery.
    expect((await deliver(activity)).status).toBe(200);
    await settle();
    expect(connector.received).toHaveLength(0);

    // Teams retries after the lease: the claim was never marked answered, so this delivery answers.
    skewMs = ACTIVITY_CLAIM_LEASE_MS + 1000;
    expect((await deliver(activity)).status).toBe(200);
    const [answer] = await connector.waitFor(1);
    expect(answer!.replyToId).toBe(activity.id);
    expect(answer!.body.attachments[0].content.body[0].text).toBe('Guildhall: what I can do');
    const claim = await deps.store.activityClaims.get(activity.conversation.id, activity.id);
    expect(claim?.value.answeredAt).not.toBeNull();

    // Later repeats find it answered; much later too.
    expect((await deliver(activity)).status).toBe(200);
    skewMs += 10 * ACTIVITY_CLAIM_LEASE_MS;
    expect((await deliver(activity)).status).toBe(200);
    await settle();
    expect(connector.received).toHaveLength(1);

    // The first delivery stays "dead" until the end (afterAll cuts it): that it cannot give back or overwrite the
    // claim the retry answered is in tests/unit/application/bot-use-cases.test.ts (the slow handler's ticket).
    void first;
  });
});
