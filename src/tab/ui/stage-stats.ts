/** The big-number tiles across the top of the meeting stage (phase, round, time left, who's here). */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useStageStatStyles = makeStyles({
  bar: { display: 'flex', gap: '16px', alignItems: 'stretch', flexWrap: 'wrap' },
  stat: {
    display: 'flex',
    flexDirection: 'column',
    padding: '12px 20px',
    borderRadius: tokens.borderRadiusLarge,
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: '160px',
  },
  statLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase300 },
  statValue: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
  },
  /** A timer in its last 30 seconds. */
  urgent: { color: tokens.colorPaletteRedForeground1 },
});
