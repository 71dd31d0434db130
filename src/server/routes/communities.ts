import { Router } from 'express';
import { contract } from '../../api/contract';
import type { AppDeps } from '../../application/deps';
import { createCommunity } from '../../application/use-cases/create-community';
import { getCommunity } from '../../application/use-cases/get-community';
import { joinCommunity } from '../../application/use-cases/join-community';
import { leaveCommunity } from '../../application/use-cases/leave-community';
import { listMyCommunities } from '../../application/use-cases/list-my-communities';
import { setMemberRoles } from '../../application/use-cases/set-member-roles';
import { updateCommunity } from '../../application/use-cases/update-community';
import { map } from '../http/answer';
import { mount } from '../http/mount';

export function communityRoutes(deps: AppDeps): Router {
  const r = Router();

  mount(r, contract.listMyCommunities, async ({ principal }) =>
    map(await listMyCommunities(deps, principal), (communities) => ({ communities })),
  );

  mount(r, contract.createCommunity, async ({ principal, body }) =>
    map(await createCommunity(deps, principal, body), (community) => ({ community })),
  );

  mount(r, contract.getCommunity, async ({ principal, params }) =>
    getCommunity(deps, principal, { communityId: params.id }),
  );

  mount(r, contract.updateCommunity, async ({ principal, params, body }) =>
    updateCommunity(deps, principal, { communityId: params.id, ...body }),
  );

  mount(r, contract.joinCommunity, async ({ principal, params, body }) => {
    const input = body.product ? { communityId: params.id, product: body.product } : { communityId: params.id };
    return map(await joinCommunity(deps, principal, input), (membership) => ({ membership }));
  });

  mount(r, contract.leaveCommunity, async ({ principal, params }) =>
    leaveCommunity(deps, principal, { communityId: params.id }),
  );

  mount(r, contract.setMemberRoles, async ({ principal, params, body }) => {
    const { id: communityId, userId } = params;
    const input = body.etag
      ? { communityId, userId, roles: body.roles, etag: body.etag }
      : { communityId, userId, roles: body.roles };
    return map(await setMemberRoles(deps, principal, input), (membership) => ({ membership }));
  });

  return r;
}
