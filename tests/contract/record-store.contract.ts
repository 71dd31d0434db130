/**
 * The one contract every record store adapter passes (embedded SQLite, Cosmos DB).
 * Each adapter's test file calls describeRecordStoreContract with a factory for a fresh store.
 */
import type { ActivityClaim, ConversationRef, NotificationClaim, RecordStore } from '../../src/application/ports';
import type { Rsvp } from '../../src/domain/attendance';
import type { Topic } from '../../src/domain/backlog';
import type { Community, Membership } from '../../src/domain/community';
import { planThirtyFive, type ThirtyFiveGameRecord } from '../../src/domain/thirty-five';
import type { ActionItem, Takeaway } from '../../src/domain/outcomes';
import type { Session } from '../../src/domain/session';
import type { SavedSessionRun } from '../../src/domain/session-run';
import type { DocumentDriver } from '../../src/store/document-driver';
import { StoredRecordError } from '../../src/store/stored-records';

export interface ContractSubject {
  readonly store: RecordStore;
  readonly driver: DocumentDriver;
  cleanup(): Promise<void>;
}

let seq = 0;
const unique = (p: string) => `${p}-${Date.now().toString(36)}-${++seq}`;

export const aCommunity = (over: Partial<Community> = {}): Community => ({
  id: unique('cop'),
  tenantId: 'tenant-a',
  name: 'Scrum Masters',
  purpose: 'working-group',
  description: '',
  cadencePerMonth: 2,
  createdBy: 'alex',
  createdAt: '2026-11-01T10:00:00.000Z',
  ...over,
});
export const aMember = (communityId: string, userId: string, over: Partial<Membership> = {}): Membership => ({
  communityId,
  tenantId: 'tenant-a',
  userId,
  displayName: userId.toUpperCase(),
  roles: ['member'],
  joinedAt: `2026-11-01T10:00:0${seq % 10}.000Z`,
  ...over,
});

export const aSession = (communityId: string, over: Partial<Session> = {}): Session => ({
  id: unique('session'),
  communityId,
  tenantId: 'tenant-a',
  details: { type: 'deep-dive' },
  startsAt: '2026-12-03T15:00:00.000Z',
  durationMinutes: 60,
  topicIds: ['t1'],
  facilitatorId: 'alex',
  meetingLink: null,
  purpose: 'Remote retros',
  agenda: [{ title: 'Check-in', minutes: 5 }],
  state: 'scheduled',
  attendees: [],
  closed: null,
  createdBy: 'alex',
  createdAt: '2026-11-20T10:00:00.000Z',
  ...over,
});

export function describeRecordStoreContract(name: string, make: () => Promise<ContractSubject>): void {
  describe(`record store contract: ${name}`, () => {
    let s: ContractSubject;
    beforeAll(async () => {
      s = await make();
    });
    afterAll(async () => {
      await s.cleanup();
    });

    describe('communities', () => {
      it('round-trips a community with its etag', async () => {
        const c = aCommunity({ description: 'We meet every two weeks' });
        const created = await s.store.communities.create(c);
        expect(created.ok).toBe(true);
        const read = await s.store.communities.get('tenant-a', c.id);
        expect(read?.value).toEqual(c);
        expect(read?.etag).toBeTruthy();
      });
      it('refuses a second community with the same id', async () => {
        const c = aCommunity();
        await s.store.communities.create(c);
        const again = await s.store.communities.create({ ...c, name: 'Other' });
        expect(again.ok).toBe(false);
        if (!again.ok) expect(again.error.code).toBe('CONFLICT');
        expect((await s.store.communities.get('tenant-a', c.id))?.value.name).toBe('Scrum Masters');
      });
      it('refuses a stale etag and keeps the newer write', async () => {
        const c = aCommunity();
        await s.store.communities.create(c);
        const v1 = (await s.store.communities.get('tenant-a', c.id))!;
        const first = await s.store.communities.update({ ...c, name: 'First' }, v1.etag);
        expect(first.ok).toBe(true);
        const stale = await s.store.communities.update({ ...c, name: 'Second' }, v1.etag);
        expect(stale.ok).toBe(false);
        if (!stale.ok) expect(stale.error.code).toBe('CONFLICT');
        const now = (await s.store.communities.get('tenant-a', c.id))!;
        expect(now.value.name).toBe('First');
        expect(now.etag).not.toBe(v1.etag);
      });
      it("hides another tenant's community", async () => {
        const c = aCommunity();
        await s.store.communities.create(c);
        expect(await s.store.communities.get('tenant-b', c.id)).toBeUndefined();
        expect(await s.store.communities.get('tenant-a', 'no-such-community')).toBeUndefined();
      });
      it('stores text with quotes and unicode verbatim', async () => {
        const c = aCommunity({ name: `O'Brien's "CoP" — Ünïcødé 🎯`, description: "'; DROP TABLE documents; --" });
        await s.store.communities.create(c);
        expect((await s.store.communities.get('tenant-a', c.id))?.value).toEqual(c);
      });
    });

    describe('memberships', () => {
      it("lists a community's members and a person's memberships across communities, in their tenant only", async () => {
        const a = aCommunity();
        const b = aCommunity();
        const foreign = aCommunity({ tenantId: 'tenant-b' });
        for (const c of [a, b, foreign]) await s.store.communities.create(c);
        const user = unique('user');
        await s.store.memberships.create(aMember(a.id, user, { roles: ['member', 'facilitator'], product: 'Billing' }));
        await s.store.memberships.create(aMember(b.id, user));
        await s.store.memberships.create(aMember(a.id, unique('other')));
        await s.store.memberships.create(aMember(foreign.id, user, { tenantId: 'tenant-b' }));

        expect((await s.store.memberships.listByCommunity(a.id)).map((m) => m.value.userId)).toHaveLength(2);
        const mine = await s.store.memberships.listByUser('tenant-a', user);
        expect(mine.map((m) => m.communityId).sort()).toEqual([a.id, b.id].sort());
        expect(mine.find((m) => m.communityId === a.id)).toMatchObject({
          roles: ['member', 'facilitator'],
          product: 'Billing',
        });
        expect(await s.store.memberships.listByUser('tenant-c', user)).toEqual([]);
      });
      it('refuses a duplicate membership, a stale update and a stale delete', async () => {
        const c = aCommunity();
        await s.store.communities.create(c);
        const m = aMember(c.id, unique('user'));
        expect((await s.store.memberships.create(m)).ok).toBe(true);
        const dup = await s.store.memberships.create(m);
        expect(dup.ok || dup.error.code).toBe('CONFLICT');
        const v1 = (await s.store.memberships.get(c.id, m.userId))!;
        expect((await s.store.memberships.update({ ...m, roles: ['member', 'coach'] }, v1.etag)).ok).toBe(true);
        const stale = await s.store.memberships.update({ ...m, roles: ['member', 'champion'] }, v1.etag);
        expect(stale.ok || stale.error.code).toBe('CONFLICT');
        const staleDelete = await s.store.memberships.delete(c.id, m.userId, v1.etag);
        expect(staleDelete.ok || staleDelete.error.code).toBe('CONFLICT');
        const v2 = (await s.store.memberships.get(c.id, m.userId))!;
        expect(v2.value.roles).toEqual(['member', 'coach']);
        expect((await s.store.memberships.delete(c.id, m.userId, v2.etag)).ok).toBe(true);
        expect(await s.store.memberships.get(c.id, m.userId)).toBeUndefined();
        const gone = await s.store.memberships.delete(c.id, m.userId, v2.etag);
        expect(gone.ok || gone.error.code).toBe('NOT_FOUND');
      });
    });

    describe('bindings', () => {
      it('creates, replaces with the current etag, refuses a stale or duplicate one, per tenant', async () => {
        const ctx = unique('meeting');
        const b = {
          tenantId: 'tenant-a',
          contextId: ctx,
          kind: 'meeting' as const,
          communityId: 'c1',
          boundBy: 'alex',
          boundAt: '2026-11-01T10:00:00.000Z',
        };
        const created = await s.store.bindings.put(b, undefined);
        expect(created.ok).toBe(true);
        const dup = await s.store.bindings.put({ ...b, communityId: 'c2' }, undefined);
        expect(dup.ok || dup.error.code).toBe('CONFLICT');
        const v1 = (await s.store.bindings.get('tenant-a', ctx))!;
        expect(v1.value).toEqual(b);
        expect((await s.store.bindings.put({ ...b, communityId: 'c3' }, v1.etag)).ok).toBe(true);
        const stale = await s.store.bindings.put({ ...b, communityId: 'c4' }, v1.etag);
        expect(stale.ok || stale.error.code).toBe('CONFLICT');
        expect((await s.store.bindings.get('tenant-a', ctx))?.value.communityId).toBe('c3');
        expect(await s.store.bindings.get('tenant-b', ctx)).toBeUndefined();
      });
    });

    describe('live containers', () => {
      it('registers, finds by container id within the tenant, and swaps only from the current etag', async () => {
        const c = aCommunity();
        const meetingId = unique('meeting');
        const rec = {
          communityId: c.id,
          tenantId: 'tenant-a',
          meetingId,
          containerId: unique('container'),
          createdAt: '2026-11-01T10:00:00.000Z',
          generation: 1,
        };
        expect((await s.store.liveContainers.put(rec, undefined)).ok).toBe(true);
        const dup = await s.store.liveContainers.put({ ...rec, containerId: 'other' }, undefined);
        expect(dup.ok || dup.error.code).toBe('CONFLICT');
        const v1 = (await s.store.liveContainers.get(c.id, meetingId))!;
        expect(v1.value).toEqual(rec);
        expect(await s.store.liveContainers.findByContainerId('tenant-a', rec.containerId)).toEqual(rec);
        expect(await s.store.liveContainers.findByContainerId('tenant-b', rec.containerId)).toBeUndefined();
        const next = { ...rec, containerId: unique('container'), generation: 2 };
        expect((await s.store.liveContainers.put(next, v1.etag)).ok).toBe(true);
        const stale = await s.store.liveContainers.put({ ...rec, containerId: 'late', generation: 2 }, v1.etag);
        expect(stale.ok || stale.error.code).toBe('CONFLICT');
        expect((await s.store.liveContainers.get(c.id, meetingId))?.value.containerId).toBe(next.containerId);
      });
    });

    describe('topics (backlog)', () => {
      const aTopic = (communityId: string, over: Partial<Topic> = {}): Topic => ({
        id: unique('topic'),
        communityId,
        tenantId: 'tenant-a',
        title: 'How do we run remote retros?',
        description: '',
        state: 'proposed',
        rank: null,
        score: null,
        ownerId: null,
        proposedBy: 'alex',
        proposedAt: `2026-11-0${(seq % 9) + 1}T10:00:00.000Z`,
        supporters: [],
        sessionIds: [],
        ...over,
      });
      it('round-trips topics of a community, oldest proposal first, and nothing of other communities', async () => {
        const c = aCommunity();
        const first = aTopic(c.id, {
          proposedAt: '2026-11-01T09:00:00.000Z',
          score: { normalized: 31.5, roundsScored: 4 },
          rank: 1,
          state: 'prioritised',
        });
        const second = aTopic(c.id, {
          proposedAt: '2026-11-02T09:00:00.000Z',
          supporters: ['bea', 'chen'],
          description: 'Tools, energy, silence',
        });
        await s.store.topics.create(second);
        await s.store.topics.create(first);
        await s.store.topics.create(aTopic(aCommunity().id));
        const listed = await s.store.topics.listByCommunity(c.id);
        expect(listed.map((t) => t.value)).toEqual([first, second]);
        expect((await s.store.topics.get(c.id, first.id))?.value).toEqual(first);
        expect(await s.store.topics.get(c.id, 'no-such-topic')).toBeUndefined();
      });
      it('refuses a duplicate id and a stale update', async () => {
        const c = aCommunity();
        const t = aTopic(c.id);
        expect((await s.store.topics.create(t)).ok).toBe(true);
        const dup = await s.store.topics.create(t);
        expect(dup.ok || dup.error.code).toBe('CONFLICT');
        const v1 = (await s.store.topics.get(c.id, t.id))!;
        expect((await s.store.topics.update({ ...t, supporters: ['bea'] }, v1.etag)).ok).toBe(true);
        const stale = await s.store.topics.update({ ...t, supporters: ['chen'] }, v1.etag);
        expect(stale.ok || stale.error.code).toBe('CONFLICT');
        expect((await s.store.topics.get(c.id, t.id))?.value.supporters).toEqual(['bea']);
      });
    });

    describe('Thirty Five games', () => {
      const aGame = (communityId: string, over: Partial<ThirtyFiveGameRecord> = {}): ThirtyFiveGameRecord => {
        const cards = ['alex', 'bea', 'chen'].map((a) => ({
          id: `card-${a}`,
          authorId: a,
          title: `Topic of ${a}`,
          description: a === 'bea' ? 'why it matters' : '',
        }));
        const plan = planThirtyFive({ participants: cards.map((c) => c.authorId), cards, seed: 'seed-1' });
        return {
          gameId: unique('g'),
          communityId,
          tenantId: 'tenant-a',
          meetingId: 'meeting-1',
          status: 'playing',
          plannedRounds: 5,
          seed: 'seed-1',
          cards,
          plan,
          roundsClosed: 1,
          splits: [{ round: 0, pair: 0, points: [5, 2] }],
          closedPairs: [],
          merges: [],
          result: null,
          committed: null,
          scoring: { round: 1, open: true, endsAt: '2026-12-01T10:10:00.000Z' },
          startedBy: 'alex',
          startedAt: '2026-12-01T10:00:00.000Z',
          updatedAt: '2026-12-01T10:05:00.000Z',
          ...over,
        };
      };
      it("round-trips a game with its deal (byes included) and finds the meeting's latest", async () => {
        const c = aCommunity();
        const older = aGame(c.id, { startedAt: '2026-12-01T09:00:00.000Z' });
        const newer = aGame(c.id, {
          startedAt: '2026-12-01T10:00:00.000Z',
          merges: [{ from: 'card-alex', into: 'card-bea' }],
        });
        const elsewhere = aGame(c.id, { meetingId: 'meeting-2', startedAt: '2026-12-01T11:00:00.000Z' });
        for (const g of [newer, older, elsewhere]) expect((await s.store.thirtyFiveGames.create(g)).ok).toBe(true);
        expect((await s.store.thirtyFiveGames.get(c.id, older.gameId))?.value).toEqual(older);
        expect(older.plan!.rounds[0]!.bye).toBeDefined();
        expect((await s.store.thirtyFiveGames.latestForMeeting(c.id, 'meeting-1'))?.value).toEqual(newer);
        expect(await s.store.thirtyFiveGames.latestForMeeting(c.id, 'meeting-9')).toBeUndefined();
        expect(await s.store.thirtyFiveGames.get(aCommunity().id, older.gameId)).toBeUndefined();
      });
      it('refuses a duplicate game id and a stale checkpoint', async () => {
        const c = aCommunity();
        const g = aGame(c.id);
        expect((await s.store.thirtyFiveGames.create(g)).ok).toBe(true);
        const dup = await s.store.thirtyFiveGames.create(g);
        expect(dup.ok || dup.error.code).toBe('CONFLICT');
        const v1 = (await s.store.thirtyFiveGames.get(c.id, g.gameId))!;
        expect((await s.store.thirtyFiveGames.update({ ...g, roundsClosed: 2 }, v1.etag)).ok).toBe(true);
        const stale = await s.store.thirtyFiveGames.update({ ...g, roundsClosed: 1, splits: [] }, v1.etag);
        expect(stale.ok || stale.error.code).toBe('CONFLICT');
        expect((await s.store.thirtyFiveGames.get(c.id, g.gameId))?.value.roundsClosed).toBe(2);
      });
      it("keeps one split per person and round: re-choosing replaces only one's own, 30 at once all land", async () => {
        const c = aCommunity();
        const at = '2026-12-01T10:06:00.000Z';
        const choice = (userId: string, round: number, points: [number, number], gameId = 'g-1') => ({
          communityId: c.id,
          gameId,
          round,
          userId,
          points,
          at,
        });
        expect((await s.store.thirtyFiveChoices.put(choice('alex', 0, [5, 2]))).ok).toBe(true);
        expect((await s.store.thirtyFiveChoices.put(choice('bea', 0, [5, 2]))).ok).toBe(true);
        const again = await s.store.thirtyFiveChoices.put(choice('alex', 0, [3, 4]));
        expect(again.ok).toBe(true);
        expect((await s.store.thirtyFiveChoices.put(choice('alex', 1, [7, 0]))).ok).toBe(true);
        expect((await s.store.thirtyFiveChoices.put(choice('alex', 0, [1, 6], 'g-2'))).ok).toBe(true);
        const round0 = await s.store.thirtyFiveChoices.listForRound(c.id, 'g-1', 0);
        expect(round0.map((x) => [x.userId, x.points])).toEqual([
          ['alex', [3, 4]],
          ['bea', [5, 2]],
        ]);
        expect((await s.store.thirtyFiveChoices.listForRound(c.id, 'g-1', 1)).map((x) => x.userId)).toEqual(['alex']);
        expect(await s.store.thirtyFiveChoices.listForRound(aCommunity().id, 'g-1', 0)).toEqual([]);
        const people = Array.from({ length: 30 }, (_, i) => `p${String(i).padStart(2, '0')}`);
        const puts = await Promise.all(
          people.map((p, i) => s.store.thirtyFiveChoices.put(choice(p, 2, [i % 8, 7 - (i % 8)]))),
        );
        expect(puts.every((p) => p.ok)).toBe(true);
        const round2 = await s.store.thirtyFiveChoices.listForRound(c.id, 'g-1', 2);
        expect(round2.map((x) => [x.userId, x.points])).toEqual(people.map((p, i) => [p, [i % 8, 7 - (i % 8)]]));
      });
    });

    describe('conversation references (proactive messages)', () => {
      const aRef = (over: Partial<ConversationRef> = {}): ConversationRef => ({
        tenantId: 'tenant-a',
        conversationId: `19:${unique('channel')}@thread.tacv2`,
        conversationType: 'channel',
        serviceUrl: 'https://smba.trafficmanager.net/emea/',
        channelId: 'msteams',
        botId: '28:guildhall',
        botName: 'Guildhall',
        teamId: '19:team@thread.tacv2',
        teamsChannelId: '19:team@thread.tacv2',
        communityId: null,
        savedAt: '2026-11-01T10:00:00.000Z',
        ...over,
      });
      it("keeps a personal chat's user MRI (optional: references saved before it read as before)", async () => {
        const ref = aRef({
          conversationId: `a:${unique('personal')}`,
          conversationType: 'personal',
          userId: 'bea',
          userMri: '29:bea',
        });
        await s.store.conversationRefs.put(ref);
        expect((await s.store.conversationRefs.get('tenant-a', ref.conversationId))?.value).toEqual(ref);
      });
      it('saves on install, replaces on reinstall, and forgets on uninstall', async () => {
        const ref = aRef();
        const saved = await s.store.conversationRefs.put(ref);
        expect(saved.ok).toBe(true);
        expect((await s.store.conversationRefs.get('tenant-a', ref.conversationId))?.value).toEqual(ref);
        const again = {
          ...ref,
          serviceUrl: 'https://smba.trafficmanager.net/amer/',
          communityId: 'cop-1',
          savedAt: '2026-11-02T10:00:00.000Z',
        };
        expect((await s.store.conversationRefs.put(again)).ok).toBe(true);
        expect((await s.store.conversationRefs.get('tenant-a', ref.conversationId))?.value).toEqual(again);
        expect(await s.store.conversationRefs.delete('tenant-a', ref.conversationId)).toBe(true);
        expect(await s.store.conversationRefs.get('tenant-a', ref.conversationId)).toBeUndefined();
        expect(await s.store.conversationRefs.delete('tenant-a', ref.conversationId)).toBe(false);
      });
      it('keeps ids Cosmos DB would refuse (/, ?, #, backslash) apart and readable', async () => {
        const odd = aRef({
          conversationId: `a:${unique('x')}/with?odd#chars\\and%25`,
          conversationType: 'personal',
          userId: 'aad-1',
          teamId: undefined,
          teamsChannelId: undefined,
        });
        const { teamId: _t, teamsChannelId: _c, ...expected } = odd;
        expect((await s.store.conversationRefs.put(odd)).ok).toBe(true);
        expect((await s.store.conversationRefs.get('tenant-a', odd.conversationId))?.value).toEqual(expected);
        expect(await s.store.conversationRefs.get('tenant-a', odd.conversationId.replace('%25', '%'))).toBeUndefined();
      });
      it('two saves of the same conversation at once both succeed and leave one reference', async () => {
        const ref = aRef();
        const results = await Promise.all([
          s.store.conversationRefs.put(ref),
          s.store.conversationRefs.put({ ...ref, botName: 'Other name' }),
        ]);
        expect(results.map((r) => r.ok)).toEqual([true, true]);
        const listed = (await s.store.conversationRefs.list('tenant-a')).filter(
          (r) => r.conversationId === ref.conversationId,
        );
        expect(listed).toHaveLength(1);
      });
      it("lists a tenant's references by type and by community, newest first, never another tenant's", async () => {
        const tenant = unique('tenant');
        const community = unique('cop');
        const older = aRef({ tenantId: tenant, communityId: community, savedAt: '2026-11-01T10:00:00.000Z' });
        const newer = aRef({ tenantId: tenant, communityId: community, savedAt: '2026-11-03T10:00:00.000Z' });
        const chat = aRef({
          tenantId: tenant,
          conversationType: 'groupChat',
          conversationId: `19:${unique('meeting')}@thread.v2`,
          teamId: undefined,
          teamsChannelId: undefined,
        });
        const foreign = aRef({ tenantId: unique('tenant'), communityId: community });
        for (const r of [older, newer, chat, foreign]) expect((await s.store.conversationRefs.put(r)).ok).toBe(true);
        expect(
          (await s.store.conversationRefs.list(tenant, { communityId: community })).map((r) => r.conversationId),
        ).toEqual([newer.conversationId, older.conversationId]);
        expect(
          (await s.store.conversationRefs.list(tenant, { conversationType: 'groupChat' })).map((r) => r.conversationId),
        ).toEqual([chat.conversationId]);
        expect(await s.store.conversationRefs.list(tenant)).toHaveLength(3);
        expect(await s.store.conversationRefs.list(unique('tenant'))).toEqual([]);
      });
    });

    describe('activity claims (a redelivered activity is handled once)', () => {
      const aClaim = (over: Partial<ActivityClaim> = {}): ActivityClaim => ({
        tenantId: 'tenant-a',
        conversationId: `a:${unique('conversation')}`,
        activityId: unique('activity'),
        activityType: 'message',
        claimedAt: '2026-11-01T10:00:00.000Z',
        answeredAt: null,
        ...over,
      });
      const won = (o: { etag: string } | 'already-claimed') => o !== 'already-claimed';
      it('the first claim wins; the same activity again is already claimed', async () => {
        const c = aClaim();
        expect(won(await s.store.activityClaims.claim(c))).toBe(true);
        expect(await s.store.activityClaims.claim({ ...c, claimedAt: '2026-11-01T10:00:05.000Z' })).toBe(
          'already-claimed',
        );
        expect((await s.store.activityClaims.get(c.conversationId, c.activityId))?.value).toEqual(c);
      });
      it('ten concurrent deliveries of one activity: exactly one claims it', async () => {
        const c = aClaim();
        const outcomes = await Promise.all(Array.from({ length: 10 }, () => s.store.activityClaims.claim(c)));
        expect(outcomes.filter(won)).toHaveLength(1);
        expect(outcomes.filter((o) => o === 'already-claimed')).toHaveLength(9);
      });
      it('the same activity id in another conversation is another activity', async () => {
        const c = aClaim();
        expect(won(await s.store.activityClaims.claim(c))).toBe(true);
        expect(won(await s.store.activityClaims.claim({ ...c, conversationId: `${c.conversationId}-other` }))).toBe(
          true,
        );
        expect(won(await s.store.activityClaims.claim({ ...c, conversationId: `19:x/y?z#${unique('c')}` }))).toBe(true);
      });
      it('a released claim can be claimed again (its handling failed)', async () => {
        const c = aClaim();
        expect(won(await s.store.activityClaims.claim(c))).toBe(true);
        await s.store.activityClaims.release(c.conversationId, c.activityId);
        expect(won(await s.store.activityClaims.claim(c))).toBe(true);
        expect(await s.store.activityClaims.claim(c)).toBe('already-claimed');
        await expect(s.store.activityClaims.release('a:never-claimed', 'nothing')).resolves.toBeUndefined();
      });
      it('is marked answered and taken over only from its current etag (compare-and-swap), once of ten at once', async () => {
        const c = aClaim();
        const first = await s.store.activityClaims.claim(c);
        if (first === 'already-claimed') throw new Error('not claimed');
        const later = { ...c, claimedAt: '2026-11-01T10:01:00.000Z' };
        const takeovers = await Promise.all(
          Array.from({ length: 10 }, () => s.store.activityClaims.replace(later, first.etag)),
        );
        expect(takeovers.filter((o) => o !== 'conflict')).toHaveLength(1);
        // The first handler, slow rather than dead, can no longer mark it or give it back.
        expect(await s.store.activityClaims.replace({ ...c, answeredAt: '2026-11-01T10:01:01.000Z' }, first.etag)).toBe(
          'conflict',
        );
        await s.store.activityClaims.release(c.conversationId, c.activityId, first.etag);
        const now = (await s.store.activityClaims.get(c.conversationId, c.activityId))!;
        expect(now.value).toEqual(later);
        const answered = { ...later, answeredAt: '2026-11-01T10:01:02.000Z' };
        expect(await s.store.activityClaims.replace(answered, now.etag)).not.toBe('conflict');
        expect((await s.store.activityClaims.get(c.conversationId, c.activityId))?.value).toEqual(answered);
        expect(await s.store.activityClaims.replace(answered, now.etag)).toBe('conflict');
        expect(await s.store.activityClaims.get('a:never-claimed', 'nothing')).toBeUndefined();
      });
      it('reads a v1 claim (before answeredAt existed) as answered when it was claimed', async () => {
        const c = aClaim();
        const { answeredAt: _none, ...v1 } = c;
        await s.driver.create({
          pk: `conversation:${c.conversationId}`,
          id: `activity:${c.conversationId}:${c.activityId}`,
          type: 'activity-claim',
          schemaVersion: 1,
          ...v1,
        });
        expect((await s.store.activityClaims.get(c.conversationId, c.activityId))?.value).toEqual({
          ...c,
          answeredAt: c.claimedAt,
        });
      });
    });

    describe('RSVPs (one per person per session)', () => {
      const anRsvp = (communityId: string, over: Partial<Rsvp> = {}): Rsvp => ({
        communityId,
        tenantId: 'tenant-a',
        sessionId: 's-1',
        userId: 'bea',
        displayName: 'BEA',
        answer: 'yes',
        reason: null,
        text: null,
        at: '2026-11-21T10:00:00.000Z',
        ...over,
      });
      it('creates one answer per person, replaces it only from the current etag, and lists by session and community', async () => {
        const c = aCommunity();
        const first = await s.store.rsvps.put(anRsvp(c.id), undefined);
        expect(first.ok).toBe(true);
        const dup = await s.store.rsvps.put(anRsvp(c.id, { answer: 'maybe' }), undefined);
        expect(dup.ok || dup.error.code).toBe('CONFLICT');
        const v1 = (await s.store.rsvps.get(c.id, 's-1', 'bea'))!;
        expect(v1.value).toEqual(anRsvp(c.id));
        const no = anRsvp(c.id, {
          answer: 'no',
          reason: 'too-much-on-my-plate',
          text: 'Release week, "again"; ünïcode',
          at: '2026-11-22T10:00:00.000Z',
        });
        expect((await s.store.rsvps.put(no, v1.etag)).ok).toBe(true);
        const stale = await s.store.rsvps.put(anRsvp(c.id, { answer: 'maybe' }), v1.etag);
        expect(stale.ok || stale.error.code).toBe('CONFLICT');
        expect((await s.store.rsvps.get(c.id, 's-1', 'bea'))?.value).toEqual(no);
        await s.store.rsvps.put(anRsvp(c.id, { userId: 'alex', displayName: 'ALEX' }), undefined);
        await s.store.rsvps.put(anRsvp(c.id, { sessionId: 's-2' }), undefined);
        await s.store.rsvps.put(anRsvp(aCommunity().id), undefined);
        expect((await s.store.rsvps.listBySession(c.id, 's-1')).map((r) => [r.userId, r.answer])).toEqual([
          ['alex', 'yes'],
          ['bea', 'no'],
        ]);
        expect((await s.store.rsvps.listByCommunity(c.id)).map((r) => `${r.sessionId}/${r.userId}`)).toEqual([
          's-1/alex',
          's-1/bea',
          's-2/bea',
        ]);
        expect(await s.store.rsvps.get(c.id, 's-1', 'nobody')).toBeUndefined();
      });
      it('keeps ids with characters Cosmos DB refuses apart', async () => {
        const c = aCommunity();
        await s.store.rsvps.put(anRsvp(c.id, { sessionId: 's/1?#', userId: 'u\\x' }), undefined);
        expect((await s.store.rsvps.get(c.id, 's/1?#', 'u\\x'))?.value.userId).toBe('u\\x');
      });
      it('refuses a stored answer that is not a "no" but carries a reason', async () => {
        const c = aCommunity();
        await s.driver.create({
          pk: c.id,
          id: 'rsvp:bad:bea',
          type: 'rsvp',
          schemaVersion: 1,
          ...anRsvp(c.id, { sessionId: 'bad' }),
          reason: 'other',
        });
        await expect(s.store.rsvps.get(c.id, 'bad', 'bea')).rejects.toThrow(/only a "no" carries a reason/);
      });
    });

    describe('notification claims (reminders, invitations, nudges go out once)', () => {
      const aNotificationClaim = (communityId: string, over: Partial<NotificationClaim> = {}): NotificationClaim => ({
        communityId,
        key: `reminder:day-before:s-1:2026-12-03T15:00:00.000Z`,
        sessionId: 's-1',
        kind: 'reminder',
        claimedBy: 'server-a',
        claimedAt: '2026-12-02T16:00:00.000Z',
        ...over,
      });
      it('ten concurrent claims of one notification: exactly one wins, and the record says who', async () => {
        const c = aCommunity();
        const outcomes = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            s.store.notificationClaims.claim(aNotificationClaim(c.id, { claimedBy: `server-${i}` })),
          ),
        );
        expect(outcomes.filter((o) => o === 'claimed')).toHaveLength(1);
        const winner = outcomes.indexOf('claimed');
        expect((await s.store.notificationClaims.get(c.id, aNotificationClaim(c.id).key))?.claimedBy).toBe(
          `server-${winner}`,
        );
      });
      it('another kind, session or community is another notification', async () => {
        const c = aCommunity();
        expect(await s.store.notificationClaims.claim(aNotificationClaim(c.id))).toBe('claimed');
        expect(
          await s.store.notificationClaims.claim(
            aNotificationClaim(c.id, { key: 'reminder:soon:s-1:2026-12-03T15:00:00.000Z' }),
          ),
        ).toBe('claimed');
        expect(
          await s.store.notificationClaims.claim(
            aNotificationClaim(c.id, { key: 'nudge:s-1:19:x/y?z#1', kind: 'nudge' }),
          ),
        ).toBe('claimed');
        expect(await s.store.notificationClaims.claim(aNotificationClaim(aCommunity().id))).toBe('claimed');
        expect(await s.store.notificationClaims.claim(aNotificationClaim(c.id))).toBe('already-claimed');
        expect(await s.store.notificationClaims.get(c.id, 'never')).toBeUndefined();
      });
      it('keeps retries and give-ups, changed only from the current etag (one of ten at once), and reads a v1 claim as having none', async () => {
        const c = aCommunity();
        const claim = aNotificationClaim(c.id);
        expect(await s.store.notificationClaims.claim(claim)).toBe('claimed');
        const v1 = (await s.store.notificationClaims.getVersioned(c.id, claim.key))!;
        expect(v1.value).toEqual({ ...claim, retries: [], gaveUp: [], leaseUntil: null });
        const retrying = {
          ...v1.value,
          leaseUntil: '2026-12-02T16:03:00.000Z',
          retries: [
            {
              userId: 'bea',
              attempts: 1,
              nextAttemptAt: '2026-12-02T16:01:00.000Z',
              error: 'Teams did not take the message',
            },
          ],
        };
        const leases = await Promise.all(
          Array.from({ length: 10 }, () => s.store.notificationClaims.replace(retrying, v1.etag)),
        );
        expect(leases.filter((o) => o !== 'conflict')).toHaveLength(1);
        const v2 = (await s.store.notificationClaims.getVersioned(c.id, claim.key))!;
        expect(v2.value).toEqual(retrying);
        const done = {
          ...retrying,
          retries: [],
          gaveUp: [{ userId: 'bea', attempts: 4, at: '2026-12-02T16:30:00.000Z', error: 'no' }],
          leaseUntil: null,
        };
        expect(await s.store.notificationClaims.replace(done, v1.etag)).toBe('conflict');
        expect(await s.store.notificationClaims.replace(done, v2.etag)).not.toBe('conflict');
        expect(await s.store.notificationClaims.get(c.id, claim.key)).toEqual(done);
        expect(await s.store.notificationClaims.replace(aNotificationClaim(c.id, { key: 'never' }), v2.etag)).toBe(
          'conflict',
        );

        const old = aNotificationClaim(c.id, { key: 'invitation:s-old', kind: 'invitation' });
        await s.driver.create({
          pk: c.id,
          id: 'notify:invitation:s-old',
          type: 'notification-claim',
          schemaVersion: 1,
          ...old,
        });
        expect(await s.store.notificationClaims.get(c.id, old.key)).toEqual({
          ...old,
          retries: [],
          gaveUp: [],
          leaseUntil: null,
        });
      });
    });

    describe('scheduled sessions across communities (what reminders look at)', () => {
      it('lists every scheduled session of every community, soonest first, and no held one', async () => {
        const c1 = aCommunity();
        const c2 = aCommunity();
        const a = aSession(c1.id, { startsAt: '2031-01-02T10:00:00.000Z' });
        const b = aSession(c2.id, { startsAt: '2031-01-01T10:00:00.000Z' });
        const held = aSession(c1.id, { startsAt: '2031-01-01T09:00:00.000Z', state: 'held' });
        for (const x of [a, b, held]) expect((await s.store.sessions.create(x)).ok).toBe(true);
        const ids = (await s.store.sessions.listScheduled()).map((x) => x.id);
        expect(ids.filter((id) => [a.id, b.id, held.id].includes(id))).toEqual([b.id, a.id]);
      });
    });

    describe('topics: stored shape v2 (merges)', () => {
      it('reads a v1 topic document (before mergedInto existed) and round-trips a merged one', async () => {
        const c = aCommunity();
        const id = unique('old');
        await s.driver.create({
          pk: c.id,
          id: `topic:${id}`,
          type: 'topic',
          schemaVersion: 1,
          communityId: c.id,
          tenantId: 'tenant-a',
          title: 'Old topic',
          description: '',
          state: 'discussed',
          rank: null,
          score: null,
          ownerId: null,
          proposedBy: 'alex',
          proposedAt: '2026-01-01T10:00:00.000Z',
          supporters: ['bea'],
          sessionIds: ['s0'],
        });
        const old = (await s.store.topics.get(c.id, id))!;
        expect(old.value).toMatchObject({ id, title: 'Old topic', supporters: ['bea'], sessionIds: ['s0'] });
        expect(old.value.mergedInto).toBeUndefined();
        // Written back, it is a v2 document with an explicit null.
        expect(
          (await s.store.topics.update({ ...old.value, state: 'archived', mergedInto: 'other' }, old.etag)).ok,
        ).toBe(true);
        const raw = (await s.driver.read(c.id, `topic:${id}`))!.doc;
        expect(raw).toMatchObject({ schemaVersion: 2, mergedInto: 'other' });
        expect((await s.store.topics.get(c.id, id))?.value.mergedInto).toBe('other');
      });
      it('refuses a v2 topic document without mergedInto', async () => {
        const c = aCommunity();
        const id = unique('bad');
        await s.driver.create({
          pk: c.id,
          id: `topic:${id}`,
          type: 'topic',
          schemaVersion: 2,
          communityId: c.id,
          tenantId: 'tenant-a',
          title: 'T',
          description: '',
          state: 'proposed',
          rank: null,
          score: null,
          ownerId: null,
          proposedBy: 'alex',
          proposedAt: '2026-01-01T10:00:00.000Z',
          supporters: [],
          sessionIds: [],
        });
        await expect(s.store.topics.get(c.id, id)).rejects.toThrow(/mergedInto/);
      });
    });

    describe('sessions', () => {
      it('round-trips every session type with its own fields, newest first, only of the community', async () => {
        const c = aCommunity();
        const older = aSession(c.id, { startsAt: '2026-12-01T15:00:00.000Z' });
        const speaker = aSession(c.id, {
          startsAt: '2026-12-15T15:00:00.000Z',
          topicIds: [],
          details: { type: 'external-speaker', speakerName: 'Ana Ruiz', organisation: 'Acme' },
          meetingLink: 'https://teams.microsoft.com/l/meetup-join/x',
        });
        const visit = aSession(c.id, {
          startsAt: '2026-12-08T15:00:00.000Z',
          topicIds: [],
          details: { type: 'visit', hostCompany: 'Contoso' },
        });
        for (const x of [older, speaker, visit, aSession(aCommunity().id)])
          expect((await s.store.sessions.create(x)).ok).toBe(true);
        expect((await s.store.sessions.listByCommunity(c.id)).map((x) => x.value)).toEqual([speaker, visit, older]);
        expect((await s.store.sessions.get(c.id, speaker.id))?.value.details).toEqual({
          type: 'external-speaker',
          speakerName: 'Ana Ruiz',
          organisation: 'Acme',
        });
      });
      it('refuses a duplicate id and a stale update, and a stored session whose type lacks its fields', async () => {
        const c = aCommunity();
        const x = aSession(c.id);
        await s.store.sessions.create(x);
        const dup = await s.store.sessions.create(x);
        expect(dup.ok || dup.error.code).toBe('CONFLICT');
        const v1 = (await s.store.sessions.get(c.id, x.id))!;
        expect((await s.store.sessions.update({ ...x, state: 'held', attendees: ['alex', 'bea'] }, v1.etag)).ok).toBe(
          true,
        );
        const stale = await s.store.sessions.update({ ...x, purpose: 'late' }, v1.etag);
        expect(stale.ok || stale.error.code).toBe('CONFLICT');
        expect((await s.store.sessions.get(c.id, x.id))?.value).toMatchObject({
          state: 'held',
          attendees: ['alex', 'bea'],
          purpose: 'Remote retros',
        });
        const broken = aSession(c.id);
        await s.driver.create({
          ...broken,
          details: { type: 'book-club' },
          pk: c.id,
          id: `session:${broken.id}`,
          type: 'session',
          schemaVersion: 1,
        });
        await expect(s.store.sessions.get(c.id, broken.id)).rejects.toThrow(/details/);
      });
    });

    describe('saved runs of show (what a lost live container resumes from)', () => {
      const aRun = (communityId: string, over: Partial<SavedSessionRun> = {}): SavedSessionRun => ({
        communityId,
        sessionId: unique('session'),
        meetingId: 'meeting-1',
        savedBy: 'alex',
        savedAt: '2026-12-03T15:20:00.000Z',
        run: {
          phase: 'breakouts',
          phaseStartedAt: '2026-12-03T15:15:00.000Z',
          phaseEndsAt: '2026-12-03T15:27:00.000Z',
          iceBreakerId: 'ib-01',
          topicTitle: 'Remote “retros”',
          breakoutEndsAt: '2026-12-03T15:27:00.000Z',
          groups: [
            { index: 0, question: 'Why?', members: ['alex', 'bea'] },
            { index: 1, question: '', members: ['chen'] },
          ],
          groupNotes: [
            {
              id: '0/alex/alex.1',
              group: 0,
              userId: 'alex',
              displayName: 'Alex',
              text: 'Rotate the format',
              at: '2026-12-03T15:21:00.000Z',
            },
          ],
          takeaways: [
            {
              id: 'bea.1',
              text: 'Timebox',
              authorId: 'bea',
              authorName: 'Bea',
              at: '2026-12-03T15:22:00.000Z',
              action: { ownerId: 'bea', dueDate: '2026-12-17' },
            },
            {
              id: 'bea.2',
              text: 'Timebox it',
              authorId: 'bea',
              authorName: 'Bea',
              at: '2026-12-03T15:23:00.000Z',
              mergedInto: 'bea.1',
            },
          ],
          voted: [],
          feedbackClosed: false,
        },
        ...over,
      });
      it("round-trips a run mid-breakout and finds the meeting's latest save, only in its community", async () => {
        const c = aCommunity();
        const older = aRun(c.id, { savedAt: '2026-12-03T15:00:00.000Z' });
        const newer = aRun(c.id);
        const elsewhere = aRun(c.id, { meetingId: 'meeting-2', savedAt: '2026-12-03T16:00:00.000Z' });
        for (const r of [newer, older, elsewhere]) expect((await s.store.sessionRuns.put(r, undefined)).ok).toBe(true);
        expect((await s.store.sessionRuns.get(c.id, newer.sessionId))?.value).toEqual(newer);
        expect((await s.store.sessionRuns.latestForMeeting(c.id, 'meeting-1'))?.value).toEqual(newer);
        expect(await s.store.sessionRuns.latestForMeeting(c.id, 'meeting-9')).toBeUndefined();
        expect(await s.store.sessionRuns.get(aCommunity().id, newer.sessionId)).toBeUndefined();
      });
      it('creates once, replaces only from the current etag, and refuses a stored run it cannot read', async () => {
        const c = aCommunity();
        const r = aRun(c.id);
        expect((await s.store.sessionRuns.put(r, undefined)).ok).toBe(true);
        const dup = await s.store.sessionRuns.put(r, undefined);
        expect(dup.ok || dup.error.code).toBe('CONFLICT');
        const v1 = (await s.store.sessionRuns.get(c.id, r.sessionId))!;
        expect((await s.store.sessionRuns.put({ ...r, run: { ...r.run, phase: 'share-out' } }, v1.etag)).ok).toBe(true);
        const stale = await s.store.sessionRuns.put({ ...r, run: { ...r.run, takeaways: [] } }, v1.etag);
        expect(stale.ok || stale.error.code).toBe('CONFLICT');
        expect((await s.store.sessionRuns.get(c.id, r.sessionId))?.value.run).toMatchObject({
          phase: 'share-out',
          takeaways: r.run.takeaways,
        });
        const bad = aRun(c.id);
        await s.driver.create({
          ...bad,
          run: { ...bad.run, phase: 'closed' },
          pk: c.id,
          id: `session-run:${bad.sessionId}`,
          type: 'session-run',
          schemaVersion: 1,
        });
        await expect(s.store.sessionRuns.get(c.id, bad.sessionId)).rejects.toThrow(/phase/);
      });
      it("keeps a held session's breakout groups with their signed notes (absent on older sessions)", async () => {
        const c = aCommunity();
        const plain = aSession(c.id);
        const held = aSession(c.id, {
          state: 'held',
          breakouts: [
            {
              index: 0,
              question: 'Why?',
              members: ['alex'],
              notes: [
                { id: 'n1', authorId: 'alex', authorName: 'Alex', text: 'A note', at: '2026-12-03T15:21:00.000Z' },
              ],
            },
          ],
        });
        for (const x of [plain, held]) expect((await s.store.sessions.create(x)).ok).toBe(true);
        expect((await s.store.sessions.get(c.id, held.id))?.value).toEqual(held);
        expect((await s.store.sessions.get(c.id, plain.id))?.value.breakouts).toBeUndefined();
      });
    });

    describe('session outcomes', () => {
      it('keeps one notes document per session: create once, replace with the current etag only', async () => {
        const c = aCommunity();
        const notes = {
          communityId: c.id,
          sessionId: 's1',
          markdown: '# Notes\n\nFirst',
          updatedBy: 'alex',
          updatedAt: '2026-12-03T16:00:00.000Z',
        };
        expect((await s.store.notes.put(notes, undefined)).ok).toBe(true);
        const again = await s.store.notes.put({ ...notes, markdown: 'other' }, undefined);
        expect(again.ok || again.error.code).toBe('CONFLICT');
        const v1 = (await s.store.notes.get(c.id, 's1'))!;
        expect(v1.value).toEqual(notes);
        expect((await s.store.notes.put({ ...notes, markdown: 'Second' }, v1.etag)).ok).toBe(true);
        const stale = await s.store.notes.put({ ...notes, markdown: 'Third' }, v1.etag);
        expect(stale.ok || stale.error.code).toBe('CONFLICT');
        expect((await s.store.notes.get(c.id, 's1'))?.value.markdown).toBe('Second');
        expect((await s.store.notes.listByCommunity(c.id)).map((n) => n.sessionId)).toEqual(['s1']);
      });
      it('lists annotations, takeaways and actions per session; actions soonest due first; refuses a stale action update', async () => {
        const c = aCommunity();
        const ann = {
          id: unique('a'),
          communityId: c.id,
          sessionId: 's1',
          anchor: { quote: 'First' },
          text: 'Try a timer',
          authorId: 'cora',
          createdAt: '2026-12-03T16:00:00.000Z',
        };
        await s.store.annotations.create(ann);
        await s.store.annotations.create({ ...ann, id: unique('a'), sessionId: 's2', anchor: { paragraph: 0 } });
        expect(await s.store.annotations.listBySession(c.id, 's1')).toEqual([ann]);
        const tk = (sessionId: string, text: string, createdAt: string): Takeaway => ({
          id: unique('tk'),
          communityId: c.id,
          sessionId,
          topicId: null,
          text,
          authorId: 'bea',
          createdAt,
        });
        const t1 = tk('s1', 'Timebox the check-in', '2026-12-03T16:01:00.000Z');
        const t2 = tk('s1', 'Rotate the scribe', '2026-12-03T16:02:00.000Z');
        const t3 = tk('s2', 'Other session', '2026-12-03T16:00:00.000Z');
        for (const t of [t2, t1, t3]) await s.store.takeaways.create(t);
        expect(await s.store.takeaways.listBySession(c.id, 's1')).toEqual([t1, t2]);
        expect((await s.store.takeaways.listByCommunity(c.id)).map((t) => t.id)).toEqual([t3.id, t1.id, t2.id]);
        const dup = await s.store.takeaways.create(t1);
        expect(dup.ok || dup.error.code).toBe('CONFLICT');
        const act = (dueDate: string, sessionId = 's1'): ActionItem => ({
          id: unique('act'),
          communityId: c.id,
          sessionId,
          takeawayId: t1.id,
          text: 'Buy a timer',
          ownerId: 'bea',
          dueDate,
          status: 'open',
          createdBy: 'alex',
          createdAt: '2026-12-03T16:05:00.000Z',
          updatedAt: '2026-12-03T16:05:00.000Z',
        });
        const late = act('2026-12-20');
        const soon = act('2026-12-10', 's2');
        await s.store.actions.create(late);
        await s.store.actions.create(soon);
        expect((await s.store.actions.listByCommunity(c.id)).map((a) => a.id)).toEqual([soon.id, late.id]);
        expect(await s.store.actions.listBySession(c.id, 's1')).toEqual([late]);
        const v1 = (await s.store.actions.get(c.id, late.id))!;
        expect((await s.store.actions.update({ ...late, status: 'doing' }, v1.etag)).ok).toBe(true);
        const stale = await s.store.actions.update({ ...late, status: 'done' }, v1.etag);
        expect(stale.ok || stale.error.code).toBe('CONFLICT');
        expect((await s.store.actions.get(c.id, late.id))?.value.status).toBe('doing');
      });
      it('stores feedback as sorted values and one-way markers, never a voter id', async () => {
        const c = aCommunity();
        const m = (u: string) => s.store.feedback.markerFor(c.id, 's1', u);
        expect(m('bea')).toBe(m('bea'));
        expect(m('bea')).not.toBe(m('chen'));
        expect(m('bea')).not.toBe(s.store.feedback.markerFor(c.id, 's2', 'bea'));
        const tally = { communityId: c.id, sessionId: 's1', values: [5, 2], markers: [m('zoe-bea'), m('chen')] };
        expect((await s.store.feedback.put(tally, undefined)).ok).toBe(true);
        const v1 = (await s.store.feedback.get(c.id, 's1'))!;
        expect(v1.value.values).toEqual([2, 5]);
        expect(v1.value.markers).toEqual([...tally.markers].sort());
        const raw = JSON.stringify((await s.driver.read(c.id, 'feedback:s1'))!.doc);
        expect(raw).not.toMatch(/zoe-bea|chen/);
        const stale = await s.store.feedback.put({ ...tally, values: [1] }, 'stale-etag');
        expect(stale.ok || stale.error.code).toBe('CONFLICT');
      });
      it('keeps one facilitator rotation per community, guarded by its etag', async () => {
        const c = aCommunity();
        const r = {
          communityId: c.id,
          tenantId: 'tenant-a',
          volunteers: ['bea', 'chen'],
          skips: [{ userId: 'bea', atSession: 2 }],
          swaps: [],
        };
        expect(await s.store.rotations.get(c.id)).toBeUndefined();
        expect((await s.store.rotations.put(r, undefined)).ok).toBe(true);
        const v1 = (await s.store.rotations.get(c.id))!;
        expect(v1.value).toEqual(r);
        expect((await s.store.rotations.put({ ...r, volunteers: ['chen'] }, v1.etag)).ok).toBe(true);
        const stale = await s.store.rotations.put({ ...r, volunteers: [] }, v1.etag);
        expect(stale.ok || stale.error.code).toBe('CONFLICT');
        expect((await s.store.rotations.get(c.id))?.value.volunteers).toEqual(['chen']);
      });
    });

    describe('stored documents the code cannot read', () => {
      it('reports a document that fails its schema', async () => {
        const id = unique('broken');
        await s.driver.create({ pk: id, id, type: 'community', schemaVersion: 1, tenantId: 'tenant-a', name: '' });
        await expect(s.store.communities.get('tenant-a', id)).rejects.toThrow(StoredRecordError);
        await expect(s.store.communities.get('tenant-a', id)).rejects.toThrow(/community '.*' cannot be read: .*name/);
      });
      it('reports a document written by a newer version', async () => {
        const c = aCommunity();
        await s.driver.create({ ...c, pk: c.id, type: 'community', schemaVersion: 99 });
        await expect(s.store.communities.get('tenant-a', c.id)).rejects.toThrow(
          /schemaVersion 99, newer than this server knows/,
        );
      });
    });

    describe('the driver', () => {
      it('refuses a query on a field name that could inject', async () => {
        await expect(s.driver.query({ type: 'membership', where: { "x') OR 1=1 --": 'a' } })).rejects.toThrow(
          /Refused query/,
        );
      });
      it('takes any id, including a Teams meeting id in base64 and the characters Cosmos DB refuses', async () => {
        const pk = unique('pk');
        const ids = ['live:MCMxOTptZWV0aW5nX05qZz+/YjA==', 'a/b\\c?d#e', 'tilde~7E and %20'];
        for (const id of ids) {
          expect(await s.driver.create({ pk, id, type: 'probe', schemaVersion: 1, n: 1 })).toHaveProperty('etag');
          const read = await s.driver.read(pk, id);
          expect(read?.doc.id).toBe(id);
          expect(await s.driver.create({ pk, id, type: 'probe', schemaVersion: 1, n: 2 })).toBe('exists');
          expect(await s.driver.replace({ pk, id, type: 'probe', schemaVersion: 1, n: 3 }, read!.etag)).toHaveProperty(
            'etag',
          );
        }
        expect((await s.driver.query({ type: 'probe', pk })).map((r) => r.doc.id).sort()).toEqual([...ids].sort());
        expect(await s.driver.delete(pk, ids[1]!)).toBe('deleted');
        expect(await s.driver.read(pk, ids[1]!)).toBeUndefined();
      });
      it('binds a Teams meeting (base64 id with = + /) and registers its live container', async () => {
        const c = aCommunity();
        const meetingId = 'MCMxOTptZWV0aW5nX1k+Lz0/dGhyZWFkLnYy==';
        const binding = {
          tenantId: 'tenant-a',
          contextId: meetingId,
          kind: 'meeting' as const,
          communityId: c.id,
          boundBy: 'alex',
          boundAt: '2026-12-01T10:00:00.000Z',
        };
        expect((await s.store.bindings.put(binding, undefined)).ok).toBe(true);
        expect((await s.store.bindings.get('tenant-a', meetingId))?.value).toEqual(binding);
        const rec = {
          communityId: c.id,
          tenantId: 'tenant-a',
          meetingId,
          containerId: unique('container'),
          createdAt: '2026-12-01T10:00:00.000Z',
          generation: 1,
        };
        expect((await s.store.liveContainers.put(rec, undefined)).ok).toBe(true);
        expect((await s.store.liveContainers.get(c.id, meetingId))?.value).toEqual(rec);
      });
      it('orders and limits within a partition', async () => {
        const pk = unique('pk');
        for (const [i, n] of [3, 1, 2].entries()) {
          await s.driver.create({ pk, id: `d${i}`, type: 'probe', schemaVersion: 1, n, tag: 'x' });
        }
        const asc = await s.driver.query({
          type: 'probe',
          pk,
          where: { tag: 'x' },
          orderBy: { field: 'n', direction: 'asc' },
        });
        expect(asc.map((r) => r.doc.n)).toEqual([1, 2, 3]);
        const top = await s.driver.query({ type: 'probe', pk, orderBy: { field: 'n', direction: 'desc' }, limit: 2 });
        expect(top.map((r) => r.doc.n)).toEqual([3, 2]);
      });
    });
  });
}
