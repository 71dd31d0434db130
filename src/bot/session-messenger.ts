/**
 * SessionMessenger over the Bot Framework: invitation and reminder cards (pure builders) posted
 * with the card poster. Who gets what, and once, is the use cases' business.
 */
import type { AppDeps } from '../application/deps';
import type { SessionMessenger } from '../application/ports';
import { findCommunityChannel } from '../application/use-cases/find-community-channel';
import type { Session } from '../domain/session';
import { buildInvitationCard } from './cards/invitation-cards';
import type { CardPoster } from './proactive-notifier';

/** Links the cards carry, made by the server (it knows its public URL and the signing secret). */
export interface CardLinks {
  /** The signed "Add to calendar" link of a session (an .ics file). */
  calendarUrl(session: Pick<Session, 'communityId' | 'id' | 'startsAt' | 'durationMinutes'>): string;
  /** Where a session's published notes are read; undefined while they are not published. */
  notesUrl?(session: Session): string | undefined;
}

export function createSessionMessenger(poster: CardPoster, deps: AppDeps, links: CardLinks): SessionMessenger {
  return {
    async postInvitation(target, view, refreshUserIds) {
      const channel = await findCommunityChannel(deps, target);
      if (!channel.ok) return channel;
      return poster(
        channel.value,
        buildInvitationCard({ view, calendarUrl: links.calendarUrl(view.session), refreshUserIds }),
      );
    },
    sendInvitation(to, view) {
      return poster(
        to,
        buildInvitationCard({
          view,
          calendarUrl: links.calendarUrl(view.session),
          viewer: { answer: null },
          ...(to.userMri ? { refreshUserIds: [to.userMri] } : {}),
        }),
      );
    },
    sendReminder(to, reminder) {
      const { invitation, kind, answer } = reminder;
      return poster(
        to,
        buildInvitationCard({
          view: invitation,
          calendarUrl: links.calendarUrl(invitation.session),
          viewer: { answer },
          reason: kind,
          ...(to.userMri ? { refreshUserIds: [to.userMri] } : {}),
        }),
      );
    },
  };
}
