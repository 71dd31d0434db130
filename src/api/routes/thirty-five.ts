/** Thirty Five: start, the latest game, deal, re-deal, checkpoint at each round's close, commit. */
import { z } from 'zod/v4';
import { route } from '../contract-kit';
import { GameRecordSchema, TopicSchema } from '../response-schemas';
import {
  CheckpointRequest,
  CommitGameRequest,
  DealRequest,
  RedealRequest,
  StartGameRequest,
} from '../thirty-five-schemas';

const Game = z.object({ game: GameRecordSchema });

export const thirtyFiveRoutes = {
  startThirtyFive: route({
    method: 'POST',
    path: '/communities/:id/meetings/:meetingId/thirty-five',
    access: 'user',
    summary: 'Facilitators start a game in a meeting.',
    body: StartGameRequest,
    response: Game,
    status: 201,
  }),
  latestThirtyFive: route({
    method: 'GET',
    path: '/communities/:id/meetings/:meetingId/thirty-five',
    access: 'user',
    summary: "Members: the meeting's latest game or null (what a lost live container resumes from).",
    response: z.object({ game: GameRecordSchema.nullable() }),
  }),
  dealThirtyFive: route({
    method: 'POST',
    path: '/communities/:id/thirty-five/:gameId/deal',
    access: 'user',
    summary: "Facilitators deal the written cards (the server's seed).",
    body: DealRequest,
    response: Game,
  }),
  redealThirtyFive: route({
    method: 'POST',
    path: '/communities/:id/thirty-five/:gameId/redeal',
    access: 'user',
    summary: 'Facilitators re-deal the rest of the game for who plays on.',
    body: RedealRequest,
    response: Game,
  }),
  checkpointThirtyFive: route({
    method: 'POST',
    path: '/communities/:id/thirty-five/:gameId/checkpoint',
    access: 'user',
    summary: "Facilitators save a round's close (checked against the plan, never going back).",
    body: CheckpointRequest,
    response: Game,
  }),
  commitThirtyFive: route({
    method: 'POST',
    path: '/communities/:id/thirty-five/:gameId/commit',
    access: 'user',
    summary: 'Facilitators commit the result to the backlog (re-scored; RESULT_MISMATCH otherwise).',
    body: CommitGameRequest,
    response: z.object({ game: GameRecordSchema, topics: z.array(TopicSchema) }),
  }),
} as const;
