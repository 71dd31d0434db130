import type { AppDeps } from '../../../src/application/deps';
import { createCommunity } from '../../../src/application/use-cases/create-community';
import { joinCommunity } from '../../../src/application/use-cases/join-community';
import { listBacklog } from '../../../src/application/use-cases/list-backlog';
import { proposeTopic } from '../../../src/application/use-cases/propose-topic';
import { supportTopic } from '../../../src/application/use-cases/support-topic';
import { TOPIC_TITLE_MAX } from '../../../src/domain/backlog';
import type { Principal } from '../../../src/domain/identity';
import type { Result } from '../../../src/domain/result';
import { createRecordStore } from '../../../src/store/create-record-store';

const who = (userId: string, tenantId = 'tenant-a'): Principal => ({
  tenantId,
  userId,
  displayName: userId,
  source: 'dev-local',
});
const [alex, bea, chen] = [who('alex'), who('bea'), who('chen')];
const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};
const code = (r: Result<unknown>) => (r.ok ? 'OK' : r.error.code);

let deps: AppDeps;
let communityId: string;
beforeEach(async () => {
  let n = 0;
  deps = {
    store: await createRecordStore({ kind: 'embedded', path: ':memory:' }),
    clock: { now: () => new Date('2026-11-22T10:00:00.000Z') },
    ids: { newId: () => `id-${++n}` },
  };
  communityId = value(
    await createCommunity(deps, alex, { name: 'SM CoP', purpose: 'working-group', cadencePerMonth: 2 }),
  ).id;
  await joinCommunity(deps, bea, { communityId });
});
afterEach(() => deps.store.close());

describe('the backlog', () => {
  it("takes a member's proposal as proposed, trimmed, and lists it", async () => {
    const t = value(
      await proposeTopic(deps, bea, {
        communityId,
        title: '  How do we run   remote retros? ',
        description: ' tools ',
      }),
    );
    expect(t).toMatchObject({
      title: 'How do we run remote retros?',
      description: 'tools',
      state: 'proposed',
      proposedBy: 'bea',
      rank: null,
      supporters: [],
    });
    expect(value(await listBacklog(deps, alex, { communityId })).map((x) => x.id)).toEqual([t.id]);
  });

  it('refuses non-members and other tenants', async () => {
    expect(code(await proposeTopic(deps, chen, { communityId, title: 'Anything' }))).toBe('NOT_A_MEMBER');
    expect(code(await listBacklog(deps, who('alex', 'tenant-b'), { communityId }))).toBe('COMMUNITY_NOT_FOUND');
  });

  it('refuses a title longer than TOPIC_TITLE_MAX, or empty, whoever calls (VALIDATION_FAILED), and stores nothing', async () => {
    const long = await proposeTopic(deps, bea, { communityId, title: 'x'.repeat(TOPIC_TITLE_MAX + 1), force: true });
    expect(long).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: `title must be at most ${TOPIC_TITLE_MAX} characters` },
    });
    expect(code(await proposeTopic(deps, bea, { communityId, title: ' \n ' }))).toBe('VALIDATION_FAILED');
    expect(value(await listBacklog(deps, alex, { communityId }))).toEqual([]);
    expect(
      value(await proposeTopic(deps, bea, { communityId, title: ` ${'x'.repeat(TOPIC_TITLE_MAX)} ` })).title,
    ).toHaveLength(TOPIC_TITLE_MAX);
  });

  it('points to a similar topic instead of storing a duplicate, unless asked to', async () => {
    const first = value(await proposeTopic(deps, alex, { communityId, title: 'Remote retros' }));
    const dup = await proposeTopic(deps, bea, { communityId, title: 'remote retros?' });
    expect(code(dup)).toBe('SIMILAR_TOPIC_EXISTS');
    expect(dup.ok || dup.error.subject).toEqual({ id: first.id, title: 'Remote retros' });
    value(await proposeTopic(deps, bea, { communityId, title: 'remote retros?', force: true }));
    expect(value(await listBacklog(deps, alex, { communityId }))).toHaveLength(2);
  });

  it('stores a repeated request (same request id) once', async () => {
    const a = value(await proposeTopic(deps, bea, { communityId, title: 'Flow metrics', requestId: 'activity-42' }));
    const [b, c] = await Promise.all([
      proposeTopic(deps, bea, { communityId, title: 'Flow metrics', requestId: 'activity-42' }),
      proposeTopic(deps, bea, { communityId, title: 'Flow metrics', requestId: 'activity-42' }),
    ]);
    expect(value(b).id).toBe(a.id);
    expect(value(c).id).toBe(a.id);
    expect(value(await listBacklog(deps, alex, { communityId }))).toHaveLength(1);
  });

  it('counts each +1 once and loses none when people +1 at the same moment', async () => {
    const t = value(await proposeTopic(deps, alex, { communityId, title: 'Working agreements' }));
    const people = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'].map((id) => who(id));
    for (const p of people) await joinCommunity(deps, p, { communityId });
    const results = await Promise.all(
      [...people, people[0]!].map((p) => supportTopic(deps, p, { communityId, topicId: t.id })),
    );
    expect(results.map(code)).toEqual(Array(7).fill('OK'));
    const now = value(await listBacklog(deps, alex, { communityId }))[0]!;
    expect([...now.supporters].sort()).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(code(await supportTopic(deps, alex, { communityId, topicId: 'nope' }))).toBe('TOPIC_NOT_FOUND');
  });
});
