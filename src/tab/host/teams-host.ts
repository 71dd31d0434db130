/**
 * The Microsoft Teams host, over @microsoft/teams-js. `app.initialize()` never settles inside a
 * non-Teams iframe, so it is always raced against a timeout.
 */
import { app, authentication, meeting, pages, FrameContexts } from '@microsoft/teams-js';
import {
  communityIdFromEntityId,
  toThemeName,
  type FrameContext,
  type HostContext,
  type TabConfig,
  type TabHost,
  type ThemeName,
} from './tab-host';

export class NotInTeamsError extends Error {
  readonly code = 'NOT_IN_TEAMS';
  constructor(message = 'Microsoft Teams did not answer.') {
    super(message);
    this.name = 'NotInTeamsError';
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new NotInTeamsError(`Microsoft Teams did not answer within ${ms} ms.`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(new NotInTeamsError(e instanceof Error ? e.message : String(e)));
      },
    );
  });
}

export function toFrameContext(frame: FrameContexts | string | undefined): FrameContext {
  switch (frame) {
    case FrameContexts.sidePanel:
      return 'sidePanel';
    case FrameContexts.meetingStage:
      return 'meetingStage';
    case FrameContexts.settings:
      return 'settings';
    default:
      // content, task, stage (pop-out) …: the content page.
      return 'content';
  }
}

/** Initializes teams-js (bounded by `timeoutMs`) and reads the context. Rejects with NotInTeamsError. */
export async function createTeamsHost(opts: { timeoutMs?: number; search?: string } = {}): Promise<TabHost> {
  const timeoutMs = opts.timeoutMs ?? 3000;
  await withTimeout(app.initialize(), timeoutMs);
  const ctx = await withTimeout(app.getContext(), timeoutMs);
  try {
    app.notifySuccess().catch(() => undefined);
  } catch {
    /* older hosts */
  }

  const fromUrl = new URLSearchParams(opts.search ?? window.location.search).get('community')?.trim();
  const communityId = fromUrl || communityIdFromEntityId(ctx.page.id);
  const context: HostContext = {
    frameContext: toFrameContext(ctx.page.frameContext),
    tenantId: ctx.user?.tenant?.id ?? '',
    userId: ctx.user?.id ?? '',
    userName: ctx.user?.displayName ?? ctx.user?.userPrincipalName ?? 'You',
    theme: toThemeName(ctx.app.theme),
    ...(ctx.meeting?.id ? { meetingId: ctx.meeting.id } : {}),
    ...(ctx.channel?.id ? { channelId: ctx.channel.id } : {}),
    ...(ctx.chat?.id ? { chatId: ctx.chat.id } : {}),
    ...(communityId ? { communityId } : {}),
  };

  // teams-js keeps one theme handler; fan it out to our subscribers.
  const themeListeners = new Set<(t: ThemeName) => void>();
  app.registerOnThemeChangeHandler((theme) => {
    for (const cb of themeListeners) cb(toThemeName(theme));
  });

  const inSettings = context.frameContext === 'settings';
  const inSidePanel = context.frameContext === 'sidePanel';

  return {
    kind: 'teams',
    context,
    getAuthHeader: async () => `Bearer ${await authentication.getAuthToken()}`,
    onThemeChange: (cb) => {
      themeListeners.add(cb);
      return () => themeListeners.delete(cb);
    },
    config: {
      setValid: (valid) => {
        if (inSettings) pages.config.setValidityState(valid);
      },
      onSave: (handler: () => Promise<TabConfig>) => {
        if (!inSettings) return;
        pages.config.registerOnSaveHandler((event) => {
          handler()
            .then((config) => pages.config.setConfig(config))
            .then(() => event.notifySuccess())
            .catch((e: unknown) => event.notifyFailure(e instanceof Error ? e.message : String(e)));
        });
      },
    },
    ...(inSidePanel
      ? {
          shareToStage: (url: string) =>
            new Promise<void>((resolve, reject) => {
              meeting.shareAppContentToStage((error, result) => {
                if (error || !result) reject(new Error(error?.message ?? 'Teams did not share the app to the stage.'));
                else resolve();
              }, url);
            }),
        }
      : {}),
  };
}
