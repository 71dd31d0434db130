import { Router } from 'express';
import { contract } from '../../api/contract';
import type { AppDeps } from '../../application/deps';
import { ok } from '../../domain/result';
import type { ServerConfig } from '../config';
import { mount } from '../http/mount';

/** Is the server up and its store reachable. Before the token check: probes have no token. */
export function healthRoutes(deps: AppDeps, config: ServerConfig): Router {
  const r = Router();
  mount(r, contract.health, async () => {
    await deps.store.ping();
    return ok({ status: 'ok' as const, authMode: config.authMode, store: config.store.kind, fluid: config.fluid.mode });
  });
  return r;
}

/** Who the token says I am. */
export function meRoutes(): Router {
  const r = Router();
  mount(r, contract.me, async ({ principal: p }) =>
    ok({ tenantId: p.tenantId, userId: p.userId, displayName: p.displayName, source: p.source }),
  );
  return r;
}
