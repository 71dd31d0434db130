/**
 * Thirty Five: start, the latest game, deal, re-deal, open a round, close a pair, a participant's split
 * (server first: docs/adr on votes the server vouches for), checkpoint at each round's close, commit.
 */
import { z } from 'zod/v4';
import { route } from '../contract-kit';
import { AnonymousCardSchema, GameRecordSchema, SplitChoiceSchema, TopicSchema } from '../response-schemas';
import {
  CardRequest,
  CheckpointRequest,
  ChoiceRequest,
  ClosePairRequest,
  CommitGameRequest,
  DealRequest,
  OpenRoundRequest,
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
    response: z.object({
      game: GameRecordSchema.extend({ openChoices: z.array(SplitChoiceSchema).optional() }).nullable(),
    }),
  }),
  writeThirtyFiveCard: route({
    method: 'PUT',
    path: '/communities/:id/thirty-five/:gameId/cards/mine',
    access: 'user',
    summary: "A member writes or rewrites their own card (server first; answered with the card's opaque id).",
    body: CardRequest,
    response: z.object({ card: AnonymousCardSchema }),
  }),
  myThirtyFiveCard: route({
    method: 'GET',
    path: '/communities/:id/thirty-five/:gameId/cards/mine',
    access: 'user',
    summary: "A member's own card of the game, or null (the only author a member learns).",
    response: z.object({ card: AnonymousCardSchema.nullable() }),
  }),
  dealThirtyFive: route({
    method: 'POST',
    path: '/communities/:id/thirty-five/:gameId/deal',
    access: 'user',
    summary: "Facilitators deal the cards the server stored (the server's seed).",
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
  openThirtyFiveRound: route({
    method: 'POST',
    path: '/communities/:id/thirty-five/:gameId/rounds/open',
    access: 'user',
    summary: 'Facilitators open the next round for scoring, with an optional timer.',
    body: OpenRoundRequest,
    response: Game,
  }),
  closeThirtyFivePair: route({
    method: 'POST',
    path: '/communities/:id/thirty-five/:gameId/pairs/close',
    access: 'user',
    summary: 'Facilitators close a stuck pair of the open round (its split stays missing).',
    body: ClosePairRequest,
    response: Game,
  }),
  chooseThirtyFiveSplit: route({
    method: 'POST',
    path: '/communities/:id/thirty-five/:gameId/choices',
    access: 'user',
    summary: "A seated participant's split for their pair in the open round (seat, phase and split checked).",
    body: ChoiceRequest,
    response: z.object({ choice: SplitChoiceSchema }),
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
