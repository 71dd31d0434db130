import express, { Router } from 'express';
import { IdSchema } from '../../api/schemas';
import { CheckpointRequest, CommitGameRequest, DealRequest, RedealRequest, StartGameRequest, type GameRecordView } from '../../api/thirty-five-schemas';
import type { AppDeps } from '../../application/deps';
import { checkpointThirtyFive } from '../../application/use-cases/checkpoint-thirty-five';
import { commitThirtyFive } from '../../application/use-cases/commit-thirty-five';
import { dealThirtyFive, redealThirtyFive } from '../../application/use-cases/deal-thirty-five';
import { latestThirtyFive } from '../../application/use-cases/get-thirty-five';
import { startThirtyFive } from '../../application/use-cases/start-thirty-five';
import type { ThirtyFiveGameRecord } from '../../domain/thirty-five';
import { principalOf } from '../auth/authenticate';
import { parseOr400, route, sendResult } from '../http/respond';

/** A deal of 200 cards with descriptions is larger than the API's usual 64 KB. */
export const GAME_BODY_LIMIT = '1mb';

/**
 * The game routes' own JSON parser (1 MB), mounted before the API's 64 KB default: a body parsed here
 * is not parsed again. String paths, because express 5 never matches a RegExp `app.use` path here.
 */
export function thirtyFiveBodyParser(): Router {
  const r = Router();
  const paths = ['/communities/:id/thirty-five', '/communities/:id/meetings/:meetingId/thirty-five'];
  r.use(paths, express.json({ limit: GAME_BODY_LIMIT }));
  return r;
}

const view = (g: ThirtyFiveGameRecord): GameRecordView => {
  const { tenantId: _tenant, ...rest } = g;
  return rest;
};

/**
 * Thirty Five: start (facilitator), the meeting's latest game (members; for resuming), deal,
 * re-deal, checkpoint at each round's close, commit the result to the backlog (facilitator).
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
    sendResult(res, await latestThirtyFive(deps, principalOf(res), { communityId, meetingId }), (g) => ({ game: g ? view(g) : null }));
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
