/** The channel tab's session sections, in reading order: the sessions, search, the open actions. */
import type { CommunityView } from '../../api-client';
import { OpenActionsSection } from './OpenActionsSection';
import { SessionSearch } from './SessionSearch';
import { SessionsSection } from './SessionsSection';

export function ChannelSessionSections({ view, onOpen }: { view: CommunityView; onOpen: (sessionId: string) => void }) {
  return (
    <>
      <SessionsSection view={view} onOpen={onOpen} />
      <SessionSearch view={view} onOpen={onOpen} />
      <OpenActionsSection view={view} onOpen={onOpen} />
    </>
  );
}
