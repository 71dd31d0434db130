import { claimKeyOf } from '../../../src/bot/activity-claim';
import {
  contextIdsOf,
  conversationRefFromActivity,
  normaliseConversationId,
  proactiveReferenceOf,
} from '../../../src/bot/conversation-refs';

const base = {
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  recipient: { id: '28:bot', name: 'Guildhall' },
  from: { id: '29:u', aadObjectId: 'aad-u' },
};

describe('conversationRefFromActivity', () => {
  test('a team install: the channel, its team, no person', () => {
    const ref = conversationRefFromActivity({
      ...base,
      conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', tenantId: 't' },
      channelData: {
        tenant: { id: 't' },
        team: { id: '19:general@thread.tacv2' },
        channel: { id: '19:general@thread.tacv2' },
      },
    });
    expect(ref).toEqual({
      tenantId: 't',
      conversationId: '19:general@thread.tacv2',
      conversationType: 'channel',
      serviceUrl: base.serviceUrl,
      channelId: 'msteams',
      botId: '28:bot',
      botName: 'Guildhall',
      teamId: '19:general@thread.tacv2',
      teamsChannelId: '19:general@thread.tacv2',
    });
  });
  test('a channel reply thread becomes the channel itself', () => {
    const ref = conversationRefFromActivity({
      ...base,
      conversation: { id: '19:cop@thread.tacv2;messageid=1700000000000', tenantId: 't' },
      channelData: { channel: { id: '19:cop@thread.tacv2' } },
    });
    expect(ref).toMatchObject({ conversationId: '19:cop@thread.tacv2', conversationType: 'channel' });
  });
  test('a personal chat keeps the person; a group chat does not', () => {
    expect(
      conversationRefFromActivity({
        ...base,
        conversation: { id: 'a:1', conversationType: 'personal' },
        channelData: { tenant: { id: 't' } },
      }),
    ).toMatchObject({ conversationType: 'personal', userId: 'aad-u', tenantId: 't' });
    const group = conversationRefFromActivity({
      ...base,
      conversation: { id: '19:meeting_x@thread.v2', isGroup: true, tenantId: 't' },
    });
    expect(group).toMatchObject({ conversationType: 'groupChat' });
    expect(group).not.toHaveProperty('userId');
  });
  test('without a tenant, a conversation, a bot or a service URL there is nothing to keep', () => {
    const ok = { ...base, conversation: { id: 'a:1', tenantId: 't' } };
    expect(conversationRefFromActivity(ok)).toBeDefined();
    expect(conversationRefFromActivity({ ...ok, conversation: { id: 'a:1' } })).toBeUndefined();
    expect(conversationRefFromActivity({ ...ok, conversation: { tenantId: 't' } })).toBeUndefined();
    expect(conversationRefFromActivity({ ...ok, recipient: {} })).toBeUndefined();
    const { serviceUrl: _s, ...noUrl } = ok;
    expect(conversationRefFromActivity(noUrl)).toBeUndefined();
  });
});

test('contextIdsOf: meeting, then channel, then chat, without repeats', () => {
  expect(
    contextIdsOf({ conversation: { id: '19:meeting_x@thread.v2' }, channelData: { meeting: { id: 'MCM=' } } }),
  ).toEqual(['MCM=', '19:meeting_x@thread.v2']);
  expect(
    contextIdsOf({
      conversation: { id: '19:c@thread.tacv2;messageid=2' },
      channelData: { channel: { id: '19:c@thread.tacv2' } },
    }),
  ).toEqual(['19:c@thread.tacv2']);
  expect(normaliseConversationId('a:1')).toBe('a:1');
});

test('proactiveReferenceOf gives the Bot Framework reference of a stored one', () => {
  const ref = {
    tenantId: 't',
    conversationId: '19:c@thread.tacv2',
    conversationType: 'channel' as const,
    serviceUrl: 'https://s/',
    channelId: 'msteams',
    botId: '28:bot',
    communityId: 'cop',
    savedAt: 'x',
  };
  expect(proactiveReferenceOf(ref)).toEqual({
    channelId: 'msteams',
    serviceUrl: 'https://s/',
    bot: { id: '28:bot', name: '' },
    conversation: { id: '19:c@thread.tacv2', conversationType: 'channel', tenantId: 't', isGroup: true, name: '' },
  });
});

describe('claimKeyOf', () => {
  const conversation = { id: '19:c@thread.tacv2;messageid=5', tenantId: 't' };
  test.each(['message', 'event', 'conversationUpdate', 'installationUpdate'])(
    'claims a %s on (conversation, id)',
    (type) => {
      expect(claimKeyOf({ type, id: 'act-1', conversation })).toEqual({
        tenantId: 't',
        conversationId: '19:c@thread.tacv2',
        activityId: 'act-1',
        activityType: type,
      });
    },
  );
  test('does not claim an invoke (its answer is the HTTP response), nor an activity without an id', () => {
    expect(claimKeyOf({ type: 'invoke', id: 'act-1', conversation })).toBeUndefined();
    expect(claimKeyOf({ type: 'message', conversation })).toBeUndefined();
    expect(claimKeyOf({ type: 'message', id: '  ', conversation })).toBeUndefined();
    expect(claimKeyOf({ type: 'typing', id: 'x', conversation })).toBeUndefined();
  });
});
