/**
 * The Markdown export over real HTTP: what people typed (a topic title that looks like a link, a
 * purpose with a script tag, HTML in the notes) comes out as literal text, never as a link or HTML.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { encodeDevIdentity } from '../../src/api/dev-identity';
import { startTestServer, type TestServer } from '../fixtures/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

function linksAndHtml(md: string): string[] {
  const found: string[] = [];
  const walk = (n: any) => {
    if (n.type === 'link' || n.type === 'image' || n.type === 'definition') found.push(`${n.type} ${n.url}`);
    if (n.type === 'html') found.push(`html ${n.value}`);
    (n.children ?? []).forEach(walk);
  };
  walk(fromMarkdown(md));
  return found;
}

it('exports a session whose title, purpose and notes carry links and HTML as literal text', async () => {
  const alex = server.as('alex');
  const c = (
    await alex('/api/communities', { body: { name: 'Export CoP', purpose: 'working-group', cadencePerMonth: 2 } })
  ).body.community.id;
  const base = `/api/communities/${c}`;
  const title = '[click](https://evil.example/login)';
  const topic = await alex(`${base}/topics`, { body: { title, force: true } });
  expect(topic.status).toBe(201);
  const moved = await alex(`${base}/topics/${topic.body.topic.id}/position`, { method: 'PUT', body: { position: 1 } });
  expect(moved.status).toBe(200);
  const startsAt = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const scheduled = await alex(`${base}/sessions`, {
    body: {
      details: { type: 'deep-dive' },
      startsAt,
      topicIds: [topic.body.topic.id],
      purpose: '<script>alert(1)</script>',
    },
  });
  expect([scheduled.status, scheduled.body.error?.message]).toEqual([201, undefined]);
  const sid = scheduled.body.session.id as string;
  const notes = '# Notes\n\n<img src=x onerror="alert(1)">\n\nSee [the board](https://miro.example/b).';
  expect((await alex(`${base}/sessions/${sid}/notes`, { method: 'PUT', body: { markdown: notes } })).status).toBe(200);

  const res = await fetch(`${server.url}${base}/sessions/${sid}/export.md`, {
    headers: { authorization: encodeDevIdentity({ tenantId: 'tenant-a', userId: 'alex', displayName: 'ALEX' }) },
  });
  expect(res.status).toBe(200);
  const md = await res.text();
  expect(md).toContain('Topics: \\[click]\\(https://evil.example/login)');
  expect(md).toContain('\\<script>alert(1)\\</script>');
  expect(md).toContain('\\<img src=x onerror="alert(1)">');
  // The only link is the one the notes meant to make.
  expect(linksAndHtml(md)).toEqual(['link https://miro.example/b']);
});
