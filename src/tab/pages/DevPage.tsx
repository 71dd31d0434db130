/**
 * DEV ONLY: the local meeting (/dev?participants=3&theme=default|dark|contrast). It seeds the demo
 * community through /api/dev/setup (served only in dev mode) and shows every participant's side
 * panel, the stage and the channel tab side by side, each in an iframe on the local host.
 */
import { Link, Radio, RadioGroup, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { createApiClient } from '../api-client';
import type { DevSetupResponse } from '../../api/dev-identity';
import { useAsync, type AsyncState } from '../app-services';
import { THEME_LABELS, devFrames, parseDevParams, rolesLabel } from '../features/dev/dev-frames';
import { THEME_NAMES, type ThemeName } from '../host/tab-host';
import { DevBadge, ErrorNotice, Loading } from '../ui/common';
import { ThemeRoot } from '../ui/ThemeRoot';

const useStyles = makeStyles({
  main: {
    boxSizing: 'border-box',
    padding: '16px 20px',
    display: 'flex',
    flexDirection: 'column',
    gap: '16px',
    color: tokens.colorNeutralForeground1,
  },
  header: { display: 'flex', gap: '16px', alignItems: 'center', flexWrap: 'wrap', justifyContent: 'space-between' },
  h1: {
    margin: 0,
    fontSize: tokens.fontSizeBase600,
    lineHeight: tokens.lineHeightBase600,
    fontWeight: tokens.fontWeightSemibold,
  },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  controls: { display: 'flex', gap: '24px', alignItems: 'flex-end', flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
  panels: { display: 'flex', gap: '12px', overflowX: 'auto', paddingBottom: '8px' },
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: '4px', flexShrink: 0 },
  caption: { fontWeight: tokens.fontWeightSemibold },
  frame: {
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    background: tokens.colorNeutralBackground2,
    display: 'block',
  },
  panelFrame: { width: '320px', height: '640px' },
  wideFrame: { width: '100%', height: '560px' },
  links: { display: 'flex', gap: '16px', flexWrap: 'wrap' },
});

export function DevPage() {
  const initial = useMemo(() => parseDevParams(window.location.search), []);
  const [theme, setTheme] = useState<ThemeName>(initial.theme);
  const [participants, setParticipants] = useState(initial.participants);
  const api = useMemo(() => createApiClient(), []);
  const setup = useAsync(() => api.devSetup(participants), String(participants));

  const updateUrl = (next: { theme?: ThemeName; participants?: number }) => {
    const url = new URL(window.location.href);
    if (next.theme) url.searchParams.set('theme', next.theme);
    if (next.participants) url.searchParams.set('participants', String(next.participants));
    window.history.replaceState(null, '', url);
  };

  return (
    <ThemeRoot theme={theme}>
      <DevBody
        theme={theme}
        participants={participants}
        setup={setup}
        onTheme={(t) => {
          setTheme(t);
          updateUrl({ theme: t });
        }}
        onParticipants={(n) => {
          setParticipants(n);
          updateUrl({ participants: n });
        }}
      />
    </ThemeRoot>
  );
}

function DevBody({
  theme,
  participants,
  setup,
  onTheme,
  onParticipants,
}: {
  theme: ThemeName;
  participants: number;
  setup: AsyncState<DevSetupResponse> & { reload(): void };
  onTheme: (t: ThemeName) => void;
  onParticipants: (n: number) => void;
}) {
  const s = useStyles();
  const frames = setup.status === 'ready' ? devFrames(setup.data, theme) : undefined;
  return (
    <main aria-label="Local meeting (dev mode)" data-testid="dev-page" className={s.main}>
      <header className={s.header}>
        <div>
          <h1 className={s.h1}>Local meeting (dev mode)</h1>
          <div className={s.muted}>
            {setup.status === 'ready'
              ? `${setup.data.communityName} · meeting ${setup.data.meetingId}`
              : 'Guildhall on one machine'}
          </div>
        </div>
        <DevBadge />
      </header>
      <div className={s.controls}>
        <Field label="Theme">
          <RadioGroup
            layout="horizontal"
            value={theme}
            onChange={(_, d) => onTheme(d.value as ThemeName)}
            data-testid="dev-theme"
          >
            {THEME_NAMES.map((t) => (
              <Radio key={t} value={t} label={THEME_LABELS[t]} />
            ))}
          </RadioGroup>
        </Field>
        <Field label="Participants">
          <Select
            value={String(participants)}
            onChange={(_, d) => onParticipants(Number(d.value))}
            data-testid="dev-participants"
          >
            {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
        {frames ? (
          <div className={s.links}>
            <Link href={frames.configUrl} target="_blank" data-testid="dev-config-link">
              Configuration page
            </Link>
            <Link href={frames.personalUrl} target="_blank">
              Personal app
            </Link>
          </div>
        ) : null}
      </div>

      {setup.status === 'loading' ? (
        <Loading label="Setting up the demo community…" />
      ) : setup.status === 'error' ? (
        <ErrorNotice
          title="Could not set up the local meeting"
          message={`${setup.error.message} (The dev page needs the server in dev mode: npm start.)`}
          onRetry={setup.reload}
        />
      ) : frames ? (
        <>
          <section aria-labelledby="dev-panels-heading">
            <h2 id="dev-panels-heading" className={s.h2}>
              Side panels ({frames.sidePanels.length})
            </h2>
            <div className={s.panels}>
              {frames.sidePanels.map((f) => (
                <figure key={f.key} className={s.figure}>
                  <figcaption className={s.caption}>
                    {f.userName} <span className={s.muted}>({rolesLabel(f.roles)})</span>
                  </figcaption>
                  <iframe
                    className={`${s.frame} ${s.panelFrame}`}
                    src={f.url}
                    title={f.title}
                    data-testid="dev-side-panel-frame"
                  />
                </figure>
              ))}
            </div>
          </section>
          <section aria-labelledby="dev-stage-heading">
            <h2 id="dev-stage-heading" className={s.h2}>
              Meeting stage
            </h2>
            <iframe
              className={`${s.frame} ${s.wideFrame}`}
              src={frames.stage.url}
              title={frames.stage.title}
              data-testid="dev-stage-frame"
            />
          </section>
          <section aria-labelledby="dev-channel-heading">
            <h2 id="dev-channel-heading" className={s.h2}>
              Channel tab
            </h2>
            <iframe
              className={`${s.frame} ${s.wideFrame}`}
              src={frames.channelTab.url}
              title={frames.channelTab.title}
              data-testid="dev-channel-frame"
            />
          </section>
        </>
      ) : null}
    </main>
  );
}
