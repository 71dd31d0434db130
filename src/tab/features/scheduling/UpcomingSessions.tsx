/**
 * The sessions still to come, soonest first, each with its agenda. The session's facilitator (or a
 * facilitator or champion) edits the agenda with the etag: on CONFLICT the other version is shown
 * beside the draft, which is kept.
 */
import {
  Badge,
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Topic } from '../../../domain/backlog';
import { hasRole } from '../../../domain/community';
import {
  SESSION_LIMITS,
  SESSION_TYPE_LABELS,
  agendaMinutes,
  type AgendaItem,
  type Session,
} from '../../../domain/session';
import type { CommunityView } from '../../api-client';
import { toApiError, useServices } from '../../app-services';
import { ErrorNotice, useSectionStyles } from '../../ui/common';
import { AgendaEditor } from './AgendaEditor';
import { detailsSummary, toAgendaEdit, toDraftAgenda, whenLabel, type AgendaDraftItem } from './schedule-form';
import { upcomingSessions } from './upcoming';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '12px' },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    padding: '10px 12px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground2,
    minWidth: 0,
  },
  head: { display: 'flex', gap: '8px', alignItems: 'baseline', flexWrap: 'wrap' },
  when: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
  },
  dl: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', gap: '2px 12px' },
  dt: { color: tokens.colorNeutralForeground3 },
  dd: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  agenda: { margin: 0, paddingLeft: '1.5em', display: 'flex', flexDirection: 'column', gap: '1px' },
  agendaItem: { display: 'flex', justifyContent: 'space-between', gap: '12px', maxWidth: '28rem' },
  minutes: { fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
  row: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap' },
  theirs: {
    marginTop: '6px',
    padding: '6px 8px',
    borderLeft: `3px solid ${tokens.colorStatusWarningBorderActive}`,
    background: tokens.colorNeutralBackground3,
  },
});

export function UpcomingSessions({
  view,
  sessions,
  topics,
  onChanged,
}: {
  view: CommunityView;
  sessions: readonly Session[];
  topics: readonly Topic[];
  onChanged(): void;
}) {
  const s = useStyles();
  const sec = useSectionStyles();
  const upcoming = upcomingSessions(sessions);
  if (upcoming.length === 0) return <span className={sec.muted}>No session is scheduled yet.</span>;
  return (
    <ol className={s.list} aria-labelledby="agendas-heading">
      {upcoming.map((x) => (
        <SessionCard key={x.id} view={view} session={x} topics={topics} onChanged={onChanged} />
      ))}
    </ol>
  );
}

function AgendaList({ agenda, duration }: { agenda: readonly AgendaItem[]; duration: number }) {
  const s = useStyles();
  const sec = useSectionStyles();
  return (
    <>
      <ol className={s.agenda} data-testid="session-agenda">
        {agenda.map((i, n) => (
          <li key={n}>
            <span className={s.agendaItem}>
              <span>{i.title}</span>
              <span className={s.minutes}>{i.minutes} min</span>
            </span>
          </li>
        ))}
      </ol>
      <span className={sec.muted}>
        {agendaMinutes(agenda)} of {duration} minutes planned
      </span>
    </>
  );
}

function SessionCard({
  view,
  session,
  topics,
  onChanged,
}: {
  view: CommunityView;
  session: Session;
  topics: readonly Topic[];
  onChanged(): void;
}) {
  const { api } = useServices();
  const s = useStyles();
  const communityId = view.community.id;
  const me = view.me.userId;
  const canEdit = hasRole(view.me, 'facilitator') || hasRole(view.me, 'champion') || session.facilitatorId === me;
  const names = new Map(view.members.map((m) => [m.userId, m.displayName]));
  const titleOf = (id: string) => topics.find((t) => t.id === id)?.title ?? 'a topic no longer in the backlog';

  const [edit, setEdit] = useState<
    | {
        etag: string;
        draft: AgendaDraftItem[];
        duration: string;
        theirs?: { agenda: readonly AgendaItem[]; duration: number };
        error?: string;
        busy?: boolean;
      }
    | 'loading'
    | undefined
  >();
  const [error, setError] = useState<string | undefined>();
  // What this card read or saved, until the list brings a newer copy.
  const [shown, setShown] = useState<Session | undefined>();
  useEffect(() => setShown(undefined), [session]);
  const current = shown ?? session;
  const details = detailsSummary(current.details);

  const open = async () => {
    setEdit('loading');
    setError(undefined);
    try {
      const r = await api.sessions.get(communityId, session.id);
      setShown(r.session);
      setEdit({ etag: r.etag, draft: toDraftAgenda(r.session.agenda), duration: String(r.session.durationMinutes) });
    } catch (e) {
      setEdit(undefined);
      setError(toApiError(e).message);
    }
  };

  const save = async () => {
    if (!edit || edit === 'loading') return;
    const req = toAgendaEdit(edit.draft, edit.duration);
    if (!req.ok) return setEdit({ ...edit, error: req.message });
    setEdit({ ...edit, busy: true, error: undefined });
    try {
      const r = await api.sessions.editAgenda(communityId, session.id, {
        etag: edit.etag,
        agenda: req.agenda,
        durationMinutes: req.durationMinutes,
      });
      setShown(r.session);
      setEdit(undefined);
      onChanged();
    } catch (e) {
      const err = toApiError(e);
      if (err.code === 'CONFLICT') {
        try {
          const latest = await api.sessions.get(communityId, session.id);
          setShown(latest.session);
          setEdit({
            ...edit,
            etag: latest.etag,
            busy: false,
            theirs: { agenda: latest.session.agenda, duration: latest.session.durationMinutes },
          });
        } catch (e2) {
          setEdit({ ...edit, busy: false, error: toApiError(e2).message });
        }
      } else setEdit({ ...edit, busy: false, error: err.message });
    }
  };

  return (
    <li className={s.card} data-testid="upcoming-session" data-session-id={session.id} data-type={session.details.type}>
      <div className={s.head}>
        <span className={s.when}>{whenLabel(current.startsAt)}</span>
        <Badge appearance="tint">{SESSION_TYPE_LABELS[current.details.type]}</Badge>
        <span>{current.durationMinutes} min</span>
      </div>
      <dl className={s.dl}>
        {details ? (
          <>
            <dt className={s.dt}>{details.label}</dt>
            <dd className={s.dd} data-testid="session-details">
              {details.text}
            </dd>
          </>
        ) : null}
        <dt className={s.dt}>Facilitator</dt>
        <dd className={s.dd}>
          {current.facilitatorId === me ? 'You' : (names.get(current.facilitatorId) ?? 'a former member')}
        </dd>
        {current.topicIds.length ? (
          <>
            <dt className={s.dt}>{current.topicIds.length === 1 ? 'Topic' : 'Topics'}</dt>
            <dd className={s.dd} data-testid="session-topics">
              {current.topicIds.map(titleOf).join('; ')}
            </dd>
          </>
        ) : null}
        {current.purpose ? (
          <>
            <dt className={s.dt}>Purpose</dt>
            <dd className={s.dd}>{current.purpose}</dd>
          </>
        ) : null}
        {current.meetingLink ? (
          <>
            <dt className={s.dt}>Meeting</dt>
            <dd className={s.dd}>
              <Link href={current.meetingLink} target="_blank" rel="noreferrer">
                Join the meeting
              </Link>
            </dd>
          </>
        ) : null}
        <dt className={s.dt}>Agenda</dt>
        <dd className={s.dd}>
          {edit && edit !== 'loading' ? (
            <span>being edited below</span>
          ) : (
            <AgendaList agenda={current.agenda} duration={current.durationMinutes} />
          )}
        </dd>
      </dl>
      {error ? <ErrorNotice title="Could not open the agenda" message={error} /> : null}
      {edit === 'loading' ? <Spinner size="tiny" label="Loading the latest agenda…" /> : null}
      {edit && edit !== 'loading' ? (
        <form
          aria-label={`Edit the agenda of the session on ${whenLabel(current.startsAt)}`}
          data-testid="agenda-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          {edit.theirs ? (
            <MessageBar intent="warning" layout="multiline" role="alert" data-testid="agenda-conflict">
              <MessageBarBody>
                <MessageBarTitle>Someone else changed this agenda meanwhile</MessageBarTitle>
                Nothing was saved. Their version is below; your draft is still in the fields. Save again to replace
                theirs with yours, or take theirs.
                <div className={s.theirs}>
                  <AgendaList agenda={edit.theirs.agenda} duration={edit.theirs.duration} />
                </div>
              </MessageBarBody>
            </MessageBar>
          ) : null}
          <div className={s.row} style={{ margin: '8px 0' }}>
            <Field label="Duration (minutes)" size="small">
              <Input
                size="small"
                type="number"
                min={SESSION_LIMITS.minDuration}
                max={SESSION_LIMITS.maxDuration}
                value={edit.duration}
                disabled={edit.busy}
                onChange={(_, d) => setEdit({ ...edit, duration: d.value })}
                data-testid="agenda-duration"
              />
            </Field>
          </div>
          <AgendaEditor
            idPrefix={`session-${session.id}`}
            agenda={edit.draft}
            durationText={edit.duration}
            disabled={edit.busy}
            onChange={(draft) => setEdit({ ...edit, draft })}
          />
          {edit.error ? <ErrorNotice title="The agenda was not saved" message={edit.error} /> : null}
          <div className={s.row} style={{ marginTop: '8px' }}>
            <Button type="submit" appearance="primary" disabled={edit.busy} data-testid="agenda-save">
              {edit.busy ? 'Saving…' : edit.theirs ? 'Save my version' : 'Save the agenda'}
            </Button>
            {edit.theirs ? (
              <Button
                disabled={edit.busy}
                onClick={() =>
                  setEdit({
                    etag: edit.etag,
                    draft: toDraftAgenda(edit.theirs!.agenda),
                    duration: String(edit.theirs!.duration),
                  })
                }
              >
                Take their version
              </Button>
            ) : null}
            <Button appearance="subtle" disabled={edit.busy} onClick={() => setEdit(undefined)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : canEdit ? (
        <div className={s.row}>
          <Button
            size="small"
            onClick={() => void open()}
            disabled={edit === 'loading'}
            aria-label={`Edit agenda of the session on ${whenLabel(current.startsAt)}`}
            data-testid="agenda-edit"
          >
            Edit agenda
          </Button>
        </div>
      ) : null}
    </li>
  );
}
