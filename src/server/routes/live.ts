import { Router } from 'express';
import { contract } from '../../api/contract';
import type { LiveMeetingResponse } from '../../api/schemas';
import { requireMember } from '../../application/access';
import type { AppDeps } from '../../application/deps';
import type { LiveContainerFactory } from '../../application/ports';
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
  const live = { ...deps, live: opts.factory };

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
