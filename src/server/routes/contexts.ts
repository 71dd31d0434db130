import { Router } from 'express';
import { BindContextRequest, IdSchema } from '../../api/schemas';
import type { AppDeps } from '../../application/deps';
import { bindContext } from '../../application/use-cases/bind-context';
import { resolveContext } from '../../application/use-cases/resolve-context';
import { principalOf } from '../auth/authenticate';
import { parseOr400, route, sendResult } from '../http/respond';

/** Meetings, channels and chats bound to a community (the tab's configuration page). */
export function contextRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/contexts/:contextId', route(async (req, res) => {
    const contextId = parseOr400(res, IdSchema, req.params.contextId, 'context id');
    if (!contextId) return;
    sendResult(res, await resolveContext(deps, principalOf(res), { contextId }), (binding) => ({ binding }));
  }));
  r.put('/contexts/:contextId', route(async (req, res) => {
    const contextId = parseOr400(res, IdSchema, req.params.contextId, 'context id');
    const body = contextId && parseOr400(res, BindContextRequest, req.body, 'binding');
    if (!contextId || !body) return;
    sendResult(res, await bindContext(deps, principalOf(res), { contextId, ...body }), (binding) => ({ binding }));
  }));
  return r;
}
