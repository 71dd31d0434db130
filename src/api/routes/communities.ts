/** Communities, their members and the meetings/channels bound to them. */
import { z } from 'zod/v4';
import { EMPTY, route } from '../contract-kit';
import {
  CommunitySchema,
  CommunityViewSchema,
  ContextBindingSchema,
  MembershipSchema,
  MyCommunitySchema,
} from '../response-schemas';
import {
  BindContextRequest,
  CreateCommunityRequest,
  JoinCommunityRequest,
  SetRolesRequest,
  UpdateCommunityRequest,
} from '../schemas';

export const communityRoutes = {
  communityChanges: route({
    method: 'GET',
    path: '/communities/:id/changes',
    access: 'user',
    summary: 'Members: the version of what the channel tab shows (topics, sessions, actions, rotation), to poll.',
    response: z.object({ version: z.string() }),
  }),
  listMyCommunities: route({
    method: 'GET',
    path: '/communities',
    access: 'user',
    summary: "The caller's communities in their tenant, with their roles.",
    response: z.object({ communities: z.array(MyCommunitySchema) }),
  }),
  createCommunity: route({
    method: 'POST',
    path: '/communities',
    access: 'user',
    summary: 'Anyone in the tenant creates a community; they facilitate and champion it.',
    body: CreateCommunityRequest,
    response: z.object({ community: CommunitySchema }),
    status: 201,
  }),
  getCommunity: route({
    method: 'GET',
    path: '/communities/:id',
    access: 'user',
    summary: 'Members: the community, its etag, my membership and the member list.',
    response: CommunityViewSchema,
  }),
  updateCommunity: route({
    method: 'PATCH',
    path: '/communities/:id',
    access: 'user',
    summary: 'Facilitators: edit name, purpose, description, cadence (etag checked).',
    body: UpdateCommunityRequest,
    response: z.object({ community: CommunitySchema, etag: z.string() }),
  }),
  joinCommunity: route({
    method: 'POST',
    path: '/communities/:id/members',
    access: 'user',
    summary: 'Anyone in the tenant joins, once.',
    body: JoinCommunityRequest,
    response: z.object({ membership: MembershipSchema }),
    status: 201,
  }),
  leaveCommunity: route({
    method: 'DELETE',
    path: '/communities/:id/members/me',
    access: 'user',
    summary: 'Members leave (not the last facilitator).',
    response: EMPTY,
  }),
  setMemberRoles: route({
    method: 'PUT',
    path: '/communities/:id/members/:userId/roles',
    access: 'user',
    summary: "Facilitators and champions set a member's roles.",
    body: SetRolesRequest,
    response: z.object({ membership: MembershipSchema }),
  }),
  getContext: route({
    method: 'GET',
    path: '/contexts/:contextId',
    access: 'user',
    summary: 'The community a meeting, channel or chat is bound to (same tenant).',
    response: z.object({ binding: ContextBindingSchema }),
  }),
  bindContext: route({
    method: 'PUT',
    path: '/contexts/:contextId',
    access: 'user',
    summary: 'Facilitators bind a meeting, channel or chat to their community.',
    body: BindContextRequest,
    response: z.object({ binding: ContextBindingSchema }),
  }),
} as const;
