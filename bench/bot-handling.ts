/**
 * Bot handling time per activity, over HTTP against the real server (embedded in-memory store,
 * dev auth) with the Bot Framework connector stand-in on loopback receiving the replies.
 *
 *   npm run bench:bot [-- --n=300]
 *
 * The bot endpoint answers after the turn has run (botbuilder's CloudAdapter awaits the handler,
 * including the reply it posts to the connector), so the POST round trip is the handling time.
 * Baseline, measured in the same run: the bare HTTP round trip to GET /api/health (express, JSON,
 * one store ping). Requests are sequential; each scenario is warmed up first.
 * Prints figures; never passes or fails on time.
 */
import { performance } from 'node:perf_hooks';
import type { Topic } from '../src/domain/backlog';
import { startConnectorStandIn } from '../tests/fixtures/connector-stand-in';
import { startTestServer } from '../tests/fixtures/test-server';

const N = Number(process.argv.find((a) => a.startsWith('--n='))?.split('=')[1] ?? 200);
const WARMUP = 20;
const TENANT = 'tenant-a';
const CHANNEL = '19:bench-channel@thread.tacv2';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

async function main(): Promise<void> {
  const server = await startTestServer();
  const connector = await startConnectorStandIn();
  try {
    const created = await server.as('alex')('/api/communities', {
      body: { name: 'Bench CoP', purpose: 'working-group', cadencePerMonth: 2 },
    });
    const communityId: string = created.body.community.id;
    await server.as('alex')(`/api/contexts/${encodeURIComponent(CHANNEL)}`, {
      method: 'PUT',
      body: { kind: 'channel', communityId },
    });
    for (let i = 1; i <= 10; i++) {
      const t: Topic = {
        id: `bench-${i}`,
        communityId,
        tenantId: TENANT,
        title: `Bench topic ${i}`,
        description: '',
        state: 'prioritised',
        rank: i,
        score: null,
        ownerId: i % 3 === 0 ? 'alex' : null,
        proposedBy: 'alex',
        proposedAt: '2026-11-01T10:00:00.000Z',
        supporters: [],
        sessionIds: [],
      };
      await server.store.topics.create(t);
    }

    let seq = 0;
    const activity = (text: string, where: 'personal' | 'channel', id = `bench-${++seq}`) => ({
      type: 'message',
      id,
      channelId: 'msteams',
      serviceUrl: connector.url,
      text,
      from: { id: '29:alex', aadObjectId: 'alex', name: 'ALEX' },
      recipient: { id: '28:guildhall', name: 'Guildhall' },
      conversation:
        where === 'channel'
          ? { id: `${CHANNEL};messageid=${seq}`, conversationType: 'channel', tenantId: TENANT, isGroup: true }
          : { id: 'a:bench-personal', conversationType: 'personal', tenantId: TENANT },
      channelData: {
        tenant: { id: TENANT },
        ...(where === 'channel' ? { channel: { id: CHANNEL }, team: { id: CHANNEL } } : {}),
      },
    });
    const postActivity = async (body: unknown) => {
      const res = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`bot answered ${res.status}`);
    };
    const health = async () => {
      const res = await fetch(`${server.url}/api/health`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`health answered ${res.status}`);
    };
    const redelivered = activity('help', 'personal', 'bench-redelivered');
    await postActivity(redelivered);

    // An RSVP (Action.Execute → invoke adaptiveCard/action, answered in the HTTP response with the card).
    const startsAt = new Date(Date.now() + 7 * 24 * 3_600_000).toISOString();
    const scheduled = await server.as('alex')(`/api/communities/${communityId}/sessions`, {
      body: { startsAt, details: { type: 'lean-coffee' }, purpose: 'Bench' },
    });
    const sessionId: string = scheduled.body.session.id;
    const rsvp = (answer: 'yes' | 'maybe') => ({
      ...activity('', 'personal'),
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: {
        action: { type: 'Action.Execute', verb: 'rsvp', data: { communityId, sessionId, answer } },
        trigger: 'manual',
      },
    });
    const postInvoke = async (body: unknown) => {
      const res = await fetch(`${server.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = (await res.json()) as { type?: string };
      if (res.status !== 200 || answer.type !== 'application/vnd.microsoft.card.adaptive')
        throw new Error(`RSVP answered ${res.status} ${JSON.stringify(answer).slice(0, 200)}`);
    };
    let flip = false;

    const scenarios: { name: string; run: () => Promise<void>; replies: number }[] = [
      { name: 'baseline: GET /api/health', run: health, replies: 0 },
      { name: '"help" (personal chat, help card)', run: () => postActivity(activity('help', 'personal')), replies: 1 },
      {
        name: '"top" (bound channel, store reads, card)',
        run: () => postActivity(activity('<at>Guildhall</at> top', 'channel')),
        replies: 1,
      },
      { name: 'redelivered activity (claim lost, no reply)', run: () => postActivity(redelivered), replies: 0 },
      {
        name: 'RSVP invoke, answer changed (write, card)',
        run: () => {
          flip = !flip;
          return postInvoke(rsvp(flip ? 'yes' : 'maybe'));
        },
        replies: 0,
      },
      { name: 'RSVP invoke, same answer (no write, card)', run: () => postInvoke(rsvp('yes')), replies: 0 },
    ];

    connector.clear();
    console.log(
      `Bot handling per activity: ${N} sequential requests per scenario after ${WARMUP} warm-up; real server on ${server.url}, embedded SQLite in memory, connector stand-in on loopback`,
    );
    console.log(
      'scenario'.padEnd(48) +
        'p50 ms'.padStart(9) +
        'p95 ms'.padStart(9) +
        'mean ms'.padStart(9) +
        'max ms'.padStart(9) +
        '  replies at the connector',
    );
    let baselineP50 = NaN;
    for (const s of scenarios) {
      for (let i = 0; i < WARMUP; i++) await s.run();
      const before = connector.received.length;
      const times: number[] = [];
      for (let i = 0; i < N; i++) {
        const t0 = performance.now();
        await s.run();
        times.push(performance.now() - t0);
      }
      await new Promise((r) => setTimeout(r, 50));
      const replies = connector.received.length - before;
      times.sort((a, b) => a - b);
      const p50 = percentile(times, 50);
      if (Number.isNaN(baselineP50)) baselineP50 = p50;
      const mean = times.reduce((a, b) => a + b, 0) / times.length;
      const over =
        s.replies === 0 && s.name.startsWith('baseline')
          ? ''
          : `  (p50 ${(p50 - baselineP50).toFixed(2)} ms over baseline)`;
      console.log(
        s.name.padEnd(48) +
          p50.toFixed(2).padStart(9) +
          percentile(times, 95).toFixed(2).padStart(9) +
          mean.toFixed(2).padStart(9) +
          times[times.length - 1]!.toFixed(2).padStart(9) +
          `  ${replies} (expected ${s.replies * N})${over}`,
      );
    }
  } finally {
    await connector.close();
    await server.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
