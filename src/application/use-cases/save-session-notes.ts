import type { Principal } from '../../domain/identity';
import { OUTCOME_LIMITS, type SessionNotes } from '../../domain/outcomes';
import { fail, ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';
import { facilitatesSession, findSession } from '../facilitation';

/**
 * The session's facilitator (or a facilitator/champion) writes the notes: one Markdown document per
 * session (docs/adr/0011-one-notes-document-per-session.md). The first save has no etag; every later
 * save carries the etag it read, so two people never overwrite each other silently.
 * Round trips: 2 reads (access) + 1 read (session) + 1 create or replace.
 */
export async function saveSessionNotes(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; sessionId: string; markdown: string; etag?: string },
): Promise<Result<{ notes: SessionNotes; etag: string }>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const found = await findSession(deps, input.communityId, input.sessionId);
  if (!found.ok) return found;
  if (!facilitatesSession(access.value, found.value.value))
    return fail('FORBIDDEN', "Only this session's facilitator (or a facilitator or champion) writes its notes.");
  if (input.markdown.length > OUTCOME_LIMITS.notes)
    return fail('VALIDATION_FAILED', `The notes must be at most ${OUTCOME_LIMITS.notes} characters.`, [
      { path: 'markdown', message: 'too long' },
    ]);
  const notes: SessionNotes = {
    communityId: input.communityId,
    sessionId: input.sessionId,
    markdown: input.markdown,
    updatedBy: who.userId,
    updatedAt: deps.clock.now().toISOString(),
  };
  const written = await deps.store.notes.put(notes, input.etag);
  if (!written.ok) {
    if (written.error.code === 'CONFLICT' && input.etag === undefined) {
      return fail('CONFLICT', 'These notes already exist; read them first and send their etag with your change.');
    }
    return written;
  }
  return ok({ notes: written.value.value, etag: written.value.etag });
}
