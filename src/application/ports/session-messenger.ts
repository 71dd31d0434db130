import type { ReminderKind, Rsvp } from '../../domain/attendance';
import type { Result } from '../../domain/result';
import type { Session } from '../../domain/session';
import type { ConversationRef } from './conversation-ref-repository';

/** What an invitation shows; the messenger (src/bot) renders it as a card. */
export interface InvitationView {
  readonly session: Session;
  readonly communityName: string;
  readonly topicTitles: readonly string[];
  readonly facilitatorName: string | null;
}

/** What a reminder or a nudge shows: the invitation, the person's answer so far, why it is sent. */
export interface ReminderView {
  readonly invitation: InvitationView;
  readonly kind: ReminderKind | 'nudge';
  readonly answer: Rsvp | null;
}

/**
 * Sends invitations and reminders into Teams. Implemented in src/bot/ (cards with RSVP buttons over
 * the ProactiveNotifier's connection); the server wires it. The use cases decide who gets what and
 * that it goes out once; the messenger only delivers.
 */
export interface SessionMessenger {
  /** The invitation as a new post in the community's channel. NOT_FOUND when no channel of it has the app. */
  postInvitation(
    target: { tenantId: string; communityId: string },
    view: InvitationView,
    refreshUserIds: readonly string[],
  ): Promise<Result<{ conversationId: string }>>;
  /** The invitation one-to-one, into a person's personal chat with the bot. */
  sendInvitation(to: ConversationRef, view: InvitationView): Promise<Result<{ conversationId: string }>>;
  sendReminder(to: ConversationRef, view: ReminderView): Promise<Result<{ conversationId: string }>>;
}
