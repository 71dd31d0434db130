/** Fluent UI themed like Teams (light, dark, high contrast), following the host's theme changes. */
import {
  FluentProvider,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';
import { useEffect, type ReactNode } from 'react';
import type { ThemeName } from '../host/tab-host';

export const fluentThemeFor = (name: ThemeName): Theme =>
  name === 'dark' ? teamsDarkTheme : name === 'contrast' ? teamsHighContrastTheme : teamsLightTheme;

export function ThemeRoot({ theme, children }: { theme: ThemeName; children: ReactNode }) {
  const fluent = fluentThemeFor(theme);
  useEffect(() => {
    // The page behind the provider (overscroll, short pages) gets the theme's colours too.
    const root = document.documentElement;
    root.style.background = fluent.colorNeutralBackground2;
    root.style.color = fluent.colorNeutralForeground1;
    root.style.colorScheme = theme === 'default' ? 'light' : 'dark';
    root.dataset.theme = theme;
  }, [fluent, theme]);
  return (
    <FluentProvider theme={fluent} style={{ background: fluent.colorNeutralBackground2, minHeight: '100vh' }}>
      {children}
    </FluentProvider>
  );
}
