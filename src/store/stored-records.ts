/**
 * One schema per stored shape, with a schema version and an upgrade ladder (tldraw-style):
 * every document read from the store is upgraded to the current version and validated.
 * A document the code cannot understand is reported clearly, never half-read.
 */
import { z } from 'zod/v4';
import { TOPIC_STATES } from '../domain/backlog';
import { PURPOSES, ROLES } from '../domain/community';
import { RSVP_ANSWERS, RSVP_REASONS } from '../domain/attendance';
import { ACTION_STATUSES } from '../domain/outcomes';
import { SESSION_STATES } from '../domain/session';
import type { StoredDocument } from './document-driver';

export class StoredRecordError extends Error {
  readonly code = 'STORED_RECORD_INVALID' as const;
  constructor(type: string, id: string, problem: string) {
    super(`Stored ${type} '${id}' cannot be read: ${problem}`);
    this.name = 'StoredRecordError';
  }
}

const base = { pk: z.string(), id: z.string(), schemaVersion: z.number().int() };
const iso = z.string().min(1);

export const StoredCommunity = z.object({
  ...base,
  type: z.literal('community'),
  tenantId: z.string().min(1),
  name: z.string().min(1),
  purpose: z.enum(PURPOSES),
  description: z.string(),
  cadencePerMonth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  createdBy: z.string().min(1),
  createdAt: iso,
});

export const StoredMembership = z.object({
  ...base,
  type: z.literal('membership'),
  communityId: z.string().min(1),
  tenantId: z.string().min(1),
  userId: z.string().min(1),
  displayName: z.string().min(1),
  roles: z.array(z.enum(ROLES)).min(1),
  product: z.string().optional(),
  joinedAt: iso,
});

export const StoredBinding = z.object({
  ...base,
  type: z.literal('binding'),
  tenantId: z.string().min(1),
  contextId: z.string().min(1),
  kind: z.enum(['meeting', 'channel', 'chat']),
  communityId: z.string().min(1),
  boundBy: z.string().min(1),
  boundAt: iso,
});

export const StoredLiveContainer = z.object({
  ...base,
  type: z.literal('live-container'),
  communityId: z.string().min(1),
  tenantId: z.string().min(1),
  meetingId: z.string().min(1),
  containerId: z.string().min(1),
  createdAt: iso,
  generation: z.number().int().min(1),
  // Optional (no version bump): set while one server replaces a lost container (ADR 0005).
  replacing: z.object({ by: z.string().min(1), until: iso }).optional(),
});

export const StoredTopic = z.object({
  ...base,
  type: z.literal('topic'),
  communityId: z.string().min(1),
  tenantId: z.string().min(1),
  title: z.string().min(1),
  description: z.string(),
  state: z.enum(TOPIC_STATES),
  rank: z.number().int().min(1).nullable(),
  // Out of 7 × rounds per card; merged duplicates add up, so no upper bound.
  score: z
    .object({
      normalized: z.number().min(0),
      roundsScored: z.number().int().min(0),
      outOf: z.number().int().min(1).optional(),
      cards: z.number().int().min(1).optional(),
    })
    .nullable(),
  ownerId: z.string().min(1).nullable(),
  proposedBy: z.string().min(1),
  proposedAt: iso,
  supporters: z.array(z.string().min(1)),
  sessionIds: z.array(z.string().min(1)),
  /** Since v2: the topic this one was merged into (then archived); null otherwise. */
  mergedInto: z.string().min(1).nullable(),
});

const name = z.string().min(1);

/** One schema per session type's own fields. */
export const StoredSessionDetails = z.discriminatedUnion('type', [
  z.object({ type: z.literal('deep-dive') }),
  z.object({ type: z.literal('lean-coffee') }),
  z.object({ type: z.literal('external-speaker'), speakerName: name, organisation: name }),
  z.object({ type: z.literal('leadership-guest'), guestName: name, guestRole: name }),
  z.object({ type: z.literal('book-club'), bookTitle: name }),
  z.object({ type: z.literal('story-sharing'), theme: name }),
  z.object({ type: z.literal('visit'), hostCompany: name }),
]);

export const StoredSession = z.object({
  ...base,
  type: z.literal('session'),
  communityId: z.string().min(1),
  tenantId: z.string().min(1),
  details: StoredSessionDetails,
  startsAt: iso,
  durationMinutes: z.number().int().min(1),
  topicIds: z.array(z.string().min(1)),
  facilitatorId: z.string().min(1),
  meetingLink: z.string().min(1).nullable(),
  purpose: z.string(),
  agenda: z.array(z.object({ title: z.string().min(1), minutes: z.number().int().min(1) })),
  state: z.enum(SESSION_STATES),
  attendees: z.array(z.string().min(1)),
  closed: z.object({ requestId: z.string().min(1), by: z.string().min(1), at: iso }).nullable(),
  // Absent on sessions stored before publishing existed: the same as not published.
  published: z
    .object({ at: iso, by: z.string().min(1), posted: z.boolean() })
    .nullable()
    .optional(),
  // Absent on sessions closed before the close kept breakout groups (issue 9): the same as none.
  breakouts: z
    .array(
      z.object({
        index: z.number().int().min(0),
        question: z.string(),
        members: z.array(z.string().min(1)),
        notes: z.array(
          z.object({
            id: z.string().min(1),
            authorId: z.string().min(1),
            authorName: z.string(),
            text: z.string().min(1),
            at: iso,
          }),
        ),
      }),
    )
    .optional(),
  createdBy: z.string().min(1),
  createdAt: iso,
});

export const StoredSessionNotes = z.object({
  ...base,
  type: z.literal('session-notes'),
  communityId: z.string().min(1),
  sessionId: z.string().min(1),
  markdown: z.string(),
  updatedBy: z.string().min(1),
  updatedAt: iso,
});

export const StoredAnnotation = z.object({
  ...base,
  type: z.literal('annotation'),
  communityId: z.string().min(1),
  sessionId: z.string().min(1),
  anchor: z.union([z.object({ paragraph: z.number().int().min(0) }), z.object({ quote: z.string().min(1) })]),
  text: z.string().min(1),
  authorId: z.string().min(1),
  createdAt: iso,
});

export const StoredTakeaway = z.object({
  ...base,
  type: z.literal('takeaway'),
  communityId: z.string().min(1),
  sessionId: z.string().min(1),
  topicId: z.string().min(1).nullable(),
  text: z.string().min(1),
  authorId: z.string().min(1),
  createdAt: iso,
});

export const StoredAction = z.object({
  ...base,
  type: z.literal('action'),
  communityId: z.string().min(1),
  sessionId: z.string().min(1),
  takeawayId: z.string().min(1),
  text: z.string().min(1),
  ownerId: z.string().min(1),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  status: z.enum(ACTION_STATUSES),
  createdBy: z.string().min(1),
  createdAt: iso,
  updatedAt: iso,
});

/** Anonymous by construction: sorted values and sorted one-way markers, never a user id (ADR 0009). */
export const StoredFeedback = z.object({
  ...base,
  type: z.literal('feedback'),
  communityId: z.string().min(1),
  sessionId: z.string().min(1),
  values: z.array(z.number().int().min(1).max(5)),
  markers: z.array(z.string().regex(/^[0-9a-f]{64}$/)),
});

export const StoredRotation = z.object({
  ...base,
  type: z.literal('rotation'),
  communityId: z.string().min(1),
  tenantId: z.string().min(1),
  volunteers: z.array(z.string().min(1)),
  skips: z.array(z.object({ userId: z.string().min(1), atSession: z.number().int().min(0) })),
  swaps: z.array(z.object({ a: z.string().min(1), b: z.string().min(1), atSession: z.number().int().min(0) })),
});

const id = z.string().min(1);
const pairRef = z.object({ round: z.number().int().min(0), pair: z.number().int().min(0) });
const points = z.tuple([z.number().int().min(0).max(7), z.number().int().min(0).max(7)]);

export const StoredThirtyFiveGame = z.object({
  ...base,
  type: z.literal('thirty-five-game'),
  gameId: id,
  communityId: id,
  tenantId: id,
  meetingId: id,
  status: z.enum(['writing', 'playing', 'finished', 'committed']),
  plannedRounds: z.number().int().min(1),
  seed: id,
  cards: z.array(z.object({ id, authorId: id, title: z.string().min(1), description: z.string() })),
  plan: z
    .object({
      rounds: z.array(
        z.object({
          pairs: z.array(z.object({ holders: z.tuple([id, id]), cards: z.tuple([id, id]) })),
          bye: z.object({ holder: id, card: id }).optional(),
        }),
      ),
    })
    .nullable(),
  roundsClosed: z.number().int().min(0),
  splits: z.array(z.object({ round: z.number().int().min(0), pair: z.number().int().min(0), points })),
  closedPairs: z.array(pairRef),
  merges: z.array(z.object({ from: id, into: id })),
  result: z
    .array(
      z.object({
        cardId: id,
        mergedCardIds: z.array(id),
        total: z.number().min(0),
        roundsScored: z.number().int().min(0),
        normalized: z.number().min(0),
        rank: z.number().int().min(1),
      }),
    )
    .nullable(),
  committed: z.object({ at: iso, topicIds: z.array(id) }).nullable(),
  /** Since v2: the round open for scoring (the server accepts splits only for it). */
  scoring: z.object({ round: z.number().int().min(0), open: z.boolean(), endsAt: iso.nullable() }).nullable(),
  startedBy: id,
  startedAt: iso,
  updatedAt: iso,
});

const optionalIso = iso.optional();

/** The run of show of a session as last saved (issue 9): what a lost live container is rebuilt from. */
export const StoredSessionRun = z.object({
  ...base,
  type: z.literal('session-run'),
  communityId: id,
  sessionId: id,
  meetingId: id,
  savedBy: id,
  savedAt: iso,
  run: z.object({
    phase: z.enum(['check-in', 'deep-dive', 'breakouts', 'share-out', 'feedback']),
    phaseStartedAt: iso,
    phaseEndsAt: optionalIso,
    iceBreakerId: id,
    topicTitle: z.string().min(1),
    ownerName: z.string().min(1).optional(),
    breakoutEndsAt: optionalIso,
    groups: z.array(z.object({ index: z.number().int().min(0), question: z.string(), members: z.array(id) })),
    groupNotes: z.array(
      z.object({
        id,
        group: z.number().int().min(0),
        userId: id,
        displayName: z.string(),
        text: z.string().min(1),
        at: iso,
      }),
    ),
    takeaways: z.array(
      z.object({
        id,
        text: z.string().min(1),
        authorId: id,
        authorName: z.string(),
        at: iso,
        mergedInto: id.optional(),
        action: z.object({ ownerId: id, dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).optional(),
      }),
    ),
    voted: z.array(id),
    feedbackClosed: z.boolean(),
  }),
});

/** One person's split for one round of one game (one document each, so voters never contend). */
export const StoredThirtyFiveChoice = z.object({
  ...base,
  type: z.literal('thirty-five-choice'),
  communityId: id,
  gameId: id,
  round: z.number().int().min(0),
  userId: id,
  points,
  at: iso,
});

export const StoredConversationRef = z.object({
  ...base,
  type: z.literal('conversation-ref'),
  tenantId: z.string().min(1),
  conversationId: z.string().min(1),
  conversationType: z.enum(['personal', 'groupChat', 'channel']),
  serviceUrl: z.url(),
  channelId: z.string().min(1),
  botId: z.string().min(1),
  botName: z.string().optional(),
  teamId: z.string().min(1).optional(),
  teamsChannelId: z.string().min(1).optional(),
  userId: z.string().min(1).optional(),
  /** Since issue 5 (optional, so v1 documents without it read as before). */
  userMri: z.string().min(1).optional(),
  communityId: z.string().min(1).nullable(),
  savedAt: iso,
});

export const StoredActivityClaim = z.object({
  ...base,
  type: z.literal('activity-claim'),
  tenantId: z.string().min(1),
  conversationId: z.string().min(1),
  activityId: z.string().min(1),
  activityType: z.string().min(1),
  claimedAt: iso,
  // v2 (issue 9): when the answer was sent; null while handled, or when its handler died before answering.
  answeredAt: iso.nullable(),
});

/** One person's answer to one session's invitation (issue 5); a reason and text only with a "no". */
export const StoredRsvp = z
  .object({
    ...base,
    type: z.literal('rsvp'),
    communityId: z.string().min(1),
    tenantId: z.string().min(1),
    sessionId: z.string().min(1),
    userId: z.string().min(1),
    displayName: z.string().min(1),
    answer: z.enum(RSVP_ANSWERS),
    reason: z.enum(RSVP_REASONS).nullable(),
    text: z.string().min(1).max(300).nullable(),
    at: iso,
  })
  .refine((r) => r.answer === 'no' || (r.reason === null && r.text === null), {
    message: 'only a "no" carries a reason or text',
    path: ['reason'],
  });

/** A notification sent once across server instances (ADR 0013): created only if absent. */
export const StoredNotificationClaim = z.object({
  ...base,
  type: z.literal('notification-claim'),
  communityId: z.string().min(1),
  key: z.string().min(1),
  sessionId: z.string().min(1),
  kind: z.enum(['invitation', 'reminder', 'nudge']),
  claimedBy: z.string().min(1),
  claimedAt: iso,
  // v2 (issue 9): failed sends retried with backoff, and those given up on; the lease of the instance retrying.
  retries: z.array(
    z.object({ userId: z.string().min(1), attempts: z.number().int().min(1), nextAttemptAt: iso, error: z.string() }),
  ),
  gaveUp: z.array(
    z.object({ userId: z.string().min(1), attempts: z.number().int().min(1), at: iso, error: z.string() }),
  ),
  leaseUntil: iso.nullable(),
});

type Upgrade = (doc: Record<string, unknown>) => Record<string, unknown>;

interface RecordKind<S extends z.ZodType> {
  readonly schema: S;
  readonly version: number;
  /** upgrades[v] turns a version-v document into version v+1. Empty while v1 is the only version. */
  readonly upgrades: Readonly<Record<number, Upgrade>>;
}

export const RECORD_KINDS = {
  community: { schema: StoredCommunity, version: 1, upgrades: {} },
  membership: { schema: StoredMembership, version: 1, upgrades: {} },
  binding: { schema: StoredBinding, version: 1, upgrades: {} },
  'live-container': { schema: StoredLiveContainer, version: 1, upgrades: {} },
  topic: {
    schema: StoredTopic,
    version: 2,
    upgrades: {
      // v1 → v2 (issue 4, merging topics): `mergedInto` added; no v1 topic was ever merged.
      1: (doc) => ({ ...doc, mergedInto: null }),
    },
  },
  session: { schema: StoredSession, version: 1, upgrades: {} },
  'session-notes': { schema: StoredSessionNotes, version: 1, upgrades: {} },
  annotation: { schema: StoredAnnotation, version: 1, upgrades: {} },
  takeaway: { schema: StoredTakeaway, version: 1, upgrades: {} },
  action: { schema: StoredAction, version: 1, upgrades: {} },
  feedback: { schema: StoredFeedback, version: 1, upgrades: {} },
  rotation: { schema: StoredRotation, version: 1, upgrades: {} },
  'session-run': { schema: StoredSessionRun, version: 1, upgrades: {} },
  'thirty-five-game': {
    schema: StoredThirtyFiveGame,
    version: 2,
    upgrades: {
      // v1 → v2 (issue 9, votes the server vouches for): `scoring` added; a v1 game resumes with no round open.
      1: (doc) => ({ ...doc, scoring: null }),
    },
  },
  'thirty-five-choice': { schema: StoredThirtyFiveChoice, version: 1, upgrades: {} },
  'conversation-ref': { schema: StoredConversationRef, version: 1, upgrades: {} },
  'activity-claim': {
    schema: StoredActivityClaim,
    version: 2,
    upgrades: {
      // v1 → v2 (issue 9): a v1 claim was never retried, so it counts as answered when it was claimed.
      1: (doc) => ({ ...doc, answeredAt: doc.claimedAt }),
    },
  },
  rsvp: { schema: StoredRsvp, version: 1, upgrades: {} },
  'notification-claim': {
    schema: StoredNotificationClaim,
    version: 2,
    upgrades: {
      // v1 → v2 (issue 9): a v1 claim never retried anything.
      1: (doc) => ({ ...doc, retries: [], gaveUp: [], leaseUntil: null }),
    },
  },
} as const satisfies Record<string, RecordKind<z.ZodType>>;

export type RecordType = keyof typeof RECORD_KINDS;
export type StoredOf<T extends RecordType> = z.infer<(typeof RECORD_KINDS)[T]['schema']>;

/** Upgrade a stored document to the current version of its kind and validate it. Throws StoredRecordError. */
export function readRecord<T extends RecordType>(type: T, doc: StoredDocument): StoredOf<T> {
  const kind: RecordKind<z.ZodType> = RECORD_KINDS[type];
  const id = typeof doc.id === 'string' ? doc.id : '?';
  let current: Record<string, unknown> = { ...doc };
  let version = typeof current.schemaVersion === 'number' ? current.schemaVersion : NaN;
  if (!Number.isInteger(version) || version < 1) throw new StoredRecordError(type, id, 'it has no valid schemaVersion');
  if (version > kind.version) {
    throw new StoredRecordError(
      type,
      id,
      `it has schemaVersion ${version}, newer than this server knows (${kind.version}); deploy the newer server`,
    );
  }
  while (version < kind.version) {
    const upgrade = kind.upgrades[version];
    if (!upgrade) throw new StoredRecordError(type, id, `no upgrade from schemaVersion ${version}`);
    current = { ...upgrade(current), schemaVersion: version + 1 };
    version += 1;
  }
  const parsed = kind.schema.safeParse(current);
  if (!parsed.success) {
    throw new StoredRecordError(
      type,
      id,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(document)'}: ${i.message}`).join('; '),
    );
  }
  return parsed.data as StoredOf<T>;
}

/** The document to write: the current version of its kind. */
export function writeRecord<T extends RecordType>(
  type: T,
  fields: Omit<StoredOf<T>, 'type' | 'schemaVersion'>,
): StoredDocument {
  return { ...fields, type, schemaVersion: RECORD_KINDS[type].version } as unknown as StoredDocument;
}

/** Removes the storage envelope (pk, id, type, schemaVersion) and undefined fields. */
export function withoutEnvelope<T extends Record<string, unknown>>(
  stored: T,
): Omit<T, 'pk' | 'id' | 'type' | 'schemaVersion'> {
  const { pk: _pk, id: _id, type: _type, schemaVersion: _v, ...rest } = stored;
  for (const k of Object.keys(rest)) if (rest[k] === undefined) delete rest[k];
  return rest;
}
