/** Which page a URL (and the host's frame context) shows. Pure, so it is unit tested. */
import type { FrameContext } from './host/tab-host';

export type RouteName = 'dev' | 'config' | 'personal' | 'side-panel' | 'stage' | 'channel-tab';

/** The dev page needs no host; everything else does. */
export const isDevPath = (pathname: string): boolean => /(^|\/)dev\/?$/.test(pathname);

export function selectRoute(pathname: string, frame: FrameContext | undefined): RouteName {
  if (isDevPath(pathname)) return 'dev';
  const path = pathname.replace(/\/+$/, '');
  if (/\/tab\/config$/.test(path) || frame === 'settings') return 'config';
  if (/\/tab\/personal$/.test(path) || frame === 'personal') return 'personal';
  if (frame === 'sidePanel') return 'side-panel';
  if (frame === 'meetingStage') return 'stage';
  return 'channel-tab';
}
