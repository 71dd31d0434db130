/**
 * Scheduling in the channel tab: the upcoming sessions with their agendas (the facilitator edits an
 * agenda with its etag; a concurrent edit is shown, never overwritten), and the next session: the
 * facilitator rotation (next up, skip, swap, join, leave) and, for facilitators and champions, the
 * form that schedules it from the plan (cadence dates, next facilitator, the top of the backlog).
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { hasRole } from '../../../domain/community';
import type { CommunityView } from '../../api-client';
import { useAsync, useServices } from '../../app-services';
import { useReloadOnChange } from '../community/useCommunityChanges';
import { ErrorNotice, Section, useSectionStyles } from '../../ui/common';
import type { BacklogStore } from '../backlog/useBacklog';
import { RotationPanel } from './RotationPanel';
import { ScheduleForm } from './ScheduleForm';
import { UpcomingSessions } from './UpcomingSessions';

export const useSchedulingStyles = makeStyles({
  subhead: {
    margin: '4px 0 0',
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  divider: { border: 'none', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, margin: '8px 0', width: '100%' },
});

export function SchedulingSections({ view, backlog }: { view: CommunityView; backlog: BacklogStore }) {
  const { api } = useServices();
  const s = useSchedulingStyles();
  const sec = useSectionStyles();
  const communityId = view.community.id;
  const manages = hasRole(view.me, 'facilitator') || hasRole(view.me, 'champion');
  const plan = useAsync(() => api.sessions.plan(communityId), `plan:${communityId}`);
  const sessions = useAsync(() => api.sessions.list(communityId), `sessions:${communityId}`);
  useReloadOnChange(() => {
    plan.reload();
    sessions.reload();
  });

  return (
    <>
      <Section title="Agendas of the coming sessions" id="agendas-heading" testId="session-agendas">
        {sessions.status === 'loading' ? (
          <span className={sec.muted}>Loading…</span>
        ) : sessions.status === 'error' ? (
          <ErrorNotice title="Could not load the sessions" message={sessions.error.message} onRetry={sessions.reload} />
        ) : (
          <UpcomingSessions view={view} sessions={sessions.data} topics={backlog.topics} onChanged={sessions.reload} />
        )}
      </Section>
      <Section title="Next session" id="schedule-heading" testId="schedule">
        {plan.status === 'loading' ? (
          <span className={sec.muted}>Loading the plan…</span>
        ) : plan.status === 'error' ? (
          <ErrorNotice
            title="Could not load the plan for the next session"
            message={plan.error.message}
            onRetry={plan.reload}
          />
        ) : (
          <>
            <RotationPanel view={view} plan={plan.data} onChanged={plan.reload} />
            <hr className={s.divider} />
            {manages ? (
              backlog.status === 'ready' ? (
                <ScheduleForm
                  view={view}
                  plan={plan.data}
                  topics={backlog.topics}
                  onScheduled={() => {
                    sessions.reload();
                    plan.reload();
                    backlog.reload();
                  }}
                />
              ) : (
                <span className={sec.muted}>Loading the backlog…</span>
              )
            ) : (
              <span className={sec.muted}>
                A facilitator or champion schedules the sessions
                {plan.data.rotation.volunteers.includes(view.me.userId)
                  ? '; you are in the rotation, so one of them will be yours.'
                  : '; join the rotation to facilitate one.'}
              </span>
            )}
          </>
        )}
      </Section>
    </>
  );
}
