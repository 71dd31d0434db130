/**
 * DEV ONLY. A host for running the tab in a plain browser (the /dev local meeting, tests):
 * the identity, frame and theme come from the URL, and API calls carry a `DevIdentity` header
 * that the server accepts only when it runs with AUTH_MODE=dev. Never a production sign-in.
 *
 *   /tab/?host=local&frame=sidePanel|meetingStage|content|settings|personal
 *         &tenant=&user=&name=&meeting=&channel=&chat=&community=&theme=default|dark|contrast
 */
import { DevIdentity, encodeDevIdentity } from '../../api/dev-identity';
import { IdSchema } from '../../api/schemas';
import {
  FRAME_CONTEXTS,
  THEME_NAMES,
  type FrameContext,
  type HostContext,
  type TabHost,
  type ThemeName,
} from './tab-host';

export const LOCAL_DEFAULTS = { tenant: 'local-tenant', user: 'dev-user-1', frame: 'content' as FrameContext };

export type LocalParseResult =
  | { readonly ok: true; readonly context: HostContext }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Is this URL asking for the local host? */
export const wantsLocalHost = (search: string): boolean => new URLSearchParams(search).get('host') === 'local';

/** Reads the local host's context from a query string. Pure, so it is unit tested. */
export function parseLocalHostParams(search: string): LocalParseResult {
  const p = new URLSearchParams(search);
  const problems: string[] = [];
  const get = (k: string): string | undefined => {
    const v = p.get(k)?.trim();
    return v ? v : undefined;
  };

  const frameRaw = get('frame') ?? LOCAL_DEFAULTS.frame;
  const frame = (FRAME_CONTEXTS as readonly string[]).includes(frameRaw) ? (frameRaw as FrameContext) : undefined;
  if (!frame) problems.push(`frame must be one of ${FRAME_CONTEXTS.join(', ')} (got '${frameRaw}')`);

  const themeRaw = get('theme') ?? 'default';
  const theme = (THEME_NAMES as readonly string[]).includes(themeRaw) ? (themeRaw as ThemeName) : undefined;
  if (!theme) problems.push(`theme must be one of ${THEME_NAMES.join(', ')} (got '${themeRaw}')`);

  const tenantId = get('tenant') ?? LOCAL_DEFAULTS.tenant;
  const userId = get('user') ?? LOCAL_DEFAULTS.user;
  const userName = get('name') ?? userId;
  const identity = DevIdentity.safeParse({ tenantId, userId, displayName: userName });
  if (!identity.success) {
    for (const issue of identity.error.issues) {
      const field = { tenantId: 'tenant', userId: 'user', displayName: 'name' }[String(issue.path[0])] ?? 'identity';
      problems.push(`${field}: ${issue.message}`);
    }
  }

  const ids: Record<'meetingId' | 'channelId' | 'chatId' | 'communityId', string | undefined> = {
    meetingId: get('meeting'),
    channelId: get('channel'),
    chatId: get('chat'),
    communityId: get('community'),
  };
  for (const [key, value] of Object.entries(ids)) {
    if (value !== undefined && !IdSchema.safeParse(value).success) {
      problems.push(`${key.replace(/Id$/, '')}: '${value}' is not a valid id`);
    }
  }

  if (problems.length || !frame || !theme) return { ok: false, problems };
  const context: HostContext = {
    frameContext: frame,
    tenantId,
    userId,
    userName,
    theme,
    ...(ids.meetingId ? { meetingId: ids.meetingId } : {}),
    ...(ids.channelId ? { channelId: ids.channelId } : {}),
    ...(ids.chatId ? { chatId: ids.chatId } : {}),
    ...(ids.communityId ? { communityId: ids.communityId } : {}),
  };
  return { ok: true, context };
}

/** The same identity's query string, for links between local pages (e.g. the dev page's iframes). */
export function localHostQuery(ctx: Partial<HostContext> & { frameContext: FrameContext }): string {
  const q = new URLSearchParams({ host: 'local', frame: ctx.frameContext });
  const add = (k: string, v: string | undefined) => v && q.set(k, v);
  add('tenant', ctx.tenantId);
  add('user', ctx.userId);
  add('name', ctx.userName);
  add('meeting', ctx.meetingId);
  add('channel', ctx.channelId);
  add('chat', ctx.chatId);
  add('community', ctx.communityId);
  add('theme', ctx.theme);
  return q.toString();
}

/** DEV ONLY: builds the local host from an already parsed context. */
export function createLocalHost(context: HostContext): TabHost {
  const header = encodeDevIdentity({
    tenantId: context.tenantId,
    userId: context.userId,
    displayName: context.userName,
  });
  return {
    kind: 'local',
    context,
    getAuthHeader: async () => header,
    // The theme is fixed by the URL; the dev page reloads the frames to change it.
    onThemeChange: () => () => undefined,
    // There is no host Save button here: the configuration page shows its own.
    config: { setValid: () => undefined, onSave: () => undefined },
  };
}
