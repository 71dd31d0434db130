/**
 * My seat in the open round: the card I hold, my partner and the card they hold, the split as a
 * radio group and how our pair stands. Or my bye.
 *
 * Keyboard: arrow keys only move the selection (moving is not choosing); the split is sent when I
 * press Enter or "Submit my split". The options name the pair's two cards in the pair's own order
 * ("‘A’ 5 – 2 ‘B’"), so the same option means the same split for both partners. Nothing here is
 * disabled under the keyboard when my partner's choice arrives, so focus stays where it was.
 * The split goes to the server first (it checks my seat and that the round is open); only then is it
 * shown live (docs/adr/0017-votes-the-server-vouches-for.md).
 */
import { Badge, Button, Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { SPLIT_OPTIONS, type GameState } from '../../../domain/thirty-five';
import type { LiveMeeting } from '../../../live/live-meeting';
import { ErrorNotice } from '../../ui/common';
import { CardBox } from './CardBox';
import {
  firstName,
  mineFromPair,
  pairSplitLabel,
  parseSplitValue,
  seatView,
  splitValue,
  type NameOf,
  type SeatStatus,
} from './game-view';
import { useGameStyles } from './styles';
import { useGameActions } from './useGameActions';
import { useKeepFocus } from './useKeepFocus';

const STATUS_BADGE: Record<SeatStatus, { label: string; color: 'informative' | 'success' | 'warning' | 'subtle' }> = {
  choose: { label: 'Your turn', color: 'informative' },
  waiting: { label: 'Waiting for partner', color: 'informative' },
  agreed: { label: 'Agreed', color: 'success' },
  mismatch: { label: 'Not the same', color: 'warning' },
  closed: { label: 'Closed', color: 'subtle' },
};

const SUBMIT = 'Could not save your split';

interface Props {
  state: GameState;
  userId: string;
  nameOf: NameOf;
  meeting: LiveMeeting | undefined;
  canWrite: boolean;
  communityId: string;
  meetingId: string;
}

export function RoundSeat({ state, userId, nameOf, meeting, canWrite, communityId, meetingId }: Props) {
  const s = useGameStyles();
  const actions = useGameActions(meeting, communityId, meetingId);
  const keep = useKeepFocus<HTMLDivElement>();
  const seat = seatView(state, userId, nameOf);
  const savedValue = seat.kind === 'pair' && seat.mine ? splitValue(mineFromPair(seat.mine, seat.me)) : '';
  const [picked, setPicked] = useState(savedValue);
  const [touched, setTouched] = useState(false);
  // Until I move the selection myself, it shows what is stored (e.g. after a reload).
  useEffect(() => {
    if (!touched) setPicked(savedValue);
  }, [savedValue, touched]);

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

  const [first, second] = seat.cardsInOrder;
  const busy = actions.busy !== undefined;
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const inPairOrder = parseSplitValue(picked);
    if (!inPairOrder || busy) return;
    if (!canWrite) return;
    void actions.run(SUBMIT, async (c) => {
      const done = await c.choose(state, userId, mineFromPair(inPairOrder, seat.me));
      if (done.ok) setTouched(false);
      return done;
    });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter') submit(e as unknown as FormEvent);
  };
  const badge = STATUS_BADGE[seat.status];
  const unsent = picked !== '' && picked !== savedValue;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: focus tracking only (focus events bubble up from the controls inside); nothing here is clicked
    <div
      className={s.stack}
      ref={keep.ref}
      onFocus={keep.onFocus}
      onBlur={keep.onBlur}
      tabIndex={-1}
      data-testid="t5-seat"
      data-pair={seat.pair}
      data-me={seat.me}
      data-status={seat.status}
    >
      <span>
        Your partner:{' '}
        <span className={s.strong} data-testid="t5-partner">
          {seat.partnerName}
        </span>
      </span>
      <CardBox caption="The card you hold" card={seat.myCard} testId="t5-held-card" />
      <CardBox caption={`${firstName(seat.partnerName)} holds`} card={seat.partnerCard} testId="t5-partner-card" />
      <form className={s.stack} onSubmit={submit} aria-label="Your split">
        <Field label="Split 7 points between the two cards">
          <RadioGroup
            value={picked}
            onChange={(_, d) => {
              setPicked(d.value);
              setTouched(true);
            }}
            onKeyDown={onKeyDown}
            data-testid="t5-split"
          >
            {SPLIT_OPTIONS.map((p) => (
              <Radio
                key={splitValue(p)}
                value={splitValue(p)}
                label={pairSplitLabel(first?.title ?? 'a card', second?.title ?? 'a card', p)}
                data-points={splitValue(p)}
              />
            ))}
          </RadioGroup>
        </Field>
        <div>
          <Button
            type="submit"
            appearance={unsent || !savedValue ? 'primary' : 'secondary'}
            disabledFocusable={!picked || busy || !canWrite}
            data-focus-return
            data-testid="t5-split-submit"
          >
            {busy ? 'Saving…' : savedValue ? 'Change my split' : 'Submit my split'}
          </Button>
        </div>
      </form>
      <div
        className={s.rowCenter}
        role="status"
        aria-live="polite"
        data-testid="t5-pair-status"
        data-status={seat.status}
      >
        <Badge appearance="tint" color={badge.color} shape="rounded">
          {badge.label}
        </Badge>
        <span className={s.p}>{unsent ? `${seat.message} Not sent yet: press Enter or Submit.` : seat.message}</span>
      </div>
      {actions.error ? <ErrorNotice title={actions.error.title} message={actions.error.message} /> : null}
    </div>
  );
}
