/**
 * Every action not done yet, across the community's sessions, grouped by owner, with a status select.
 * GET …/actions carries no etags, so the etags come from each session's outcomes.
 */
import { Link } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { hasRole } from '../../../domain/community';
import { SESSION_TYPE_LABELS, type Session } from '../../../domain/session';
import type { CommunityView } from '../../api-client';
import { useAsync, useServices } from '../../app-services';
import { useReloadOnChange } from '../community/useCommunityChanges';
import { ErrorNotice, InfoNotice, Section, useSectionStyles } from '../../ui/common';
import { ActionStatusSelect, type StatusResult } from './ActionStatusSelect';
import { countLabel, dueLabel, groupActionsByOwner, namesOf, sessionWhen, withEtags } from './session-view';
import { useSessionStyles } from './styles';

/** Today's calendar date where the reader is, YYYY-MM-DD. */
export const localToday = (d = new Date()): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Who may change an action's status: its owner, a facilitator or champion, or the session's facilitator. */
export const canChangeAction = (
  view: CommunityView,
  ownerId: string,
  session: Pick<Session, 'facilitatorId'> | undefined,
): boolean =>
  ownerId === view.me.userId ||
  hasRole(view.me, 'facilitator') ||
  hasRole(view.me, 'champion') ||
  // Unknown session: let the server decide.
  !session ||
  session.facilitatorId === view.me.userId;

export function OpenActionsSection({ view, onOpen }: { view: CommunityView; onOpen: (sessionId: string) => void }) {
  const { api } = useServices();
  const sec = useSectionStyles();
  const s = useSessionStyles();
  const c = view.community.id;
  const [notice, setNotice] = useState<StatusResult | undefined>();
  const data = useAsync(async () => {
    const [open, sessions] = await Promise.all([api.actions.listOpen(c), api.sessions.list(c)]);
    const sessionIds = [...new Set(open.map((a) => a.sessionId))];
    const outcomes = await Promise.all(sessionIds.map((sid) => api.sessions.outcomes(c, sid).then((o) => o.actions)));
    return { ...withEtags(open, outcomes.flat()), sessions: new Map(sessions.map((x) => [x.id, x])) };
  }, `open-actions:${c}`);
  useReloadOnChange(data.reload);
  const names = useMemo(() => namesOf(view.members), [view.members]);
  const today = localToday();

  const onResult = (r: StatusResult) => {
    setNotice(r);
    if (r.kind !== 'error') data.reload();
  };

  const groups = data.status === 'ready' ? groupActionsByOwner(data.data.ready, names, view.me.userId) : [];
  const total = data.status === 'ready' ? data.data.ready.length : undefined;
  return (
    <Section
      title={total === undefined ? 'Open actions' : `Open actions (${total})`}
      id="open-actions-heading"
      testId="open-actions"
    >
      {notice?.kind === 'stale' ? (
        <InfoNotice intent="warning" title="Changed meanwhile">
          {notice.message}
        </InfoNotice>
      ) : notice?.kind === 'error' ? (
        <ErrorNotice title="Could not change the status" message={notice.message} />
      ) : notice?.kind === 'changed' ? (
        <span role="status" data-testid="action-status-saved">
          {notice.message}
          {notice.action.status === 'done' ? ' It leaves this list.' : ''}
        </span>
      ) : null}
      {data.status === 'loading' ? (
        <span className={sec.muted} role="status">
          Loading the actions…
        </span>
      ) : data.status === 'error' ? (
        <ErrorNotice title="Could not load the actions" message={data.error.message} onRetry={data.reload} />
      ) : groups.length === 0 ? (
        <span className={sec.muted}>No open actions. Actions come from takeaways when a session is closed.</span>
      ) : (
        groups.map((g) => (
          <div key={g.ownerId} className={s.group} data-testid="action-group" data-owner={g.ownerId}>
            <h3 className={s.h3} id={`actions-of-${g.ownerId}`}>
              {g.ownerName}
              {g.mine ? ' (you)' : ''} · {countLabel(g.actions.length, 'action', 'actions')}
            </h3>
            <ul className={s.list} aria-labelledby={`actions-of-${g.ownerId}`}>
              {g.actions.map((a) => {
                const session = data.data.sessions.get(a.sessionId);
                return (
                  <li key={a.id} className={s.action} data-testid="open-action" data-action-id={a.id}>
                    <span className={s.rowMain}>
                      <span className={s.actionText}>{a.text}</span>
                      <span className={s.sub}>
                        <span className={a.dueDate < today ? s.overdue : undefined}>{dueLabel(a.dueDate, today)}</span>
                        {session ? (
                          <>
                            {' · from '}
                            <Link
                              as="button"
                              inline
                              onClick={() => onOpen(a.sessionId)}
                              data-return-key={`action:${a.id}`}
                            >
                              {sessionWhen(session.startsAt)} · {SESSION_TYPE_LABELS[session.details.type]}
                            </Link>
                          </>
                        ) : null}
                      </span>
                    </span>
                    <ActionStatusSelect
                      communityId={c}
                      action={a}
                      canChange={canChangeAction(view, a.ownerId, session)}
                      onResult={onResult}
                    />
                  </li>
                );
              })}
            </ul>
          </div>
        ))
      )}
      {data.status === 'ready' && data.data.missing.length ? (
        <span className={sec.muted}>
          {countLabel(data.data.missing.length, 'action', 'actions')} could not be read with their version; refresh to
          change their status.
        </span>
      ) : null}
    </Section>
  );
}
