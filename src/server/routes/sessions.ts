import { Router, type Request, type Response } from 'express';
import { EditAgendaRequest, ListSessionsQuery, RotationChangeRequest, SaveSessionRunRequest, ScheduleSessionRequest } from '../../api/session-schemas';
import { IdSchema } from '../../api/schemas';
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
import type { Session } from '../../domain/session';
import { principalOf } from '../auth/authenticate';
import { parseOr400, route, sendResult } from '../http/respond';

export function sessionParams(req: Request, res: Response): { communityId: string; sessionId: string } | undefined {
  const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
  const sessionId = communityId && parseOr400(res, IdSchema, req.params.sid, 'session id');
  return communityId && sessionId ? { communityId, sessionId } : undefined;
}

/** Runs right after a session was scheduled (the invitations); what it returns is added to the 201 answer. */
export type OnScheduled = (who: Principal, session: Session) => Promise<Record<string, unknown>>;

/**
 * Sessions: schedule, read, list with filters, edit the agenda, plan the next one, the facilitator
 * rotation; the run of show saved while it runs and read back to resume a lost live container.
 */
export function sessionRoutes(deps: AppDeps, onScheduled?: OnScheduled): Router {
  const r = Router();
  r.get('/communities/:id/sessions', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    const q = communityId && parseOr400(res, ListSessionsQuery, { ...req.query }, 'session filter');
    if (!communityId || !q) return;
    const filter = { topicId: q.topic, type: q.type, from: q.from, to: q.to, ownerId: q.owner };
    sendResult(res, await listSessions(deps, principalOf(res), { communityId, filter }), (sessions) => ({ sessions }));
  }));
  r.post('/communities/:id/sessions', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    const body = communityId && parseOr400(res, ScheduleSessionRequest, req.body, 'session');
    if (!communityId || !body) return;
    const scheduled = await scheduleSession(deps, principalOf(res), { communityId, ...body });
    // The invitations go out after the write; a repeated request (same request id) does not send them again.
    const extra = scheduled.ok && onScheduled ? await onScheduled(principalOf(res), scheduled.value.session) : {};
    sendResult(res, scheduled, (v) => ({ ...v, ...extra }), 201);
  }));
  r.get('/communities/:id/session-plan', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    if (!communityId) return;
    sendResult(res, await planNextSession(deps, principalOf(res), { communityId }), (plan) => ({ plan }));
  }));
  r.post('/communities/:id/rotation', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    const change = communityId && parseOr400(res, RotationChangeRequest, req.body, 'rotation change');
    if (!communityId || !change) return;
    sendResult(res, await changeRotation(deps, principalOf(res), { communityId, change }), (rotation) => ({ rotation }));
  }));
  r.get('/communities/:id/sessions/:sid', route(async (req, res) => {
    const p = sessionParams(req, res);
    if (!p) return;
    sendResult(res, await getSession(deps, principalOf(res), p), (v) => v);
  }));
  r.put('/communities/:id/sessions/:sid/agenda', route(async (req, res) => {
    const p = sessionParams(req, res);
    const body = p && parseOr400(res, EditAgendaRequest, req.body, 'agenda');
    if (!p || !body) return;
    sendResult(res, await editSessionAgenda(deps, principalOf(res), { ...p, ...body }), (v) => v);
  }));
  r.put('/communities/:id/sessions/:sid/run', route(async (req, res) => {
    const p = sessionParams(req, res);
    const body = p && parseOr400(res, SaveSessionRunRequest, req.body, 'run of show');
    if (!p || !body) return;
    sendResult(res, await saveSessionRun(deps, principalOf(res), { ...p, ...body }), (v) => v);
  }));
  r.get('/communities/:id/meetings/:meetingId/session-run', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    const meetingId = communityId && parseOr400(res, IdSchema, req.params.meetingId, 'meeting id');
    if (!communityId || !meetingId) return;
    sendResult(res, await getResumableRun(deps, principalOf(res), { communityId, meetingId }), (saved) => ({ saved }));
  }));
  return r;
}
