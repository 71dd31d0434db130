/** Who am I, health, the live meeting's container and tokens, and the dev setup. */
import { z } from 'zod/v4';
import { route } from '../contract-kit';
import { DevSetupQuery } from '../dev-identity';
import {
  DevSetupResponseSchema,
  HealthResponseSchema,
  LiveMeetingResponseSchema,
  MeResponseSchema,
} from '../response-schemas';
import { FluidTokenRequest, OpenLiveMeetingRequest } from '../schemas';

export const platformRoutes = {
  health: route({
    method: 'GET',
    path: '/health',
    access: 'public',
    summary: 'Is the server up and its store reachable (no token: load balancers and probes call it).',
    response: HealthResponseSchema,
  }),
  me: route({
    method: 'GET',
    path: '/me',
    access: 'user',
    summary: 'Who the token says I am.',
    response: MeResponseSchema,
  }),
  devSetup: route({
    method: 'GET',
    path: '/dev/setup',
    access: 'public',
    summary: 'DEV MODE ONLY (mounted only when AUTH_MODE=dev): the demo community and its simulated people.',
    query: DevSetupQuery,
    response: DevSetupResponseSchema,
  }),
  openLiveMeeting: route({
    method: 'POST',
    path: '/communities/:id/meetings/:meetingId/live',
    access: 'user',
    summary: "Members: the meeting's live container (created once, replaced when lost) and where the live service is.",
    body: OpenLiveMeetingRequest,
    response: LiveMeetingResponseSchema,
  }),
  fluidToken: route({
    method: 'POST',
    path: '/fluid/token',
    access: 'user',
    summary: 'A Fluid token for a container of one of my communities, carrying my own identity.',
    body: FluidTokenRequest,
    response: z.object({ token: z.string() }),
  }),
} as const;
