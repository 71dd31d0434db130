import { decodeDevIdentity } from '../../../src/api/dev-identity';
import {
  createLocalHost,
  localHostQuery,
  parseLocalHostParams,
  wantsLocalHost,
} from '../../../src/tab/host/local-host';

describe('local host (DEV ONLY) URL parameters', () => {
  it('reads every parameter', () => {
    const r = parseLocalHostParams(
      '?host=local&frame=sidePanel&tenant=t1&user=u-1&name=Alex%20Morgan&meeting=m1&channel=c1&chat=x1&community=demo-cop&theme=dark',
    );
    expect(r).toEqual({
      ok: true,
      context: {
        frameContext: 'sidePanel',
        tenantId: 't1',
        userId: 'u-1',
        userName: 'Alex Morgan',
        meetingId: 'm1',
        channelId: 'c1',
        chatId: 'x1',
        communityId: 'demo-cop',
        theme: 'dark',
      },
    });
  });

  it('fills defaults and leaves absent ids out', () => {
    const r = parseLocalHostParams('?host=local');
    expect(r.ok && r.context).toEqual({
      frameContext: 'content',
      tenantId: 'local-tenant',
      userId: 'dev-user-1',
      userName: 'dev-user-1',
      theme: 'default',
    });
  });

  it('reports every bad parameter', () => {
    const r = parseLocalHostParams('?host=local&frame=popup&theme=neon&user=has%20space&meeting=a%23b');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.join('\n')).toMatch(/frame must be one of/);
    expect(r.problems.join('\n')).toMatch(/theme must be one of/);
    expect(r.problems.join('\n')).toMatch(/^user: /m);
    expect(r.problems.join('\n')).toMatch(/meeting: 'a#b' is not a valid id/);
  });

  it('is chosen only by host=local', () => {
    expect(wantsLocalHost('?host=local&frame=content')).toBe(true);
    expect(wantsLocalHost('?host=teams')).toBe(false);
    expect(wantsLocalHost('')).toBe(false);
  });

  it('round-trips through localHostQuery', () => {
    const ctx = {
      frameContext: 'meetingStage' as const,
      tenantId: 't',
      userId: 'u',
      userName: 'Bea Okafor',
      meetingId: 'm',
      theme: 'contrast' as const,
    };
    const r = parseLocalHostParams(`?${localHostQuery(ctx)}`);
    expect(r).toEqual({ ok: true, context: ctx });
  });

  it('sends a DevIdentity header with the URL identity', async () => {
    const r = parseLocalHostParams('?host=local&tenant=t&user=u&name=Chen%20Wei');
    if (!r.ok) throw new Error('parse failed');
    const host = createLocalHost(r.context);
    expect(host.kind).toBe('local');
    expect(host.shareToStage).toBeUndefined();
    const header = await host.getAuthHeader();
    const [scheme, credentials] = header.split(' ');
    expect(scheme).toBe('DevIdentity');
    expect(decodeDevIdentity(credentials!)).toEqual({ tenantId: 't', userId: 'u', displayName: 'Chen Wei' });
  });
});
