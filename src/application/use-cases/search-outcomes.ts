import type { Principal } from '../../domain/identity';
import { OUTCOME_LIMITS, searchOutcomes as search, type SearchHit } from '../../domain/outcomes';
import { fail, ok, type Result } from '../../domain/result';
import { searchGroupNotes } from '../../domain/session-run';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';

/**
 * Search the community's takeaways, notes and breakout group notes (case-insensitive substring). Reads
 * the partition's takeaways, notes and sessions and filters here: a community holds tens of sessions,
 * not thousands. Round trips: 2 reads (access) + 3 queries.
 */
export async function searchOutcomes(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; query: string },
): Promise<Result<SearchHit[]>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const q = input.query.trim();
  if (!q || q.length > OUTCOME_LIMITS.search)
    return fail('VALIDATION_FAILED', `The search needs 1 to ${OUTCOME_LIMITS.search} characters.`, [
      { path: 'q', message: 'empty or too long' },
    ]);
  const [takeaways, notes, sessions] = await Promise.all([
    deps.store.takeaways.listByCommunity(input.communityId),
    deps.store.notes.listByCommunity(input.communityId),
    deps.store.sessions.listByCommunity(input.communityId),
  ]);
  return ok([
    ...search(q, takeaways, notes),
    ...searchGroupNotes(
      q,
      sessions.map((s) => s.value),
    ),
  ]);
}
