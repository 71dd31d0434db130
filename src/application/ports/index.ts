export type { Versioned } from './versioned';
export type { CommunityRepository } from './community-repository';
export type { MembershipRepository } from './membership-repository';
export type { BindingRepository } from './binding-repository';
export type { LiveContainerRecord, LiveContainerRepository } from './live-container-repository';
export type { Clock } from './clock';
export type { IdGenerator } from './ids';
export type { TopicRepository } from './topic-repository';
export type {
  StoredSplitChoice,
  ThirtyFiveChoiceRepository,
  ThirtyFiveGameRepository,
} from './thirty-five-game-repository';
export type { ConversationRef, ConversationRefRepository } from './conversation-ref-repository';
export type { ActivityClaim, ActivityClaimRepository } from './activity-claim-repository';
export type { CardJson, ProactiveNotifier } from './proactive-notifier';
export type { SessionAnnouncer } from './session-announcer';
export type { SessionRepository } from './session-repository';
export type { SessionRunRepository } from './session-run-repository';
export type { RsvpRepository } from './rsvp-repository';
export type {
  NotificationClaim,
  NotificationClaimRepository,
  NotificationGiveUp,
  NotificationRetry,
} from './notification-claim-repository';
export type { InvitationView, ReminderView, SessionMessenger } from './session-messenger';
export type {
  ActionRepository,
  AnnotationRepository,
  FeedbackRepository,
  RotationRepository,
  SessionNotesRepository,
  TakeawayRepository,
} from './outcome-repositories';

import type { CommunityRepository } from './community-repository';
import type { MembershipRepository } from './membership-repository';
import type { BindingRepository } from './binding-repository';
import type { LiveContainerRepository } from './live-container-repository';
import type { TopicRepository } from './topic-repository';
import type { ThirtyFiveChoiceRepository, ThirtyFiveGameRepository } from './thirty-five-game-repository';
import type { ConversationRefRepository } from './conversation-ref-repository';
import type { ActivityClaimRepository } from './activity-claim-repository';
import type { SessionRepository } from './session-repository';
import type { SessionRunRepository } from './session-run-repository';
import type { RsvpRepository } from './rsvp-repository';
import type { NotificationClaimRepository } from './notification-claim-repository';
import type {
  ActionRepository,
  AnnotationRepository,
  FeedbackRepository,
  RotationRepository,
  SessionNotesRepository,
  TakeawayRepository,
} from './outcome-repositories';

/** Everything the record offers; one instance per store adapter. */
export interface RecordStore {
  readonly communities: CommunityRepository;
  readonly memberships: MembershipRepository;
  readonly bindings: BindingRepository;
  readonly liveContainers: LiveContainerRepository;
  readonly topics: TopicRepository;
  readonly thirtyFiveGames: ThirtyFiveGameRepository;
  /** Thirty Five splits, one per (game, round, person). */
  readonly thirtyFiveChoices: ThirtyFiveChoiceRepository;
  /** Where the bot can post proactively (saved on install). */
  readonly conversationRefs: ConversationRefRepository;
  /** One claim per delivered bot activity, so a redelivery is not handled twice. */
  readonly activityClaims: ActivityClaimRepository;
  readonly sessions: SessionRepository;
  /** The run of show of each session as last saved (what a lost live container is rebuilt from). */
  readonly sessionRuns: SessionRunRepository;
  readonly notes: SessionNotesRepository;
  readonly annotations: AnnotationRepository;
  readonly takeaways: TakeawayRepository;
  readonly actions: ActionRepository;
  readonly feedback: FeedbackRepository;
  readonly rotations: RotationRepository;
  /** One answer per person per session (invitations). */
  readonly rsvps: RsvpRepository;
  /** One claim per notification (reminder, invitation, nudge), so several server instances send it once. */
  readonly notificationClaims: NotificationClaimRepository;
  /** A cheap round trip, for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
export type { LiveContainerFactory, LiveContainerHealth } from './live-container-factory';
