import { Router } from 'express';
import { contract } from '../../api/contract';
import type { LiveMeetingResponse } from '../../api/schemas';
import { requireMember } from '../../application/access';
import type { AppDeps } from '../../application/deps';
import type { LiveContainerFactory, LiveContainerHealth } from '../../application/ports';
import { authorizeLiveContainer, openLiveMeeting } from '../../application/use-cases/open-live-meeting';
import type { ServerConfig } from '../config';
import { map } from '../http/answer';
import { mount } from '../http/mount';

export interface LiveRouteOptions {
  readonly fluid: ServerConfig['fluid'];
  readonly factory: LiveContainerFactory;
  readonly mintToken: (input: { documentId: string; user: { id: string; name: string } }) => string;
}

/**
 * The live meeting's container and tokens for it. A token is given only for a container registered
 * to one of the caller's communities, and carries the caller's own identity (Fluid audience).
 */
export function liveRoutes(deps: AppDeps, opts: LiveRouteOptions): Router {
  const r = Router();
  const inFlight = new Map<string, Promise<unknown>>();
  const live = { ...deps, live: probingOnce(opts.factory) };

  mount(r, contract.openLiveMeeting, async ({ principal: who, params, body }) => {
    const { id: communityId, meetingId } = params;
    const access = await requireMember(deps, who, communityId);
    if (!access.ok) return access;
    // Single flight per meeting in this process: four panels opening at once create one container.
    const key = `${who.tenantId}/${communityId}/${meetingId}/${body.replaceStale ?? ''}`;
    let pending = inFlight.get(key) as ReturnType<typeof openLiveMeeting> | undefined;
    if (!pending) {
      pending = openLiveMeeting(live, who, {
        communityId,
        meetingId,
        ...(body.replaceStale ? { replaceStale: body.replaceStale } : {}),
      });
      inFlight.set(key, pending);
      void pending.finally(() => inFlight.delete(key));
    }
    return map(
      await pending,
      (rec): LiveMeetingResponse => ({
        containerId: rec.containerId,
        generation: rec.generation,
        connection:
          opts.fluid.mode === 'azure'
            ? { type: 'remote', endpoint: opts.fluid.endpoint, tenantId: opts.fluid.tenantId }
            : { type: 'local', endpoint: opts.fluid.endpoint },
      }),
    );
  });

  mount(r, contract.fluidToken, async ({ principal: who, body }) =>
    map(await authorizeLiveContainer(deps, who, { containerId: body.documentId }), () => ({
      token: opts.mintToken({ documentId: body.documentId, user: { id: who.userId, name: who.displayName } }),
    })),
  );
  return r;
}

/** How long a container the service just loaded counts as alive without asking again. */
export const ALIVE_MEMO_MS = 5_000;

/**
 * Thirty slow clients reporting the same container one after another cost one probe, not thirty: one
 * probe per container at a time, and an `alive` answer is reused for ALIVE_MEMO_MS. `gone` and
 * `unknown` are never reused (the next report asks again).
 */
function probingOnce(factory: LiveContainerFactory): LiveContainerFactory {
  const pending = new Map<string, Promise<LiveContainerHealth>>();
  const aliveUntil = new Map<string, number>();
  return {
    create: (seed) => factory.create(seed),
    probe(containerId) {
      if ((aliveUntil.get(containerId) ?? 0) > Date.now()) return Promise.resolve('alive');
      aliveUntil.delete(containerId);
      let answer = pending.get(containerId);
      if (!answer) {
        answer = factory.probe(containerId).then((health) => {
          if (health === 'alive') aliveUntil.set(containerId, Date.now() + ALIVE_MEMO_MS);
          return health;
        });
        pending.set(containerId, answer);
        void answer.finally(() => pending.delete(containerId)).catch(() => undefined);
      }
      return answer;
    },
  };
}
