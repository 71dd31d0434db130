import type { AppDeps } from '../../../src/application/deps';
import type { LiveContainerFactory, LiveContainerHealth } from '../../../src/application/ports';
import { bindContext } from '../../../src/application/use-cases/bind-context';
import { createCommunity } from '../../../src/application/use-cases/create-community';
import { getCommunity } from '../../../src/application/use-cases/get-community';
import { joinCommunity } from '../../../src/application/use-cases/join-community';
import { leaveCommunity } from '../../../src/application/use-cases/leave-community';
import { listMyCommunities } from '../../../src/application/use-cases/list-my-communities';
import { authorizeLiveContainer, openLiveMeeting } from '../../../src/application/use-cases/open-live-meeting';
import { resolveContext } from '../../../src/application/use-cases/resolve-context';
import { setMemberRoles } from '../../../src/application/use-cases/set-member-roles';
import { updateCommunity } from '../../../src/application/use-cases/update-community';
import type { Principal } from '../../../src/domain/identity';
import type { Result } from '../../../src/domain/result';
import { createRecordStore } from '../../../src/store/create-record-store';

const who = (userId: string, tenantId = 'tenant-a'): Principal => ({
  tenantId,
  userId,
  displayName: userId.toUpperCase(),
  source: 'dev-local',
});
const alex = who('alex');
const bea = who('bea');
const chen = who('chen');
const mallory = who('mallory', 'tenant-b');

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value;
}
const code = (r: Result<unknown>) => (r.ok ? 'OK' : r.error.code);

let deps: AppDeps;
beforeEach(async () => {
  let n = 0;
  deps = {
    store: await createRecordStore({ kind: 'embedded', path: ':memory:' }),
    clock: { now: () => new Date('2026-11-22T10:00:00.000Z') },
    ids: { newId: () => `id-${++n}` },
  };
});
afterEach(() => deps.store.close());

const newCommunity = async () =>
  value(
    await createCommunity(deps, alex, {
      name: '  Scrum Masters North  ',
      purpose: 'working-group',
      cadencePerMonth: 2,
    }),
  );

describe('communities and members', () => {
  it('creates a community (trimmed) whose creator facilitates and champions it', async () => {
    const c = await newCommunity();
    expect(c).toMatchObject({
      id: 'id-1',
      name: 'Scrum Masters North',
      tenantId: 'tenant-a',
      createdBy: 'alex',
      createdAt: '2026-11-22T10:00:00.000Z',
    });
    const view = value(await getCommunity(deps, alex, { communityId: c.id }));
    expect(view.me.roles).toEqual(['member', 'facilitator', 'champion']);
  });

  it('lets anyone in the tenant join once, and nobody from another tenant', async () => {
    const c = await newCommunity();
    expect(value(await joinCommunity(deps, bea, { communityId: c.id, product: ' Billing ' }))).toMatchObject({
      roles: ['member'],
      product: 'Billing',
    });
    expect(code(await joinCommunity(deps, bea, { communityId: c.id }))).toBe('ALREADY_A_MEMBER');
    expect(code(await joinCommunity(deps, mallory, { communityId: c.id }))).toBe('COMMUNITY_NOT_FOUND');
    expect(code(await getCommunity(deps, chen, { communityId: c.id }))).toBe('NOT_A_MEMBER');
  });

  it('lists only my communities of my tenant, by name', async () => {
    const c = await newCommunity();
    const other = value(
      await createCommunity(deps, bea, { name: 'Agile Coaches', purpose: 'learning-community', cadencePerMonth: 1 }),
    );
    await joinCommunity(deps, alex, { communityId: other.id });
    expect(value(await listMyCommunities(deps, alex)).map((m) => m.community.name)).toEqual([
      'Agile Coaches',
      'Scrum Masters North',
    ]);
    expect(value(await listMyCommunities(deps, chen))).toEqual([]);
    expect(value(await listMyCommunities(deps, who('alex', 'tenant-b')))).toEqual([]);
    expect(c.id).toBeDefined();
  });

  it('keeps at least one facilitator', async () => {
    const c = await newCommunity();
    expect(code(await leaveCommunity(deps, alex, { communityId: c.id }))).toBe('LAST_FACILITATOR');
    expect(code(await setMemberRoles(deps, alex, { communityId: c.id, userId: 'alex', roles: ['champion'] }))).toBe(
      'LAST_FACILITATOR',
    );
    await joinCommunity(deps, bea, { communityId: c.id });
    value(await setMemberRoles(deps, alex, { communityId: c.id, userId: 'bea', roles: ['facilitator'] }));
    expect(code(await leaveCommunity(deps, alex, { communityId: c.id }))).toBe('OK');
  });

  it('lets facilitators and champions manage roles; a member may only drop their own', async () => {
    const c = await newCommunity();
    await joinCommunity(deps, bea, { communityId: c.id });
    await joinCommunity(deps, chen, { communityId: c.id });
    expect(code(await setMemberRoles(deps, bea, { communityId: c.id, userId: 'bea', roles: ['facilitator'] }))).toBe(
      'FORBIDDEN',
    );
    expect(code(await setMemberRoles(deps, bea, { communityId: c.id, userId: 'chen', roles: ['coach'] }))).toBe(
      'FORBIDDEN',
    );
    expect(
      value(await setMemberRoles(deps, alex, { communityId: c.id, userId: 'bea', roles: ['coach', 'coach'] })).roles,
    ).toEqual(['member', 'coach']);
    expect(value(await setMemberRoles(deps, bea, { communityId: c.id, userId: 'bea', roles: [] })).roles).toEqual([
      'member',
    ]);
    expect(code(await setMemberRoles(deps, alex, { communityId: c.id, userId: 'nobody', roles: [] }))).toBe(
      'NOT_FOUND',
    );
  });

  it('updates only from the current etag and only as a facilitator', async () => {
    const c = await newCommunity();
    await joinCommunity(deps, bea, { communityId: c.id });
    const { etag } = value(await getCommunity(deps, alex, { communityId: c.id }));
    expect(code(await updateCommunity(deps, bea, { communityId: c.id, etag, name: 'Mine' }))).toBe('FORBIDDEN');
    const updated = value(await updateCommunity(deps, alex, { communityId: c.id, etag, cadencePerMonth: 4 }));
    expect(updated.community.cadencePerMonth).toBe(4);
    expect(code(await updateCommunity(deps, alex, { communityId: c.id, etag, name: 'Late' }))).toBe('CONFLICT');
    expect(value(await getCommunity(deps, alex, { communityId: c.id })).community.name).toBe('Scrum Masters North');
  });
});

describe('binding meetings and channels', () => {
  it('binds a meeting to a community of mine and resolves it in my tenant only', async () => {
    const c = await newCommunity();
    expect(code(await resolveContext(deps, alex, { contextId: 'm1' }))).toBe('NOT_FOUND');
    value(await bindContext(deps, alex, { contextId: 'm1', kind: 'meeting', communityId: c.id }));
    expect(value(await resolveContext(deps, alex, { contextId: 'm1' })).communityId).toBe(c.id);
    expect(code(await resolveContext(deps, mallory, { contextId: 'm1' }))).toBe('NOT_FOUND');
    expect(code(await bindContext(deps, chen, { contextId: 'm2', kind: 'meeting', communityId: c.id }))).toBe(
      'NOT_A_MEMBER',
    );
    const other = value(
      await createCommunity(deps, alex, { name: 'Other', purpose: 'working-group', cadencePerMonth: 1 }),
    );
    expect(
      value(await bindContext(deps, alex, { contextId: 'm1', kind: 'meeting', communityId: other.id })).communityId,
    ).toBe(other.id);
  });

  it('keeps a bound meeting with its community: only a facilitator of that community moves it', async () => {
    const c = await newCommunity();
    value(await bindContext(deps, alex, { contextId: 'm1', kind: 'meeting', communityId: c.id }));
    // Bea runs her own community and is a plain member of Alex's.
    const beas = value(
      await createCommunity(deps, bea, { name: 'Bea CoP', purpose: 'working-group', cadencePerMonth: 1 }),
    );
    value(await joinCommunity(deps, bea, { communityId: c.id }));
    const taken = await bindContext(deps, bea, { contextId: 'm1', kind: 'meeting', communityId: beas.id });
    expect(code(taken)).toBe('FORBIDDEN');
    expect(taken.ok ? '' : taken.error.message).toContain('only its facilitators');
    expect(value(await resolveContext(deps, alex, { contextId: 'm1' })).communityId).toBe(c.id);
    // Chen is not even a member of Alex's community: refused the same way.
    const chens = value(
      await createCommunity(deps, chen, { name: 'Chen CoP', purpose: 'working-group', cadencePerMonth: 1 }),
    );
    expect(code(await bindContext(deps, chen, { contextId: 'm1', kind: 'meeting', communityId: chens.id }))).toBe(
      'FORBIDDEN',
    );
    // A member may still rebind it to the same community; a facilitator of it may move it.
    value(await bindContext(deps, bea, { contextId: 'm1', kind: 'channel', communityId: c.id }));
    value(await joinCommunity(deps, alex, { communityId: beas.id }));
    expect(
      value(await bindContext(deps, alex, { contextId: 'm1', kind: 'meeting', communityId: beas.id })).communityId,
    ).toBe(beas.id);
  });
});

describe('live meeting containers', () => {
  // A counting stand-in for the Fluid service: this unit test is about the registration rules.
  // `health` is what the service answers when the server probes a container.
  const countingFactory = (health: LiveContainerHealth = 'gone') => {
    const made: string[] = [];
    const probed: string[] = [];
    const factory: LiveContainerFactory = {
      create: async ({ generation }) => {
        await new Promise((r) => setTimeout(r, 5));
        const id = `container-${made.length + 1}-g${generation}`;
        made.push(id);
        return id;
      },
      probe: async (id) => {
        probed.push(id);
        await new Promise((r) => setTimeout(r, 5));
        return health;
      },
    };
    return { factory, made, probed };
  };

  it('creates a container once, reuses it, and replaces a stale one exactly once under a race', async () => {
    const c = await newCommunity();
    await joinCommunity(deps, bea, { communityId: c.id });
    const { factory, made } = countingFactory();
    const live = { ...deps, live: factory };
    const first = value(await openLiveMeeting(live, alex, { communityId: c.id, meetingId: 'm1' }));
    expect(first.generation).toBe(1);
    expect(value(await openLiveMeeting(live, bea, { communityId: c.id, meetingId: 'm1' })).containerId).toBe(
      first.containerId,
    );
    expect(made).toHaveLength(1);

    const racers = await Promise.all([
      openLiveMeeting(live, alex, { communityId: c.id, meetingId: 'm1', replaceStale: first.containerId }),
      openLiveMeeting(live, bea, { communityId: c.id, meetingId: 'm1', replaceStale: first.containerId }),
    ]);
    const ids = racers.map((r) => value(r).containerId);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[0]).not.toBe(first.containerId);
    const registered = (await deps.store.liveContainers.get(c.id, 'm1'))!.value;
    expect(registered.containerId).toBe(ids[0]);
    expect(registered.generation).toBe(2);

    // A late report about the old container does not replace the fresh one.
    expect(
      value(await openLiveMeeting(live, alex, { communityId: c.id, meetingId: 'm1', replaceStale: first.containerId }))
        .containerId,
    ).toBe(ids[0]);
  });

  it("keeps a container the service can still load: a slow client's report replaces nothing", async () => {
    const c = await newCommunity();
    await joinCommunity(deps, bea, { communityId: c.id });
    const { factory, made, probed } = countingFactory('alive');
    const live = { ...deps, live: factory };
    const first = value(await openLiveMeeting(live, alex, { communityId: c.id, meetingId: 'm1' }));
    const reported = value(
      await openLiveMeeting(live, bea, { communityId: c.id, meetingId: 'm1', replaceStale: first.containerId }),
    );
    expect(reported).toEqual(first);
    expect(probed).toEqual([first.containerId]);
    expect(made).toHaveLength(1);
    expect((await deps.store.liveContainers.get(c.id, 'm1'))!.value).toMatchObject({
      containerId: first.containerId,
      generation: 1,
    });
  });

  it('replaces nothing when the service does not answer (unknown), and says so', async () => {
    const c = await newCommunity();
    await joinCommunity(deps, bea, { communityId: c.id });
    const { factory, made } = countingFactory('unknown');
    const live = { ...deps, live: factory };
    const first = value(await openLiveMeeting(live, alex, { communityId: c.id, meetingId: 'm1' }));
    const r = await openLiveMeeting(live, bea, { communityId: c.id, meetingId: 'm1', replaceStale: first.containerId });
    expect(r.ok || r.error).toMatchObject({
      code: 'LIVE_CONTAINER_UNAVAILABLE',
      message: expect.stringMatching(/stays where it is/),
    });
    expect(made).toHaveLength(1);
    expect((await deps.store.liveContainers.get(c.id, 'm1'))!.value.containerId).toBe(first.containerId);
  });

  it('replaces a lost container once for ten concurrent reports, with one claim on the record', async () => {
    const c = await newCommunity();
    const { factory, made } = countingFactory('gone');
    const live = { ...deps, live: factory };
    const first = value(await openLiveMeeting(live, alex, { communityId: c.id, meetingId: 'm1' }));
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        openLiveMeeting(live, alex, { communityId: c.id, meetingId: 'm1', replaceStale: first.containerId }),
      ),
    );
    const ids = new Set(answers.map((r) => value(r).containerId));
    expect(ids.size).toBe(1);
    expect(made).toHaveLength(2); // the first container and exactly one replacement
    const registered = (await deps.store.liveContainers.get(c.id, 'm1'))!.value;
    expect(registered).toMatchObject({ containerId: [...ids][0], generation: 2 });
    expect(registered.replacing).toBeUndefined();
  });

  it('refuses non-members and reports a failing live service clearly', async () => {
    const c = await newCommunity();
    const { factory } = countingFactory();
    expect(code(await openLiveMeeting({ ...deps, live: factory }, chen, { communityId: c.id, meetingId: 'm1' }))).toBe(
      'NOT_A_MEMBER',
    );
    const broken: LiveContainerFactory = {
      create: async () => {
        throw new Error('connection refused');
      },
      probe: async () => 'unknown',
    };
    const r = await openLiveMeeting({ ...deps, live: broken }, alex, { communityId: c.id, meetingId: 'm1' });
    expect(r.ok || r.error).toMatchObject({
      code: 'LIVE_CONTAINER_UNAVAILABLE',
      message: expect.stringMatching(/connection refused/),
    });
  });

  it('authorises a container only for members of its community, in its tenant', async () => {
    const c = await newCommunity();
    const rec = value(
      await openLiveMeeting({ ...deps, live: countingFactory().factory }, alex, { communityId: c.id, meetingId: 'm1' }),
    );
    expect(value(await authorizeLiveContainer(deps, alex, { containerId: rec.containerId })).communityId).toBe(c.id);
    expect(code(await authorizeLiveContainer(deps, chen, { containerId: rec.containerId }))).toBe('NOT_A_MEMBER');
    expect(code(await authorizeLiveContainer(deps, mallory, { containerId: rec.containerId }))).toBe('NOT_FOUND');
    expect(code(await authorizeLiveContainer(deps, alex, { containerId: 'unknown' }))).toBe('NOT_FOUND');
  });
});
