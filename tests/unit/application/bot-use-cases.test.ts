/** Use cases behind the bot between sessions: top of the backlog, volunteering, conversation references, activity claims. */
import type { AppDeps } from '../../../src/application/deps';
import { bindContext } from '../../../src/application/use-cases/bind-context';
import {
  ACTIVITY_CLAIM_LEASE_MS,
  claimActivity,
  markActivityAnswered,
  releaseActivityClaim,
} from '../../../src/application/use-cases/claim-activity';
import { communityOfConversation } from '../../../src/application/use-cases/community-of-conversation';
import { createCommunity } from '../../../src/application/use-cases/create-community';
import { findCommunityChannel } from '../../../src/application/use-cases/find-community-channel';
import { forgetConversationRef } from '../../../src/application/use-cases/forget-conversation-ref';
import { joinCommunity } from '../../../src/application/use-cases/join-community';
import { noteBoundChannel } from '../../../src/application/use-cases/note-bound-channel';
import {
  saveConversationRef,
  type ConversationRefInput,
} from '../../../src/application/use-cases/save-conversation-ref';
import { topOfBacklog } from '../../../src/application/use-cases/top-of-backlog';
import { volunteerToOwnTopic } from '../../../src/application/use-cases/volunteer-to-own-topic';
import type { Topic } from '../../../src/domain/backlog';
import type { Principal } from '../../../src/domain/identity';
import type { Result } from '../../../src/domain/result';
import { createRecordStore } from '../../../src/store/create-record-store';

const who = (userId: string, tenantId = 'tenant-a'): Principal => ({
  tenantId,
  userId,
  displayName: userId.toUpperCase(),
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
let n = 0;
const topic = (over: Partial<Topic>): Topic => ({
  id: `t-${++n}`,
  communityId,
  tenantId: 'tenant-a',
  title: `Topic ${n}`,
  description: '',
  state: 'prioritised',
  rank: null,
  score: null,
  ownerId: null,
  proposedBy: 'alex',
  proposedAt: '2026-11-01T10:00:00.000Z',
  supporters: [],
  sessionIds: [],
  ...over,
});
beforeEach(async () => {
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

describe('topOfBacklog', () => {
  it('gives the five best-ranked open topics with their owner, and counts the proposals waiting', async () => {
    for (const rank of [6, 2, 1, 4, 3, 5])
      await deps.store.topics.create(topic({ rank, title: `Rank ${rank}`, ownerId: rank === 2 ? 'bea' : null }));
    await deps.store.topics.create(topic({ rank: null, state: 'proposed' }));
    await deps.store.topics.create(topic({ rank: 0 + 7, state: 'discussed' }));
    const top = value(await topOfBacklog(deps, alex, { communityId }));
    expect(top.topics.map((t) => t.topic.title)).toEqual(['Rank 1', 'Rank 2', 'Rank 3', 'Rank 4', 'Rank 5']);
    expect(top.topics.map((t) => t.ownerName)).toEqual([null, 'BEA', null, null, null]);
    expect(top.waiting).toBe(1);
  });
  it('is for members only', async () => {
    expect(code(await topOfBacklog(deps, chen, { communityId }))).toBe('NOT_A_MEMBER');
  });
});

describe('volunteerToOwnTopic', () => {
  it('makes the caller the owner of a topic without one', async () => {
    const t = topic({ rank: 1 });
    await deps.store.topics.create(t);
    const r = value(await volunteerToOwnTopic(deps, bea, { communityId, topicId: t.id }));
    expect(r).toMatchObject({ alreadyYours: false, topic: { ownerId: 'bea' } });
    expect((await deps.store.topics.get(communityId, t.id))?.value.ownerId).toBe('bea');
    expect(value(await volunteerToOwnTopic(deps, bea, { communityId, topicId: t.id })).alreadyYours).toBe(true);
  });
  it('never replaces an owner, and says who it is', async () => {
    const t = topic({ rank: 1, ownerId: 'bea' });
    await deps.store.topics.create(t);
    const r = await volunteerToOwnTopic(deps, alex, { communityId, topicId: t.id });
    expect(code(r)).toBe('TOPIC_ALREADY_OWNED');
    if (!r.ok) expect(r.error.message).toMatch(/already has an owner: BEA/);
    expect((await deps.store.topics.get(communityId, t.id))?.value.ownerId).toBe('bea');
  });
  it('two volunteers at once: exactly one owns it, the other is told', async () => {
    const t = topic({ rank: 1 });
    await deps.store.topics.create(t);
    const [a, b] = await Promise.all([
      volunteerToOwnTopic(deps, alex, { communityId, topicId: t.id }),
      volunteerToOwnTopic(deps, bea, { communityId, topicId: t.id }),
    ]);
    expect([code(a), code(b)].sort()).toEqual(['OK', 'TOPIC_ALREADY_OWNED']);
    const owner = (await deps.store.topics.get(communityId, t.id))!.value.ownerId;
    expect(owner).toBe(a.ok ? 'alex' : 'bea');
  });
  it('refuses a discussed topic, a missing one, and non-members', async () => {
    const done = topic({ state: 'discussed' });
    await deps.store.topics.create(done);
    expect(code(await volunteerToOwnTopic(deps, bea, { communityId, topicId: done.id }))).toBe('VALIDATION_FAILED');
    expect(code(await volunteerToOwnTopic(deps, bea, { communityId, topicId: 'nope' }))).toBe('TOPIC_NOT_FOUND');
    expect(code(await volunteerToOwnTopic(deps, chen, { communityId, topicId: done.id }))).toBe('NOT_A_MEMBER');
  });
});

describe('conversation references', () => {
  const teamRef = (over: Partial<ConversationRefInput> = {}): ConversationRefInput => ({
    tenantId: 'tenant-a',
    conversationId: '19:general@thread.tacv2',
    conversationType: 'channel',
    serviceUrl: 'https://smba.example/emea/',
    channelId: 'msteams',
    botId: '28:guildhall',
    teamId: '19:general@thread.tacv2',
    teamsChannelId: '19:general@thread.tacv2',
    ...over,
  });
  it('saves the community of a bound conversation, null otherwise, and forgets on uninstall', async () => {
    await bindContext(deps, alex, { contextId: '19:general@thread.tacv2', kind: 'channel', communityId });
    expect(value(await saveConversationRef(deps, teamRef(), ['19:general@thread.tacv2'])).communityId).toBe(
      communityId,
    );
    expect(
      value(
        await saveConversationRef(deps, teamRef({ conversationId: 'a:personal', conversationType: 'personal' }), [
          'a:personal',
        ]),
      ).communityId,
    ).toBeNull();
    expect(await forgetConversationRef(deps, { tenantId: 'tenant-a', conversationId: 'a:personal' })).toBe(true);
    expect(await deps.store.conversationRefs.get('tenant-a', 'a:personal')).toBeUndefined();
  });
  it('finds the community channel through the binding as it is now, also when bound after install', async () => {
    await saveConversationRef(deps, teamRef(), ['19:general@thread.tacv2']);
    expect(code(await findCommunityChannel(deps, { tenantId: 'tenant-a', communityId }))).toBe('NOT_FOUND');
    await bindContext(deps, alex, { contextId: '19:general@thread.tacv2', kind: 'channel', communityId });
    const found = value(await findCommunityChannel(deps, { tenantId: 'tenant-a', communityId }));
    expect(found).toMatchObject({ conversationId: '19:general@thread.tacv2', communityId });
    expect((await deps.store.conversationRefs.get('tenant-a', '19:general@thread.tacv2'))?.value.communityId).toBe(
      communityId,
    );
    expect(code(await findCommunityChannel(deps, { tenantId: 'tenant-b', communityId }))).toBe('NOT_FOUND');
  });
  it('a channel the community uses (seen in a message) is found too', async () => {
    await saveConversationRef(deps, teamRef(), ['19:general@thread.tacv2']);
    await bindContext(deps, alex, { contextId: '19:cop@thread.tacv2', kind: 'channel', communityId });
    const cop = teamRef({ conversationId: '19:cop@thread.tacv2', teamsChannelId: '19:cop@thread.tacv2' });
    await noteBoundChannel(deps, cop, communityId);
    expect(value(await findCommunityChannel(deps, { tenantId: 'tenant-a', communityId })).conversationId).toBe(
      '19:cop@thread.tacv2',
    );
  });
});

describe('activity claims', () => {
  const key = { tenantId: 'tenant-a', conversationId: 'a:1', activityId: 'act-1', activityType: 'message' };
  let now: number;
  beforeEach(() => {
    now = Date.parse('2026-11-22T10:00:00.000Z');
    deps = { ...deps, clock: { now: () => new Date(now) } };
  });

  it('lets one delivery through; a released claim lets the next one through', async () => {
    const ticket = await claimActivity(deps, key);
    expect(ticket).toBeDefined();
    expect(await claimActivity(deps, key)).toBeUndefined();
    await releaseActivityClaim(deps, ticket!);
    expect(await claimActivity(deps, key)).toBeDefined();
  });

  it('an answered activity is never handled again, however late the repeat', async () => {
    const ticket = (await claimActivity(deps, key))!;
    await markActivityAnswered(deps, ticket);
    now += 10 * ACTIVITY_CLAIM_LEASE_MS;
    expect(await claimActivity(deps, key)).toBeUndefined();
    expect((await deps.store.activityClaims.get(key.conversationId, key.activityId))?.value.answeredAt).toBe(
      '2026-11-22T10:00:00.000Z',
    );
  });

  it('a repeat of an unanswered activity waits out the lease, then takes the claim over once', async () => {
    const first = (await claimActivity(deps, key))!;
    now += ACTIVITY_CLAIM_LEASE_MS - 1;
    expect(await claimActivity(deps, key)).toBeUndefined(); // still being handled, perhaps
    now += 1;
    const [a, b] = await Promise.all([claimActivity(deps, key), claimActivity(deps, key)]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    const second = (a ?? b)!;
    expect(second.claim.claimedAt).toBe(new Date(now).toISOString());
    // The first handler turns out to be slow, not dead: it can neither mark nor give back the claim.
    await markActivityAnswered(deps, first);
    await releaseActivityClaim(deps, first);
    expect((await deps.store.activityClaims.get(key.conversationId, key.activityId))?.value).toMatchObject({
      claimedAt: second.claim.claimedAt,
      answeredAt: null,
    });
    await markActivityAnswered(deps, second);
    now += 10 * ACTIVITY_CLAIM_LEASE_MS;
    expect(await claimActivity(deps, key)).toBeUndefined();
  });

  it('the lease can be set per bot', async () => {
    await claimActivity(deps, key, { leaseMs: 1000 });
    now += 1000;
    expect(await claimActivity(deps, key, { leaseMs: 1000 })).toBeDefined();
  });
});

describe('communityOfConversation', () => {
  it('in a bound channel: the community it is bound to', async () => {
    await bindContext(deps, alex, { contextId: '19:cop@thread.tacv2', kind: 'channel', communityId });
    expect(value(await communityOfConversation(deps, chen, { boundContextId: '19:cop@thread.tacv2' }))).toEqual({
      communityId,
      name: 'SM CoP',
    });
  });
  it('in a channel nobody bound: NO_COMMUNITY_BOUND', async () => {
    expect(code(await communityOfConversation(deps, alex, { boundContextId: '19:elsewhere@thread.tacv2' }))).toBe(
      'NO_COMMUNITY_BOUND',
    );
  });
  it('in personal chat: the only community, NOT_A_MEMBER without one, AMBIGUOUS_COMMUNITY (naming them) with several', async () => {
    expect(value(await communityOfConversation(deps, bea, {}))).toEqual({ communityId, name: 'SM CoP' });
    expect(code(await communityOfConversation(deps, chen, {}))).toBe('NOT_A_MEMBER');
    await createCommunity(deps, bea, { name: 'Agile Coaches', purpose: 'working-group', cadencePerMonth: 1 });
    const several = await communityOfConversation(deps, bea, {});
    expect(several).toEqual({
      ok: false,
      error: { code: 'AMBIGUOUS_COMMUNITY', message: 'You are in 2 communities (Agile Coaches, SM CoP).' },
    });
  });
});
