import { Router } from 'express';
import { IdSchema } from '../../api/schemas';
import type { AppDeps } from '../../application/deps';
import { getCommunityChanges } from '../../application/use-cases/get-community-changes';
import { principalOf } from '../auth/authenticate';
import { parseOr400, route, sendResult } from '../http/respond';

/** GET /api/communities/:id/changes → { version }: what the channel tab and the side panel poll (ADR XXXX). */
export function changeRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/communities/:id/changes', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    if (!communityId) return;
    res.setHeader('Cache-Control', 'private, no-store');
    sendResult(res, await getCommunityChanges(deps, principalOf(res), { communityId }), (changes) => changes);
  }));
  return r;
}
