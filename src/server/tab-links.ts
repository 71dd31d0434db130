/** Links into the tab that cards carry (the channel tab opens a session's page from its hash). */
export const sessionPageUrl = (publicUrl: string, sessionId: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/tab/content#session=${encodeURIComponent(sessionId)}`;
