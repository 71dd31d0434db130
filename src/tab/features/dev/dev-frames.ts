/**
 * DEV ONLY: the frames of the local meeting page (/dev): one side panel per simulated participant,
 * the stage, the channel tab, the configuration page. Pure, so the URLs are unit tested.
 */
import type { DevSetupResponse } from '../../../api/dev-identity';
import { localHostQuery } from '../../host/local-host';
import { THEME_NAMES, type FrameContext, type ThemeName } from '../../host/tab-host';

export const THEME_LABELS: Record<ThemeName, string> = { default: 'Light', dark: 'Dark', contrast: 'High contrast' };

export interface DevFrame {
  readonly key: string;
  readonly url: string;
  /** For the iframe's `title` (its accessible name) and the caption. */
  readonly title: string;
  readonly userName: string;
  readonly roles: readonly string[];
}

export interface DevFrames {
  readonly sidePanels: readonly DevFrame[];
  readonly stage: DevFrame;
  readonly channelTab: DevFrame;
  readonly configUrl: string;
  readonly personalUrl: string;
}

export const rolesLabel = (roles: readonly string[]): string => {
  const extra = roles.filter((r) => r !== 'member');
  return extra.length ? extra.join(', ') : 'member';
};

export function devFrames(setup: DevSetupResponse, theme: ThemeName): DevFrames {
  const first = setup.users[0];
  const as = (
    u: DevSetupResponse['users'][number] | undefined,
    frame: FrameContext,
    where: { meeting?: boolean; channel?: boolean },
  ) =>
    localHostQuery({
      frameContext: frame,
      tenantId: setup.tenantId,
      ...(u ? { userId: u.userId, userName: u.displayName } : {}),
      ...(where.meeting ? { meetingId: setup.meetingId } : {}),
      ...(where.channel ? { channelId: setup.channelId } : {}),
      communityId: setup.communityId,
      theme,
    });
  const sidePanels = setup.users.map((u) => ({
    key: u.userId,
    url: `/tab/?${as(u, 'sidePanel', { meeting: true })}`,
    title: `Side panel of ${u.displayName} (${rolesLabel(u.roles)})`,
    userName: u.displayName,
    roles: u.roles,
  }));
  const firstName = first?.displayName ?? 'nobody';
  const firstRoles = first?.roles ?? [];
  return {
    sidePanels,
    stage: {
      key: 'stage',
      url: `/tab/?${as(first, 'meetingStage', { meeting: true })}`,
      title: `Meeting stage, as seen by ${firstName}`,
      userName: firstName,
      roles: firstRoles,
    },
    channelTab: {
      key: 'channel',
      url: `/tab/?${as(first, 'content', { channel: true })}`,
      title: `Channel tab of ${firstName} (${rolesLabel(firstRoles)})`,
      userName: firstName,
      roles: firstRoles,
    },
    configUrl: `/tab/config?${localHostQuery({
      frameContext: 'settings',
      tenantId: setup.tenantId,
      ...(first ? { userId: first.userId, userName: first.displayName } : {}),
      meetingId: setup.meetingId,
      theme,
    })}`,
    personalUrl: `/tab/personal?${localHostQuery({
      frameContext: 'personal',
      tenantId: setup.tenantId,
      ...(first ? { userId: first.userId, userName: first.displayName } : {}),
      theme,
    })}`,
  };
}

/** Reads `/dev?participants=N&theme=…` (N clamped to 1–30, default 3). */
export function parseDevParams(search: string): { participants: number; theme: ThemeName } {
  const p = new URLSearchParams(search);
  const n = Number.parseInt(p.get('participants') ?? '', 10);
  const participants = Number.isFinite(n) ? Math.min(30, Math.max(1, n)) : 3;
  const t = p.get('theme') ?? 'default';
  const theme = (THEME_NAMES as readonly string[]).includes(t) ? (t as ThemeName) : 'default';
  return { participants, theme };
}
