import { Router } from 'express';
import { IdSchema } from '../../api/schemas';
import type { AppDeps } from '../../application/deps';
import type { SessionAnnouncer } from '../../application/ports';
import { publishSession } from '../../application/use-cases/publish-session';
import { principalOf } from '../auth/authenticate';
import { parseOr400, route, sendResult } from '../http/respond';
import { sessionPageUrl } from '../tab-links';

/** Publishing a held session's notes; the card links to the channel tab's page of the session. */
export function publishRoutes(deps: AppDeps, opts: { announcer?: SessionAnnouncer | undefined; publicUrl: string }): Router {
  const r = Router();
  r.post('/communities/:id/sessions/:sid/publish', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    const sessionId = communityId && parseOr400(res, IdSchema, req.params.sid, 'session id');
    if (!communityId || !sessionId) return;
    const notesUrl = sessionPageUrl(opts.publicUrl, sessionId);
    const result = await publishSession({ ...deps, announcer: opts.announcer }, principalOf(res), { communityId, sessionId, notesUrl });
    sendResult(res, result, (v) => v);
  }));
  return r;
}
