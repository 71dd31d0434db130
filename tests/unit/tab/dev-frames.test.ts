import { devFrames, parseDevParams, rolesLabel } from '../../../src/tab/features/dev/dev-frames';
import { parseLocalHostParams } from '../../../src/tab/host/local-host';
import { tabConfigFor } from '../../../src/tab/tab-config';

const setup = {
  tenantId: 'local-tenant',
  communityId: 'demo-cop',
  communityName: 'Scrum Master CoP (demo)',
  meetingId: 'local-meeting',
  channelId: 'local-channel',
  users: [
    { userId: 'dev-user-1', displayName: 'Alex Morgan', roles: ['member', 'facilitator', 'champion'] },
    { userId: 'dev-user-2', displayName: 'Bea Okafor', roles: ['member', 'coach'] },
  ],
};

const paramsOf = (url: string) => {
  const r = parseLocalHostParams(url.slice(url.indexOf('?')));
  if (!r.ok) throw new Error(r.problems.join('; '));
  return r.context;
};

describe('dev page frames (DEV ONLY)', () => {
  it('gives each participant a side panel in the meeting, titled with name and roles', () => {
    const f = devFrames(setup, 'dark');
    expect(f.sidePanels).toHaveLength(2);
    expect(f.sidePanels[1]!.title).toBe('Side panel of Bea Okafor (coach)');
    expect(f.sidePanels[0]!.url.startsWith('/tab/?host=local&frame=sidePanel&')).toBe(true);
    expect(paramsOf(f.sidePanels[1]!.url)).toEqual({
      frameContext: 'sidePanel',
      tenantId: 'local-tenant',
      userId: 'dev-user-2',
      userName: 'Bea Okafor',
      meetingId: 'local-meeting',
      communityId: 'demo-cop',
      theme: 'dark',
    });
  });

  it('shows the stage and the channel tab as the facilitator', () => {
    const f = devFrames(setup, 'contrast');
    expect(paramsOf(f.stage.url)).toMatchObject({
      frameContext: 'meetingStage',
      userId: 'dev-user-1',
      meetingId: 'local-meeting',
      theme: 'contrast',
    });
    expect(paramsOf(f.channelTab.url)).toMatchObject({
      frameContext: 'content',
      channelId: 'local-channel',
      communityId: 'demo-cop',
    });
    expect(f.configUrl.startsWith('/tab/config?')).toBe(true);
    expect(paramsOf(f.configUrl)).toMatchObject({ frameContext: 'settings', meetingId: 'local-meeting' });
  });

  it('reads and clamps its own parameters', () => {
    expect(parseDevParams('')).toEqual({ participants: 3, theme: 'default' });
    expect(parseDevParams('?participants=6&theme=dark')).toEqual({ participants: 6, theme: 'dark' });
    expect(parseDevParams('?participants=99&theme=neon')).toEqual({ participants: 30, theme: 'default' });
    expect(parseDevParams('?participants=0')).toMatchObject({ participants: 1 });
  });

  it('labels roles without the implied member', () => {
    expect(rolesLabel(['member'])).toBe('member');
    expect(rolesLabel(['member', 'facilitator', 'champion'])).toBe('facilitator, champion');
  });
});

describe('tab configuration for Teams', () => {
  it('points the content URL at the community', () => {
    expect(tabConfigFor('https://guildhall.example', 'demo cop')).toEqual({
      contentUrl: 'https://guildhall.example/tab/content?community=demo%20cop',
      entityId: 'community-demo cop',
      suggestedDisplayName: 'Guildhall',
    });
  });
});
