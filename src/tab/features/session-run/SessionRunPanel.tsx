/**
 * The working session in a participant's side panel (about 320 px): the phase and its countdown,
 * then what I do now (check in, listen, write notes in my breakout group, add takeaways, vote), and
 * after the close who volunteers for the next topic. Facilitator controls for facilitators only (the
 * server checks the role again where the record is written). The facilitator's panel saves the run
 * to the record as it goes and offers to resume it when the live meeting was lost. Steps that lose
 * votes ask first. Nothing here throws into the page.
 */
import { Button, Select } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import {
  PHASE_LABELS,
  RUN_LIMITS,
  groupOf,
  notesOfGroup,
  type SavedSessionRun,
  type SessionRunState,
} from '../../../domain/session-run';
import type { CommunityView } from '../../api-client';
import { ErrorNotice, InfoNotice, Section } from '../../ui/common';
import { CheckInForm } from '../live/CheckInForm';
import { myCheckIn } from '../live/people';
import type { UseLiveMeeting } from '../live/useLiveMeeting';
import { formatCountdown, namesFrom } from '../thirty-five/game-view';
import { useCountdown } from '../thirty-five/useCountdown';
import { BreakoutPlanner, GroupMoves } from './BreakoutPlanner';
import { ConfirmStep } from './ConfirmStep';
import { FeedbackVote } from './FeedbackVote';
import { LineForm } from './LineForm';
import { NextTopic } from './NextTopic';
import { StartSession } from './StartSession';
import { TakeawayBoard } from './TakeawayBoard';
import {
  NEXT_STEP,
  foldedTakeaways,
  groupName,
  iceBreakerText,
  isRunning,
  phaseTitle,
  takeawaysLabel,
  unvotedQuestion,
  stageVotes,
  whyNoStart,
  type NameOf,
} from './session-view';
import type { SaveOutcome } from './run-saver';
import { RECOUNT_DEBOUNCE_MS, useRecordFeedback } from './useRecordFeedback';
import { useRunAutosave } from './useRunAutosave';
import { useRunStyles } from './styles';
import { useSessionActions, type UseSessionActions } from './useSessionActions';

export function SessionRunPanel({
  view,
  live,
  meetingId,
}: {
  view: CommunityView;
  live: UseLiveMeeting;
  meetingId?: string | undefined;
}) {
  const run = live.snapshot.sessionRun;
  const facilitator = view.me.roles.includes('facilitator');
  const actions = useSessionActions(live.meeting, view.community.id);
  const nameOf = useMemo(() => namesFrom(view.members, live.snapshot.present), [view.members, live.snapshot.present]);
  const running = isRunning(run);
  const saved = useRunAutosave(actions.controller, run, meetingId, facilitator && running);
  if (!run && !facilitator) return null;
  return (
    <Section
      title={running ? `Working session · ${phaseTitle(run.phase)}` : 'Working session'}
      id="session-run-heading"
      testId="run-section"
    >
      {running ? (
        <Running
          run={run}
          view={view}
          live={live}
          facilitator={facilitator}
          nameOf={nameOf}
          actions={actions}
          saved={saved}
        />
      ) : run ? (
        <Closed run={run} view={view} live={live} facilitator={facilitator} nameOf={nameOf} actions={actions} />
      ) : (
        <NoRun view={view} live={live} nameOf={nameOf} actions={actions} meetingId={meetingId} />
      )}
      {actions.error ? <ErrorNotice title={actions.error.title} message={actions.error.message} /> : null}
    </Section>
  );
}

interface Props {
  view: CommunityView;
  live: UseLiveMeeting;
  nameOf: NameOf;
  actions: UseSessionActions;
}

function NoRun({ view, live, nameOf, actions, meetingId }: Props & { meetingId: string | undefined }) {
  const s = useRunStyles();
  const why = whyNoStart(live.snapshot);
  const resumable = useResumable(actions, meetingId, live.status === 'connected');
  return (
    <div className={s.stack}>
      <p className={s.p}>
        Run the community’s working session here: check-in, deep dive, breakouts, share-out and takeaways, feedback.
        Everyone follows on the stage.
      </p>
      {resumable && !why ? (
        <InfoNotice title="A session was interrupted">
          <span data-testid="run-resumable">
            “{resumable.run.topicTitle}” stopped during {PHASE_LABELS[resumable.run.phase].toLowerCase()} (
            {takeawaysLabel(resumable.run.takeaways.length)}, {resumable.run.groupNotes.length} group{' '}
            {resumable.run.groupNotes.length === 1 ? 'note' : 'notes'} saved). Pick it up where it was saved, or start
            another.
          </span>
          <div style={{ marginTop: 8 }}>
            <Button
              appearance="primary"
              disabled={actions.busy !== undefined}
              onClick={() => void actions.run('Could not resume the session', (c) => c.resume(resumable))}
              data-testid="run-resume"
            >
              Resume the session
            </Button>
          </div>
        </InfoNotice>
      ) : null}
      {why ? (
        <span className={s.muted}>{why}</span>
      ) : (
        <StartSession actions={actions} me={view.me.userId} nameOf={nameOf} connected={live.status === 'connected'} />
      )}
    </div>
  );
}

/** The meeting's saved run whose session is still open (the live meeting was lost), read once connected. */
function useResumable(
  actions: UseSessionActions,
  meetingId: string | undefined,
  connected: boolean,
): SavedSessionRun | null {
  const [found, setFound] = useState<SavedSessionRun | null>(null);
  const controller = actions.controller;
  useEffect(() => {
    if (!controller || !meetingId || !connected) return;
    let live = true;
    controller.findResumable(meetingId).then(
      (r) => live && setFound(r.ok ? r.value : null), // nothing to offer; starting a session still works
      () => live && setFound(null),
    );
    return () => {
      live = false;
    };
  }, [controller, meetingId, connected]);
  return found;
}

/** "Saved to the record 15:21" under the facilitator's controls (a failed save says why). */
function SaveStatus({ saved }: { saved: SaveOutcome | undefined }) {
  const s = useRunStyles();
  if (!saved) return null;
  return saved.ok ? (
    <span className={s.muted} data-testid="run-saved">
      Saved to the record at{' '}
      {saved.at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}
    </span>
  ) : (
    <span className={s.muted} role="status" data-testid="run-save-failed">
      Not saved to the record yet: {saved.message} It is tried again at the next change.
    </span>
  );
}

function Running({
  run,
  view,
  live,
  facilitator,
  nameOf,
  actions,
  saved,
}: Props & { run: SessionRunState; facilitator: boolean; saved: SaveOutcome | undefined }) {
  const s = useRunStyles();
  const left = useCountdown(run.phaseEndsAt);
  const connected = live.status === 'connected';
  const me = view.me.userId;
  const presentIds = live.snapshot.present.map((p) => p.id);
  const busy = actions.busy !== undefined;
  const next = NEXT_STEP[run.phase];
  return (
    <div className={s.stack} data-testid="run-running" data-phase={run.phase}>
      <div className={s.rowCenter}>
        <span className={`${s.strong} ${s.grow}`} data-testid="run-topic">
          {run.topicTitle}
        </span>
        {left !== undefined ? (
          <span
            className={s.counter}
            role="timer"
            aria-label={`Time left in ${phaseTitle(run.phase).toLowerCase()}`}
            data-testid="run-timer"
          >
            {left > 0 ? `${formatCountdown(left)} left` : "Time's up"}
          </span>
        ) : null}
      </div>
      {run.phase === 'check-in' ? (
        <>
          <p className={s.prompt} data-testid="run-prompt">
            {iceBreakerText(run)}
          </p>
          <CheckInForm
            meeting={live.meeting}
            canWrite={connected}
            mine={myCheckIn(live.snapshot, me)}
            label="Your answer, in one line"
          />
        </>
      ) : null}
      {run.phase === 'deep-dive' ? (
        <p className={s.p} data-testid="run-deep-dive">
          {run.ownerName
            ? `${run.ownerName} opens the topic.`
            : 'The topic has no owner yet: the facilitator opens it.'}{' '}
          Keep it short — the breakouts are where we work on it.
        </p>
      ) : null}
      {run.phase === 'breakouts' ? (
        <MyGroup run={run} me={me} nameOf={nameOf} actions={actions} canWrite={connected} />
      ) : null}
      {run.phase === 'share-out' ? (
        <TakeawayBoard
          run={run}
          facilitator={facilitator}
          members={view.members}
          nameOf={nameOf}
          actions={actions}
          canWrite={connected}
        />
      ) : null}
      {run.phase === 'feedback' ? <FeedbackVote run={run} me={me} actions={actions} canWrite={connected} /> : null}

      {facilitator ? (
        <div className={s.facilitator} role="group" aria-label="Facilitator" data-testid="run-facilitator">
          <h3 className={s.h3}>Facilitator</h3>
          {run.phase === 'deep-dive' ? (
            <BreakoutPlanner
              run={run}
              present={live.snapshot.present}
              members={view.members}
              nameOf={nameOf}
              actions={actions}
            />
          ) : null}
          {run.phase === 'breakouts' ? (
            <LiveGroups run={run} presentIds={presentIds} nameOf={nameOf} actions={actions} />
          ) : null}
          {run.phase === 'feedback' ? (
            <FacilitatorFeedback
              run={run}
              presentIds={presentIds}
              actions={actions}
              snapshot={live.snapshot}
              memberIds={view.members.map((m) => m.userId)}
              nameOf={nameOf}
            />
          ) : null}
          {next ? (
            <div>
              <Button
                appearance="primary"
                disabled={busy || !connected}
                onClick={() => void actions.run(`Could not move on`, (c) => c.moveOn(run, next.to))}
                data-testid="run-next"
              >
                {next.label}
              </Button>
            </div>
          ) : null}
          <SaveStatus saved={saved} />
        </div>
      ) : null}
    </div>
  );
}

function MyGroup({
  run,
  me,
  nameOf,
  actions,
  canWrite,
}: {
  run: SessionRunState;
  me: string;
  nameOf: NameOf;
  actions: UseSessionActions;
  canWrite: boolean;
}) {
  const s = useRunStyles();
  const group = groupOf(run, me);
  if (!group) {
    return (
      <p className={s.p} data-testid="run-no-group">
        You are not in a breakout group. Ask the facilitator to add you to one.
      </p>
    );
  }
  const notes = notesOfGroup(run, group.index);
  const others = group.members.filter((id) => id !== me).map(nameOf);
  return (
    <div className={s.stack} data-testid="run-my-group" data-group={group.index}>
      <span className={s.strong} data-testid="run-my-group-name">
        You are in {groupName(group.index).toLowerCase()}
        {others.length ? ` with ${others.join(', ')}` : ''}
      </span>
      {group.question ? (
        <p className={s.prompt} data-testid="run-my-group-question">
          {group.question}
        </p>
      ) : (
        <span className={s.muted}>No question for this group: work on the topic.</span>
      )}
      <h3 className={s.h3} id="run-notes-heading">
        Group notes · {notes.length}
      </h3>
      {notes.length === 0 ? <span className={s.muted}>No notes yet.</span> : null}
      <ul className={s.list} aria-labelledby="run-notes-heading" aria-live="polite" data-testid="run-notes">
        {notes.map((n) => (
          <li key={`${n.userId}-${n.at}`} className={s.card} data-testid="run-note">
            <span className={s.text}>{n.text}</span>
            <span className={s.caption}>{n.displayName}</span>
          </li>
        ))}
      </ul>
      <LineForm
        label="Add a note for your group"
        what="note"
        max={RUN_LIMITS.groupNote}
        submitLabel="Add"
        disabled={!canWrite || actions.busy !== undefined}
        testId="run-note"
        onSubmit={(text) => actions.run('Could not add the note', (c) => c.addNote(text))}
      />
    </div>
  );
}

function LiveGroups({
  run,
  presentIds,
  nameOf,
  actions,
}: {
  run: SessionRunState;
  presentIds: readonly string[];
  nameOf: NameOf;
  actions: UseSessionActions;
}) {
  const s = useRunStyles();
  const outside = presentIds.filter((id) => !run.groups.some((g) => g.members.includes(id)));
  return (
    <div className={s.stack}>
      <GroupMoves
        groups={run.groups}
        nameOf={nameOf}
        disabled={actions.busy !== undefined}
        onMove={(id, to) => void actions.run('Could not move', (c) => c.moveMember(run, id, to))}
        testId="run-groups"
      />
      {outside.map((id) => (
        <div key={id} className={s.personRow}>
          <span className={s.text}>{nameOf(id)} is in no group</span>
          <Select
            size="small"
            aria-label={`Add ${nameOf(id)} to group`}
            value=""
            onChange={(_, d) =>
              d.value && void actions.run('Could not add to the group', (c) => c.addToGroup(run, id, Number(d.value)))
            }
            data-testid="run-add-to-group"
          >
            <option value="">Add to…</option>
            {run.groups.map((g) => (
              <option key={g.index} value={String(g.index)}>
                {groupName(g.index)}
              </option>
            ))}
          </Select>
        </div>
      ))}
    </div>
  );
}

function FacilitatorFeedback({
  run,
  presentIds,
  actions,
  snapshot,
  memberIds,
  nameOf,
}: {
  run: SessionRunState;
  presentIds: readonly string[];
  actions: UseSessionActions;
  snapshot: UseLiveMeeting['snapshot'];
  memberIds: readonly string[];
  nameOf: NameOf;
}) {
  const s = useRunStyles();
  const busy = actions.busy !== undefined;
  // The count is the record's, like the stage's (a forged mark changes neither); the marks only name
  // who has not voted yet in the confirm question, a hint for the facilitator.
  const fb = useRecordFeedback(
    actions.controller,
    run.sessionId,
    true,
    `${run.voted.join('\n')}|${run.feedbackClosed}`,
    RECOUNT_DEBOUNCE_MS,
  );
  const votes = stageVotes(fb.summary?.votes, presentIds, run.feedbackClosed);
  return (
    <div className={s.stack}>
      <span className={s.strong} data-testid="run-voted-count" aria-live="polite">
        {votes.label}
      </span>
      {!run.feedbackClosed && !votes.shown ? (
        <div>
          <ConfirmStep
            ask={unvotedQuestion(run, presentIds, nameOf, 'close-voting')}
            disabled={busy}
            onConfirm={() => void actions.run('Could not close voting', (c) => c.closeVoting(run))}
            testId="run-close-voting"
          >
            Close voting and show the result
          </ConfirmStep>
        </div>
      ) : null}
      <p className={s.p}>
        Closing keeps {takeawaysLabel(foldedTakeaways(run).length)} in the record and ends the run for everyone.
      </p>
      <div>
        <ConfirmStep
          appearance="primary"
          ask={unvotedQuestion(run, presentIds, nameOf, 'close')}
          disabled={busy}
          onConfirm={() => void actions.run('Could not close the session', (c) => c.close(run, snapshot, memberIds))}
          testId="run-close"
        >
          {actions.busy === 'Could not close the session' ? 'Closing…' : 'Close the session'}
        </ConfirmStep>
      </div>
    </div>
  );
}

function Closed({
  run,
  view,
  live,
  facilitator,
  nameOf,
  actions,
}: Props & { run: SessionRunState; facilitator: boolean }) {
  const s = useRunStyles();
  const [again, setAgain] = useState(false);
  const kept = foldedTakeaways(run);
  const actionCount = kept.filter((t) => t.action).length;
  const why = whyNoStart(live.snapshot);
  return (
    <div className={s.stack} data-testid="run-closed">
      <p className={s.p} role="status">
        The session is closed: {takeawaysLabel(kept.length)} and {actionCount}{' '}
        {actionCount === 1 ? 'action' : 'actions'} are in the record. People who missed it can read them in the channel
        tab.
      </p>
      <NextTopic
        controller={actions.controller}
        me={view.me.userId}
        nameOf={nameOf}
        sessionId={run.sessionId}
        canVolunteer
      />
      {facilitator && !why ? (
        again ? (
          <StartSession actions={actions} me={view.me.userId} nameOf={nameOf} connected={live.status === 'connected'} />
        ) : (
          <div>
            <Button appearance="subtle" onClick={() => setAgain(true)} data-testid="run-start-another">
              Start another session
            </Button>
          </div>
        )
      ) : null}
    </div>
  );
}
