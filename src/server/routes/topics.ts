import { Router } from 'express';
import { contract } from '../../api/contract';
import type { AppDeps } from '../../application/deps';
import { listBacklog } from '../../application/use-cases/list-backlog';
import { proposeTopic } from '../../application/use-cases/propose-topic';
import { supportTopic } from '../../application/use-cases/support-topic';
import { map } from '../http/answer';
import { mount } from '../http/mount';

/** The community's backlog: read it, propose a topic, +1 one. */
export function topicRoutes(deps: AppDeps): Router {
  const r = Router();
  mount(r, contract.listTopics, async ({ principal, params }) =>
    map(await listBacklog(deps, principal, { communityId: params.id }), (topics) => ({ topics })),
  );
  mount(r, contract.proposeTopic, async ({ principal, params, body }) => {
    const input = {
      communityId: params.id,
      title: body.title,
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.force !== undefined ? { force: body.force } : {}),
      ...(body.requestId !== undefined ? { requestId: body.requestId } : {}),
    };
    return map(await proposeTopic(deps, principal, input), (topic) => ({ topic }));
  });
  mount(r, contract.supportTopic, async ({ principal, params }) =>
    map(await supportTopic(deps, principal, { communityId: params.id, topicId: params.topicId }), (topic) => ({
      topic,
    })),
  );
  return r;
}
