/**
 * The Fluid local service forgets every document when it restarts. The record keeps the meeting's
 * container id; a client that cannot load it asks for a replacement, and everyone lands on the new one.
 */
import { encodeDevIdentity } from '../../src/api/dev-identity';
import { startLocalFluidService, type LocalFluidService } from '../../src/dev/local-fluid-service';
import { createLiveClient, openLiveMeeting, type LiveMeeting } from '../../src/live';
import { parseConfig } from '../../src/server/config';
import { startServer, type RunningServer } from '../../src/server/server';
import { createRecordStore } from '../../src/store/create-record-store';
import { freePort } from '../fixtures/local-stack';

let fluid: LocalFluidService;
let server: RunningServer;
let fluidPort: number;
const opened: LiveMeeting[] = [];

beforeAll(async () => {
  fluidPort = await freePort();
  fluid = await startLocalFluidService({ port: fluidPort });
  const config = parseConfig({ AUTH_MODE: 'dev', NODE_ENV: 'test', PORT: '0', ICS_LINK_SECRET: 'x'.repeat(32), FLUID_ENDPOINT: fluid.endpoint });
  server = await startServer(config, { store: await createRecordStore({ kind: 'embedded', path: ':memory:' }) });
});
afterAll(async () => {
  for (const m of opened) m.dispose();
  await server?.close();
  await server?.store.close();
  await fluid?.stop();
});

const auth = encodeDevIdentity({ tenantId: 'local-tenant', userId: 'dev-user-1', displayName: 'Alex Morgan' });
const user = { id: 'dev-user-1', name: 'Alex Morgan' };
async function api(path: string, body: unknown): Promise<any> {
  const res = await fetch(server.url + path, { method: 'POST', headers: { authorization: auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return res.json();
}
async function connect(containerId: string, endpoint: string): Promise<LiveMeeting> {
  const client = createLiveClient({ type: 'local', endpoint }, async (documentId) => (await api('/api/fluid/token', { documentId: documentId ?? containerId })).token, user);
  const m = await openLiveMeeting(client, containerId, user, { connectTimeoutMs: 5000 });
  opened.push(m);
  return m;
}

it('replaces a container the restarted service no longer has, once, and keeps the community', async () => {
  await fetch(`${server.url}/api/dev/setup?participants=2`);
  const first = await api('/api/communities/demo-cop/meetings/local-meeting/live', {});
  expect(first.generation).toBe(1);
  (await connect(first.containerId, first.connection.endpoint)).dispose();

  await fluid.stop();
  fluid = await startLocalFluidService({ port: fluidPort });

  await expect(connect(first.containerId, first.connection.endpoint)).rejects.toMatchObject({ code: 'LIVE_CONTAINER_UNAVAILABLE' });
  const fresh = await api('/api/communities/demo-cop/meetings/local-meeting/live', { replaceStale: first.containerId });
  expect(fresh.generation).toBe(2);
  expect(fresh.containerId).not.toBe(first.containerId);
  const again = await api('/api/communities/demo-cop/meetings/local-meeting/live', { replaceStale: first.containerId });
  expect(again.containerId).toBe(fresh.containerId);

  const meeting = await connect(fresh.containerId, fresh.connection.endpoint);
  meeting.checkIn('back after the restart');
  expect(meeting.getSnapshot().checkIns.map((c) => c.text)).toEqual(['back after the restart']);
});
