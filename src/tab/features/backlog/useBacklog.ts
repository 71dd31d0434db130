/**
 * The community's topics, shared by the backlog and the scheduling sections of the channel tab:
 * loaded once, patched with what an operation returns (so the page follows at once), reloaded after,
 * and whenever the community's record changes elsewhere (useReloadOnChange).
 */
import { useCallback, useRef, useState } from 'react';
import type { Topic } from '../../../domain/backlog';
import type { ApiError } from '../../api-client';
import { useAsync, useServices } from '../../app-services';
import { useReloadOnChange } from '../community/useCommunityChanges';
import { withChanged } from './backlog-manage';

export interface BacklogStore {
  readonly status: 'loading' | 'error' | 'ready';
  readonly topics: readonly Topic[];
  readonly error: ApiError | undefined;
  reload(): void;
  /** Put the topics an operation returned in place, then reload the whole list. */
  apply(changed: readonly Topic[]): void;
}

export function useBacklog(communityId: string): BacklogStore {
  const { api } = useServices();
  const list = useAsync(() => api.listTopics(communityId), `topics:${communityId}`);
  const loaded = list.status === 'ready' ? list.data : undefined;
  const loadedRef = useRef(loaded);
  loadedRef.current = loaded;
  // Patches apply to one loaded list; a newer list (the reload) replaces them.
  const [patched, setPatched] = useState<{ base: readonly Topic[] | undefined; topics: readonly Topic[] }>({
    base: undefined,
    topics: [],
  });
  const { reload } = list;
  // Someone else's change (another tab, the bot, a game's commit) shows without a page reload.
  useReloadOnChange(reload);
  const apply = useCallback(
    (changed: readonly Topic[]) => {
      setPatched((p) => {
        const base = loadedRef.current;
        const current = p.base === base ? p.topics : (base ?? []);
        return { base, topics: withChanged(current, changed) };
      });
      reload();
    },
    [reload],
  );
  return {
    status: list.status,
    topics: loaded === undefined ? [] : patched.base === loaded ? patched.topics : loaded,
    error: list.status === 'error' ? list.error : undefined,
    reload,
    apply,
  };
}
