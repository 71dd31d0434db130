/**
 * One session, for the people who missed it: what it was about, its takeaways and actions, the
 * breakout groups' notes, who took part, the feedback, and the notes with the coaches' annotations. The facilitator edits the notes
 * and publishes; anyone exports the session as Markdown.
 */
import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { hasRole } from '../../../domain/community';
import { SESSION_TYPE_LABELS } from '../../../domain/session';
import { ownValue } from '../../../domain/own-key';
import type { CommunityView, SessionOutcomesView } from '../../api-client';
import { toApiError, useAsync, useServices } from '../../app-services';
import { useReloadOnChange } from '../community/useCommunityChanges';
import { ErrorNotice, InfoNotice, Loading, Section, useSectionStyles } from '../../ui/common';
import { ActionStatusSelect, type StatusResult } from './ActionStatusSelect';
import { BreakoutNotes } from './BreakoutNotes';
import { canChangeAction, localToday } from './OpenActionsSection';
import { SessionNotes } from './SessionNotes';
import {
  countLabel,
  dueLabel,
  exportFileName,
  feedbackLine,
  nameOf,
  namesOf,
  sessionTopics,
  sessionTypeLine,
  sessionWhen,
  topicTitlesOf,
} from './session-view';
import { useSessionStyles } from './styles';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '12px', minWidth: 0 },
  top: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  head: { display: 'flex', flexDirection: 'column', gap: '4px', minWidth: 0 },
  h2: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  meta: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  purpose: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  toolbar: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(240px, 1fr)',
    gap: '12px',
    alignItems: 'start',
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  stack: { display: 'flex', flexDirection: 'column', gap: '12px', minWidth: 0 },
  takeaway: { padding: '6px 0', borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, overflowWrap: 'anywhere' },
  names: { margin: 0, paddingInlineStart: '1.2em' },
  bars: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr) max-content',
    gap: '4px 8px',
    alignItems: 'center',
    margin: 0,
  },
  barTrack: {
    height: '10px',
    background: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusSmall,
    overflow: 'hidden',
  },
  bar: {
    height: '100%',
    background: tokens.colorBrandBackground,
    borderRadius: tokens.borderRadiusSmall,
    forcedColorAdjust: 'none',
  },
  big: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  agenda: { margin: 0, paddingInlineStart: '1.4em' },
});

type Notice = { readonly kind: 'ok' | 'info' | 'error' | 'warning'; readonly title?: string; readonly message: string };

export function SessionPage({
  view,
  sessionId,
  onBack,
}: {
  view: CommunityView;
  sessionId: string;
  onBack: () => void;
}) {
  const { api } = useServices();
  const s = useStyles();
  const ss = useSessionStyles();
  const sec = useSectionStyles();
  const c = view.community.id;
  const session = useAsync(() => api.sessions.get(c, sessionId), `session:${c}:${sessionId}`);
  const outcomes = useAsync(() => api.sessions.outcomes(c, sessionId), `session-outcomes:${c}:${sessionId}`);
  const topics = useAsync(() => api.listTopics(c), `session-topics:${c}`);
  useReloadOnChange(() => {
    session.reload();
    outcomes.reload();
    topics.reload();
  });
  const names = useMemo(() => namesOf(view.members), [view.members]);
  const titles = useMemo(() => topicTitlesOf(topics.status === 'ready' ? topics.data : []), [topics]);
  const heading = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState<Notice | undefined>();
  const [actionNotice, setActionNotice] = useState<StatusResult | undefined>();
  const [busy, setBusy] = useState<'export' | 'publish' | undefined>();

  const ready = session.status === 'ready';
  useEffect(() => {
    if (ready) heading.current?.focus();
  }, [ready, sessionId]);

  const back = (
    <div className={s.top}>
      <Button onClick={onBack} icon={<span aria-hidden="true">←</span>} data-testid="session-back">
        Back to the community
      </Button>
    </div>
  );
  if (session.status === 'loading')
    return (
      <div className={s.page}>
        {back}
        <Loading label="Loading the session…" />
      </div>
    );
  if (session.status === 'error') {
    return (
      <div className={s.page}>
        {back}
        <ErrorNotice
          title={session.error.code === 'SESSION_NOT_FOUND' ? 'Session not found' : 'Could not load the session'}
          message={session.error.message}
          onRetry={session.error.code === 'SESSION_NOT_FOUND' ? undefined : session.reload}
        />
      </div>
    );
  }

  const x = session.data.session;
  const typeLabel = SESSION_TYPE_LABELS[x.details.type];
  const typeLine = sessionTypeLine(x);
  const topicTitles = sessionTopics(x, titles);
  const facilitates =
    hasRole(view.me, 'facilitator') || hasRole(view.me, 'champion') || x.facilitatorId === view.me.userId;
  const isCoach = hasRole(view.me, 'coach');
  const held = x.state === 'held';

  const exportMd = async () => {
    setBusy('export');
    setNotice(undefined);
    try {
      const md = await api.sessions.exportMarkdown(c, x.id);
      const url = URL.createObjectURL(new Blob([md], { type: 'text/markdown;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = exportFileName(x);
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setNotice({ kind: 'ok', message: `Downloaded ${a.download}.` });
    } catch (e) {
      setNotice({ kind: 'error', title: 'Could not export', message: toApiError(e).message });
    } finally {
      setBusy(undefined);
    }
  };

  const publish = async () => {
    setBusy('publish');
    setNotice(undefined);
    try {
      const r = await api.sessions.publish(c, x.id);
      setNotice(
        r.posted
          ? { kind: 'ok', message: r.message || 'Published and posted to the channel.' }
          : {
              kind: 'info',
              title: 'Published, but not posted to the channel',
              message: r.message || 'The card was not posted.',
            },
      );
      session.reload();
    } catch (e) {
      const err = toApiError(e);
      setNotice({
        kind: 'error',
        title: 'Could not publish',
        message: err.message,
      });
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <article
      className={s.page}
      aria-labelledby="session-page-heading"
      data-testid="session-page"
      data-session-id={x.id}
    >
      {back}
      <header className={s.head}>
        <h2 id="session-page-heading" className={s.h2} tabIndex={-1} ref={heading}>
          {typeLabel} · {sessionWhen(x.startsAt)}
        </h2>
        <span className={s.meta} data-testid="session-meta">
          {typeLine !== typeLabel ? `${typeLine} · ` : ''}
          {held ? 'Facilitated by' : 'Facilitator:'} {nameOf(names, x.facilitatorId)} · {x.durationMinutes} min
          {topicTitles.length
            ? ` · ${countLabel(topicTitles.length, 'topic', 'topics')}: ${topicTitles.join('; ')}`
            : ''}
        </span>
        <span className={s.top}>
          <Badge appearance={held ? 'filled' : 'outline'}>{held ? 'Held' : 'Scheduled'}</Badge>
          {x.meetingLink && !held ? (
            <a href={x.meetingLink} target="_blank" rel="noopener noreferrer">
              Join the meeting
            </a>
          ) : null}
        </span>
        {x.purpose ? <p className={s.purpose}>{x.purpose}</p> : null}
      </header>

      <div className={s.toolbar} role="group" aria-label="Share this session">
        <Button onClick={exportMd} disabled={busy !== undefined} data-testid="session-export">
          {busy === 'export' ? 'Exporting…' : 'Export Markdown'}
        </Button>
        {facilitates ? (
          <Button appearance="primary" onClick={publish} disabled={busy !== undefined} data-testid="session-publish">
            {busy === 'publish' ? 'Publishing…' : 'Publish to the channel'}
          </Button>
        ) : null}
      </div>
      <div data-testid="session-notice">
        {notice?.kind === 'ok' ? (
          <span role="status">{notice.message}</span>
        ) : notice?.kind === 'error' ? (
          <ErrorNotice title={notice.title} message={notice.message} />
        ) : notice ? (
          <InfoNotice title={notice.title} intent={notice.kind === 'warning' ? 'warning' : 'info'}>
            {notice.message}
          </InfoNotice>
        ) : null}
      </div>

      {outcomes.status === 'loading' ? (
        <Loading label="Loading the notes and takeaways…" />
      ) : outcomes.status === 'error' ? (
        <ErrorNotice
          title="Could not load what the session left"
          message={outcomes.error.message}
          onRetry={outcomes.reload}
        />
      ) : (
        <>
          <div className={s.columns}>
            <div className={s.stack}>
              <Takeaways outcomes={outcomes.data} names={names} titles={titles} held={held} />
              <Section
                title={`Actions (${outcomes.data.actions.length})`}
                id="session-actions-heading"
                testId="session-actions"
              >
                {actionNotice?.kind === 'stale' ? (
                  <InfoNotice intent="warning" title="Changed meanwhile">
                    {actionNotice.message}
                  </InfoNotice>
                ) : actionNotice?.kind === 'error' ? (
                  <ErrorNotice title="Could not change the status" message={actionNotice.message} />
                ) : actionNotice?.kind === 'changed' ? (
                  <span role="status" data-testid="action-status-saved">
                    {actionNotice.message}
                  </span>
                ) : null}
                {outcomes.data.actions.length === 0 ? (
                  <span className={sec.muted}>No actions.</span>
                ) : (
                  <ul className={ss.list}>
                    {[...outcomes.data.actions]
                      .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
                      .map((a) => (
                        <li key={a.id} className={ss.action} data-testid="session-action" data-action-id={a.id}>
                          <span className={ss.rowMain}>
                            <span className={ss.actionText}>{a.text}</span>
                            <span className={ss.sub}>
                              {nameOf(names, a.ownerId)} ·{' '}
                              <span
                                className={a.status !== 'done' && a.dueDate < localToday() ? ss.overdue : undefined}
                              >
                                {dueLabel(a.dueDate, localToday())}
                              </span>
                            </span>
                          </span>
                          <ActionStatusSelect
                            communityId={c}
                            action={a}
                            canChange={canChangeAction(view, a.ownerId, x)}
                            onResult={(r) => {
                              setActionNotice(r);
                              if (r.kind !== 'error') outcomes.reload();
                            }}
                          />
                        </li>
                      ))}
                  </ul>
                )}
              </Section>
              <BreakoutNotes breakouts={x.breakouts} names={names} />
            </div>
            <div className={s.stack}>
              {held ? null : (
                <Section title="Agenda" id="session-agenda-heading" testId="session-agenda">
                  <ol className={s.agenda}>
                    {x.agenda.map((i, n) => (
                      <li key={n}>
                        {i.title} · {i.minutes} min
                      </li>
                    ))}
                  </ol>
                </Section>
              )}
              <Section title="Attendance" id="session-attendance-heading" testId="session-attendance">
                {held ? (
                  <>
                    <span className={s.big} data-testid="attendance-count">
                      {countLabel(x.attendees.length, 'person', 'people')} took part
                    </span>
                    {x.attendees.length ? (
                      <ul className={s.names} aria-label="Who took part" data-testid="attendance-names">
                        {x.attendees.map((id) => (
                          <li key={id}>{nameOf(names, id)}</li>
                        ))}
                      </ul>
                    ) : null}
                  </>
                ) : (
                  <span className={sec.muted}>Recorded when the facilitator closes the session.</span>
                )}
              </Section>
              <Feedback outcomes={outcomes.data} />
            </div>
          </div>
          <SessionNotes
            communityId={c}
            sessionId={x.id}
            outcomes={outcomes.data}
            names={names}
            canEdit={facilitates}
            isCoach={isCoach}
            onChanged={outcomes.reload}
          />
        </>
      )}
    </article>
  );
}

function Takeaways({
  outcomes,
  names,
  titles,
  held,
}: {
  outcomes: SessionOutcomesView;
  names: Readonly<Record<string, string>>;
  titles: Readonly<Record<string, string>>;
  held: boolean;
}) {
  const s = useStyles();
  const ss = useSessionStyles();
  const sec = useSectionStyles();
  const list = outcomes.takeaways;
  return (
    <Section title={`Takeaways (${list.length})`} id="session-takeaways-heading" testId="session-takeaways">
      {list.length === 0 ? (
        <span className={sec.muted}>
          {held ? 'No takeaways were recorded.' : 'Takeaways are recorded during the session.'}
        </span>
      ) : (
        <ul className={ss.list}>
          {list.map((t) => (
            <li key={t.id} className={s.takeaway} data-testid="session-takeaway">
              <div>{t.text}</div>
              <div className={ss.sub}>
                {nameOf(names, t.authorId)}
                {t.topicId && ownValue(titles, t.topicId) ? ` · ${ownValue(titles, t.topicId)}` : ''}
                {outcomes.actions.some((a) => a.takeawayId === t.id) ? ' · became an action' : ''}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Feedback({ outcomes }: { outcomes: SessionOutcomesView }) {
  const s = useStyles();
  const sec = useSectionStyles();
  const f = outcomes.feedback;
  const max = f.distribution ? Math.max(1, ...f.distribution) : 1;
  return (
    <Section title="Feedback" id="session-feedback-heading" testId="session-feedback">
      <span className={sec.muted}>Return on time invested, 1 to 5.</span>
      <span className={f.average !== null ? s.big : undefined} data-testid="feedback-summary">
        {feedbackLine(f)}
      </span>
      {f.distribution ? (
        <dl className={s.bars} aria-label="Votes per score">
          {f.distribution.map((count, i) => (
            <div key={i} style={{ display: 'contents' }}>
              <dt>{i + 1}</dt>
              <dd style={{ margin: 0 }} className={s.barTrack} aria-hidden="true">
                <div className={s.bar} style={{ width: `${(count / max) * 100}%` }} />
              </dd>
              <dd style={{ margin: 0 }}>{countLabel(count, 'vote', 'votes')}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {f.mine ? <span className={sec.muted}>You voted.</span> : null}
    </Section>
  );
}
