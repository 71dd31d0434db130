import type { Principal } from '../../domain/identity';
import { checkDueDate, type ActionItem } from '../../domain/outcomes';
import { fail, ok, type Result } from '../../domain/result';
import { requireMember } from '../access';
import type { AppDeps } from '../deps';
import { checkMembers, facilitatesSession, findSession } from '../facilitation';

/**
 * A takeaway becomes an action with an owner (a member), a due date (today or later) and status open.
 * The takeaway's author or the session's facilitator (or a facilitator/champion) creates it.
 * Round trips: 2 reads (access) + 1 read (takeaway) + 1 read (session) + 1 query (members) + 1 create.
 */
export async function createAction(
  deps: AppDeps,
  who: Principal,
  input: { communityId: string; takeawayId: string; text?: string; ownerId: string; dueDate: string },
): Promise<Result<ActionItem>> {
  const access = await requireMember(deps, who, input.communityId);
  if (!access.ok) return access;
  const takeaway = await deps.store.takeaways.get(input.communityId, input.takeawayId);
  if (!takeaway) return fail('TAKEAWAY_NOT_FOUND', 'That takeaway is not in this community.');
  const session = await findSession(deps, input.communityId, takeaway.value.sessionId);
  if (!session.ok) return session;
  if (takeaway.value.authorId !== who.userId && !facilitatesSession(access.value, session.value.value)) {
    return fail('FORBIDDEN', "Only the takeaway's author or the session's facilitator can turn it into an action.");
  }
  const due = checkDueDate(input.dueDate, deps.clock.now());
  if (!due.ok) return due;
  const owner = await checkMembers(deps, input.communityId, [input.ownerId], 'ownerId');
  if (!owner.ok) return owner;
  const now = deps.clock.now().toISOString();
  const action: ActionItem = {
    id: deps.ids.newId(),
    communityId: input.communityId,
    sessionId: takeaway.value.sessionId,
    takeawayId: takeaway.value.id,
    text: (input.text ?? takeaway.value.text).trim(),
    ownerId: input.ownerId,
    dueDate: input.dueDate,
    status: 'open',
    createdBy: who.userId,
    createdAt: now,
    updatedAt: now,
  };
  const created = await deps.store.actions.create(action);
  if (!created.ok) return created;
  return ok(created.value.value);
}
