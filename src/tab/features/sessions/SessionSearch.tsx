/** Search across every session's takeaways and notes; each result opens its session. */
import { Badge, Button, Field, Input, Link } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { OUTCOME_LIMITS, type SearchHit } from '../../../domain/outcomes';
import { SESSION_TYPE_LABELS, type Session } from '../../../domain/session';
import type { CommunityView } from '../../api-client';
import { toApiError, useAsync, useServices } from '../../app-services';
import { useReloadOnChange } from '../community/useCommunityChanges';
import { ErrorNotice, Section, useSectionStyles } from '../../ui/common';
import { countLabel, sessionWhen } from './session-view';
import { useRemembered } from './remembered';
import { useSessionStyles } from './styles';

type SearchState =
  | { readonly status: 'idle' }
  | { readonly status: 'searching'; readonly q: string }
  | { readonly status: 'done'; readonly q: string; readonly hits: readonly SearchHit[] }
  | { readonly status: 'error'; readonly q: string; readonly message: string };

export function SessionSearch({ view, onOpen }: { view: CommunityView; onOpen: (sessionId: string) => void }) {
  const { api } = useServices();
  const sec = useSectionStyles();
  const s = useSessionStyles();
  const c = view.community.id;
  const [q, setQ] = useRemembered(`search-q:${c}`, '');
  const [state, setState] = useRemembered<SearchState>(`search:${c}`, { status: 'idle' });
  const [hint, setHint] = useState<string | undefined>();
  const sessions = useAsync(() => api.sessions.list(c), `search-sessions:${c}`);
  useReloadOnChange(sessions.reload);
  const byId = new Map<string, Session>(sessions.status === 'ready' ? sessions.data.map((x) => [x.id, x]) : []);

  const search = async (e: FormEvent) => {
    e.preventDefault();
    const query = q.trim();
    if (!query) return setHint('Type a word from a takeaway or the notes.');
    setHint(undefined);
    setState({ status: 'searching', q: query });
    try {
      const hits = await api.sessions.search(c, query);
      setState({ status: 'done', q: query, hits });
      if (hits.some((h) => !byId.has(h.sessionId))) sessions.reload();
    } catch (err) {
      setState({ status: 'error', q: query, message: toApiError(err).message });
    }
  };

  return (
    <Section title="Search takeaways and notes" id="session-search-heading" testId="session-search">
      <form className={s.searchForm} role="search" aria-label="Search takeaways and notes" onSubmit={search}>
        <Field
          label="Search for"
          className={s.searchBox}
          validationMessage={hint}
          validationState={hint ? 'warning' : 'none'}
        >
          <Input
            type="search"
            value={q}
            maxLength={OUTCOME_LIMITS.search}
            onChange={(_, d) => setQ(d.value)}
            placeholder="e.g. retro, silence, metrics"
            data-testid="search-input"
          />
        </Field>
        <Button type="submit" appearance="primary" disabled={state.status === 'searching'} data-testid="search-submit">
          {state.status === 'searching' ? 'Searching…' : 'Search'}
        </Button>
        {state.status !== 'idle' ? (
          <Button
            appearance="subtle"
            onClick={() => {
              setQ('');
              setState({ status: 'idle' });
            }}
          >
            Clear
          </Button>
        ) : null}
      </form>
      {state.status === 'error' ? <ErrorNotice title="Search did not work" message={state.message} /> : null}
      {state.status === 'done' ? (
        <>
          <span role="status" className={sec.muted} data-testid="search-summary">
            {state.hits.length
              ? `${countLabel(state.hits.length, 'result', 'results')} for “${state.q}”.`
              : `Nothing found for “${state.q}”.`}
          </span>
          {state.hits.length ? (
            <ul className={s.list} aria-label={`Results for ${state.q}`} data-testid="search-results">
              {state.hits.map((h, i) => {
                const session = byId.get(h.sessionId);
                const label = session
                  ? `${sessionWhen(session.startsAt)} · ${SESSION_TYPE_LABELS[session.details.type]}`
                  : 'the session';
                return (
                  <li key={`${h.kind}:${h.id}:${i}`} className={s.hit} data-testid="search-hit" data-kind={h.kind}>
                    <span className={s.hitHead}>
                      <Badge appearance="tint" color={h.kind === 'takeaway' ? 'brand' : 'informative'}>
                        {h.kind === 'takeaway' ? 'Takeaway' : h.kind === 'group-note' ? 'Group note' : 'Notes'}
                      </Badge>
                      <Link
                        as="button"
                        onClick={() => onOpen(h.sessionId)}
                        data-return-key={`hit:${i}:${h.id}`}
                        data-testid="search-hit-link"
                      >
                        Open {label}
                      </Link>
                    </span>
                    <span className={s.excerpt}>{h.excerpt}</span>
                  </li>
                );
              })}
            </ul>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
