/**
 * What our Adaptive Cards send back when someone presses a button (Action.Submit `data`,
 * which Teams delivers as a message activity's `value`). One schema per action, keyed by
 * `action`; later cards (propose form, RSVP) add members to the union. Pure.
 */
import { z } from 'zod/v4';
import { RSVP_ANSWERS, RSVP_LIMITS, RSVP_REASONS } from '../domain/attendance';
import { TOPIC_TITLE_MAX } from '../domain/backlog';
import { fail, ok, type Result } from '../domain/result';
import { COMMAND_IDS } from './commands';

export const RunCommandSubmit = z.object({
  action: z.literal('command'),
  command: z.enum(COMMAND_IDS, { error: `command must be one of ${COMMAND_IDS.join(', ')}` }),
});
export type RunCommandSubmit = z.infer<typeof RunCommandSubmit>;

const id = z.string().min(1).max(128);

/** "+1" on a topic that already exists (offered instead of a duplicate). */
export const SupportTopicSubmit = z.object({ action: z.literal('support-topic'), communityId: id, topicId: id });

/** "Propose anyway" after the bot pointed to a similar topic. */
export const ProposeAnywaySubmit = z.object({
  action: z.literal('propose-anyway'),
  communityId: id,
  title: z.string().trim().min(1).max(TOPIC_TITLE_MAX),
});

/** "Volunteer to own" on the top-of-the-backlog card. */
export const VolunteerOwnerSubmit = z.object({ action: z.literal('volunteer-owner'), communityId: id, topicId: id });
export type VolunteerOwnerSubmit = z.infer<typeof VolunteerOwnerSubmit>;

/** "Nudge" on the attendance card: remind those who have not answered. */
export const NudgeSubmit = z.object({ action: z.literal('nudge'), communityId: id, sessionId: id });
export type NudgeSubmit = z.infer<typeof NudgeSubmit>;

export const CardSubmit = z.discriminatedUnion(
  'action',
  [RunCommandSubmit, SupportTopicSubmit, ProposeAnywaySubmit, VolunteerOwnerSubmit, NudgeSubmit],
  {
    // Also called for non-object values (invalid_type), though the declared type only says invalid_union.
    error: (issue) =>
      typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input)
        ? 'the card asked for an action I do not know'
        : 'the card sent no usable data',
  },
);
export type CardSubmit = z.infer<typeof CardSubmit>;

/** Validates a card submit; the failure message is short enough to show in the chat. */
export function parseCardSubmit(value: unknown): Result<CardSubmit> {
  const parsed = CardSubmit.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const message = issues.map((i) => i.message).join('; ');
  return fail('VALIDATION_FAILED', message, issues);
}

/**
 * Universal Actions (Action.Execute, an `adaptiveCard/action` invoke): the verb says what, `data`
 * carries the ids and, for a "no", the inputs of the card (`reason`, `reasonText`), merged in by Teams.
 */
export const RsvpViewData = z.object({ communityId: id, sessionId: id });
export type RsvpViewData = z.infer<typeof RsvpViewData>;

export const RsvpExecuteData = RsvpViewData.extend({
  answer: z.enum(RSVP_ANSWERS, { error: 'the answer must be yes, maybe or no' }),
  // An untouched choice set sends '' (or nothing).
  reason: z
    .union([z.enum(RSVP_REASONS), z.literal('')], { error: 'that reason is not one the card offers' })
    .optional(),
  reasonText: z
    .string({ error: 'the reason must be text' })
    .max(RSVP_LIMITS.reasonText, { error: `the reason is at most ${RSVP_LIMITS.reasonText} characters` })
    .optional(),
});
export type RsvpExecuteData = z.input<typeof RsvpExecuteData>;

export type CardExecute =
  | { readonly verb: 'rsvp'; readonly data: z.infer<typeof RsvpExecuteData> }
  | { readonly verb: 'rsvp-view'; readonly data: RsvpViewData };

const ExecuteEnvelope = z.object(
  {
    action: z.object(
      {
        type: z.literal('Action.Execute', { error: 'not an Action.Execute' }),
        verb: z.string({ error: 'the action has no verb' }),
        data: z.unknown().optional(),
      },
      { error: 'the invoke carries no action' },
    ),
  },
  { error: 'the invoke carries no action' },
);

/** The verbs we answer; a Map, so a verb like `constructor` or `__proto__` is just unknown (no prototype lookup). */
const EXECUTE_SCHEMAS: ReadonlyMap<string, z.ZodType> = new Map<CardExecute['verb'], z.ZodType>([
  ['rsvp', RsvpExecuteData],
  ['rsvp-view', RsvpViewData],
]);

/** Validates an `adaptiveCard/action` invoke's value; the failure message is short enough for the card. */
export function parseCardExecute(value: unknown): Result<CardExecute> {
  const envelope = ExecuteEnvelope.safeParse(value);
  if (!envelope.success) return fail('VALIDATION_FAILED', envelope.error.issues.map((i) => i.message).join('; '));
  const { verb, data } = envelope.data.action;
  const schema = EXECUTE_SCHEMAS.get(verb);
  if (!schema) return fail('VALIDATION_FAILED', 'the card asked for an action I do not know');
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
    return fail(
      'VALIDATION_FAILED',
      issues
        .map((i) =>
          i.message.startsWith('Invalid input') || i.message.startsWith('Required')
            ? `${i.path} is missing or wrong`
            : i.message,
        )
        .join('; '),
      issues,
    );
  }
  return ok({ verb, data: parsed.data } as CardExecute);
}
