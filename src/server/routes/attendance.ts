import { Router } from 'express';
import { IdSchema } from '../../api/schemas';
import type { AppDeps } from '../../application/deps';
import { getAttendance } from '../../application/use-cases/get-attendance';
import { sessionCalendarFile } from '../../application/use-cases/session-calendar-file';
import { principalOf } from '../auth/authenticate';
import { checkCalendarLink } from '../calendar-links';
import { parseOr400, route, sendError, sendResult } from '../http/respond';
import { sessionParams } from './sessions';

/** The champion's view as JSON (the same data as the bot's attendance card). Authenticated. */
export function attendanceRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/communities/:id/attendance', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    if (!communityId) return;
    sendResult(res, await getAttendance(deps, principalOf(res), { communityId }), (attendance) => ({ attendance }));
  }));
  return r;
}

/**
 * GET /api/communities/:id/sessions/:sid/calendar.ics?exp=…&sig=… — NOT behind the token check: a
 * link opened from a Teams card has no token; its signature is the permission (ADR 0014).
 */
export function calendarRoutes(deps: AppDeps, secret: string): Router {
  const r = Router();
  r.get('/communities/:id/sessions/:sid/calendar.ics', route(async (req, res) => {
    const p = sessionParams(req, res);
    if (!p) return;
    const check = checkCalendarLink(secret, { ...p, exp: req.query.exp, sig: req.query.sig }, deps.clock.now());
    if (check !== 'ok') {
      sendError(res, {
        code: 'FORBIDDEN',
        message: check === 'expired' ? 'This calendar link has expired. Open the invitation card again for a fresh one.' : 'This calendar link is not valid (it was changed or is not ours).',
      });
      return;
    }
    const file = await sessionCalendarFile(deps, p);
    if (!file.ok) return sendError(res, file.error);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${file.value.filename}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.status(200).send(file.value.ics);
  }));
  return r;
}
