/**
 * The community's sessions in the channel tab: upcoming ones apart, above; then the past ones, newest
 * first, with their date, type, topics, facilitator and how many takeaways they left. Filters by
 * topic, type, date range and topic owner go to the server's list query.
 */
import { Badge, Button, Field, Input, Link, Select } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { Topic } from '../../../domain/backlog';
import { SESSION_TYPES, SESSION_TYPE_LABELS, type Session, type SessionType } from '../../../domain/session';
import type { CommunityView } from '../../api-client';
import { useAsync, useServices } from '../../app-services';
import { useReloadOnChange } from '../community/useCommunityChanges';
import { ErrorNotice, Section, useSectionStyles } from '../../ui/common';
import {
  EMPTY_FILTERS,
  filterSummary,
  filtersToQuery,
  ownerFilterOptions,
  queryKey,
  splitSessions,
  topicFilterOptions,
  type SessionFilterForm,
} from './session-filters';
import {
  countLabel,
  nameOf,
  namesOf,
  sessionTopics,
  sessionTypeLine,
  sessionWhen,
  topicTitlesOf,
} from './session-view';
import { useRemembered } from './remembered';
import { useSessionStyles } from './styles';

export function SessionsSection({ view, onOpen }: { view: CommunityView; onOpen: (sessionId: string) => void }) {
  const { api } = useServices();
  const sec = useSectionStyles();
  const s = useSessionStyles();
  const c = view.community.id;
  const [form, setForm] = useRemembered<SessionFilterForm>(`session-filters:${c}`, EMPTY_FILTERS);
  const [showFilters, setShowFilters] = useRemembered(`session-filters-open:${c}`, false);
  const result = filtersToQuery(form);
  const query = result.ok ? result.query : {};
  const active = result.ok && result.active;

  const topics = useAsync(() => api.listTopics(c), `s-topics:${c}`);
  const all = useAsync(() => api.sessions.list(c), `sessions:${c}`);
  const filtered = useAsync(
    () => (active ? api.sessions.list(c, query) : Promise.resolve(null)),
    `sessions:${c}:${active ? queryKey(query) : 'all'}`,
  );

  const names = useMemo(() => namesOf(view.members), [view.members]);
  const topicList: readonly Topic[] = topics.status === 'ready' ? topics.data : [];
  const titles = useMemo(() => topicTitlesOf(topicList), [topicList]);
  const everySession: readonly Session[] = all.status === 'ready' ? all.data : [];
  const topicOptions = topicFilterOptions(topicList, everySession);
  const ownerOptions = ownerFilterOptions(topicList, names);

  const source = active ? filtered : all;
  const sessions = source.status === 'ready' && source.data ? source.data : null;
  const { upcoming, past } = sessions ? splitSessions(sessions, new Date()) : { upcoming: [], past: [] };
  const set = (patch: Partial<SessionFilterForm>) => setForm((f) => ({ ...f, ...patch }));
  const reload = () => {
    all.reload();
    filtered.reload();
    topics.reload();
  };
  useReloadOnChange(reload);

  const dirty = Object.values(form).some(Boolean);
  const summary = filterSummary(form, topicOptions, ownerOptions);
  return (
    <Section title="Sessions" id="sessions-heading" testId="sessions">
      <div className={s.filterActions}>
        <Button
          onClick={() => setShowFilters(!showFilters)}
          aria-expanded={showFilters}
          aria-controls="session-filters"
          data-testid="filters-toggle"
        >
          {showFilters ? 'Hide filters' : dirty ? 'Filters (on)' : 'Filter'}
        </Button>
        {dirty ? (
          <span className={s.sub} data-testid="filter-summary">
            Showing: {summary}
          </span>
        ) : null}
        {dirty ? (
          <Button appearance="subtle" onClick={() => setForm(EMPTY_FILTERS)} data-testid="filter-clear">
            Clear filters
          </Button>
        ) : null}
        <Button appearance="subtle" onClick={reload} aria-label="Refresh the sessions" data-testid="sessions-refresh">
          Refresh
        </Button>
      </div>
      {showFilters ? (
        <form
          id="session-filters"
          className={s.filters}
          aria-label="Filter the sessions"
          onSubmit={(e) => e.preventDefault()}
          data-testid="session-filters"
        >
          <Field label="Topic">
            <Select value={form.topic} onChange={(_, d) => set({ topic: d.value })} data-testid="filter-topic">
              <option value="">Any topic</option>
              {topicOptions.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.title}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Session type">
            <Select
              value={form.type}
              onChange={(_, d) => set({ type: d.value as SessionType | '' })}
              data-testid="filter-type"
            >
              <option value="">Any type</option>
              {SESSION_TYPES.map((t) => (
                <option key={t} value={t}>
                  {SESSION_TYPE_LABELS[t]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="From" validationMessage={!result.ok && result.field === 'from' ? result.message : undefined}>
            <Input
              type="date"
              value={form.from}
              onChange={(_, d) => set({ from: d.value })}
              data-testid="filter-from"
            />
          </Field>
          <Field label="To" validationMessage={!result.ok && result.field === 'to' ? result.message : undefined}>
            <Input type="date" value={form.to} onChange={(_, d) => set({ to: d.value })} data-testid="filter-to" />
          </Field>
          <Field label="Owner" hint="Topic owner or facilitator">
            <Select value={form.owner} onChange={(_, d) => set({ owner: d.value })} data-testid="filter-owner">
              <option value="">Anyone</option>
              {ownerOptions.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </Select>
          </Field>
        </form>
      ) : null}

      {source.status === 'loading' || (source.status === 'ready' && !source.data) ? (
        <span className={sec.muted} role="status">
          Loading the sessions…
        </span>
      ) : source.status === 'error' ? (
        <ErrorNotice title="Could not load the sessions" message={source.error.message} onRetry={reload} />
      ) : !sessions || sessions.length === 0 ? (
        <div className={sec.row} role="status" data-testid="sessions-empty">
          <span className={sec.muted}>
            {active
              ? 'No session matches these filters.'
              : 'No sessions yet. A facilitator schedules them from the backlog.'}
          </span>
          {active ? (
            <Button size="small" onClick={() => setForm(EMPTY_FILTERS)}>
              Show every session
            </Button>
          ) : null}
        </div>
      ) : (
        <>
          {upcoming.length ? (
            <>
              <h3 className={s.h3} id="upcoming-heading">
                Upcoming ({upcoming.length})
              </h3>
              <ul className={s.list} aria-labelledby="upcoming-heading" data-testid="upcoming-sessions">
                {upcoming.map((x) => (
                  <SessionRow
                    key={x.id}
                    communityId={c}
                    session={x}
                    titles={titles}
                    names={names}
                    onOpen={onOpen}
                    upcoming
                  />
                ))}
              </ul>
            </>
          ) : null}
          <h3 className={s.h3} id="past-heading">
            Past sessions ({past.length}){active ? ', filtered' : ''}
          </h3>
          {past.length === 0 ? (
            <span className={sec.muted}>{active ? 'No past session matches these filters.' : 'None held yet.'}</span>
          ) : (
            <ul className={s.list} aria-labelledby="past-heading" data-testid="past-sessions">
              {past.map((x) => (
                <SessionRow key={x.id} communityId={c} session={x} titles={titles} names={names} onOpen={onOpen} />
              ))}
            </ul>
          )}
        </>
      )}
    </Section>
  );
}

function SessionRow({
  communityId,
  session,
  titles,
  names,
  onOpen,
  upcoming = false,
}: {
  communityId: string;
  session: Session;
  titles: Readonly<Record<string, string>>;
  names: Readonly<Record<string, string>>;
  onOpen: (sessionId: string) => void;
  upcoming?: boolean;
}) {
  const s = useSessionStyles();
  const topics = sessionTopics(session, titles);
  const typeLine = sessionTypeLine(session);
  return (
    <li className={s.row} data-testid="session-row" data-session-id={session.id} data-state={session.state}>
      <div className={s.rowMain}>
        <Link
          as="button"
          className={s.linkText}
          onClick={() => onOpen(session.id)}
          aria-label={`${sessionWhen(session.startsAt)}, ${typeLine}`}
          data-session-link={session.id}
          data-return-key={`row:${session.id}`}
          data-testid="session-link"
        >
          {sessionWhen(session.startsAt)}
        </Link>
        <span className={s.typeLine}>{typeLine}</span>
      </div>
      <span className={s.rowTopics} data-testid="session-topics">
        {topics.length ? topics.join(' · ') : <span className={s.sub}>No backlog topic</span>}
      </span>
      <span className={s.rowPerson}>
        {upcoming ? 'Facilitator' : 'Facilitated by'} {nameOf(names, session.facilitatorId)}
      </span>
      <span className={s.rowCount}>
        {upcoming ? (
          <Badge appearance="outline">Scheduled</Badge>
        ) : session.state === 'scheduled' ? (
          <Badge appearance="tint" color="warning" title="The facilitator has not closed this session yet">
            Not closed yet
          </Badge>
        ) : (
          <TakeawayCount communityId={communityId} sessionId={session.id} />
        )}
      </span>
    </li>
  );
}

/** GET …/sessions has no takeaway count: each held session's row reads its outcomes. */
function TakeawayCount({ communityId, sessionId }: { communityId: string; sessionId: string }) {
  const { api } = useServices();
  const sec = useSectionStyles();
  const outcomes = useAsync(
    () => api.sessions.outcomes(communityId, sessionId),
    `outcomes:${communityId}:${sessionId}`,
  );
  if (outcomes.status === 'loading') return <span className={sec.muted}>…</span>;
  if (outcomes.status === 'error')
    return (
      <span className={sec.muted} title={outcomes.error.message}>
        takeaways unknown
      </span>
    );
  const n = outcomes.data.takeaways.length;
  return (
    <Badge appearance={n ? 'tint' : 'outline'} data-testid="takeaway-count">
      {countLabel(n, 'takeaway', 'takeaways')}
    </Badge>
  );
}
