import { isDevPath, selectRoute } from '../../../src/tab/routes';
import { communityIdFromEntityId, contextOf, toThemeName } from '../../../src/tab/host/tab-host';

describe('route selection', () => {
  it('sends /dev to the dev page whatever the frame', () => {
    expect(selectRoute('/dev', undefined)).toBe('dev');
    expect(selectRoute('/dev/', 'sidePanel')).toBe('dev');
    expect(isDevPath('/tab/dev')).toBe(true);
    expect(isDevPath('/tab/developer')).toBe(false);
  });

  it('uses the path for config and personal', () => {
    expect(selectRoute('/tab/config', 'content')).toBe('config');
    expect(selectRoute('/tab/config/', undefined)).toBe('config');
    expect(selectRoute('/tab/personal', 'content')).toBe('personal');
  });

  it('uses the frame context otherwise', () => {
    expect(selectRoute('/tab/', 'settings')).toBe('config');
    expect(selectRoute('/tab/', 'sidePanel')).toBe('side-panel');
    expect(selectRoute('/tab/content', 'meetingStage')).toBe('stage');
    expect(selectRoute('/tab/content', 'content')).toBe('channel-tab');
    expect(selectRoute('/tab/', 'personal')).toBe('personal');
    expect(selectRoute('/tab/', undefined)).toBe('channel-tab');
  });
});

describe('host helpers', () => {
  it('maps host themes', () => {
    expect(toThemeName('dark')).toBe('dark');
    expect(toThemeName('contrast')).toBe('contrast');
    expect(toThemeName('default')).toBe('default');
    expect(toThemeName('glass')).toBe('default');
    expect(toThemeName(undefined)).toBe('default');
  });

  it('reads the community from our entity id', () => {
    expect(communityIdFromEntityId('community-demo-cop')).toBe('demo-cop');
    expect(communityIdFromEntityId('something-else')).toBeUndefined();
    expect(communityIdFromEntityId(undefined)).toBeUndefined();
  });

  it('binds meeting first, then channel, then chat', () => {
    expect(contextOf({ meetingId: 'm', channelId: 'c', chatId: 'x' })).toEqual({ id: 'm', kind: 'meeting' });
    expect(contextOf({ channelId: 'c', chatId: 'x' })).toEqual({ id: 'c', kind: 'channel' });
    expect(contextOf({ chatId: 'x' })).toEqual({ id: 'x', kind: 'chat' });
    expect(contextOf({})).toBeUndefined();
  });
});
