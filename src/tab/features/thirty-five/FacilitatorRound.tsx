/**
 * The facilitator's controls while the game is played. Between rounds: open the next round (with
 * an optional timer), re-deal for people who left or joined, finish after the last round. In a
 * round: progress, the pairs still open (a stuck one can be closed), close the round.
 */
import { Button, Field, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { GameState } from '../../../domain/thirty-five';
import { checkRedeal, redealChange } from './game-controller';
import {
  TIMER_CHOICES,
  allRoundsPlayed,
  firstName,
  listNames,
  openPairs,
  roundLabel,
  roundSummary,
  timerLabel,
  totalRounds,
  type NameOf,
} from './game-view';
import { ConfirmStep } from './ConfirmStep';
import { useGameStyles } from './styles';
import { useKeepFocus } from './useKeepFocus';
import type { UseGameActions } from './useGameActions';

export function FacilitatorRound({
  state,
  nameOf,
  presentIds,
  actions,
}: {
  state: GameState;
  nameOf: NameOf;
  presentIds: readonly string[];
  actions: UseGameActions;
}) {
  // A step that ends the round replaces these controls: focus goes to the facilitator heading, not the page.
  const keep = useKeepFocus<HTMLDivElement>();
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: focus tracking only (focus events bubble up from the controls inside); nothing here is clicked
    <div ref={keep.ref} onFocus={keep.onFocus} onBlur={keep.onBlur}>
      {state.roundOpen ? (
        <InRound state={state} nameOf={nameOf} actions={actions} />
      ) : (
        <BetweenRounds state={state} nameOf={nameOf} presentIds={presentIds} actions={actions} />
      )}
    </div>
  );
}

function BetweenRounds({
  state,
  nameOf,
  presentIds,
  actions,
}: {
  state: GameState;
  nameOf: NameOf;
  presentIds: readonly string[];
  actions: UseGameActions;
}) {
  const s = useGameStyles();
  const [minutes, setMinutes] = useState(0);
  const done = allRoundsPlayed(state);
  const busy = actions.busy !== undefined;
  const change = redealChange(state, presentIds);
  const canRedeal = checkRedeal(state).ok && (change.leaving.length > 0 || change.newCards > 0);
  const names = (ids: readonly string[]) => listNames(ids.map((id) => firstName(nameOf(id))));
  return (
    <div className={s.facilitator} aria-label="Facilitator" role="group" data-testid="t5-facilitator">
      <h3 className={s.h3} tabIndex={-1} data-focus-return>
        Facilitator
      </h3>
      {done ? (
        <>
          <p className={s.p}>All {totalRounds(state)} rounds are played.</p>
          <div>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => void actions.run('Could not finish the game', (c) => c.finish(state))}
              data-testid="t5-finish"
            >
              {actions.busy === 'Could not finish the game' ? 'Finishing…' : 'Finish and show the result'}
            </Button>
          </div>
        </>
      ) : (
        <div className={s.row}>
          <Field label="Round timer">
            <Select value={String(minutes)} onChange={(_, d) => setMinutes(Number(d.value))} data-testid="t5-timer">
              {TIMER_CHOICES.map((m) => (
                <option key={m} value={String(m)}>
                  {timerLabel(m)}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            appearance="primary"
            disabled={busy}
            onClick={() => void actions.run('Could not open the round', (c) => c.openRound(state, minutes))}
            data-testid="t5-open-round"
          >
            Open {roundLabel(state).replace('Round', 'round')}
          </Button>
        </div>
      )}
      {!done ? (
        <div className={s.stack}>
          <span className={s.muted} data-testid="t5-redeal-hint">
            {change.leaving.length || change.newCards
              ? [
                  change.leaving.length ? `Left: ${names(change.leaving)}.` : '',
                  change.newCards
                    ? `${change.newCards} new ${change.newCards === 1 ? 'card' : 'cards'} to deal in.`
                    : '',
                ]
                  .filter(Boolean)
                  .join(' ') + ' Re-deal the rounds still to play.'
              : 'Everyone dealt in is here.'}
          </span>
          <div>
            <Button
              disabled={busy || !canRedeal}
              onClick={() => void actions.run('Could not re-deal', (c) => c.redeal(state, presentIds))}
              data-testid="t5-redeal"
            >
              {actions.busy === 'Could not re-deal' ? 'Re-dealing…' : 'Re-deal'}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

function InRound({ state, nameOf, actions }: { state: GameState; nameOf: NameOf; actions: UseGameActions }) {
  const s = useGameStyles();
  const summary = roundSummary(state, nameOf);
  const open = openPairs(state, nameOf);
  const busy = actions.busy !== undefined;
  return (
    <div className={s.facilitator} aria-label="Facilitator" role="group" data-testid="t5-facilitator">
      <h3 className={s.h3} tabIndex={-1} data-focus-return>
        Facilitator
      </h3>
      <span data-testid="t5-progress" role="status" aria-live="polite">
        {summary.agreedLabel}
        {summary.complete ? ': every pair is done.' : '.'}
      </span>
      {open.length ? (
        <ul className={s.list} aria-label="Pairs still open">
          {open.map((p) => (
            <li key={p.pair} className={s.pairItem} data-testid="t5-open-pair">
              <span className={s.pairText}>
                <span>{p.holders}</span>
                <span className={s.muted}>{p.detail}</span>
              </span>
              <ConfirmStep
                when
                title={`Close the pair of ${p.holders}?`}
                message={`Their two cards are not scored this round (${p.detail}), and their splits are not taken any more.`}
                confirmLabel="Close the pair"
                onConfirm={() =>
                  void actions.run('Could not close the pair', (c) =>
                    c.closePair(state, { round: p.round, pair: p.pair }),
                  )
                }
              >
                <Button
                  size="small"
                  disabledFocusable={busy}
                  aria-label={`Close pair of ${p.holders}`}
                  className={s.noShrink}
                  data-testid="t5-close-pair"
                >
                  Close pair
                </Button>
              </ConfirmStep>
            </li>
          ))}
        </ul>
      ) : null}
      <div>
        <ConfirmStep
          when={!summary.complete}
          title={`Close ${roundLabel(state).replace('Round', 'round')}?`}
          message={`${summary.agreedLabel}. Pairs that have not agreed are not scored this round, and no more splits are taken.`}
          confirmLabel="Close the round"
          onConfirm={() => void actions.run('Could not close the round', (c) => c.closeRound(state))}
        >
          <Button
            appearance={summary.complete ? 'primary' : 'secondary'}
            disabledFocusable={busy}
            data-testid="t5-close-round"
          >
            {actions.busy === 'Could not close the round' ? 'Saving the round…' : 'Close round'}
          </Button>
        </ConfirmStep>
      </div>
      {!summary.complete ? (
        <span className={s.muted}>Pairs that have not agreed when the round closes are not scored this round.</span>
      ) : null}
    </div>
  );
}
