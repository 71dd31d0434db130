/**
 * The result: rank, title (merged cards beneath), score out of 7 × rounds, how many rounds it rests
 * on when fewer, and a bar. `size="big"` for the stage, compact for the side panel.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { RankedRow } from './game-view';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: '6px',
    minWidth: 0,
  },
  bigList: { gap: '12px' },
  item: {
    display: 'grid',
    gridTemplateColumns: '2em minmax(0, 1fr) auto',
    columnGap: '8px',
    rowGap: '2px',
    alignItems: 'baseline',
    minWidth: 0,
    paddingBottom: '6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  bigItem: { gridTemplateColumns: '2.5em minmax(0, 1fr) auto', columnGap: '16px', paddingBottom: '10px' },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  rank: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
    fontVariantNumeric: 'tabular-nums',
  },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere', minWidth: 0 },
  score: { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold },
  outOf: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  detail: {
    gridColumn: '2 / 4',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  merged: {
    gridColumn: '2 / 4',
    margin: 0,
    paddingLeft: '16px',
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
  track: {
    gridColumn: '2 / 4',
    height: '6px',
    borderRadius: tokens.borderRadiusCircular,
    background: tokens.colorNeutralBackground5,
    overflow: 'hidden',
    marginTop: '2px',
    // High contrast: the track keeps an outline when backgrounds are flattened.
    border: `1px solid ${tokens.colorTransparentStroke}`,
  },
  bigTrack: { height: '14px' },
  bar: { height: '100%', background: tokens.colorBrandBackground, borderRadius: tokens.borderRadiusCircular },
  bigText: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  bigDetail: { fontSize: tokens.fontSizeBase300 },
});

export function RankedList({
  rows,
  size = 'compact',
  testId,
  label,
}: {
  rows: readonly RankedRow[];
  size?: 'compact' | 'big';
  testId: string;
  label: string;
}) {
  const s = useStyles();
  const big = size === 'big';
  if (rows.length === 0) return <p>No card was scored.</p>;
  return (
    <ol className={mergeClasses(s.list, big && s.bigList)} aria-label={label} data-testid={testId}>
      {rows.map((r) => (
        <li
          key={r.cardId}
          className={mergeClasses(s.item, big && s.bigItem, big && s.bigText)}
          data-testid={`${testId}-item`}
          data-rank={r.rank}
        >
          <span className={s.rank}>
            <span aria-hidden="true">{r.rank}.</span>
            <span className={s.visuallyHidden}>{`Rank ${r.rank}`}</span>
          </span>
          <span className={s.title} data-testid={`${testId}-title`}>
            {r.title}
          </span>
          <span className={s.score} data-testid={`${testId}-score`}>
            {r.scoreText}
            <span className={s.outOf}> {r.outOfText}</span>
          </span>
          {r.merged.length ? (
            <ul className={mergeClasses(s.merged, big && s.bigDetail)} aria-label={`Merged into ${r.title}`}>
              {r.merged.map((m) => (
                <li key={m.id}>{m.title}</li>
              ))}
            </ul>
          ) : null}
          {r.restsOn ? <span className={mergeClasses(s.detail, big && s.bigDetail)}>{r.restsOn}</span> : null}
          <div className={mergeClasses(s.track, big && s.bigTrack)} aria-hidden>
            <div className={s.bar} style={{ width: `${r.barPercent.toFixed(1)}%` }} />
          </div>
        </li>
      ))}
    </ol>
  );
}
