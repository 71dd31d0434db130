/** The facilitator rotation: who is next up, skip and swap turns, join or leave the rotation. */
import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { hasRole } from '../../../domain/community';
import type { CommunityView, SessionPlan } from '../../api-client';
import { toApiError, useServices } from '../../app-services';
import { ErrorNotice, useSectionStyles } from '../../ui/common';
import { rotationView } from './rotation-view';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '8px' },
  row: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap' },
  next: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  queue: { margin: 0, paddingLeft: '1.5em', display: 'flex', flexDirection: 'column', gap: '2px' },
});

export function RotationPanel({
  view,
  plan,
  onChanged,
}: {
  view: CommunityView;
  plan: SessionPlan;
  onChanged(): void;
}) {
  const { api } = useServices();
  const s = useStyles();
  const sec = useSectionStyles();
  const communityId = view.community.id;
  const me = view.me.userId;
  const manages = hasRole(view.me, 'facilitator') || hasRole(view.me, 'champion');
  const names = new Map(view.members.map((m) => [m.userId, m.displayName]));
  const r = rotationView(plan, me, (id) => names.get(id) ?? id);
  const [swapWith, setSwapWith] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState('');
  const others = r.queue.filter((q) => q.userId !== plan.facilitatorId);
  const swapTarget = others.find((o) => o.userId === swapWith) ?? others[0];

  const change = async (c: Parameters<typeof api.sessions.changeRotation>[1], message: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await api.sessions.changeRotation(communityId, c);
      setDone(message);
      onChanged();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={s.panel} data-testid="rotation" role="group" aria-labelledby="rotation-heading">
      <h3 id="rotation-heading" className={sec.h2} style={{ fontSize: tokens.fontSizeBase300 }}>
        Facilitator rotation
      </h3>
      {r.nextUp ? (
        <span className={s.next} data-testid="next-up">
          Next up: <strong>{r.nextUp.userId === me ? `you (${r.nextUp.name})` : r.nextUp.name}</strong>
        </span>
      ) : (
        <span className={sec.muted} data-testid="next-up">
          Nobody has joined the rotation yet: the person who schedules a session facilitates it unless they pick
          someone.
        </span>
      )}
      {r.nextUp && (manages || r.nextUp.userId === me) ? (
        <div className={s.row}>
          <Button
            size="small"
            disabled={busy}
            onClick={() =>
              void change({ kind: 'skip', userId: r.nextUp!.userId }, `${r.nextUp!.name} is skipped this time.`)
            }
            data-testid="rotation-skip"
          >
            {r.nextUp.userId === me ? 'Skip my turn' : `Skip ${r.nextUp.name}'s turn`}
          </Button>
          {manages && others.length ? (
            <>
              <Field label={`Swap ${r.nextUp.name}'s turn with`} size="small">
                <Select
                  size="small"
                  value={swapTarget?.userId ?? ''}
                  onChange={(_, d) => setSwapWith(d.value)}
                  data-testid="rotation-swap-with"
                >
                  {others.map((o) => (
                    <option key={o.userId} value={o.userId}>
                      {o.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <Button
                size="small"
                disabled={busy || !swapTarget}
                onClick={() =>
                  swapTarget &&
                  void change(
                    { kind: 'swap', a: r.nextUp!.userId, b: swapTarget.userId },
                    `${r.nextUp!.name} and ${swapTarget.name} swapped turns.`,
                  )
                }
                data-testid="rotation-swap"
              >
                Swap
              </Button>
            </>
          ) : null}
        </div>
      ) : null}
      {r.queue.length ? (
        <>
          <span className={sec.muted} id="rotation-queue-label">
            In the order they are due:
          </span>
          <ol className={s.queue} aria-labelledby="rotation-queue-label" data-testid="rotation-queue">
            {r.queue.map((q) => (
              <li key={q.userId}>
                {q.name}
                {q.userId === me ? ' (you)' : ''}
                {q.skipping ? <span className={sec.muted}> — skips this time</span> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      <div className={s.row}>
        {r.iAmIn ? (
          <Button
            size="small"
            disabled={busy}
            onClick={() => void change({ kind: 'leave' }, 'You left the rotation.')}
            data-testid="rotation-leave"
          >
            Leave the rotation
          </Button>
        ) : (
          <Button
            size="small"
            appearance="primary"
            disabled={busy}
            onClick={() => void change({ kind: 'join' }, 'You joined the rotation.')}
            data-testid="rotation-join"
          >
            Join the rotation
          </Button>
        )}
        <span role="status" className={sec.muted}>
          {done}
        </span>
      </div>
      {error ? <ErrorNotice title="The rotation did not change" message={error} /> : null}
    </div>
  );
}
