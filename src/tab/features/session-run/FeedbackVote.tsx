/**
 * The feedback vote in the side panel: 1–5 for the return on time invested. The vote goes to the
 * record first (anonymous there), then the live meeting marks that I voted (never what).
 */
import { Button } from '@fluentui/react-components';
import type { SessionRunState } from '../../../domain/session-run';
import { FEEDBACK_QUESTION, SCORE_LABELS } from './session-view';
import { useRunStyles } from './styles';
import type { UseSessionActions } from './useSessionActions';

export function FeedbackVote({
  run,
  me,
  actions,
  canWrite,
}: {
  run: SessionRunState;
  me: string;
  actions: UseSessionActions;
  canWrite: boolean;
}) {
  const s = useRunStyles();
  const voted = run.voted.includes(me);
  const busy = actions.busy !== undefined;
  if (voted) {
    return (
      <p className={s.p} data-testid="run-voted" role="status">
        Thank you — your vote is in. The record keeps it without your name.
      </p>
    );
  }
  return (
    <div className={s.stack} role="group" aria-labelledby="run-vote-question" data-testid="run-vote">
      <span className={s.strong} id="run-vote-question">
        {FEEDBACK_QUESTION}: how much was this session worth your time?
      </span>
      <div className={s.rowCenter}>
        {[1, 2, 3, 4, 5].map((n) => (
          <Button
            key={n}
            aria-label={`${n} out of 5${n === 1 ? ', not worth it' : n === 5 ? ', very worth it' : ''}`}
            title={SCORE_LABELS[n - 1]}
            disabled={busy || !canWrite}
            onClick={() => void actions.run('Could not send your vote', (c) => c.vote(run, n))}
            data-testid={`run-vote-${n}`}
          >
            {n}
          </Button>
        ))}
      </div>
      <span className={s.caption}>1 = not worth it, 5 = very worth it. Anonymous.</span>
    </div>
  );
}
