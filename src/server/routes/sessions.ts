import { Router } from 'express';
import { contract } from '../../api/contract';
import type { AppDeps } from '../../application/deps';
import { changeRotation } from '../../application/use-cases/change-rotation';
import { editSessionAgenda } from '../../application/use-cases/edit-session-agenda';
import { getResumableRun } from '../../application/use-cases/get-resumable-run';
import { getSession } from '../../application/use-cases/get-session';
import { listSessions } from '../../application/use-cases/list-sessions';
import { planNextSession } from '../../application/use-cases/plan-next-session';
import { saveSessionRun } from '../../application/use-cases/save-session-run';
import { scheduleSession } from '../../application/use-cases/schedule-session';
import type { Principal } from '../../domain/identity';
import { ok } from '../../domain/result';
import type { Session } from '../../domain/session';
import type { Answer } from '../http/mount';
import { map } from '../http/answer';
import { mount } from '../http/mount';

/** The community id and session id of a session route. */
export const sessionOf = (p: { id: string; sid: string }) => ({ communityId: p.id, sessionId: p.sid });

/** Runs right after a session was scheduled (the invitations); what it returns is added to the 201 answer. */
export type OnScheduled = (
  who: Principal,
  session: Session,
) => Promise<Pick<Answer<typeof contract.scheduleSession>, 'invitations'>>;

/**
 * Sessions: schedule, read, list with filters, edit the agenda, plan the next one, the facilitator
 * rotation; the run of show saved while it runs and read back to resume a lost live container.
 */
export function sessionRoutes(deps: AppDeps, onScheduled?: OnScheduled): Router {
  const r = Router();
  mount(r, contract.listSessions, async ({ principal, params, query: q }) => {
    const filter = { topicId: q.topic, type: q.type, from: q.from, to: q.to, ownerId: q.owner };
    return map(await listSessions(deps, principal, { communityId: params.id, filter }), (sessions) => ({ sessions }));
  });
  mount(r, contract.scheduleSession, async ({ principal, params, body }) => {
    const scheduled = await scheduleSession(deps, principal, { communityId: params.id, ...body });
    if (!scheduled.ok) return scheduled;
    // The invitations go out after the write; a repeated request (same request id) does not send them again.
    const extra = onScheduled ? await onScheduled(principal, scheduled.value.session) : {};
    return ok({ ...scheduled.value, ...extra });
  });
  mount(r, contract.planNextSession, async ({ principal, params }) =>
    map(await planNextSession(deps, principal, { communityId: params.id }), (plan) => ({ plan })),
  );
  mount(r, contract.changeRotation, async ({ principal, params, body: change }) =>
    map(await changeRotation(deps, principal, { communityId: params.id, change }), (rotation) => ({ rotation })),
  );
  mount(r, contract.getSession, async ({ principal, params }) => getSession(deps, principal, sessionOf(params)));
  mount(r, contract.saveSessionRun, async ({ principal, params, body }) =>
    saveSessionRun(deps, principal, { ...sessionOf(params), ...body }),
  );
  mount(r, contract.getResumableRun, async ({ principal, params }) =>
    map(await getResumableRun(deps, principal, { communityId: params.id, meetingId: params.meetingId }), (saved) => ({
      saved,
    })),
  );
  mount(r, contract.editSessionAgenda, async ({ principal, params, body }) =>
    editSessionAgenda(deps, principal, { ...sessionOf(params), ...body }),
  );
  return r;
}
