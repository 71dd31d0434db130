import { Router, type Request, type Response } from 'express';
import { EditTopicRequest, MergeTopicsRequest, MoveTopicRequest } from '../../api/session-schemas';
import { IdSchema } from '../../api/schemas';
import type { AppDeps } from '../../application/deps';
import { archiveTopic } from '../../application/use-cases/archive-topic';
import { editTopic } from '../../application/use-cases/edit-topic';
import { getTopic } from '../../application/use-cases/get-topic';
import { mergeTopics } from '../../application/use-cases/merge-topics';
import { moveTopic } from '../../application/use-cases/move-topic';
import { restoreTopic } from '../../application/use-cases/restore-topic';
import { setTopicOwner } from '../../application/use-cases/set-topic-owner';
import { principalOf } from '../auth/authenticate';
import { parseOr400, route, sendResult } from '../http/respond';

/** The community id and topic id of a topic route, or undefined (400 sent). */
function topicParams(req: Request, res: Response): { communityId: string; topicId: string } | undefined {
  const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
  const topicId = communityId && parseOr400(res, IdSchema, req.params.topicId, 'topic id');
  return communityId && topicId ? { communityId, topicId } : undefined;
}

/** Backlog operations between sessions: read one topic with its etag, edit, move, merge, archive, restore, owner. */
export function backlogRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/communities/:id/topics/:topicId', route(async (req, res) => {
    const p = topicParams(req, res);
    if (!p) return;
    sendResult(res, await getTopic(deps, principalOf(res), p), (v) => v);
  }));
  r.patch('/communities/:id/topics/:topicId', route(async (req, res) => {
    const p = topicParams(req, res);
    const body = p && parseOr400(res, EditTopicRequest, req.body, 'topic edit');
    if (!p || !body) return;
    sendResult(res, await editTopic(deps, principalOf(res), { ...p, ...body }), (v) => v);
  }));
  r.put('/communities/:id/topics/:topicId/position', route(async (req, res) => {
    const p = topicParams(req, res);
    const body = p && parseOr400(res, MoveTopicRequest, req.body, 'position');
    if (!p || !body) return;
    sendResult(res, await moveTopic(deps, principalOf(res), { ...p, position: body.position }), (changed) => ({ changed }));
  }));
  r.post('/communities/:id/topics/merge', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    const body = communityId && parseOr400(res, MergeTopicsRequest, req.body, 'merge');
    if (!communityId || !body) return;
    sendResult(res, await mergeTopics(deps, principalOf(res), { communityId, ...body }), (changed) => ({ changed }));
  }));
  r.post('/communities/:id/topics/:topicId/archive', route(async (req, res) => {
    const p = topicParams(req, res);
    if (!p) return;
    sendResult(res, await archiveTopic(deps, principalOf(res), p), (changed) => ({ changed }));
  }));
  r.post('/communities/:id/topics/:topicId/restore', route(async (req, res) => {
    const p = topicParams(req, res);
    if (!p) return;
    sendResult(res, await restoreTopic(deps, principalOf(res), p), (changed) => ({ changed }));
  }));
  // Volunteer as the topic's owner (for yourself) / step back or clear it.
  r.put('/communities/:id/topics/:topicId/owner', route(async (req, res) => {
    const p = topicParams(req, res);
    if (!p) return;
    sendResult(res, await setTopicOwner(deps, principalOf(res), { ...p, action: 'volunteer' }), (topic) => ({ topic }));
  }));
  r.delete('/communities/:id/topics/:topicId/owner', route(async (req, res) => {
    const p = topicParams(req, res);
    if (!p) return;
    sendResult(res, await setTopicOwner(deps, principalOf(res), { ...p, action: 'clear' }), (topic) => ({ topic }));
  }));
  return r;
}
