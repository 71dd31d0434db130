import { Router } from 'express';
import { contract } from '../../api/contract';
import type { AppDeps } from '../../application/deps';
import { getCommunityChanges } from '../../application/use-cases/get-community-changes';
import { mount } from '../http/mount';

/** GET /api/communities/:id/changes → { version }: what the channel tab and the side panel poll (ADR 0022). */
export function changeRoutes(deps: AppDeps): Router {
  const r = Router();
  mount(r, contract.communityChanges, async ({ principal, params }) =>
    getCommunityChanges(deps, principal, { communityId: params.id }),
  );
  return r;
}
