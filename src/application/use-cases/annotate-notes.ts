import type { Principal } from '../../domain/identity';
import { checkAnchor, type Annotation, type AnnotationAnchor } from '../../domain/outcomes';
import { fail, ok, type Result } from '../../domain/result';
import { requireRole } from '../access';
import type { AppDeps } from '../deps';
import { findSession } from '../facilitation';

/**
 * A coach annotates the notes, anchored by a paragraph index or a quote that must be in the notes as
 * they are now. Annotations are their own documents, so a coach never conflicts with the facilitator
 * editing the notes. Round trips: 2 reads (access) + 1 read (session) + 1 read (notes) + 1 create.
 */
export async function annotateNotes(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; sessionId: string; anchor: AnnotationAnchor; text: string },
): Promise<Result<Annotation>> {
  const access = await requireRole(deps, who, input.communityId, 'coach');
  if (!access.ok) return access;
  const found = await findSession(deps, input.communityId, input.sessionId);
  if (!found.ok) return found;
  const notes = await deps.store.notes.get(input.communityId, input.sessionId);
  if (!notes) return fail('VALIDATION_FAILED', 'This session has no notes yet to annotate.');
  const anchored = checkAnchor(notes.value.markdown, input.anchor);
  if (!anchored.ok) return anchored;
  const annotation: Annotation = {
    id: deps.ids.newId(),
    communityId: input.communityId,
    sessionId: input.sessionId,
    anchor: input.anchor,
    text: input.text.trim(),
    authorId: who.userId,
    createdAt: deps.clock.now().toISOString(),
  };
  const created = await deps.store.annotations.create(annotation);
  if (!created.ok) return created;
  return ok(created.value.value);
}
