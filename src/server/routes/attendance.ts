import { Router } from 'express';
import { contract } from '../../api/contract';
import type { AppDeps } from '../../application/deps';
import { getAttendance } from '../../application/use-cases/get-attendance';
import { sessionCalendarFile } from '../../application/use-cases/session-calendar-file';
import { fail } from '../../domain/result';
import { checkCalendarLink } from '../calendar-links';
import { map } from '../http/answer';
import { mount } from '../http/mount';
import { sessionOf } from './sessions';

/** The champion's view as JSON (the same data as the bot's attendance card). Authenticated. */
export function attendanceRoutes(deps: AppDeps): Router {
  const r = Router();
  mount(r, contract.getAttendance, async ({ principal, params }) =>
    map(await getAttendance(deps, principal, { communityId: params.id }), (attendance) => ({ attendance })),
  );
  return r;
}

/**
 * GET /api/communities/:id/sessions/:sid/calendar.ics?exp=…&sig=… — NOT behind the token check: a
 * link opened from a Teams card has no token; its signature is the permission (ADR 0014).
 */
export function calendarRoutes(deps: AppDeps, secret: string): Router {
  const r = Router();
  mount(r, contract.sessionCalendarFile, async ({ params, query }) => {
    const p = sessionOf(params);
    const check = checkCalendarLink(secret, { ...p, exp: query.exp, sig: query.sig }, deps.clock.now());
    if (check !== 'ok') {
      return fail(
        'FORBIDDEN',
        check === 'expired'
          ? 'This calendar link has expired. Open the invitation card again for a fresh one.'
          : 'This calendar link is not valid (it was changed or is not ours).',
      );
    }
    return map(await sessionCalendarFile(deps, p), (file) => ({
      contentType: 'text/calendar; charset=utf-8',
      text: file.ics,
      headers: {
        'Content-Disposition': `attachment; filename="${file.filename}"`,
        'Cache-Control': 'private, no-store',
      },
    }));
  });
  return r;
}
