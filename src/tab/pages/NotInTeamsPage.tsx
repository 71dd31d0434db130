/** Shown when the page is opened outside Teams without `?host=local` (or Teams did not answer). */
import { Link, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  main: {
    maxWidth: '560px',
    margin: '0 auto',
    padding: '48px 20px',
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    color: tokens.colorNeutralForeground1,
  },
  h1: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
  },
  p: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  details: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export function NotInTeamsPage({ reason }: { reason?: string }) {
  const s = useStyles();
  return (
    <main aria-label="Guildhall" data-testid="not-in-teams" className={s.main}>
      <h1 className={s.h1}>Guildhall runs inside Microsoft Teams</h1>
      <p className={s.p}>
        Open Guildhall inside Microsoft Teams, or try the local meeting at <Link href="/dev">/dev</Link>.
      </p>
      {reason ? <p className={s.details}>Details: {reason}</p> : null}
    </main>
  );
}

export function BadLocalParamsPage({ problems }: { problems: readonly string[] }) {
  const s = useStyles();
  return (
    <main aria-label="Guildhall" data-testid="bad-local-params" className={s.main}>
      <h1 className={s.h1}>This local (dev) link is not valid</h1>
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <p className={s.p}>
        Start from the local meeting at <Link href="/dev">/dev</Link>.
      </p>
    </main>
  );
}
