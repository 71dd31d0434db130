/** mount(): one contract route on express — validation, the Result's answer, and the contract check on answers. */
import express from 'express';
import type { AddressInfo } from 'node:net';
import { z } from 'zod/v4';
import { EMPTY, route, TEXT } from '../../../src/api/contract-kit';
import { fail, ok } from '../../../src/domain/result';
import { CHECK_RESPONSES, mount } from '../../../src/server/http/mount';
import { errorHandler } from '../../../src/server/http/respond';

const thing = route({
  method: 'POST',
  path: '/things/:id/parts/:partId',
  access: 'public',
  summary: 'test route',
  body: z.strictObject({ n: z.number() }),
  response: z.object({ id: z.string(), n: z.number() }),
  status: 201,
});
const gone = route({ method: 'DELETE', path: '/things/:id', access: 'public', summary: 'test', response: EMPTY });
const text = route({
  method: 'GET',
  path: '/things/:id/text',
  access: 'public',
  summary: 'test',
  query: z.object({ q: z.string() }),
  response: TEXT,
});

async function serve(check: boolean, answer: unknown) {
  const app = express();
  app.use(express.json());
  app.locals[CHECK_RESPONSES] = check;
  const r = express.Router();
  mount(r, thing, async ({ params, body }) =>
    params.partId === 'missing'
      ? fail('NOT_FOUND', 'No such part.')
      : ok((answer ?? { id: params.id, n: body.n }) as never),
  );
  mount(r, gone, async () => ok(undefined));
  mount(r, text, async ({ query }) => ok({ contentType: 'text/markdown; charset=utf-8', text: `# ${query.q}` }));
  app.use(r);
  app.use(errorHandler(() => undefined));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async (path: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(url + path, {
      method: init.method ?? 'POST',
      ...(init.body !== undefined
        ? { body: JSON.stringify(init.body), headers: { 'content-type': 'application/json' } }
        : {}),
    });
    const raw = await res.text();
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      body: raw && res.headers.get('content-type')?.includes('json') ? JSON.parse(raw) : raw,
    };
  };
  return { call, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('mount', () => {
  it('parses ids and body, answers with the route status, maps an error to its status', async () => {
    const s = await serve(true, undefined);
    try {
      expect(await s.call('/things/a1/parts/p1', { body: { n: 2 } })).toMatchObject({
        status: 201,
        body: { id: 'a1', n: 2 },
      });
      const badId = await s.call(`/things/${encodeURIComponent('a b')}/parts/p1`, { body: { n: 2 } });
      expect(badId).toMatchObject({
        status: 400,
        body: { error: { code: 'VALIDATION_FAILED', issues: [{ path: 'id' }] } },
      });
      const badBody = await s.call('/things/a1/parts/p1', { body: { n: 'two', extra: 1 } });
      expect(badBody.status).toBe(400);
      expect(badBody.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['(body)', 'n']);
      expect(await s.call('/things/a1/parts/missing', { body: { n: 1 } })).toMatchObject({
        status: 404,
        body: { error: { code: 'NOT_FOUND' } },
      });
      expect(await s.call('/things/a1', { method: 'DELETE' })).toMatchObject({ status: 204, body: '' });
      expect(await s.call('/things/a1/text?q=Notes', { method: 'GET' })).toMatchObject({
        status: 200,
        type: 'text/markdown; charset=utf-8',
        body: '# Notes',
      });
      expect(await s.call('/things/a1/text', { method: 'GET' })).toMatchObject({
        status: 400,
        body: { error: { issues: [{ path: 'q' }] } },
      });
    } finally {
      await s.close();
    }
  });

  it('refuses to send an answer outside the contract when checking (a bug: 500), sends it when not', async () => {
    const checking = await serve(true, { id: 'a1', n: 'not a number' });
    try {
      expect(await checking.call('/things/a1/parts/p1', { body: { n: 2 } })).toMatchObject({
        status: 500,
        body: { error: { code: 'INTERNAL' } },
      });
    } finally {
      await checking.close();
    }
    const trusting = await serve(false, { id: 'a1', n: 'not a number' });
    try {
      expect(await trusting.call('/things/a1/parts/p1', { body: { n: 2 } })).toMatchObject({
        status: 201,
        body: { n: 'not a number' },
      });
    } finally {
      await trusting.close();
    }
  });
});
