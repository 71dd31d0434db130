import { Router } from 'express';
import { contract } from '../../api/contract';
import type { AppDeps } from '../../application/deps';
import { bindContext } from '../../application/use-cases/bind-context';
import { resolveContext } from '../../application/use-cases/resolve-context';
import { map } from '../http/answer';
import { mount } from '../http/mount';

/** Meetings, channels and chats bound to a community (the tab's configuration page). */
export function contextRoutes(deps: AppDeps): Router {
  const r = Router();
  mount(r, contract.getContext, async ({ principal, params }) =>
    map(await resolveContext(deps, principal, { contextId: params.contextId }), (binding) => ({ binding })),
  );
  mount(r, contract.bindContext, async ({ principal, params, body }) =>
    map(await bindContext(deps, principal, { contextId: params.contextId, ...body }), (binding) => ({ binding })),
  );
  return r;
}
