/**
 * After the last round: the ranked list, and for the facilitator the merges of duplicate cards
 * (with undo) and the one step that turns the list into the prioritised backlog.
 */
import { Button, Field, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { GameState } from '../../../domain/thirty-five';
import { InfoNotice } from '../../ui/common';
import { RankedList } from './RankedList';
import { backlogLabel, cardById, mergeCandidates, rankedRows } from './game-view';
import { useGameStyles } from './styles';
import type { UseGameActions } from './useGameActions';

export function ResultView({
  state,
  facilitator,
  actions,
}: {
  state: GameState;
  facilitator: boolean;
  actions: UseGameActions;
}) {
  const s = useGameStyles();
  const rows = rankedRows(state);
  return (
    <div className={s.stack}>
      {state.committed ? (
        <InfoNotice intent="success" title="Done">
          <span data-testid="t5-committed">{backlogLabel(state.committed.topicIds.length)}</span>. The channel tab lists
          them in this order.
        </InfoNotice>
      ) : (
        <p className={s.p}>The game is over. Here is the order you chose together.</p>
      )}
      <RankedList rows={rows} testId="t5-ranked" label="The result" />
      {facilitator && !state.committed ? <FacilitatorResult state={state} actions={actions} /> : null}
      {facilitator && state.committed ? (
        <div>
          <Button
            disabled={actions.busy !== undefined}
            onClick={() => void actions.run('Could not start the game', (c) => c.start(state.plannedRounds))}
            data-testid="t5-start-another"
          >
            Start another game
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function FacilitatorResult({ state, actions }: { state: GameState; actions: UseGameActions }) {
  const s = useGameStyles();
  const candidates = mergeCandidates(state);
  const [from, setFrom] = useState('');
  const [into, setInto] = useState('');
  const busy = actions.busy !== undefined;
  const titleOf = (id: string) => cardById(state, id)?.title ?? 'a card';
  const short = (t: string) => (t.length > 40 ? `${t.slice(0, 39)}…` : t);
  const validFrom = candidates.some((c) => c.id === from) && !state.merges.some((m) => m.into === from);
  const validInto = candidates.some((c) => c.id === into) && into !== from;

  return (
    <div className={s.facilitator} role="group" aria-label="Facilitator" data-testid="t5-facilitator">
      <h3 className={s.h3}>Facilitator</h3>
      <span className={s.muted}>Two cards say the same thing? Merge one into the other: their scores add up.</span>
      <Field label="This card…">
        <Select value={from} onChange={(_, d) => setFrom(d.value)} data-testid="t5-merge-from">
          <option value="">Pick a card</option>
          {candidates
            .filter((c) => !state.merges.some((m) => m.into === c.id))
            .map((c) => (
              <option key={c.id} value={c.id}>
                {short(c.title)}
              </option>
            ))}
        </Select>
      </Field>
      <Field label="…duplicates this one">
        <Select value={into} onChange={(_, d) => setInto(d.value)} data-testid="t5-merge-into">
          <option value="">Pick a card</option>
          {candidates
            .filter((c) => c.id !== from)
            .map((c) => (
              <option key={c.id} value={c.id}>
                {short(c.title)}
              </option>
            ))}
        </Select>
      </Field>
      <div>
        <Button
          disabled={busy || !validFrom || !validInto}
          onClick={() =>
            void actions.run('Could not merge', (c) => {
              c.merge(state, { from, into });
              setFrom('');
              setInto('');
            })
          }
          data-testid="t5-merge"
        >
          Merge
        </Button>
      </div>
      {state.merges.length ? (
        <ul className={s.list} aria-label="Merged cards">
          {state.merges.map((m) => (
            <li key={m.from} className={s.pairItem} data-testid="t5-merged">
              <span className={s.pairText}>
                <span>{titleOf(m.from)}</span>
                <span className={s.muted}>merged into {titleOf(m.into)}</span>
              </span>
              <Button
                size="small"
                disabled={busy}
                aria-label={`Undo the merge of ${titleOf(m.from)}`}
                onClick={() => void actions.run('Could not undo the merge', (c) => c.unmerge(state, m.from))}
                className={s.noShrink}
                data-testid="t5-unmerge"
              >
                Undo
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => void actions.run('Could not commit to the backlog', (c) => c.commit(state))}
          data-testid="t5-commit"
        >
          {actions.busy === 'Could not commit to the backlog' ? 'Committing…' : 'Commit to backlog'}
        </Button>
      </div>
    </div>
  );
}
