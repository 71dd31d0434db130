/** What the configuration page hands to Teams for a community. Pure. */
import type { TabConfig } from './host/tab-host';

/** The tab's content URL for a community, as Teams stores it. */
export const contentUrlFor = (origin: string, communityId: string): string =>
  `${origin}/tab/content?community=${encodeURIComponent(communityId)}`;

export const tabConfigFor = (origin: string, communityId: string): TabConfig => ({
  contentUrl: contentUrlFor(origin, communityId),
  entityId: `community-${communityId}`,
  suggestedDisplayName: 'Guildhall',
});
