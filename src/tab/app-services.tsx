/** The host and the API client, given to every page through React context. */
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { MeResponse } from '../api/schemas';
import { createApiClient, type ApiClient, ApiError } from './api-client';
import type { TabHost } from './host/tab-host';

export interface Services {
  readonly host: TabHost;
  readonly api: ApiClient;
  /** GET /api/me, asked once per page load. */
  me(): Promise<MeResponse>;
}

const ServicesContext = createContext<Services | null>(null);

export function createServices(host: TabHost): Services {
  const api = createApiClient({ getAuthHeader: () => host.getAuthHeader() });
  let me: Promise<MeResponse> | undefined;
  return {
    host,
    api,
    me: () => {
      me ??= api.me().catch((e: unknown) => {
        me = undefined; // let a retry ask again
        throw e;
      });
      return me;
    },
  };
}

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const s = useContext(ServicesContext);
  if (!s) throw new Error('useServices outside ServicesProvider');
  return s;
}

export type AsyncState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: ApiError }
  | { readonly status: 'ready'; readonly data: T };

export const toApiError = (e: unknown): ApiError =>
  e instanceof ApiError ? e : new ApiError('INTERNAL', e instanceof Error ? e.message : String(e), 0);

/** Runs `load` when `key` changes (and on `reload()`); ignores answers that arrive after a newer call. */
export function useAsync<T>(load: () => Promise<T>, key: string): AsyncState<T> & { reload(): void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const lastKey = useRef(key);
  useEffect(() => {
    let live = true;
    // A reload keeps showing the data it refreshes; a new key starts over.
    const sameKey = lastKey.current === key;
    lastKey.current = key;
    setState((s) => (s.status === 'ready' && sameKey ? s : { status: 'loading' }));
    loadRef.current().then(
      (data) => live && setState({ status: 'ready', data }),
      (e: unknown) => live && setState({ status: 'error', error: toApiError(e) }),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...state, reload };
}
