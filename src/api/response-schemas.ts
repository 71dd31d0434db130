/**
 * What the server sends: one zod schema per response shape. Each schema of a domain record is
 * checked against its domain type at compile time (`mirrors<T>()`), so the two cannot drift. The tab
 * validates every answer with these (plain `z.object`: unknown extra keys are dropped, a wrong shape
 * is refused); the server checks its own answers against them outside production.
 */
import { z } from 'zod/v4';
import { TOPIC_STATES, type Topic } from '../domain/backlog';
import { PURPOSES, ROLES, type Community, type ContextBinding, type Membership } from '../domain/community';
import { RSVP_REASONS, type SessionAttendance } from '../domain/attendance';
import type { FacilitatorRotation } from '../domain/facilitator-rotation';
import {
  ACTION_STATUSES,
  type ActionItem,
  type Annotation,
  type FeedbackSummary,
  type SearchHit,
  type SessionNotes,
  type Takeaway,
} from '../domain/outcomes';
import { SESSION_STATES, type AgendaItem, type Session, type SessionBreakout } from '../domain/session';
import type { SavedRunState, SavedSessionRun } from '../domain/session-run';
import {
  GAME_PHASES,
  type CardMerge,
  type AnonymousCard,
  type PairRef,
  type RankedCard,
  type SplitChoice,
  type ThirtyFiveGameRecord,
} from '../domain/thirty-five';
import { mirrors } from './contract-kit';
import type { DevSetupResponse } from './dev-identity';
import type { LiveConnectionInfo, LiveMeetingResponse, MeResponse } from './schemas';

const str = z.string();
const int = z.number().int();
const strings = z.array(str);

// Communities

export const CommunitySchema = mirrors<Community>()(
  z.object({
    id: str,
    tenantId: str,
    name: str,
    purpose: z.enum(PURPOSES),
    description: str,
    cadencePerMonth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    createdBy: str,
    createdAt: str,
  }),
);

export const MembershipSchema = mirrors<Membership>()(
  z.object({
    communityId: str,
    tenantId: str,
    userId: str,
    displayName: str,
    roles: z.array(z.enum(ROLES)),
    product: str.optional(),
    joinedAt: str,
  }),
);

export const ContextBindingSchema = mirrors<ContextBinding>()(
  z.object({
    tenantId: str,
    contextId: str,
    kind: z.enum(['meeting', 'channel', 'chat']),
    communityId: str,
    boundBy: str,
    boundAt: str,
  }),
);

/** GET /communities: the caller's communities with their roles. */
export const MyCommunitySchema = z.object({ community: CommunitySchema, roles: z.array(z.enum(ROLES)) });

/** GET /communities/:id: the community as one of its members sees it. */
export const CommunityViewSchema = z.object({
  community: CommunitySchema,
  etag: str,
  me: MembershipSchema,
  members: z.array(MembershipSchema),
});

// The backlog

export const TopicSchema = mirrors<Topic>()(
  z.object({
    id: str,
    communityId: str,
    tenantId: str,
    title: str,
    description: str,
    state: z.enum(TOPIC_STATES),
    rank: int.nullable(),
    score: z
      .object({ normalized: z.number(), roundsScored: int, outOf: z.number().optional(), cards: int.optional() })
      .nullable(),
    ownerId: str.nullable(),
    proposedBy: str,
    proposedAt: str,
    supporters: strings,
    sessionIds: strings,
    mergedInto: str.nullable().optional(),
  }),
);

/** A record with the etag its next edit must send back. */
export const TopicWithEtagSchema = z.object({ topic: TopicSchema, etag: str });

// Thirty Five

const pairOf = z.tuple([str, str]);
/** A card as members see it: no author (docs/adr/0023-anonymous-thirty-five-cards.md). */
export const AnonymousCardSchema = mirrors<AnonymousCard>()(z.object({ id: str, title: str, description: str }));
const PairRefOut = mirrors<PairRef>()(z.object({ round: int, pair: int }));
const MergeOut = mirrors<CardMerge>()(z.object({ from: str, into: str }));
const RankedCardOut = mirrors<RankedCard>()(
  z.object({
    cardId: str,
    mergedCardIds: strings,
    total: z.number(),
    roundsScored: int,
    normalized: z.number(),
    rank: int,
  }),
);
const PlanSchema = z.object({
  rounds: z.array(
    z.object({
      pairs: z.array(z.object({ holders: pairOf, cards: pairOf })),
      bye: z.object({ holder: str, card: str }).optional(),
    }),
  ),
});

/** One person's split as the server stored it (what a client mirrors into the live tree). */
export const SplitChoiceSchema = mirrors<SplitChoice>()(
  z.object({ round: int, userId: str, points: z.tuple([z.number(), z.number()]) }),
);

/**
 * A game as members see it: the record without its tenant and its cards' authors (also the checkpoint
 * a lost live container resumes from).
 */
export const GameRecordSchema = mirrors<
  Omit<ThirtyFiveGameRecord, 'tenantId' | 'cards'> & { readonly cards: readonly AnonymousCard[] }
>()(
  z.object({
    gameId: str,
    communityId: str,
    meetingId: str,
    status: z.enum([...GAME_PHASES, 'committed']),
    plannedRounds: int,
    seed: str,
    cards: z.array(AnonymousCardSchema),
    plan: PlanSchema.nullable(),
    roundsClosed: int,
    splits: z.array(z.object({ round: int, pair: int, points: z.tuple([z.number(), z.number()]) })),
    closedPairs: z.array(PairRefOut),
    scoring: z.object({ round: int, open: z.boolean(), endsAt: str.nullable() }).nullable(),
    merges: z.array(MergeOut),
    result: z.array(RankedCardOut).nullable(),
    committed: z.object({ at: str, topicIds: strings }).nullable(),
    startedBy: str,
    startedAt: str,
    updatedAt: str,
  }),
);

// Sessions

const AgendaItemOut = mirrors<AgendaItem>()(z.object({ title: str, minutes: int }));

const SessionDetailsOut = z.discriminatedUnion('type', [
  z.object({ type: z.literal('deep-dive') }),
  z.object({ type: z.literal('lean-coffee') }),
  z.object({ type: z.literal('external-speaker'), speakerName: str, organisation: str }),
  z.object({ type: z.literal('leadership-guest'), guestName: str, guestRole: str }),
  z.object({ type: z.literal('book-club'), bookTitle: str }),
  z.object({ type: z.literal('story-sharing'), theme: str }),
  z.object({ type: z.literal('visit'), hostCompany: str }),
]);

export const SessionBreakoutOut = mirrors<SessionBreakout>()(
  z.object({
    index: int,
    question: str,
    members: strings,
    notes: z.array(z.object({ id: str, authorId: str, authorName: str, text: str, at: str })),
  }),
);

export const SessionSchema = mirrors<Session>()(
  z.object({
    id: str,
    communityId: str,
    tenantId: str,
    details: SessionDetailsOut,
    startsAt: str,
    durationMinutes: int,
    topicIds: strings,
    facilitatorId: str,
    meetingLink: str.nullable(),
    purpose: str,
    agenda: z.array(AgendaItemOut),
    state: z.enum(SESSION_STATES),
    attendees: strings,
    published: z.object({ at: str, by: str, posted: z.boolean() }).nullable().optional(),
    breakouts: z.array(SessionBreakoutOut).optional(),
    closed: z.object({ requestId: str, by: str, at: str }).nullable(),
    createdBy: str,
    createdAt: str,
  }),
);

export const SessionWithEtagSchema = z.object({ session: SessionSchema, etag: str });

// The run of show as the record keeps it (what a lost live container resumes from)

export const SavedRunStateSchema = mirrors<SavedRunState>()(
  z.object({
    phase: z.enum(['check-in', 'deep-dive', 'breakouts', 'share-out', 'feedback']),
    phaseStartedAt: str,
    phaseEndsAt: str.optional(),
    iceBreakerId: str,
    topicTitle: str,
    ownerName: str.optional(),
    breakoutEndsAt: str.optional(),
    groups: z.array(z.object({ index: int, question: str, members: strings })),
    groupNotes: z.array(z.object({ id: str, group: int, userId: str, displayName: str, text: str, at: str })),
    takeaways: z.array(
      z.object({
        id: str,
        text: str,
        authorId: str,
        authorName: str,
        at: str,
        mergedInto: str.optional(),
        action: z.object({ ownerId: str, dueDate: str }).optional(),
      }),
    ),
    voted: strings,
    feedbackClosed: z.boolean(),
  }),
);

export const SavedSessionRunSchema = mirrors<SavedSessionRun>()(
  z.object({
    communityId: str,
    sessionId: str,
    meetingId: str,
    run: SavedRunStateSchema,
    savedBy: str,
    savedAt: str,
  }),
);

/** PUT …/sessions/:sid/run: what the record holds now, and how many kept entries the save lacked. */
export const SavedRunOutcomeSchema = z.object({
  saved: SavedSessionRunSchema,
  kept: z.object({ groupNotes: int, takeaways: int }),
});

export const FacilitatorRotationSchema = mirrors<FacilitatorRotation>()(
  z.object({
    communityId: str,
    tenantId: str,
    volunteers: strings,
    skips: z.array(z.object({ userId: str, atSession: int })),
    swaps: z.array(z.object({ a: str, b: str, atSession: int })),
  }),
);

/** GET …/session-plan: suggested dates from the cadence, the next facilitator from the rotation, the agenda template. */
export const SessionPlanSchema = z.object({
  dates: strings,
  facilitatorId: str.nullable(),
  queue: strings,
  rotation: FacilitatorRotationSchema,
  rotationEtag: str.nullable(),
  agenda: z.array(AgendaItemOut),
  agendaMinutes: int,
});

/** What the API says about a failed side step (the same shape as an error answer's `error`). */
export const ErrorBodySchema = z.object({
  code: str,
  message: str,
  issues: z.array(z.object({ path: str, message: str })).optional(),
  subject: z.object({ id: str, title: str }).optional(),
});

/** The invitations sent when a session is scheduled (when the bot is there), or why they failed. */
export const InvitationOutcomeSchema = z.union([
  z.object({
    sent: z.boolean(),
    channel: z.enum(['posted', 'no-channel', 'failed', 'skipped']),
    direct: z.object({ sent: int, withoutApp: int, failed: int }),
  }),
  z.object({ sent: z.literal(false), error: ErrorBodySchema }),
]);

export const ScheduledSessionSchema = SessionWithEtagSchema.extend({ invitations: InvitationOutcomeSchema.optional() });

// Outcomes

export const SessionNotesSchema = mirrors<SessionNotes>()(
  z.object({ communityId: str, sessionId: str, markdown: str, updatedBy: str, updatedAt: str }),
);

export const AnnotationSchema = mirrors<Annotation>()(
  z.object({
    id: str,
    communityId: str,
    sessionId: str,
    anchor: z.union([z.object({ paragraph: int }), z.object({ quote: str })]),
    text: str,
    authorId: str,
    createdAt: str,
  }),
);

export const TakeawaySchema = mirrors<Takeaway>()(
  z.object({
    id: str,
    communityId: str,
    sessionId: str,
    topicId: str.nullable(),
    text: str,
    authorId: str,
    createdAt: str,
  }),
);

export const ActionItemSchema = mirrors<ActionItem>()(
  z.object({
    id: str,
    communityId: str,
    sessionId: str,
    takeawayId: str,
    text: str,
    ownerId: str,
    dueDate: str,
    status: z.enum(ACTION_STATUSES),
    createdBy: str,
    createdAt: str,
    updatedAt: str,
  }),
);

export const FeedbackSummarySchema = mirrors<FeedbackSummary>()(
  z.object({ votes: int, average: z.number().nullable(), distribution: z.array(int).nullable() }),
);

export const SearchHitSchema = mirrors<SearchHit>()(
  z.object({ kind: z.enum(['takeaway', 'notes', 'group-note']), sessionId: str, id: str, excerpt: str }),
);

/** GET …/sessions/:sid/outcomes */
export const SessionOutcomesViewSchema = z.object({
  notes: SessionNotesSchema.nullable(),
  /** Send it back with the next notes edit; null before the first save. */
  notesEtag: str.nullable(),
  annotations: z.array(AnnotationSchema),
  takeaways: z.array(TakeawaySchema),
  actions: z.array(ActionItemSchema.extend({ etag: str })),
  feedback: FeedbackSummarySchema.extend({ mine: z.boolean() }),
});

/** POST …/sessions/:sid/close */
export const SessionOutcomeSchema = z.object({
  session: SessionSchema,
  takeaways: z.array(TakeawaySchema),
  actions: z.array(ActionItemSchema),
  feedback: FeedbackSummarySchema,
});

/** POST …/sessions/:sid/publish */
export const PublishResultSchema = z.object({ session: SessionSchema, posted: z.boolean(), message: str });

// Attendance (the champion's view)

const PersonOut = z.object({ userId: str, displayName: str });
export const SessionAttendanceSchema = mirrors<SessionAttendance>()(
  z.object({
    sessionId: str,
    title: str,
    startsAt: str,
    yes: z.array(PersonOut),
    maybe: z.array(PersonOut),
    no: z.array(PersonOut.extend({ reason: z.enum(RSVP_REASONS).nullable(), text: str.nullable() })),
    notAnswered: z.array(PersonOut),
    counts: z.object({ members: int, answered: int, yes: int, maybe: int, no: int }),
  }),
);

export const AttendanceSchema = z.object({
  communityId: str,
  communityName: str,
  next: SessionAttendanceSchema.nullable(),
  recent: z.array(SessionAttendanceSchema),
  trend: z.array(z.object({ sessionId: str, title: str, startsAt: str, members: int, answered: int, yes: int })),
});

// The live meeting and the platform

/** Where the browser finds the live service, returned with a meeting's container. */
export const LiveConnectionInfoSchema = mirrors<LiveConnectionInfo>()(
  z.object({ type: z.enum(['local', 'remote']), endpoint: str, tenantId: str.optional() }),
);

export const LiveMeetingResponseSchema = mirrors<LiveMeetingResponse>()(
  z.object({ containerId: str, generation: int, connection: LiveConnectionInfoSchema }),
);

export const MeResponseSchema = mirrors<MeResponse>()(
  z.object({ tenantId: str, userId: str, displayName: str, source: z.enum(['teams-sso', 'dev-local']) }),
);

export const HealthResponseSchema = z.object({ status: z.literal('ok'), authMode: str, store: str, fluid: str });

/** DEV MODE ONLY: the demo community and its people. */
export const DevSetupResponseSchema = mirrors<DevSetupResponse>()(
  z.object({
    tenantId: str,
    communityId: str,
    communityName: str,
    meetingId: str,
    channelId: str,
    users: z.array(z.object({ userId: str, displayName: str, roles: strings })),
  }),
);
