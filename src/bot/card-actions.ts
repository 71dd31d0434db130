/**
 * What our Adaptive Cards send back when someone presses a button (Action.Submit `data`,
 * which Teams delivers as a message activity's `value`). One schema per action, keyed by
 * `action`; later cards (propose form, RSVP) add members to the union. Pure.
 */
import { z } from 'zod/v4';
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
export const ProposeAnywaySubmit = z.object({ action: z.literal('propose-anyway'), communityId: id, title: z.string().trim().min(1).max(120) });

/** "Volunteer to own" on the top-of-the-backlog card. */
export const VolunteerOwnerSubmit = z.object({ action: z.literal('volunteer-owner'), communityId: id, topicId: id });
export type VolunteerOwnerSubmit = z.infer<typeof VolunteerOwnerSubmit>;

export const CardSubmit = z.discriminatedUnion('action', [RunCommandSubmit, SupportTopicSubmit, ProposeAnywaySubmit, VolunteerOwnerSubmit], {
  // Also called for non-object values (invalid_type), though the declared type only says invalid_union.
  error: (issue) =>
    typeof issue.input === 'object' && issue.input !== null && !Array.isArray(issue.input)
      ? 'the card asked for an action I do not know'
      : 'the card sent no usable data',
});
export type CardSubmit = z.infer<typeof CardSubmit>;

/** Validates a card submit; the failure message is short enough to show in the chat. */
export function parseCardSubmit(value: unknown): Result<CardSubmit> {
  const parsed = CardSubmit.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const message = issues.map((i) => i.message).join('; ');
  return fail('VALIDATION_FAILED', message, issues);
}
