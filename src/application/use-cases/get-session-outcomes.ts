import type { Principal } from '../../domain/identity';
import {
  summariseFeedback,
  type ActionItem,
  type Annotation,
  type FeedbackSummary,
  type SessionNotes,
  type Takeaway,
} from '../../domain/outcomes';
import { ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';
import { findSession } from '../facilitation';

export interface SessionOutcomesView {
  readonly notes: SessionNotes | null;
  /** Send it back with the next notes edit; null before the first save. */
  readonly notesEtag: string | null;
  readonly annotations: readonly Annotation[];
  readonly takeaways: readonly Takeaway[];
  readonly actions: readonly (ActionItem & { readonly etag: string })[];
  readonly feedback: FeedbackSummary & { readonly mine: boolean };
}

/**
 * Everything a session left behind, as members read it. Feedback only as a summary, plus whether the
 * caller voted. Round trips: 2 reads (access) + 1 read (session) + 1 read (notes) + 2 queries + n reads
 * (action etags) + 1 read (feedback).
 */
export async function getSessionOutcomes(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; sessionId: string },
): Promise<Result<SessionOutcomesView>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const found = await findSession(deps, input.communityId, input.sessionId);
  if (!found.ok) return found;
  const { communityId, sessionId } = input;
  const [notes, annotations, takeaways, actions, tally] = await Promise.all([
    deps.store.notes.get(communityId, sessionId),
    deps.store.annotations.listBySession(communityId, sessionId),
    deps.store.takeaways.listBySession(communityId, sessionId),
    deps.store.actions.listBySession(communityId, sessionId),
    deps.store.feedback.get(communityId, sessionId),
  ]);
  const withEtags = await Promise.all(
    actions.map(async (a) => ({ ...a, etag: (await deps.store.actions.get(communityId, a.id))?.etag ?? '' })),
  );
  const marker = deps.store.feedback.markerFor(communityId, sessionId, who.userId);
  return ok({
    notes: notes?.value ?? null,
    notesEtag: notes?.etag ?? null,
    annotations,
    takeaways,
    actions: withEtags,
    feedback: { ...summariseFeedback(tally?.value.values ?? []), mine: tally?.value.markers.includes(marker) ?? false },
  });
}
