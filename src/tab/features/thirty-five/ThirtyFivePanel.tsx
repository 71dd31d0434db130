/**
 * Thirty Five in a participant's side panel (about 320 px): what the game is, my card, my seat in
 * the open round, the result; facilitator controls for facilitators only (the server checks the
 * role again). Every failure is shown where it happened; nothing here throws into the page.
 */
import { Badge, Button, Field, Select } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { LatestGameView } from '../../../api/thirty-five-schemas';
import { MAX_GAME_ROUNDS } from '../../../api/thirty-five-schemas';
import { type AnonymousCard, DEFAULT_ROUNDS, type GameState } from '../../../domain/thirty-five';
import type { CommunityView } from '../../api-client';
import { ErrorNotice, InfoNotice, Loading, Section } from '../../ui/common';
import type { UseLiveMeeting } from '../live/useLiveMeeting';
import { CardForm } from './CardForm';
import { FacilitatorRound } from './FacilitatorRound';
import { ResultView } from './ResultView';
import { RoundSeat } from './RoundSeat';
import {
  allRoundsPlayed,
  cardsWrittenLabel,
  firstName,
  formatCountdown,
  isDealt,
  listNames,
  myCard,
  namesFrom,
  roundLabel,
  totalRounds,
  type NameOf,
} from './game-view';
import { useGameStyles } from './styles';
import { useCountdown } from './useCountdown';
import { useGameActions, type UseGameActions } from './useGameActions';

export function ThirtyFivePanel({
  view,
  live,
  meetingId,
}: {
  view: CommunityView;
  live: UseLiveMeeting;
  meetingId: string;
}) {
  const game = live.snapshot.thirtyFive;
  const facilitator = view.me.roles.includes('facilitator');
  const actions = useGameActions(live.meeting, view.community.id, meetingId);
  const nameOf = useMemo(() => namesFrom(view.members, live.snapshot.present), [view.members, live.snapshot.present]);
  const presentIds = useMemo(() => live.snapshot.present.map((p) => p.id), [live.snapshot.present]);
  const connected = live.status === 'connected';
  const me = view.me.userId;
  const [mine, setMine] = useMyCard(actions, game?.gameId);

  return (
    <Section title="Thirty Five" id="thirty-five-heading" testId="t5-section">
      {!game && !live.meeting ? (
        // Until the live meeting is open we do not know whether a game is running: offer nothing yet.
        <Loading label="Loading the game…" />
      ) : !game ? (
        <NoGame facilitator={facilitator} connected={connected} actions={actions} />
      ) : (
        <GameBody
          game={game}
          me={me}
          facilitator={facilitator}
          nameOf={nameOf}
          presentIds={presentIds}
          live={live}
          actions={actions}
          communityId={view.community.id}
          meetingId={meetingId}
          mine={mine}
          onMine={setMine}
        />
      )}
      {actions.error ? <ErrorNotice title={actions.error.title} message={actions.error.message} /> : null}
    </Section>
  );
}

function Explanation() {
  const s = useGameStyles();
  return (
    <p className={s.p} data-testid="t5-explain">
      Thirty Five ranks our topics together. Everyone writes one topic card. The cards are shuffled so nobody holds
      their own. In pairs, you split 7 points between the two cards you hold, then swap and meet someone new: 5 rounds,
      so a card scores up to 35. The total gives the prioritised backlog.
    </p>
  );
}

function NoGame({
  facilitator,
  connected,
  actions,
}: {
  facilitator: boolean;
  connected: boolean;
  actions: UseGameActions;
}) {
  const s = useGameStyles();
  const [rounds, setRounds] = useState(DEFAULT_ROUNDS);
  const [resumable, setResumable] = useState<LatestGameView | null | undefined>(undefined);
  const { controller } = actions;
  const busy = actions.busy !== undefined;

  // A facilitator whose meeting lost its live game is offered the record's last checkpoint. "Start" is
  // offered only once the record's latest game was read, so a new game is never started by mistake.
  useEffect(() => {
    if (!facilitator || !controller) return;
    let live = true;
    controller.findResumable().then(
      (g) => live && setResumable(g.ok ? g.value : null), // nothing to offer on a refusal; starting a game still works
      () => live && setResumable(null),
    );
    return () => {
      live = false;
    };
  }, [facilitator, controller]);

  if (facilitator && resumable === undefined) return <Loading label="Checking for an interrupted game…" />;

  return (
    <div className={s.stack}>
      <Explanation />
      {facilitator && resumable ? (
        <InfoNotice title="A game was interrupted">
          <span data-testid="t5-resumable">
            This meeting's game stopped{' '}
            {resumable.status === 'writing'
              ? 'while cards were being written'
              : resumable.status === 'finished'
                ? 'after the last round'
                : `after ${resumable.roundsClosed} of ${resumable.plannedRounds} rounds`}
            . Pick it up where it was saved, or start a new one.
          </span>
          <div style={{ marginTop: 8 }}>
            <Button
              disabled={busy}
              onClick={() => void actions.run('Could not resume the game', (c) => c.resume(resumable))}
              data-testid="t5-resume"
            >
              Resume the game
            </Button>
          </div>
        </InfoNotice>
      ) : null}
      {facilitator ? (
        <div className={s.row}>
          <Field label="Rounds">
            <Select value={String(rounds)} onChange={(_, d) => setRounds(Number(d.value))} data-testid="t5-rounds">
              {Array.from({ length: MAX_GAME_ROUNDS }, (_, i) => i + 1).map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            appearance="primary"
            disabled={busy || !connected}
            onClick={() => void actions.run('Could not start the game', (c) => c.start(rounds))}
            data-testid="t5-start"
          >
            {actions.busy === 'Could not start the game'
              ? 'Starting…'
              : resumable
                ? 'Start a new game'
                : 'Start Thirty Five'}
          </Button>
        </div>
      ) : (
        <span className={s.muted}>The facilitator starts the game.</span>
      )}
    </div>
  );
}

/**
 * My card of the game: the server says which card is mine (the meeting's tree has no authors, see
 * docs/adr/0023-anonymous-thirty-five-cards.md); asked once per game, then set by my own writes.
 */
function useMyCard(
  actions: UseGameActions,
  gameId: string | undefined,
): [AnonymousCard | null | undefined, (card: AnonymousCard) => void] {
  const [mine, setMine] = useState<{ gameId: string; card: AnonymousCard | null } | undefined>(undefined);
  const controller = actions.controller;
  useEffect(() => {
    if (!controller || !gameId) return;
    let current = true;
    void controller.myCard(gameId).then((r) => {
      if (current && r.ok) setMine((was) => (was?.gameId === gameId && was.card ? was : { gameId, card: r.value }));
    });
    return () => {
      current = false;
    };
  }, [controller, gameId]);
  const set = useCallback((card: AnonymousCard) => gameId && setMine({ gameId, card }), [gameId]);
  return [mine && mine.gameId === gameId ? mine.card : undefined, set];
}

interface BodyProps {
  game: GameState;
  me: string;
  facilitator: boolean;
  nameOf: NameOf;
  presentIds: readonly string[];
  live: UseLiveMeeting;
  actions: UseGameActions;
  communityId: string;
  meetingId: string;
  /** My card (from the server), null when I wrote none, undefined while unknown. */
  mine: AnonymousCard | null | undefined;
  onMine: (card: AnonymousCard) => void;
}

function GameBody(p: BodyProps) {
  switch (p.game.phase) {
    case 'writing':
      return <Writing {...p} />;
    case 'playing':
      return <Playing {...p} />;
    case 'finished':
      return <Finished {...p} />;
  }
}

function Writing(p: BodyProps) {
  const { game, facilitator, live, actions } = p;
  const s = useGameStyles();
  const mine = myCard(game, p.mine);
  const n = game.cards.length;
  return (
    <div className={s.stack}>
      <CardForm
        key={game.gameId}
        write={writerOf(p)}
        onSaved={p.onMine}
        canWrite={live.status === 'connected'}
        mine={mine}
        intro="Write one topic you want the community to work on. Cards stay anonymous."
      />
      <span className={s.strong} data-testid="t5-cards-written" role="status" aria-live="polite">
        {cardsWrittenLabel(n)}
      </span>
      {facilitator ? (
        <div className={s.facilitator} role="group" aria-label="Facilitator" data-testid="t5-facilitator">
          <h3 className={s.h3}>Facilitator</h3>
          <div>
            <Button
              appearance="primary"
              disabled={n < 2 || actions.busy !== undefined}
              onClick={() => void actions.run('Could not deal the cards', (c) => c.deal(game))}
              data-testid="t5-deal"
            >
              {actions.busy === 'Could not deal the cards' ? 'Dealing…' : `Deal ${n} ${n === 1 ? 'card' : 'cards'}`}
            </Button>
          </div>
          {n < 2 ? <span className={s.muted}>At least two cards are needed to deal.</span> : null}
        </div>
      ) : null}
    </div>
  );
}

/** Writes my card through the controller (server first), or undefined before the live meeting is open. */
const writerOf = (p: BodyProps) => {
  const c = p.actions.controller;
  return c ? (text: { title: string; description: string }) => c.writeCard(p.game, text) : undefined;
};

function Playing(p: BodyProps) {
  const { game, me, facilitator, nameOf, presentIds, live, actions, communityId, meetingId } = p;
  const s = useGameStyles();
  const mine = myCard(game, p.mine);
  const dealt = mine ? isDealt(game, mine.id) : false;
  const connected = live.status === 'connected';
  const done = allRoundsPlayed(game);
  return (
    <div className={s.stack}>
      <RoundHeader game={game} />
      {!mine || !dealt ? (
        <CardForm
          key={`${game.gameId}-late`}
          write={writerOf(p)}
          onSaved={p.onMine}
          canWrite={connected}
          mine={mine}
          intro={
            mine
              ? 'Your card is written. The facilitator deals you in between rounds.'
              : 'You arrived after the deal. Write a card, and the facilitator deals you in between rounds.'
          }
        />
      ) : game.roundOpen ? (
        <RoundSeat
          state={game}
          userId={me}
          nameOf={nameOf}
          meeting={live.meeting}
          canWrite={connected}
          communityId={communityId}
          meetingId={meetingId}
        />
      ) : (
        <p className={s.p} data-testid="t5-waiting">
          {done
            ? 'All rounds are played — waiting for the facilitator to show the result.'
            : `${roundLabel(game)} — waiting for the facilitator.`}
        </p>
      )}
      {facilitator ? <FacilitatorRound state={game} nameOf={nameOf} presentIds={presentIds} actions={actions} /> : null}
    </div>
  );
}

function RoundHeader({ game }: { game: GameState }) {
  const s = useGameStyles();
  const left = useCountdown(game.roundOpen ? game.roundEndsAt : undefined);
  const done = allRoundsPlayed(game);
  return (
    <div className={s.rowCenter}>
      <span className={s.strong} data-testid="t5-round">
        {done ? `All ${totalRounds(game)} rounds played` : roundLabel(game)}
      </span>
      {game.roundOpen ? (
        <Badge appearance="tint" color="brand" shape="rounded">
          Scoring
        </Badge>
      ) : null}
      {left !== undefined ? (
        <span className={s.counter} role="timer" aria-label="Time left in this round" data-testid="t5-timer-left">
          {left > 0 ? `${formatCountdown(left)} left` : "Time's up"}
        </span>
      ) : null}
    </div>
  );
}

function Finished({ game, facilitator, actions }: BodyProps) {
  return <ResultView state={game} facilitator={facilitator} actions={actions} />;
}
