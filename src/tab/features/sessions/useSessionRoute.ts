/**
 * In-tab navigation between the community and a session's page, kept in the URL hash
 * (`#session=<id>`), so the browser's back button, a reload and a link to a session all work inside
 * the tab's frame. Going back puts the keyboard focus on the link that opened the session.
 */
import { useCallback, useEffect, useState } from 'react';

export const sessionIdFromHash = (hash: string): string | undefined => {
  const m = /^#?session=([^&]+)$/.exec(hash);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!) || undefined;
  } catch {
    return undefined;
  }
};

export const sessionHash = (sessionId: string): string => `#session=${encodeURIComponent(sessionId)}`;

/** Where the focus goes back to after a session page closes: the opener's `data-return-key`, or the session's row link. */
let returnTo: string | undefined;
/** Whether this page load pushed the session's history entry (then back is the browser's back). */
let pushed = false;

export interface SessionRoute {
  readonly sessionId: string | undefined;
  open(sessionId: string): void;
  back(): void;
}

export function useSessionRoute(): SessionRoute {
  const [sessionId, setSessionId] = useState(() => sessionIdFromHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setSessionId(sessionIdFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // Back on the community: focus the link of the session the reader came from.
  useEffect(() => {
    if (sessionId || !returnTo) return;
    const id = returnTo;
    returnTo = undefined;
    // The list loads again after the page closes: look for the link for up to two seconds.
    let tries = 0;
    const t = setInterval(() => {
      const el =
        document.querySelector<HTMLElement>(`[data-return-key="${CSS.escape(id)}"]`) ??
        document.querySelector<HTMLElement>(`[data-session-link="${CSS.escape(id.replace(/^row:/, ''))}"]`);
      if (el || ++tries > 20) clearInterval(t);
      if (el) {
        el.focus();
        el.scrollIntoView({ block: 'center' });
      }
    }, 100);
    return () => clearInterval(t);
  }, [sessionId]);

  const open = useCallback((id: string) => {
    returnTo = document.activeElement?.getAttribute('data-return-key') ?? `row:${id}`;
    pushed = true;
    window.location.hash = sessionHash(id);
    setSessionId(id);
  }, []);

  const back = useCallback(() => {
    const current = sessionIdFromHash(window.location.hash);
    if (current && !returnTo) returnTo = `row:${current}`;
    if (pushed) {
      pushed = false;
      history.back();
    } else {
      // Opened from a link or a reload: drop the hash without a new history entry.
      history.replaceState(null, '', window.location.pathname + window.location.search);
    }
    setSessionId(undefined);
  }, []);

  return { sessionId, open, back };
}
