/**
 * The SessionAnnouncer port on the bot: the session-notes card (a pure builder) posted into the
 * community's channel through the proactive notifier.
 */
import type { ProactiveNotifier, SessionAnnouncer } from '../application/ports';
import { buildSessionNotesCard } from './cards/meeting-cards';

export function createSessionAnnouncer(notifier: ProactiveNotifier): SessionAnnouncer {
  return {
    announcePublished: (target, session) =>
      notifier.postToCommunityChannel(
        target,
        buildSessionNotesCard({
          meetingTitle: session.title,
          communityName: session.communityName,
          notesUrl: session.notesUrl,
        }),
      ),
  };
}
