/** The meeting stage (shared to everyone, a big screen): the community, the phase, who is here, the check-in wall. */
import { Avatar, makeStyles, tokens } from '@fluentui/react-components';
import { useStageStatStyles } from '../ui/stage-stats';
import type { CommunityView } from '../api-client';
import { useServices } from '../app-services';
import { CommunityGate } from '../features/community/CommunityGate';
import { usePageCommunity } from '../features/community/usePageCommunity';
import { LiveError, LiveStatusBadge } from '../features/live/LiveStatus';
import { peopleHere } from '../features/live/people';
import { useLiveMeeting } from '../features/live/useLiveMeeting';
import { phaseLabel } from '../features/thirty-five/game-view';
import { StageGame } from '../features/thirty-five/StageGame';
import { namesFrom } from '../features/thirty-five/game-view';
import { StageRunTimer, StageSession } from '../features/session-run/StageSession';
import { isGameBeingPlayed, isRunning, phaseTitle } from '../features/session-run/session-view';
import { useSessionActions } from '../features/session-run/useSessionActions';
import { InfoNotice, Page } from '../ui/common';

const useStyles = makeStyles({
  h2: {
    margin: '8px 0 0',
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
  },
  wall: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    gap: '12px',
  },
  card: {
    display: 'flex',
    gap: '12px',
    alignItems: 'flex-start',
    padding: '16px',
    borderRadius: tokens.borderRadiusXLarge,
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
    minWidth: 0,
  },
  cardText: { display: 'flex', flexDirection: 'column', gap: '4px', minWidth: 0 },
  cardName: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  cardSays: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, overflowWrap: 'anywhere' },
  empty: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase400 },
});

export function StagePage() {
  const { host } = useServices();
  const page = usePageCommunity();
  const title = page.state.status === 'ready' ? page.state.view.community.name : 'Guildhall';
  return (
    <Page label="Guildhall meeting stage" testId="stage" title={title} subtitle="Meeting stage" host={host} wide big>
      <CommunityGate page={page}>{(view) => <StageLive view={view} />}</CommunityGate>
    </Page>
  );
}

function StageLive({ view }: { view: CommunityView }) {
  const { host } = useServices();
  const s = useStyles();
  const st = useStageStatStyles();
  const live = useLiveMeeting(view.community.id, host.context.meetingId);
  const session = useSessionActions(live.meeting, view.community.id);
  if (!host.context.meetingId)
    return <InfoNotice title="Not in a meeting">The stage view is shown inside a Teams meeting.</InfoNotice>;
  const here = peopleHere(live.snapshot);
  // Newest edit last in the snapshot; the wall shows the newest first.
  const wall = [...live.snapshot.checkIns].reverse();
  const game = live.snapshot.thirtyFive;
  const run = live.snapshot.sessionRun;
  // A running session takes the stage; a closed one stays until a new Thirty Five game is played.
  const showRun = !!run && (isRunning(run) || !isGameBeingPlayed(game));
  const showWall = !showRun || run?.phase === 'check-in';
  const nameOf = namesFrom(view.members, live.snapshot.present);
  return (
    <>
      <div className={st.bar}>
        <div className={st.stat}>
          <span className={st.statLabel}>Phase</span>
          <span className={st.statValue} data-testid="stage-phase">
            {showRun && run ? phaseTitle(run.phase) : phaseLabel(game)}
          </span>
        </div>
        {showRun && run ? (
          <div className={st.stat}>
            <span className={st.statLabel}>Time left</span>
            <StageRunTimer run={run} className={st.statValue} urgentClassName={st.urgent} />
          </div>
        ) : null}
        <div className={st.stat}>
          <span className={st.statLabel} id="who-is-here-count-label">
            Who's here
          </span>
          <span className={st.statValue} data-testid="who-is-here-count">
            {here.length}
          </span>
        </div>
        {showWall ? (
          <div className={st.stat}>
            <span className={st.statLabel}>Checked in</span>
            <span className={st.statValue}>{wall.length}</span>
          </div>
        ) : null}
        <div>
          <LiveStatusBadge status={live.status} />
        </div>
      </div>
      <LiveError live={live} />
      {showRun && run ? (
        <StageSession
          run={run}
          nameOf={nameOf}
          presentIds={live.snapshot.present.map((p) => p.id)}
          controller={session.controller}
        />
      ) : null}
      {game && !showRun ? <StageGame game={game} members={view.members} present={live.snapshot.present} /> : null}
      {showWall ? (
        <>
          <h2 className={s.h2} id="check-in-wall-heading">
            Check-in wall
          </h2>
          {wall.length === 0 ? <p className={s.empty}>No check-ins yet. Write yours in the side panel.</p> : null}
          <ul className={s.wall} data-testid="check-in-wall" aria-labelledby="check-in-wall-heading" aria-live="polite">
            {wall.map((c) => (
              <li key={c.userId} className={s.card} data-testid="check-in-item">
                <Avatar name={c.displayName} size={40} aria-hidden />
                <span className={s.cardText}>
                  <span className={s.cardName} data-testid="check-in-name">
                    {c.displayName}
                  </span>
                  <span className={s.cardSays} data-testid="check-in-text">
                    {c.text}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
