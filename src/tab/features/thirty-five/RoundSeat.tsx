/**
 * My seat in the open round: the card I hold, my partner and the card they hold, the split as a
 * radio group (saved as soon as I pick), and how our pair stands. Or my bye.
 */
import { Badge, Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import { SPLIT_OPTIONS, type GameState } from '../../../domain/thirty-five';
import type { LiveMeeting } from '../../../live/live-meeting';
import { ErrorNotice } from '../../ui/common';
import { CardBox } from './CardBox';
import { firstName, parseSplitValue, seatView, splitLabel, splitValue, type NameOf, type SeatStatus } from './game-view';
import { useGameStyles } from './styles';
import { errorMessage } from './useGameActions';

const STATUS_BADGE: Record<SeatStatus, { label: string; color: 'informative' | 'success' | 'warning' | 'subtle' }> = {
  choose: { label: 'Your turn', color: 'informative' },
  waiting: { label: 'Waiting for partner', color: 'informative' },
  agreed: { label: 'Agreed', color: 'success' },
  mismatch: { label: 'Not the same', color: 'warning' },
  closed: { label: 'Closed', color: 'subtle' },
};

export function RoundSeat({ state, userId, nameOf, meeting, canWrite }: { state: GameState; userId: string; nameOf: NameOf; meeting: LiveMeeting | undefined; canWrite: boolean }) {
  const s = useGameStyles();
  const [error, setError] = useState<string | undefined>(undefined);
  const seat = seatView(state, userId, nameOf);

  if (seat.kind === 'none') {
    return (
      <p className={s.p} data-testid="t5-not-dealt">
        You are not dealt into this round. The facilitator can deal you in between rounds.
      </p>
    );
  }
  if (seat.kind === 'bye') {
    return (
      <div className={s.stack} data-testid="t5-bye">
        <p className={s.p}>{seat.message}</p>
        <CardBox caption="The card you hold" card={seat.card} testId="t5-bye-card" />
      </div>
    );
  }

  const choose = (value: string) => {
    const points = parseSplitValue(value);
    if (!points) return;
    if (!meeting || !canWrite) {
      setError('Not connected to the live meeting yet; try again in a moment.');
      return;
    }
    try {
      meeting.thirtyFive.chooseSplit(points);
      setError(undefined);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const locked = seat.status === 'agreed' || seat.status === 'closed';
  const badge = STATUS_BADGE[seat.status];
  return (
    <div className={s.stack} data-testid="t5-seat" data-pair={seat.pair} data-me={seat.me} data-status={seat.status}>
      <span>
        Your partner: <span className={s.strong} data-testid="t5-partner">{seat.partnerName}</span>
      </span>
      <CardBox caption="The card you hold" card={seat.myCard} testId="t5-held-card" />
      <CardBox caption={`${firstName(seat.partnerName)} holds`} card={seat.partnerCard} testId="t5-partner-card" />
      <Field label="Split 7 points between the two cards">
        <RadioGroup
          value={seat.mine ? splitValue(seat.mine) : ''}
          onChange={(_, d) => choose(d.value)}
          disabled={locked || !canWrite}
          data-testid="t5-split"
        >
          {SPLIT_OPTIONS.map((p) => (
            <Radio key={splitValue(p)} value={splitValue(p)} label={splitLabel(p)} data-points={splitValue(p)} />
          ))}
        </RadioGroup>
      </Field>
      <div className={s.rowCenter} role="status" aria-live="polite" data-testid="t5-pair-status" data-status={seat.status}>
        <Badge appearance="tint" color={badge.color} shape="rounded">
          {badge.label}
        </Badge>
        <span className={s.p}>{seat.message}</span>
      </div>
      {error ? <ErrorNotice title="Could not save your split" message={error} /> : null}
    </div>
  );
}
