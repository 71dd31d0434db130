/**
 * Request shapes of the backlog operations, sessions and outcomes (issue 4): one schema per shape,
 * shared by the server (validation at the boundary) and the tab. No IO here.
 */
import { z } from 'zod/v4';
import { TOPIC_LIMITS } from '../domain/backlog';
import { ACTION_STATUSES, OUTCOME_LIMITS } from '../domain/outcomes';
import { SESSION_LIMITS, SESSION_TYPES } from '../domain/session';
import { BREAKOUT_LIMITS, RUN_LIMITS, SAVED_RUN_LIMITS } from '../domain/session-run';
import { IdSchema, RequestIdSchema, textSchema } from './schemas';

const text = (max: number, what: string) => textSchema(what, max);
/** Text that may span lines (descriptions, notes, takeaways). */
const lines = (max: number, what: string) => textSchema(what, max, { lines: 'multi' });

const EtagSchema = z
  .string({ error: 'etag must be text' })
  .min(1, { error: 'etag is required (read the record first)' });
/** Request ids become part of record ids: short, from a safe alphabet (defined with the other ids). */
export { RequestIdSchema };
const name = (what: string) => text(SESSION_LIMITS.name, what);

// Backlog operations

export const EditTopicRequest = z.strictObject({
  etag: EtagSchema,
  title: text(TOPIC_LIMITS.title, 'title').optional(),
  description: textSchema('description', TOPIC_LIMITS.description, { lines: 'multi', required: false }).optional(),
});
export type EditTopicRequest = z.infer<typeof EditTopicRequest>;

export const MoveTopicRequest = z.strictObject({
  position: z
    .number({ error: 'position must be a number' })
    .int({ error: 'position must be a whole number' })
    .min(1, { error: 'position starts at 1' }),
});

export const MergeTopicsRequest = z.strictObject({ keepId: IdSchema, mergeId: IdSchema });

// Sessions

/** One schema per session type's own fields. */
export const SessionDetailsSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('deep-dive') }),
    z.strictObject({ type: z.literal('lean-coffee') }),
    z.strictObject({
      type: z.literal('external-speaker'),
      speakerName: name('speakerName'),
      organisation: name('organisation'),
    }),
    z.strictObject({ type: z.literal('leadership-guest'), guestName: name('guestName'), guestRole: name('guestRole') }),
    z.strictObject({ type: z.literal('book-club'), bookTitle: name('bookTitle') }),
    z.strictObject({ type: z.literal('story-sharing'), theme: name('theme') }),
    z.strictObject({ type: z.literal('visit'), hostCompany: name('hostCompany') }),
  ],
  { error: `type must be one of ${SESSION_TYPES.join(', ')}` },
);

export const AgendaSchema = z
  .array(
    z.strictObject({
      title: text(SESSION_LIMITS.agendaItemTitle, 'agenda item title'),
      minutes: z
        .number({ error: 'minutes must be a number' })
        .int()
        .min(1, { error: 'a timebox is at least 1 minute' })
        .max(SESSION_LIMITS.agendaItemMinutes, {
          error: `a timebox is at most ${SESSION_LIMITS.agendaItemMinutes} minutes`,
        }),
    }),
  )
  .min(1, { error: 'the agenda needs at least one item' })
  .max(SESSION_LIMITS.agendaItems, { error: `the agenda has at most ${SESSION_LIMITS.agendaItems} items` });

const DurationSchema = z
  .number({ error: 'durationMinutes must be a number' })
  .int()
  .min(SESSION_LIMITS.minDuration, { error: `a session lasts at least ${SESSION_LIMITS.minDuration} minutes` })
  .max(SESSION_LIMITS.maxDuration, { error: `a session lasts at most ${SESSION_LIMITS.maxDuration} minutes` });

export const DateTimeSchema = z.iso.datetime({
  offset: true,
  error: 'must be an ISO date and time, e.g. 2026-12-03T15:00:00Z',
});

export const ScheduleSessionRequest = z.strictObject({
  details: SessionDetailsSchema,
  startsAt: DateTimeSchema,
  durationMinutes: DurationSchema.optional(),
  topicIds: z
    .array(IdSchema)
    .max(SESSION_LIMITS.topics, { error: `at most ${SESSION_LIMITS.topics} topics` })
    .optional(),
  facilitatorId: IdSchema.optional(),
  meetingLink: z
    .url({ protocol: /^https$/, error: 'meetingLink must be an https URL' })
    .max(SESSION_LIMITS.meetingLink)
    .optional(),
  purpose: textSchema('purpose', SESSION_LIMITS.purpose, { lines: 'multi', required: false }).optional(),
  agenda: AgendaSchema.optional(),
  requestId: RequestIdSchema.optional(),
});
export type ScheduleSessionRequest = z.infer<typeof ScheduleSessionRequest>;

export const EditAgendaRequest = z.strictObject({
  etag: EtagSchema,
  agenda: AgendaSchema,
  durationMinutes: DurationSchema.optional(),
});

export const ListSessionsQuery = z.strictObject({
  topic: IdSchema.optional(),
  type: z.enum(SESSION_TYPES, { error: `type must be one of ${SESSION_TYPES.join(', ')}` }).optional(),
  from: DateTimeSchema.optional(),
  to: DateTimeSchema.optional(),
  owner: IdSchema.optional(),
});

export const RotationChangeRequest = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('join') }),
    z.strictObject({ kind: z.literal('leave') }),
    z.strictObject({ kind: z.literal('skip'), userId: IdSchema }),
    z.strictObject({ kind: z.literal('swap'), a: IdSchema, b: IdSchema }),
  ],
  { error: 'kind must be join, leave, skip or swap' },
);

// Outcomes

export const SaveNotesRequest = z.strictObject({
  markdown: textSchema('markdown', OUTCOME_LIMITS.notes, { lines: 'multi', required: false, trim: false }),
  etag: EtagSchema.optional(),
});

export const AnnotateRequest = z.strictObject({
  anchor: z.union(
    [
      z.strictObject({ paragraph: z.number({ error: 'paragraph must be a number' }).int().min(0) }),
      z.strictObject({ quote: lines(OUTCOME_LIMITS.quote, 'quote') }),
    ],
    { error: 'anchor is { paragraph } or { quote }' },
  ),
  text: lines(OUTCOME_LIMITS.annotation, 'text'),
});

export const DueDateSchema = z.iso.date({ error: 'dueDate must be a date like 2026-12-31' });

export const AddTakeawayRequest = z.strictObject({
  topicId: IdSchema.nullable(),
  text: lines(OUTCOME_LIMITS.takeaway, 'text'),
});

export const CreateActionRequest = z.strictObject({
  takeawayId: IdSchema,
  text: lines(OUTCOME_LIMITS.action, 'text').optional(),
  ownerId: IdSchema,
  dueDate: DueDateSchema,
});

export const UpdateActionRequest = z.strictObject({
  etag: EtagSchema,
  status: z.enum(ACTION_STATUSES, { error: `status must be one of ${ACTION_STATUSES.join(', ')}` }),
});

export const ScoreSchema = z
  .number({ error: 'score must be a number' })
  .int({ error: 'score must be a whole number' })
  .min(1, { error: 'score is 1 to 5' })
  .max(5, { error: 'score is 1 to 5' });
export const FeedbackRequest = z.strictObject({ score: ScoreSchema });

const IsoTimeSchema = z.iso.datetime({ offset: true, error: 'must be an ISO date and time' });
const GroupIndexSchema = z
  .number({ error: 'group must be a number' })
  .int()
  .min(0)
  .max(BREAKOUT_LIMITS.maxGroups - 1, { error: `at most ${BREAKOUT_LIMITS.maxGroups} groups` });
const PeopleSchema = z.array(IdSchema).max(SAVED_RUN_LIMITS.people);
const authorName = z
  .string({ error: 'a name must be text' })
  .max(SESSION_LIMITS.name, { error: `a name is at most ${SESSION_LIMITS.name} characters` });

/** A breakout group with its notes, as a close keeps it on the session. */
export const SessionBreakoutSchema = z.strictObject({
  index: GroupIndexSchema,
  question: z
    .string({ error: 'question must be text' })
    .max(RUN_LIMITS.question, { error: `a question is at most ${RUN_LIMITS.question} characters` }),
  members: PeopleSchema,
  notes: z
    .array(
      z.strictObject({
        id: IdSchema,
        authorId: IdSchema,
        authorName,
        text: text(RUN_LIMITS.groupNote, 'note'),
        at: IsoTimeSchema,
      }),
    )
    .max(SAVED_RUN_LIMITS.groupNotes, { error: `at most ${SAVED_RUN_LIMITS.groupNotes} notes` }),
});

/** PUT …/sessions/:sid/run: the run of show as the facilitator's meeting shows it. */
export const SaveSessionRunRequest = z.strictObject({
  meetingId: IdSchema,
  run: z.strictObject({
    phase: z.enum(['check-in', 'deep-dive', 'breakouts', 'share-out', 'feedback'], {
      error: 'phase must be a phase of a running session',
    }),
    phaseStartedAt: IsoTimeSchema,
    phaseEndsAt: IsoTimeSchema.optional(),
    iceBreakerId: IdSchema,
    topicTitle: text(TOPIC_LIMITS.title, 'topicTitle'),
    ownerName: authorName.min(1).optional(),
    breakoutEndsAt: IsoTimeSchema.optional(),
    groups: z
      .array(
        z.strictObject({
          index: GroupIndexSchema,
          question: z.string().max(RUN_LIMITS.question),
          members: PeopleSchema,
        }),
      )
      .max(BREAKOUT_LIMITS.maxGroups, { error: `at most ${BREAKOUT_LIMITS.maxGroups} groups` }),
    groupNotes: z
      .array(
        z.strictObject({
          id: IdSchema,
          group: GroupIndexSchema,
          userId: IdSchema,
          displayName: authorName,
          text: text(RUN_LIMITS.groupNote, 'note'),
          at: IsoTimeSchema,
        }),
      )
      .max(SAVED_RUN_LIMITS.groupNotes, { error: `at most ${SAVED_RUN_LIMITS.groupNotes} group notes` }),
    takeaways: z
      .array(
        z.strictObject({
          id: IdSchema,
          text: text(RUN_LIMITS.takeaway, 'takeaway'),
          authorId: IdSchema,
          authorName,
          at: IsoTimeSchema,
          mergedInto: IdSchema.optional(),
          action: z
            .strictObject({
              ownerId: IdSchema,
              dueDate: z.iso.date({ error: 'dueDate must be a date like 2026-12-31' }),
            })
            .optional(),
        }),
      )
      .max(SAVED_RUN_LIMITS.takeaways, { error: `at most ${SAVED_RUN_LIMITS.takeaways} takeaways` }),
    voted: PeopleSchema,
    feedbackClosed: z.boolean({ error: 'feedbackClosed must be true or false' }),
  }),
});
export type SaveSessionRunRequest = z.infer<typeof SaveSessionRunRequest>;

export const CloseSessionRequest = z.strictObject({
  requestId: RequestIdSchema,
  attendees: z.array(IdSchema).max(200),
  takeaways: z
    .array(
      z.strictObject({
        topicId: IdSchema.nullable(),
        text: lines(OUTCOME_LIMITS.takeaway, 'text'),
        authorId: IdSchema.optional(),
        action: z
          .strictObject({
            text: lines(OUTCOME_LIMITS.action, 'text').optional(),
            ownerId: IdSchema,
            dueDate: DueDateSchema,
          })
          .optional(),
      }),
    )
    .max(OUTCOME_LIMITS.perClose, { error: `at most ${OUTCOME_LIMITS.perClose} takeaways at once` }),
  feedback: z.array(z.strictObject({ userId: IdSchema, score: ScoreSchema })).max(200),
  /** The breakout groups with their notes (absent from older clients: only the saved run's are kept). */
  breakouts: z
    .array(SessionBreakoutSchema)
    .max(BREAKOUT_LIMITS.maxGroups, { error: `at most ${BREAKOUT_LIMITS.maxGroups} groups` })
    .optional(),
});
export type CloseSessionRequest = z.infer<typeof CloseSessionRequest>;

export const SearchQuery = z.strictObject({ q: text(OUTCOME_LIMITS.search, 'q') });
export const OpenActionsQuery = z.strictObject({ owner: IdSchema.optional() });
