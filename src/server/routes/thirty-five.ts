import express, { Router } from 'express';
import { IdSchema } from '../../api/schemas';
import {
  CheckpointRequest,
  ChoiceRequest,
  ClosePairRequest,
  CommitGameRequest,
  DealRequest,
  OpenRoundRequest,
  RedealRequest,
  StartGameRequest,
  type GameRecordView,
} from '../../api/thirty-five-schemas';
import type { AppDeps } from '../../application/deps';
import { checkpointThirtyFive } from '../../application/use-cases/checkpoint-thirty-five';
import { chooseThirtyFiveSplit } from '../../application/use-cases/choose-thirty-five-split';
import { closeThirtyFivePair } from '../../application/use-cases/close-thirty-five-pair';
import { openThirtyFiveRound } from '../../application/use-cases/open-thirty-five-round';
import { commitThirtyFive } from '../../application/use-cases/commit-thirty-five';
import { dealThirtyFive, redealThirtyFive } from '../../application/use-cases/deal-thirty-five';
import { latestThirtyFive } from '../../application/use-cases/get-thirty-five';
import { startThirtyFive } from '../../application/use-cases/start-thirty-five';
import type { ThirtyFiveGameRecord } from '../../domain/thirty-five';
import { principalOf } from '../auth/authenticate';
import { parseOr400, route, sendResult } from '../http/respond';

/** A deal of 200 cards with descriptions is larger than the API's usual 64 KB. */
export const GAME_BODY_LIMIT = '1mb';

const view = (g: ThirtyFiveGameRecord): GameRecordView => {
  const { tenantId: _tenant, ...rest } = g;
  return rest;
};

/**
 * Thirty Five: start (facilitator), the meeting's latest game (members; for resuming), deal,
 * re-deal, open a round, close a pair, checkpoint at each round's close, commit the result to the
 * backlog (facilitator); a participant's split (members, checked against their seat).
 */
export function thirtyFiveRoutes(deps: AppDeps): Router {
  const r = Router();
  const ids = (req: express.Request, res: express.Response) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    const gameId = communityId && parseOr400(res, IdSchema, req.params.gameId, 'game id');
    return communityId && gameId ? { communityId, gameId } : undefined;
  };

  r.post('/communities/:id/meetings/:meetingId/thirty-five', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    const meetingId = communityId && parseOr400(res, IdSchema, req.params.meetingId, 'meeting id');
    const body = meetingId && parseOr400(res, StartGameRequest, req.body ?? {}, 'game');
    if (!communityId || !meetingId || !body) return;
    const input = { communityId, meetingId, ...(body.rounds !== undefined ? { rounds: body.rounds } : {}) };
    sendResult(res, await startThirtyFive(deps, principalOf(res), input), (g) => ({ game: view(g) }), 201);
  }));

  r.get('/communities/:id/meetings/:meetingId/thirty-five', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    const meetingId = communityId && parseOr400(res, IdSchema, req.params.meetingId, 'meeting id');
    if (!communityId || !meetingId) return;
    const latest = await latestThirtyFive(deps, principalOf(res), { communityId, meetingId });
    sendResult(res, latest, (l) => ({ game: l ? { ...view(l.game), openChoices: l.openChoices } : null }));
  }));

  r.post('/communities/:id/thirty-five/:gameId/deal', route(async (req, res) => {
    const at = ids(req, res);
    const body = at && parseOr400(res, DealRequest, req.body, 'deal');
    if (!at || !body) return;
    sendResult(res, await dealThirtyFive(deps, principalOf(res), { ...at, cards: body.cards }), (g) => ({ game: view(g) }));
  }));

  r.post('/communities/:id/thirty-five/:gameId/redeal', route(async (req, res) => {
    const at = ids(req, res);
    const body = at && parseOr400(res, RedealRequest, req.body, 're-deal');
    if (!at || !body) return;
    sendResult(res, await redealThirtyFive(deps, principalOf(res), { ...at, ...body }), (g) => ({ game: view(g) }));
  }));

  r.post('/communities/:id/thirty-five/:gameId/rounds/open', route(async (req, res) => {
    const at = ids(req, res);
    const body = at && parseOr400(res, OpenRoundRequest, req.body, 'round');
    if (!at || !body) return;
    sendResult(res, await openThirtyFiveRound(deps, principalOf(res), { ...at, ...body }), (g) => ({ game: view(g) }));
  }));

  r.post('/communities/:id/thirty-five/:gameId/pairs/close', route(async (req, res) => {
    const at = ids(req, res);
    const body = at && parseOr400(res, ClosePairRequest, req.body, 'pair');
    if (!at || !body) return;
    sendResult(res, await closeThirtyFivePair(deps, principalOf(res), { ...at, ...body }), (g) => ({ game: view(g) }));
  }));

  // A participant's split: stored by the server first (seat, phase, validity checked), then shown live.
  r.post('/communities/:id/thirty-five/:gameId/choices', route(async (req, res) => {
    const at = ids(req, res);
    const body = at && parseOr400(res, ChoiceRequest, req.body, 'split');
    if (!at || !body) return;
    sendResult(res, await chooseThirtyFiveSplit(deps, principalOf(res), { ...at, ...body }), (choice) => ({ choice }));
  }));

  r.post('/communities/:id/thirty-five/:gameId/checkpoint', route(async (req, res) => {
    const at = ids(req, res);
    const body = at && parseOr400(res, CheckpointRequest, req.body, 'checkpoint');
    if (!at || !body) return;
    sendResult(res, await checkpointThirtyFive(deps, principalOf(res), { ...at, ...body }), (g) => ({ game: view(g) }));
  }));

  r.post('/communities/:id/thirty-five/:gameId/commit', route(async (req, res) => {
    const at = ids(req, res);
    const body = at && parseOr400(res, CommitGameRequest, req.body, 'commit');
    if (!at || !body) return;
    sendResult(res, await commitThirtyFive(deps, principalOf(res), { ...at, ...body }), (c) => ({ game: view(c.game), topics: c.topics }));
  }));
  return r;
}
