import { Router } from 'express';
import { z } from 'zod/v4';
import type { AppDeps } from '../../application/deps';
import { ensureDevSetup, MAX_DEV_PARTICIPANTS } from '../dev/dev-setup';
import { parseOr400, route } from '../http/respond';

const SetupQuery = z.object({
  participants: z.coerce
    .number({ error: 'participants must be a number' })
    .int({ error: 'participants must be a whole number' })
    .min(1, { error: 'participants must be at least 1' })
    .max(MAX_DEV_PARTICIPANTS, { error: `participants must be at most ${MAX_DEV_PARTICIPANTS}` })
    .default(3),
});

/** DEV MODE ONLY (the server mounts this router only when AUTH_MODE=dev). */
export function devRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/dev/setup', route(async (req, res) => {
    const q = parseOr400(res, SetupQuery, req.query, 'query');
    if (!q) return;
    res.json(await ensureDevSetup(deps, q.participants));
  }));
  return r;
}
