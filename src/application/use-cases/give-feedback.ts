import type { Principal } from '../../domain/identity';
import { addVote, summariseFeedback, type FeedbackSummary } from '../../domain/outcomes';
import { fail, ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';
import { findSession } from '../facilitation';
import { updateVersioned } from '../update-versioned';

/** Feedback opens this long before the scheduled start. */
export const FEEDBACK_OPENS_BEFORE_MS = 30 * 60_000;

/**
 * A member rates the session (return on time invested, 1–5), once, anonymously: the store keeps the
 * value and a one-way marker, unlinked (docs/adr/0009-anonymous-feedback-tally.md). Allowed from
 * shortly before the session's start (a Teams meeting often opens a few minutes early), never days
 * ahead. Concurrent votes are retried (updateVersioned), never lost.
 * Round trips: 2 reads (access) + 1 read (session) + (1 read + 1 write) per attempt.
 */
export async function giveFeedback(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; sessionId: string; score: number },
): Promise<Result<FeedbackSummary>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const found = await findSession(deps, input.communityId, input.sessionId);
  if (!found.ok) return found;
  const session = found.value.value;
  if (
    session.state !== 'held' &&
    Date.parse(session.startsAt) - FEEDBACK_OPENS_BEFORE_MS > deps.clock.now().getTime()
  ) {
    return fail('VALIDATION_FAILED', 'Feedback opens when the session starts (at most 30 minutes before).');
  }
  const marker = deps.store.feedback.markerFor(input.communityId, input.sessionId, who.userId);
  const { communityId, sessionId } = input;
  const written = await updateVersioned(
    {
      read: () => deps.store.feedback.get(communityId, sessionId),
      write: (tally, etag) => deps.store.feedback.put(tally, etag),
    },
    (stored) => {
      const voted = addVote(stored?.value ?? { communityId, sessionId, values: [], markers: [] }, marker, input.score);
      if (!voted.ok) return voted;
      if (!voted.value.counted) return fail('ALREADY_VOTED', 'You have already given feedback on this session.');
      return ok(voted.value.tally);
    },
    { busy: 'Many people are voting right now; try again.' },
  );
  return written.ok ? ok(summariseFeedback(written.value.value.values)) : written;
}
