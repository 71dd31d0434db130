/**
 * Routing: /dev → the local meeting (no host); everything else picks a host first, then shows the
 * page for its frame context (side panel, stage, content, settings) or path (/tab/config, /tab/personal).
 */
import { useEffect, useMemo, useState } from 'react';
import { ServicesProvider, createServices } from './app-services';
import { pickHost, type PickedHost } from './host/pick-host';
import { toThemeName, type TabHost, type ThemeName } from './host/tab-host';
import { ChannelTabPage } from './pages/ChannelTabPage';
import { ConfigPage } from './pages/ConfigPage';
import { DevPage } from './pages/DevPage';
import { BadLocalParamsPage, NotInTeamsPage } from './pages/NotInTeamsPage';
import { PersonalPage } from './pages/PersonalPage';
import { SidePanelPage } from './pages/SidePanelPage';
import { StagePage } from './pages/StagePage';
import { isDevPath, selectRoute, type RouteName } from './routes';
import { Loading } from './ui/common';
import { ThemeRoot } from './ui/ThemeRoot';

export function App() {
  if (isDevPath(window.location.pathname)) return <DevPage />;
  return <HostedApp />;
}

function HostedApp() {
  const [picked, setPicked] = useState<PickedHost | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void pickHost().then((p) => live && setPicked(p));
    return () => {
      live = false;
    };
  }, []);
  // Until the host answers, guess the theme from the URL so a dark frame does not flash white.
  const guess: ThemeName = toThemeName(new URLSearchParams(window.location.search).get('theme'));
  if (!picked) {
    return (
      <ThemeRoot theme={guess}>
        <Loading label="Starting Guildhall…" />
      </ThemeRoot>
    );
  }
  if (picked.kind === 'not-in-teams') {
    return (
      <ThemeRoot theme={guess}>
        <NotInTeamsPage reason={picked.reason} />
      </ThemeRoot>
    );
  }
  if (picked.kind === 'bad-local-params') {
    return (
      <ThemeRoot theme={guess}>
        <BadLocalParamsPage problems={picked.problems} />
      </ThemeRoot>
    );
  }
  return <HostRoot host={picked.host} />;
}

const PAGES: Record<Exclude<RouteName, 'dev'>, () => React.JSX.Element> = {
  config: ConfigPage,
  personal: PersonalPage,
  'side-panel': SidePanelPage,
  stage: StagePage,
  'channel-tab': ChannelTabPage,
};

function HostRoot({ host }: { host: TabHost }) {
  const [theme, setTheme] = useState<ThemeName>(host.context.theme);
  useEffect(() => host.onThemeChange(setTheme), [host]);
  const services = useMemo(() => createServices(host), [host]);
  const route = selectRoute(window.location.pathname, host.context.frameContext);
  const PageComponent = route === 'dev' ? ChannelTabPage : PAGES[route];
  return (
    <ThemeRoot theme={theme}>
      <ServicesProvider services={services}>
        <PageComponent />
      </ServicesProvider>
    </ThemeRoot>
  );
}
