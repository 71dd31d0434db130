/**
 * The working session on the meeting stage (a big shared screen): per phase the check-in prompt,
 * the topic with its owner and the opening's soft cap, every breakout group with its people,
 * question and latest notes, the takeaway wall, how many voted and the feedback histogram, and after
 * the close who volunteers to own the next topic. The header (phase and timer) is StagePage's.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { FeedbackSummary } from '../../../domain/outcomes';
import type { SessionRunState } from '../../../domain/session-run';
import { ErrorNotice, InfoNotice } from '../../ui/common';
import { formatCountdown } from '../thirty-five/game-view';
import { useCountdown } from '../thirty-five/useCountdown';
import { NextTopic } from './NextTopic';
import type { SessionController } from './session-controller';
import {
  FEEDBACK_QUESTION,
  foldedTakeaways,
  groupSummaries,
  histogramView,
  iceBreakerText,
  overrunWarning,
  stageVotes,
  takeawaysLabel,
  wallItems,
  type NameOf,
} from './session-view';
import { useNow } from './useSessionActions';
import { RECOUNT_DEBOUNCE_MS, useRecordFeedback } from './useRecordFeedback';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: '16px', minWidth: 0 },
  panel: {
    padding: '16px 20px',
    borderRadius: tokens.borderRadiusXLarge,
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    minWidth: 0,
  },
  h2: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
  },
  h3: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  hero: {
    margin: 0,
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  big: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase300 },
  grid: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
    gap: '12px',
  },
  card: {
    padding: '14px 16px',
    borderRadius: tokens.borderRadiusXLarge,
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    boxShadow: tokens.shadow4,
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    minWidth: 0,
  },
  question: {
    margin: 0,
    color: tokens.colorBrandForeground1,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  members: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, overflowWrap: 'anywhere' },
  notes: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  note: {
    margin: 0,
    paddingLeft: '10px',
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    overflowWrap: 'anywhere',
    fontSize: tokens.fontSizeBase400,
  },
  takeaway: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, overflowWrap: 'anywhere' },
  also: {
    margin: 0,
    paddingLeft: '10px',
    borderLeft: `2px solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
  action: {
    alignSelf: 'flex-start',
    padding: '2px 8px',
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    border: `1px solid ${tokens.colorBrandStroke2}`,
  },
  bars: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
    maxWidth: '720px',
  },
  barRow: {
    display: 'grid',
    gridTemplateColumns: '2em minmax(0, 1fr) 6em',
    gap: '12px',
    alignItems: 'center',
    fontSize: tokens.fontSizeBase500,
  },
  track: {
    height: '24px',
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground5,
    overflow: 'hidden',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  bar: { height: '100%', background: tokens.colorBrandBackground },
  count: { fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2 },
  prompt: {
    margin: 0,
    padding: '24px 28px',
    borderRadius: tokens.borderRadiusXLarge,
    background: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    border: `1px solid ${tokens.colorBrandStroke2}`,
    fontSize: tokens.fontSizeHero800,
    lineHeight: tokens.lineHeightHero800,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
});

export function StageSession({
  run,
  nameOf,
  presentIds,
  controller,
}: {
  run: SessionRunState;
  nameOf: NameOf;
  presentIds: readonly string[];
  controller: SessionController | undefined;
}) {
  const s = useStyles();
  return (
    <section className={s.wrap} aria-labelledby="stage-run-heading" data-testid="stage-run" data-phase={run.phase}>
      <h2 className={s.h2} id="stage-run-heading" data-testid="stage-run-topic">
        {run.topicTitle}
      </h2>
      {run.phase === 'check-in' ? (
        <>
          <span className={s.label}>Check-in</span>
          <p className={s.prompt} data-testid="stage-run-prompt">
            {iceBreakerText(run)}
          </p>
          <p className={mergeClasses(s.big, s.muted)}>Answer in one line in your side panel.</p>
        </>
      ) : null}
      {run.phase === 'deep-dive' ? <DeepDive run={run} /> : null}
      {run.phase === 'breakouts' ? <Groups run={run} nameOf={nameOf} /> : null}
      {run.phase === 'share-out' ? <Wall run={run} nameOf={nameOf} /> : null}
      {run.phase === 'feedback' ? <Feedback run={run} presentIds={presentIds} controller={controller} /> : null}
      {run.phase === 'closed' ? <Closed run={run} nameOf={nameOf} controller={controller} /> : null}
    </section>
  );
}

/** The phase's timer for the stage's header. */
export function StageRunTimer({
  run,
  className,
  urgentClassName,
}: {
  run: SessionRunState;
  className: string;
  urgentClassName: string;
}) {
  const left = useCountdown(run.phaseEndsAt);
  const text =
    left === undefined
      ? run.phase === 'closed'
        ? 'Done'
        : 'No timer'
      : left > 0
        ? formatCountdown(left)
        : "Time's up";
  return (
    <span
      className={left !== undefined && left <= 30_000 ? `${className} ${urgentClassName}` : className}
      role="timer"
      aria-label={`Time left: ${text}`}
      data-testid="stage-run-timer"
    >
      {text}
    </span>
  );
}

function DeepDive({ run }: { run: SessionRunState }) {
  const s = useStyles();
  const now = useNow(5000);
  const warning = overrunWarning(run, now);
  return (
    <>
      <div className={s.panel}>
        <span className={s.label}>Deep dive</span>
        <p className={s.hero} data-testid="stage-run-owner">
          {run.ownerName ? `Opened by ${run.ownerName}` : 'No topic owner yet: the facilitator opens it.'}
        </p>
        <p className={mergeClasses(s.big, s.muted)}>A short opening, then breakouts to work on it.</p>
      </div>
      {warning ? (
        <div data-testid="stage-run-overrun">
          <InfoNotice intent="warning">{warning}</InfoNotice>
        </div>
      ) : null}
      {run.groups.length ? (
        <p className={mergeClasses(s.big, s.muted)}>The facilitator is forming {run.groups.length} breakout groups.</p>
      ) : null}
    </>
  );
}

function Groups({ run, nameOf }: { run: SessionRunState; nameOf: NameOf }) {
  const s = useStyles();
  const groups = groupSummaries(run, nameOf);
  return (
    <ul className={s.grid} aria-label="Breakout groups" data-testid="stage-run-groups">
      {groups.map((g) => (
        <li key={g.index} className={s.card} data-testid="stage-run-group" data-group={g.index}>
          <h3 className={s.h3}>{g.name}</h3>
          {g.question ? <p className={s.question}>{g.question}</p> : <p className={s.muted}>Work on the topic.</p>}
          <span className={s.members} data-testid="stage-run-group-members">
            {g.memberNames.join(', ') || 'Nobody'}
          </span>
          <span className={s.label} data-testid="stage-run-group-notes-count">
            {g.notesLabel}
          </span>
          {g.latest.length ? (
            <ul className={s.notes} aria-label={`Latest notes of ${g.name}`}>
              {g.latest.map((n) => (
                <li key={`${n.userId}-${n.at}`} className={s.note} data-testid="stage-run-note">
                  {n.text}
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function Wall({ run, nameOf }: { run: SessionRunState; nameOf: NameOf }) {
  const s = useStyles();
  const items = wallItems(run, nameOf);
  return (
    <>
      <p className={s.big}>
        Share what your group found. Add takeaways in your side panel ·{' '}
        <span data-testid="stage-run-takeaway-count">{takeawaysLabel(items.length)}</span>
      </p>
      <ul className={s.grid} aria-label="Takeaway wall" aria-live="polite" data-testid="stage-run-wall">
        {items.map((t) => (
          <li key={t.id} className={s.card} data-testid="stage-run-takeaway">
            <span className={s.takeaway}>{t.text}</span>
            <span className={s.label}>{t.authorName}</span>
            {t.merged.map((m) => (
              <p key={m.id} className={s.also}>
                Also: {m.text}
              </p>
            ))}
            {t.action ? (
              <span className={s.action} data-testid="stage-run-action">
                {t.action.label}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

function Histogram({ summary }: { summary: FeedbackSummary }) {
  const s = useStyles();
  const h = histogramView(summary);
  return (
    <div className={s.panel} data-testid="stage-run-histogram">
      <span className={s.h3}>{FEEDBACK_QUESTION}</span>
      {h.bars ? (
        <ol className={s.bars} aria-label={`${FEEDBACK_QUESTION}: votes per score`}>
          {h.bars.map((b) => (
            <li
              key={b.score}
              className={s.barRow}
              aria-label={b.label}
              data-testid="stage-run-bar"
              data-count={b.count}
            >
              <span>{b.score}</span>
              <div className={s.track} aria-hidden>
                <div className={s.bar} style={{ width: `${b.percent.toFixed(1)}%` }} />
              </div>
              <span className={s.count}>{b.count}</span>
            </li>
          ))}
        </ol>
      ) : null}
      <p className={s.big} data-testid="stage-run-feedback-summary">
        {h.summary}
      </p>
    </div>
  );
}

function Feedback({
  run,
  presentIds,
  controller,
}: {
  run: SessionRunState;
  presentIds: readonly string[];
  controller: SessionController | undefined;
}) {
  const s = useStyles();
  // The marks and the close only trigger a re-read; every figure below is the record's (stageVotes).
  const fb = useRecordFeedback(
    controller,
    run.sessionId,
    true,
    `${run.voted.join('\n')}|${run.feedbackClosed}`,
    RECOUNT_DEBOUNCE_MS,
  );
  const votes = stageVotes(fb.summary?.votes, presentIds, run.feedbackClosed);
  const shown = votes.shown;
  return (
    <>
      <div className={s.panel}>
        <span className={s.label}>{FEEDBACK_QUESTION}, 1 to 5 — vote in your side panel</span>
        <p className={s.hero} data-testid="stage-run-voted" aria-live="polite">
          {votes.label}
        </p>
        {!shown ? (
          <p className={mergeClasses(s.big, s.muted)}>
            The result shows when everyone here has voted, or when the facilitator closes voting.
          </p>
        ) : null}
      </div>
      {fb.error ? <ErrorNotice title="Could not read the feedback" message={fb.error} /> : null}
      {shown && fb.summary ? <Histogram summary={fb.summary} /> : null}
    </>
  );
}

function Closed({
  run,
  nameOf,
  controller,
}: {
  run: SessionRunState;
  nameOf: NameOf;
  controller: SessionController | undefined;
}) {
  const s = useStyles();
  const fb = useRecordFeedback(controller, run.sessionId, true, 'closed');
  const kept = foldedTakeaways(run);
  const actions = kept.filter((t) => t.action).length;
  return (
    <>
      <div className={s.panel} data-testid="stage-run-closed">
        <p className={s.hero}>Thank you — the session is closed</p>
        <p className={s.big}>
          {takeawaysLabel(kept.length)} and {actions} {actions === 1 ? 'action' : 'actions'} are in the record. People
          who missed it can read them in the channel tab.
        </p>
      </div>
      {fb.summary ? <Histogram summary={fb.summary} /> : null}
      <div className={s.panel}>
        <NextTopic controller={controller} me="" nameOf={nameOf} sessionId={run.sessionId} canVolunteer={false} big />
      </div>
    </>
  );
}
