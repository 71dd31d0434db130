/**
 * Thirty Five on the meeting stage (a big shared screen): where the game is, the round, how many
 * pairs agreed, the round timer, who is still to score; while writing only how many cards there are
 * (never their text); at the end the ranked list with bars and a retrospective prompt.
 */
import { makeStyles, tokens } from '@fluentui/react-components';
import { useStageStatStyles } from '../../ui/stage-stats';
import { useMemo } from 'react';
import type { GameState } from '../../../domain/thirty-five';
import { RankedList } from './RankedList';
import {
  allRoundsPlayed,
  backlogLabel,
  cardsWrittenLabel,
  formatCountdown,
  listNames,
  namesFrom,
  rankedRows,
  roundSummary,
  totalRounds,
} from './game-view';
import { useCountdown } from './useCountdown';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: '16px', minWidth: 0 },
  panel: {
    padding: '16px 20px',
    borderRadius: tokens.borderRadiusXLarge,
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
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
  },
  big: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3 },
  retro: {
    margin: 0,
    padding: '16px 20px',
    borderRadius: tokens.borderRadiusXLarge,
    background: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    border: `1px solid ${tokens.colorBrandStroke2}`,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
  },
});

export function StageGame({
  game,
  members,
  present,
}: {
  game: GameState;
  members: readonly { userId: string; displayName: string }[];
  present: readonly { id: string; name: string }[];
}) {
  const s = useStyles();
  const nameOf = useMemo(() => namesFrom(members, present), [members, present]);
  return (
    <section className={s.wrap} aria-labelledby="stage-t5-heading" data-testid="stage-t5" data-phase={game.phase}>
      <h2 className={s.h2} id="stage-t5-heading">
        Thirty Five
      </h2>
      {game.phase === 'writing' ? (
        <div className={s.panel}>
          <p className={s.big} data-testid="stage-t5-cards-written" aria-live="polite">
            {cardsWrittenLabel(game.cards.length)}
          </p>
          <p className={s.muted} style={{ margin: 0 }}>
            Write your topic card in the side panel. The cards are anonymous and shuffled so nobody holds their own.
          </p>
        </div>
      ) : game.phase === 'playing' ? (
        <Playing game={game} nameOf={nameOf} />
      ) : (
        <Result game={game} />
      )}
    </section>
  );
}

function Playing({ game, nameOf }: { game: GameState; nameOf: (id: string) => string }) {
  const s = useStyles();
  const st = useStageStatStyles();
  const left = useCountdown(game.roundOpen ? game.roundEndsAt : undefined);
  const summary = roundSummary(game, nameOf);
  const done = allRoundsPlayed(game);
  return (
    <>
      <div className={st.bar}>
        <div className={st.stat}>
          <span className={st.statLabel}>Now playing</span>
          <span className={st.statValue} data-testid="stage-t5-round">
            {done ? `All ${totalRounds(game)} played` : summary.label}
          </span>
        </div>
        {!done ? (
          <div className={st.stat}>
            <span className={st.statLabel}>{game.roundOpen ? 'Agreement' : 'Scoring'}</span>
            <span className={st.statValue} data-testid="stage-t5-agreed" aria-live="polite">
              {game.roundOpen ? summary.agreedLabel : 'Not open yet'}
            </span>
          </div>
        ) : null}
        {left !== undefined ? (
          <div className={st.stat}>
            <span className={st.statLabel}>Time left</span>
            <span
              className={left > 0 && left > 30_000 ? st.statValue : `${st.statValue} ${st.urgent}`}
              role="timer"
              data-testid="stage-t5-timer"
            >
              {left > 0 ? formatCountdown(left) : "Time's up"}
            </span>
          </div>
        ) : null}
      </div>
      {game.roundOpen ? (
        <div className={s.panel}>
          {summary.toScore.length ? (
            <p className={s.big} data-testid="stage-t5-to-score">
              Still to score: {listNames(summary.toScore)}
            </p>
          ) : (
            <p className={s.big} data-testid="stage-t5-to-score">
              {summary.complete ? 'Every pair is done.' : 'Everyone has chosen; some pairs are still talking it over.'}
            </p>
          )}
        </div>
      ) : (
        <p className={s.big}>
          {done
            ? 'All rounds are played. The result comes next.'
            : 'Swap cards, find your new partner in the side panel, and wait for the round to open.'}
        </p>
      )}
    </>
  );
}

function Result({ game }: { game: GameState }) {
  const s = useStyles();
  const rows = rankedRows(game);
  return (
    <>
      <div className={s.panel}>
        <h3 className={s.h3}>The result{game.committed ? ` · ${backlogLabel(game.committed.topicIds.length)}` : ''}</h3>
        <RankedList rows={rows} size="big" testId="stage-t5-ranked" label="The result of Thirty Five" />
      </div>
      <p className={s.retro} data-testid="stage-t5-retro">
        How did this go? What would make the next game better?
      </p>
    </>
  );
}
