/**
 * Live enough: the channel tab polls the community's change version (GET …/changes, ADR 0022) and
 * the parts that show the record reload when it moves, without a page reload. Polls only while the
 * tab is visible; a failed poll keeps the last version (the next one tries again).
 */
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useServices } from '../../app-services';

export const CHANGES_POLL_MS = 3000;

const VersionContext = createContext<string | undefined>(undefined);

/** The community's change version, read now and every `intervalMs` while the document is visible. */
export function useCommunityVersion(communityId: string, intervalMs = CHANGES_POLL_MS): string | undefined {
  const { api } = useServices();
  const [version, setVersion] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      if (document.visibilityState === 'visible') {
        try {
          const v = await api.changes(communityId);
          if (live) setVersion(v);
        } catch {
          // Keep the last version; the next poll tries again.
        }
      }
      if (live) timer = setTimeout(() => void poll(), intervalMs);
    };
    void poll();
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [api, communityId, intervalMs]);
  return version;
}

export function CommunityChangesProvider({ communityId, children }: { communityId: string; children: ReactNode }) {
  return <VersionContext.Provider value={useCommunityVersion(communityId)}>{children}</VersionContext.Provider>;
}

/** Calls `reload` each time the community's version moves (not for the first version read). */
export function useReloadOnChange(reload: () => void): void {
  const version = useContext(VersionContext);
  const seen = useRef(version);
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => {
    if (version === undefined) return;
    if (seen.current === undefined) {
      seen.current = version;
      return;
    }
    if (seen.current !== version) {
      seen.current = version;
      reloadRef.current();
    }
  }, [version]);
}
