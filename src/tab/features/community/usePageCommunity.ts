/** The community a page shows: from the URL, or from the meeting/channel/chat binding. */
import { useCallback, useEffect, useState } from 'react';
import type { CommunityView } from '../../api-client';
import { toApiError, useServices } from '../../app-services';
import { communitySourceOf, problemOf, type CommunityProblem, type CommunitySource } from './page-community';

export type PageCommunityState =
  | { readonly status: 'loading' }
  | { readonly status: 'none' }
  | { readonly status: 'problem'; readonly problem: CommunityProblem }
  | { readonly status: 'ready'; readonly view: CommunityView };

export interface UsePageCommunity {
  readonly state: PageCommunityState;
  readonly source: CommunitySource;
  /** Reloads the community (keeps showing the current one meanwhile). */
  reload(): void;
  /** Shows another community on this page (the channel tab's switcher). */
  switchTo(communityId: string): void;
  /** Replaces the view after a successful edit, without a round trip. */
  setView(view: CommunityView): void;
}

export function usePageCommunity(): UsePageCommunity {
  const { host, api } = useServices();
  const [override, setOverride] = useState<string | undefined>(undefined);
  const source = communitySourceOf(override ? { ...host.context, communityId: override } : host.context);
  const key =
    source.kind === 'community'
      ? `c:${source.communityId}`
      : source.kind === 'context'
        ? `x:${source.contextId}`
        : 'none';
  const [state, setState] = useState<PageCommunityState>({ status: 'loading' });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    if (source.kind === 'none') {
      setState({ status: 'none' });
      return;
    }
    let live = true;
    (async () => {
      let communityId: string | undefined = source.kind === 'community' ? source.communityId : undefined;
      if (source.kind === 'context') {
        try {
          communityId = (await api.getContext(source.contextId)).communityId;
        } catch (e) {
          if (live) setState({ status: 'problem', problem: problemOf(toApiError(e), 'context', source) });
          return;
        }
      }
      try {
        const view = await api.getCommunity(communityId!);
        if (live) setState({ status: 'ready', view });
      } catch (e) {
        if (live) setState({ status: 'problem', problem: problemOf(toApiError(e), 'community', source, communityId) });
      }
    })();
    return () => {
      live = false;
    };
    // `source` is derived from `key`.
  }, [api, key, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  const switchTo = useCallback((id: string) => {
    setState({ status: 'loading' });
    setOverride(id);
    const url = new URL(window.location.href);
    url.searchParams.set('community', id);
    window.history.replaceState(null, '', url);
  }, []);
  const setView = useCallback((view: CommunityView) => setState({ status: 'ready', view }), []);
  return { state, source, reload, switchTo, setView };
}
