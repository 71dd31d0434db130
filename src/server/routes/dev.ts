import { Router } from 'express';
import { contract } from '../../api/contract';
import type { AppDeps } from '../../application/deps';
import { ok } from '../../domain/result';
import { ensureDevSetup } from '../dev/dev-setup';
import { mount } from '../http/mount';

/** DEV MODE ONLY (the server mounts this router only when AUTH_MODE=dev). */
export function devRoutes(deps: AppDeps): Router {
  const r = Router();
  mount(r, contract.devSetup, async ({ query }) => ok(await ensureDevSetup(deps, query.participants)));
  return r;
}
