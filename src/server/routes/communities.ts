import { Router } from 'express';
import {
  CreateCommunityRequest,
  IdSchema,
  JoinCommunityRequest,
  SetRolesRequest,
  UpdateCommunityRequest,
} from '../../api/schemas';
import type { AppDeps } from '../../application/deps';
import { createCommunity } from '../../application/use-cases/create-community';
import { getCommunity } from '../../application/use-cases/get-community';
import { joinCommunity } from '../../application/use-cases/join-community';
import { leaveCommunity } from '../../application/use-cases/leave-community';
import { listMyCommunities } from '../../application/use-cases/list-my-communities';
import { setMemberRoles } from '../../application/use-cases/set-member-roles';
import { updateCommunity } from '../../application/use-cases/update-community';
import { principalOf } from '../auth/authenticate';
import { parseOr400, route, sendResult } from '../http/respond';

export function communityRoutes(deps: AppDeps): Router {
  const r = Router();

  r.get('/communities', route(async (_req, res) => {
    sendResult(res, await listMyCommunities(deps, principalOf(res)), (communities) => ({ communities }));
  }));

  r.post('/communities', route(async (req, res) => {
    const body = parseOr400(res, CreateCommunityRequest, req.body, 'community');
    if (!body) return;
    sendResult(res, await createCommunity(deps, principalOf(res), body), (community) => ({ community }), 201);
  }));

  r.get('/communities/:id', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    if (!communityId) return;
    sendResult(res, await getCommunity(deps, principalOf(res), { communityId }), (view) => view);
  }));

  r.patch('/communities/:id', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    const body = communityId && parseOr400(res, UpdateCommunityRequest, req.body, 'community update');
    if (!communityId || !body) return;
    sendResult(res, await updateCommunity(deps, principalOf(res), { communityId, ...body }), (v) => v);
  }));

  r.post('/communities/:id/members', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    const body = communityId && parseOr400(res, JoinCommunityRequest, req.body ?? {}, 'join request');
    if (!communityId || !body) return;
    const input = body.product ? { communityId, product: body.product } : { communityId };
    sendResult(res, await joinCommunity(deps, principalOf(res), input), (membership) => ({ membership }), 201);
  }));

  r.delete('/communities/:id/members/me', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    if (!communityId) return;
    sendResult(res, await leaveCommunity(deps, principalOf(res), { communityId }), () => undefined);
  }));

  r.put('/communities/:id/members/:userId/roles', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    const userId = communityId && parseOr400(res, IdSchema, req.params.userId, 'user id');
    const body = userId && parseOr400(res, SetRolesRequest, req.body, 'roles');
    if (!communityId || !userId || !body) return;
    const input = body.etag ? { communityId, userId, roles: body.roles, etag: body.etag } : { communityId, userId, roles: body.roles };
    sendResult(res, await setMemberRoles(deps, principalOf(res), input), (membership) => ({ membership }));
  }));

  return r;
}
