/** Styles shared by the session sections and the session page (Fluent tokens only). */
import { makeStyles, tokens } from '@fluentui/react-components';

export const useSessionStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(11.5rem, 1.1fr) minmax(0, 1.6fr) minmax(8rem, 1fr) max-content',
    gap: '4px 16px',
    alignItems: 'baseline',
    padding: '8px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 640px)': { gridTemplateColumns: 'minmax(0, 1fr) max-content' },
  },
  rowMain: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  rowTopics: {
    minWidth: 0,
    overflowWrap: 'anywhere',
    '@media (max-width: 640px)': { gridColumn: '1 / -1', gridRow: '2' },
  },
  rowPerson: {
    color: tokens.colorNeutralForeground2,
    '@media (max-width: 640px)': { gridColumn: '1 / -1', gridRow: '3' },
  },
  rowCount: { justifySelf: 'end', whiteSpace: 'nowrap' },
  linkText: { textAlign: 'start', fontWeight: tokens.fontWeightSemibold },
  typeLine: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  h3: { margin: '8px 0 0', fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(10.5rem, 1fr))',
    gap: '8px 12px',
    alignItems: 'end',
  },
  filterActions: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  searchForm: { display: 'flex', gap: '8px', alignItems: 'flex-end', flexWrap: 'wrap' },
  searchBox: { flexGrow: 1, minWidth: '12rem' },
  hit: { display: 'flex', flexDirection: 'column', gap: '2px', padding: '8px 0', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  hitHead: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
  excerpt: { overflowWrap: 'anywhere' },
  group: { display: 'flex', flexDirection: 'column', gap: '4px' },
  action: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) max-content',
    gap: '4px 12px',
    alignItems: 'center',
    padding: '6px 0',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  actionText: { overflowWrap: 'anywhere' },
  statusSelect: { minWidth: '8rem' },
  overdue: { color: tokens.colorStatusDangerForeground1, fontWeight: tokens.fontWeightSemibold },
});
