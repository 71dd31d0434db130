/**
 * Everything a page needs from the app's host (Microsoft Teams, or the local dev host), behind one
 * interface so every page also runs in a plain browser for development and tests.
 */

export type FrameContext = 'sidePanel' | 'meetingStage' | 'content' | 'settings' | 'personal';
export const FRAME_CONTEXTS: readonly FrameContext[] = ['sidePanel', 'meetingStage', 'content', 'settings', 'personal'];

export type ThemeName = 'default' | 'dark' | 'contrast';
export const THEME_NAMES: readonly ThemeName[] = ['default', 'dark', 'contrast'];

export interface HostContext {
  readonly frameContext: FrameContext;
  readonly tenantId: string;
  readonly userId: string;
  readonly userName: string;
  readonly meetingId?: string;
  readonly channelId?: string;
  readonly chatId?: string;
  /** From the tab's URL (`?community=`) or its entity id (`community-<id>`). */
  readonly communityId?: string;
  readonly theme: ThemeName;
}

/** What the configuration page hands to the host when the user saves. */
export interface TabConfig {
  readonly contentUrl: string;
  readonly entityId: string;
  readonly suggestedDisplayName: string;
}

export interface TabConfigHooks {
  /** Enables or disables the host's Save button. */
  setValid(valid: boolean): void;
  /**
   * Registers what happens on Save. The handler does the work (binds the context) and returns the
   * tab's configuration; a rejection cancels the save with the error's message.
   */
  onSave(handler: () => Promise<TabConfig>): void;
}

export interface TabHost {
  readonly kind: 'teams' | 'local';
  readonly context: HostContext;
  /** The value of the Authorization header for the API. */
  getAuthHeader(): Promise<string>;
  /** Calls `cb` when the host's theme changes; returns an unsubscribe function. */
  onThemeChange(cb: (theme: ThemeName) => void): () => void;
  readonly config: TabConfigHooks;
  /** Side panel only, in Teams: shares a page of the app to the meeting stage. */
  readonly shareToStage?: (url: string) => Promise<void>;
}

/** Maps a host's theme string ("default", "dark", "contrast", or anything newer) to ours. */
export function toThemeName(theme: string | null | undefined): ThemeName {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

/** `community-<id>` (our entity id) → `<id>`. */
export function communityIdFromEntityId(entityId: string | undefined): string | undefined {
  const m = /^community-(.+)$/.exec(entityId ?? '');
  return m?.[1] || undefined;
}

/** The id that binds the current meeting, channel or chat to a community, with its kind. */
export function contextOf(
  ctx: Pick<HostContext, 'meetingId' | 'channelId' | 'chatId'>,
): { readonly id: string; readonly kind: 'meeting' | 'channel' | 'chat' } | undefined {
  if (ctx.meetingId) return { id: ctx.meetingId, kind: 'meeting' };
  if (ctx.channelId) return { id: ctx.channelId, kind: 'channel' };
  if (ctx.chatId) return { id: ctx.chatId, kind: 'chat' };
  return undefined;
}
