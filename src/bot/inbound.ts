/**
 * The least an HTTP body must be before the Bot Framework adapter sees it. botbuilder only
 * checks that `type` is a string; the turn then needs a conversation, a sender, a recipient
 * and a service URL to answer to, and fails deep inside the SDK without them. Checking here
 * turns such bodies into a clear 400 instead. Everything else passes through untouched.
 */
import { z } from 'zod/v4';

const missingOr = (what: string, wrong: string) => (issue: { input?: unknown }) =>
  issue.input === undefined || issue.input === null ? `${what} is required` : `${what} ${wrong}`;
const id = (what: string) =>
  z.string({ error: missingOr(what, 'must be text') }).min(1, { error: `${what} is required` });
const withId = (what: string) =>
  z.looseObject({ id: id(`${what}.id`) }, { error: missingOr(what, 'must be an object') });

export const InboundActivity = z.looseObject(
  {
    type: id('type'),
    channelId: id('channelId'),
    serviceUrl: z.url({ protocol: /^https?$/, error: 'serviceUrl must be an http(s) URL' }),
    conversation: withId('conversation'),
    from: withId('from'),
    recipient: withId('recipient'),
    text: z.string({ error: 'text must be text' }).optional(),
  },
  { error: 'the body must be a Bot Framework activity (a JSON object)' },
);
export type InboundActivity = z.infer<typeof InboundActivity>;

/** Why a body is not an activity we can handle, or undefined when it is. */
export function checkInboundActivity(body: unknown): string | undefined {
  const parsed = InboundActivity.safeParse(body);
  if (parsed.success) return undefined;
  return parsed.error.issues
    .slice(0, 5)
    .map((i) => i.message)
    .join('; ');
}
