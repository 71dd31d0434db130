import {
  emptyRotation,
  facilitatorHistory,
  optIn,
  optOut,
  skipTurn,
  swapTurns,
  type FacilitatorRotation,
} from '../../domain/facilitator-rotation';
import type { Principal } from '../../domain/identity';
import { fail, ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';
import { canFacilitate } from '../facilitation';
import { updateVersioned } from '../update-versioned';

export type RotationChange =
  | { readonly kind: 'join' }
  | { readonly kind: 'leave' }
  | { readonly kind: 'skip'; readonly userId: string }
  | { readonly kind: 'swap'; readonly a: string; readonly b: string };

/**
 * The facilitator rotation: a member opts in or out (for themselves); a volunteer skips their own next
 * turn (a facilitator or champion may skip anyone); a swap is for a facilitator or champion, or for one
 * of the two volunteers swapping. One record per community, guarded by its etag, retried on a
 * concurrent change (updateVersioned). Round trips: 2 reads (access) + (1 read + 1 query + 1 write) per attempt.
 */
export async function changeRotation(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; change: RotationChange },
): Promise<Result<FacilitatorRotation>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const c = input.change;
  const facilitating = canFacilitate(access.value);
  if (c.kind === 'skip' && c.userId !== who.userId && !facilitating)
    return fail('FORBIDDEN', 'You can skip only your own turn; a facilitator or champion can skip anyone.');
  if (c.kind === 'swap' && !facilitating && who.userId !== c.a && who.userId !== c.b)
    return fail('FORBIDDEN', 'Only a facilitator or champion, or one of the two volunteers, can swap turns.');
  const changed = await updateVersioned(
    { read: () => deps.store.rotations.get(input.communityId), write: (r, etag) => deps.store.rotations.put(r, etag) },
    async (stored) => {
      const current = stored?.value ?? emptyRotation(input.communityId, who.tenantId);
      const sessions = await deps.store.sessions.listByCommunity(input.communityId);
      const history = facilitatorHistory(sessions.map((s) => s.value));
      const next: Result<FacilitatorRotation> =
        c.kind === 'join'
          ? ok(optIn(current, who.userId))
          : c.kind === 'leave'
            ? ok(optOut(current, who.userId))
            : c.kind === 'skip'
              ? skipTurn(current, history, c.userId)
              : swapTurns(current, history, c.a, c.b);
      if (!next.ok) return next;
      return next.value === current && stored ? ok('unchanged') : next;
    },
    { busy: 'The rotation is being changed right now; try again.' },
  );
  return changed.ok ? ok(changed.value.value) : changed;
}
