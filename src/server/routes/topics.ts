import { Router } from 'express';
import { IdSchema, ProposeTopicRequest } from '../../api/schemas';
import type { AppDeps } from '../../application/deps';
import { listBacklog } from '../../application/use-cases/list-backlog';
import { proposeTopic } from '../../application/use-cases/propose-topic';
import { supportTopic } from '../../application/use-cases/support-topic';
import { principalOf } from '../auth/authenticate';
import { parseOr400, route, sendResult } from '../http/respond';

/** The community's backlog: read it, propose a topic, +1 one. */
export function topicRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/communities/:id/topics', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    if (!communityId) return;
    sendResult(res, await listBacklog(deps, principalOf(res), { communityId }), (topics) => ({ topics }));
  }));
  r.post('/communities/:id/topics', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    const body = communityId && parseOr400(res, ProposeTopicRequest, req.body, 'topic');
    if (!communityId || !body) return;
    const input = {
      communityId,
      title: body.title,
      ...(body.description !== undefined ? { description: body.description } : {}),
      ...(body.force !== undefined ? { force: body.force } : {}),
      ...(body.requestId !== undefined ? { requestId: body.requestId } : {}),
    };
    sendResult(res, await proposeTopic(deps, principalOf(res), input), (topic) => ({ topic }), 201);
  }));
  r.post('/communities/:id/topics/:topicId/support', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    const topicId = communityId && parseOr400(res, IdSchema, req.params.topicId, 'topic id');
    if (!communityId || !topicId) return;
    sendResult(res, await supportTopic(deps, principalOf(res), { communityId, topicId }), (topic) => ({ topic }));
  }));
  return r;
}
