/** Small building blocks every page uses: the page frame, the DEV ONLY badge, loading and error notices. */
import {
  Badge,
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { TabHost } from '../host/tab-host';

const useStyles = makeStyles({
  main: {
    boxSizing: 'border-box',
    width: '100%',
    minWidth: 0,
    padding: '12px',
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    color: tokens.colorNeutralForeground1,
  },
  wide: { maxWidth: '1100px', margin: '0 auto', padding: '20px 24px' },
  header: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: '8px', flexWrap: 'wrap' },
  headings: { minWidth: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  h1: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  h1Big: { fontSize: tokens.fontSizeHero800, lineHeight: tokens.lineHeightHero800 },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  center: { display: 'flex', alignItems: 'center', justifyContent: 'center', padding: '24px' },
});

export interface PageProps {
  readonly label: string;
  readonly testId: string;
  readonly title: ReactNode;
  readonly subtitle?: ReactNode;
  readonly actions?: ReactNode;
  readonly host?: TabHost;
  readonly wide?: boolean;
  readonly big?: boolean;
  readonly children?: ReactNode;
}

export function Page({ label, testId, title, subtitle, actions, host, wide, big, children }: PageProps) {
  const s = useStyles();
  return (
    <main aria-label={label} data-testid={testId} className={wide ? `${s.main} ${s.wide}` : s.main}>
      <header className={s.header}>
        <div className={s.headings}>
          <h1 className={big ? `${s.h1} ${s.h1Big}` : s.h1}>{title}</h1>
          {subtitle ? <div className={s.sub}>{subtitle}</div> : null}
        </div>
        {actions}
        {host?.kind === 'local' ? <DevBadge name={host.context.userName} /> : null}
      </header>
      {children}
    </main>
  );
}

/** Shown on every page that runs on the local host: the identity is a dev stand-in, not a sign-in. */
export function DevBadge({ name }: { name?: string }) {
  return (
    <Badge
      appearance="tint"
      color="warning"
      shape="rounded"
      title="DEV ONLY: a local identity from the URL, accepted only by a server in dev mode"
      data-testid="dev-badge"
    >
      DEV ONLY{name ? ` · ${name}` : ''}
    </Badge>
  );
}

export function Loading({ label }: { label: string }) {
  const s = useStyles();
  return (
    <div className={s.center} role="status" aria-live="polite">
      <Spinner size="small" label={label} />
    </div>
  );
}

export function ErrorNotice({
  title = 'Something went wrong',
  message,
  onRetry,
  retryLabel = 'Try again',
}: {
  title?: string;
  message: string;
  onRetry?: () => void;
  retryLabel?: string;
}) {
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button size="small" onClick={onRetry}>
            {retryLabel}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

export function InfoNotice({
  title,
  children,
  intent = 'info',
}: {
  title?: string;
  children: ReactNode;
  intent?: 'info' | 'success' | 'warning';
}) {
  return (
    <MessageBar intent={intent} layout="multiline" role={intent === 'warning' ? 'alert' : 'status'}>
      <MessageBarBody>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}

export const useSectionStyles = makeStyles({
  section: {
    boxSizing: 'border-box',
    minWidth: 0,
    background: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: '12px',
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
  },
  h2: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  row: { display: 'flex', gap: '8px', alignItems: 'center', flexWrap: 'wrap' },
});

export function Section({
  title,
  children,
  id,
  testId,
}: {
  title: string;
  children: ReactNode;
  id: string;
  testId?: string;
}) {
  const s = useSectionStyles();
  return (
    <section aria-labelledby={id} className={s.section} data-testid={testId}>
      <h2 id={id} className={s.h2}>
        {title}
      </h2>
      {children}
    </section>
  );
}

const useLengthStyles = makeStyles({
  counter: { fontVariantNumeric: 'tabular-nums' },
  over: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * What to say when a text is past its limit (as the topic card form does), or undefined. Fields with a
 * limit let a long paste in and say so, instead of cutting it silently at the limit.
 */
export function overLimitMessage(length: number, max: number): string | undefined {
  if (length <= max) return undefined;
  const n = (x: number) => x.toLocaleString('en');
  return `That is ${n(length)} characters; the limit is ${n(max)}. Shorten it by ${n(length - max)} to add it.`;
}

/** The "n / max" counter under a field with a limit, red past the limit. */
export function LengthCounter({ length, max, testId }: { length: number; max: number; testId?: string }) {
  const s = useLengthStyles();
  return (
    <span className={mergeClasses(s.counter, length > max && s.over)} data-testid={testId}>
      {`${length} / ${max}`}
    </span>
  );
}
