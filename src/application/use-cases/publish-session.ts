import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { SESSION_TYPE_LABELS, type Session } from '../../domain/session';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';
import { facilitatesSession, findSession } from '../facilitation';
import type { SessionAnnouncer } from '../ports';

export interface PublishResult {
  readonly session: Session;
  /** Whether the channel got the card (now or at an earlier publish). */
  readonly posted: boolean;
  readonly message: string;
}

/**
 * The facilitator publishes a held session's notes and takeaways: the session is marked published
 * (they are in the record and exportable either way) and, when the bot is installed in the
 * community's channel, a card linking to the channel tab is posted there. Idempotent: a session
 * whose card was posted is not posted again; one whose post failed is tried again.
 * Round trips: 2 (access) + 1 (session) + 1 (topics, for the title) + 1 (write) + the post.
 */
export async function publishSession(
  deps: AppDeps & { announcer?: SessionAnnouncer | undefined },
  who: Principal,
  input: { communityId: string; sessionId: string; notesUrl: string },
): Promise<Result<PublishResult>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const found = await findSession(deps, input.communityId, input.sessionId);
  if (!found.ok) return found;
  const session = found.value.value;
  if (!facilitatesSession(access.value, session))
    return fail('FORBIDDEN', "Only this session's facilitator (or a facilitator or champion) publishes its notes.");
  if (session.state !== 'held')
    return fail(
      'VALIDATION_FAILED',
      'Close the session first: its notes and takeaways are published after it was held.',
    );
  if (session.published?.posted)
    return ok({ session, posted: true, message: 'Already published and posted to the channel.' });

  let posted = false;
  let message = "Published. The bot is not installed in this community's channel, so no card was posted there.";
  if (deps.announcer) {
    const topics = await Promise.all(session.topicIds.map((id) => deps.store.topics.get(input.communityId, id)));
    const topic = topics.find((t) => t)?.value.title;
    const date = session.startsAt.slice(0, 10);
    const title = `${SESSION_TYPE_LABELS[session.details.type]}${topic ? `: ${topic}` : ''} (${date})`;
    const sent = await deps.announcer.announcePublished(
      { tenantId: who.tenantId, communityId: input.communityId },
      { title, communityName: access.value.community.value.name, notesUrl: input.notesUrl },
    );
    posted = sent.ok;
    if (sent.ok) message = "Published and posted to the community's channel.";
    else if (sent.error.code !== 'NOT_FOUND')
      message = `Published, but the card could not be posted to the channel: ${sent.error.message}`;
  }
  const next: Session = { ...session, published: { at: deps.clock.now().toISOString(), by: who.userId, posted } };
  const saved = await deps.store.sessions.update(next, found.value.etag);
  if (!saved.ok)
    return saved.error.code === 'CONFLICT' ? fail('CONFLICT', 'The session changed meanwhile; publish again.') : saved;
  return ok({ session: saved.value.value, posted, message });
}
