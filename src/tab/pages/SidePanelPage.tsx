/** The meeting side panel (320 px wide): who I am, the community, my check-in, who is here. */
import { Avatar, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { CommunityView } from '../api-client';
import { useServices } from '../app-services';
import { contentUrlFor } from '../tab-config';
import { CommunityGate } from '../features/community/CommunityGate';
import { usePageCommunity } from '../features/community/usePageCommunity';
import { CheckInForm } from '../features/live/CheckInForm';
import { LiveError, LiveStatusBadge } from '../features/live/LiveStatus';
import { myCheckIn, peopleHere } from '../features/live/people';
import { useLiveMeeting } from '../features/live/useLiveMeeting';
import { ThirtyFivePanel } from '../features/thirty-five/ThirtyFivePanel';
import { SessionRunPanel } from '../features/session-run/SessionRunPanel';
import { isRunning } from '../features/session-run/session-view';
import { ErrorNotice, InfoNotice, Page, Section, useSectionStyles } from '../ui/common';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '8px' },
  person: { display: 'flex', gap: '8px', alignItems: 'flex-start', minWidth: 0 },
  personText: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  says: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  statusRow: { display: 'flex', gap: '8px', alignItems: 'center', justifyContent: 'space-between', flexWrap: 'wrap' },
});

export function SidePanelPage() {
  const { host } = useServices();
  const page = usePageCommunity();
  const title = page.state.status === 'ready' ? page.state.view.community.name : 'Guildhall';
  return (
    <Page
      label="Guildhall meeting side panel"
      testId="side-panel"
      title={title}
      subtitle={`You: ${host.context.userName}`}
      host={host}
    >
      <CommunityGate page={page}>{(view) => <SidePanelLive view={view} />}</CommunityGate>
    </Page>
  );
}

function SidePanelLive({ view }: { view: CommunityView }) {
  const { host } = useServices();
  const s = useStyles();
  const sec = useSectionStyles();
  const meetingId = host.context.meetingId;
  const live = useLiveMeeting(view.community.id, meetingId);
  const [shareState, setShareState] = useState<'idle' | 'sharing' | 'shared' | { error: string }>('idle');

  if (!meetingId) {
    return <InfoNotice title="Not in a meeting">The side panel works inside a Teams meeting.</InfoNotice>;
  }
  const people = peopleHere(live.snapshot);
  const mine = myCheckIn(live.snapshot, view.me.userId);
  const roles = view.me.roles.filter((r) => r !== 'member');
  const sessionRunning = isRunning(live.snapshot.sessionRun);

  const share = async () => {
    if (!host.shareToStage) return;
    setShareState('sharing');
    try {
      const url = contentUrlFor(window.location.origin, view.community.id);
      await host.shareToStage(url);
      setShareState('shared');
    } catch (e) {
      setShareState({ error: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <>
      <div className={s.statusRow}>
        <span className={sec.muted}>{roles.length ? `Your roles: ${roles.join(', ')}` : 'Member'}</span>
        <LiveStatusBadge status={live.status} />
      </div>
      <LiveError live={live} />
      {host.shareToStage ? (
        <div>
          <Button onClick={share} disabled={shareState === 'sharing'} data-testid="share-to-stage">
            {shareState === 'sharing' ? 'Sharing…' : shareState === 'shared' ? 'Shared to stage' : 'Share to stage'}
          </Button>
          {typeof shareState === 'object' ? (
            <ErrorNotice title="Could not share to the stage" message={shareState.error} />
          ) : null}
        </div>
      ) : null}
      {/* While a working session runs it has the panel (its check-in phase holds the check-in). */}
      <SessionRunPanel view={view} live={live} meetingId={meetingId} />
      {!sessionRunning ? <ThirtyFivePanel view={view} live={live} meetingId={meetingId} /> : null}
      {!sessionRunning ? (
        <Section title="Check in" id="check-in-heading">
          <CheckInForm meeting={live.meeting} canWrite={live.status === 'connected'} mine={mine} />
        </Section>
      ) : null}
      <Section title={`Who's here (${people.length})`} id="who-is-here-heading" testId="who-is-here">
        {people.length === 0 ? (
          <span className={sec.muted}>
            {live.status === 'connected' ? 'Nobody yet.' : 'Waiting for the live meeting…'}
          </span>
        ) : (
          <ul className={s.list}>
            {people.map((p) => (
              <li key={p.id} className={s.person} data-testid="present-person">
                <Avatar name={p.name} size={28} aria-hidden />
                <span className={s.personText}>
                  <span className={s.name}>
                    {p.name}
                    {p.id === view.me.userId ? ' (you)' : ''}
                  </span>
                  {p.checkIn ? <span className={s.says}>{p.checkIn}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
