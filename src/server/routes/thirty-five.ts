import express, { Router } from 'express';
import { contract } from '../../api/contract';
import type { GameRecordView } from '../../api/thirty-five-schemas';
import type { AppDeps } from '../../application/deps';
import { checkpointThirtyFive } from '../../application/use-cases/checkpoint-thirty-five';
import { chooseThirtyFiveSplit } from '../../application/use-cases/choose-thirty-five-split';
import { closeThirtyFivePair } from '../../application/use-cases/close-thirty-five-pair';
import { openThirtyFiveRound } from '../../application/use-cases/open-thirty-five-round';
import { commitThirtyFive } from '../../application/use-cases/commit-thirty-five';
import { dealThirtyFive, redealThirtyFive } from '../../application/use-cases/deal-thirty-five';
import { latestThirtyFive } from '../../application/use-cases/get-thirty-five';
import { startThirtyFive } from '../../application/use-cases/start-thirty-five';
import { getMyThirtyFiveCard } from '../../application/use-cases/get-my-thirty-five-card';
import { writeThirtyFiveCard } from '../../application/use-cases/write-thirty-five-card';
import type { ThirtyFiveGameRecord } from '../../domain/thirty-five';
import { map } from '../http/answer';
import { mount } from '../http/mount';

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

/** What members are sent: no tenant, and cards without their authors (docs/adr/0023-anonymous-thirty-five-cards.md). */
const view = (g: ThirtyFiveGameRecord): GameRecordView => {
  const { tenantId: _tenant, cards, ...rest } = g;
  return { ...rest, cards: cards.map((c) => ({ id: c.id, title: c.title, description: c.description })) };
};

/** The community id and game id of a game route. */
const gameOf = (p: { id: string; gameId: string }) => ({ communityId: p.id, gameId: p.gameId });

/**
 * Thirty Five: start (facilitator), the meeting's latest game (members; for resuming), deal,
 * re-deal, open a round, close a pair, checkpoint at each round's close, commit the result to the
 * backlog (facilitator); a participant's split (members, checked against their seat).
 */
export function thirtyFiveRoutes(deps: AppDeps): Router {
  const r = Router();

  mount(r, contract.startThirtyFive, async ({ principal, params, body }) => {
    const input = {
      communityId: params.id,
      meetingId: params.meetingId,
      ...(body.rounds !== undefined ? { rounds: body.rounds } : {}),
    };
    return map(await startThirtyFive(deps, principal, input), (g) => ({ game: view(g) }));
  });

  mount(r, contract.latestThirtyFive, async ({ principal, params }) =>
    map(await latestThirtyFive(deps, principal, { communityId: params.id, meetingId: params.meetingId }), (l) => ({
      game: l ? { ...view(l.game), openChoices: l.openChoices } : null,
    })),
  );

  // A member's own card: stored with its author by the server first, answered with an opaque id.
  mount(r, contract.writeThirtyFiveCard, async ({ principal, params, body }) =>
    map(await writeThirtyFiveCard(deps, principal, { ...gameOf(params), ...body }), (card) => ({ card })),
  );

  mount(r, contract.myThirtyFiveCard, async ({ principal, params }) =>
    map(await getMyThirtyFiveCard(deps, principal, gameOf(params)), (card) => ({ card })),
  );

  mount(r, contract.dealThirtyFive, async ({ principal, params }) =>
    map(await dealThirtyFive(deps, principal, gameOf(params)), (g) => ({ game: view(g) })),
  );

  mount(r, contract.redealThirtyFive, async ({ principal, params, body }) =>
    map(await redealThirtyFive(deps, principal, { ...gameOf(params), ...body }), (g) => ({ game: view(g) })),
  );

  mount(r, contract.openThirtyFiveRound, async ({ principal, params, body }) =>
    map(await openThirtyFiveRound(deps, principal, { ...gameOf(params), ...body }), (g) => ({ game: view(g) })),
  );

  mount(r, contract.closeThirtyFivePair, async ({ principal, params, body }) =>
    map(await closeThirtyFivePair(deps, principal, { ...gameOf(params), ...body }), (g) => ({ game: view(g) })),
  );

  // A participant's split: stored by the server first (seat, phase, validity checked), then shown live.
  mount(r, contract.chooseThirtyFiveSplit, async ({ principal, params, body }) =>
    map(await chooseThirtyFiveSplit(deps, principal, { ...gameOf(params), ...body }), (choice) => ({ choice })),
  );

  mount(r, contract.checkpointThirtyFive, async ({ principal, params, body }) =>
    map(await checkpointThirtyFive(deps, principal, { ...gameOf(params), ...body }), (g) => ({ game: view(g) })),
  );

  mount(r, contract.commitThirtyFive, async ({ principal, params, body }) =>
    map(await commitThirtyFive(deps, principal, { ...gameOf(params), ...body }), (c) => ({
      game: view(c.game),
      topics: c.topics,
    })),
  );
  return r;
}
