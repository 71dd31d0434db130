import { Router } from 'express';
import {
  AddTakeawayRequest,
  AnnotateRequest,
  CloseSessionRequest,
  CreateActionRequest,
  FeedbackRequest,
  OpenActionsQuery,
  SaveNotesRequest,
  SearchQuery,
  UpdateActionRequest,
} from '../../api/session-schemas';
import { IdSchema } from '../../api/schemas';
import type { AppDeps } from '../../application/deps';
import { addTakeaway } from '../../application/use-cases/add-takeaway';
import { annotateNotes } from '../../application/use-cases/annotate-notes';
import { closeSession } from '../../application/use-cases/close-session';
import { createAction } from '../../application/use-cases/create-action';
import { exportSessionMarkdown } from '../../application/use-cases/export-session-markdown';
import { getSessionOutcomes } from '../../application/use-cases/get-session-outcomes';
import { giveFeedback } from '../../application/use-cases/give-feedback';
import { listOpenActions } from '../../application/use-cases/list-open-actions';
import { saveSessionNotes } from '../../application/use-cases/save-session-notes';
import { searchOutcomes } from '../../application/use-cases/search-outcomes';
import { updateActionStatus } from '../../application/use-cases/update-action-status';
import { principalOf } from '../auth/authenticate';
import { parseOr400, route, sendError, sendResult } from '../http/respond';
import { sessionParams } from './sessions';

/** What sessions leave behind: notes, annotations, takeaways, actions, feedback, the close, export and search. */
export function outcomeRoutes(deps: AppDeps): Router {
  const r = Router();
  r.get('/communities/:id/sessions/:sid/outcomes', route(async (req, res) => {
    const p = sessionParams(req, res);
    if (!p) return;
    sendResult(res, await getSessionOutcomes(deps, principalOf(res), p), (v) => v);
  }));
  r.put('/communities/:id/sessions/:sid/notes', route(async (req, res) => {
    const p = sessionParams(req, res);
    const body = p && parseOr400(res, SaveNotesRequest, req.body, 'notes');
    if (!p || !body) return;
    sendResult(res, await saveSessionNotes(deps, principalOf(res), { ...p, ...body }), (v) => v);
  }));
  r.post('/communities/:id/sessions/:sid/annotations', route(async (req, res) => {
    const p = sessionParams(req, res);
    const body = p && parseOr400(res, AnnotateRequest, req.body, 'annotation');
    if (!p || !body) return;
    sendResult(res, await annotateNotes(deps, principalOf(res), { ...p, ...body }), (annotation) => ({ annotation }), 201);
  }));
  r.post('/communities/:id/sessions/:sid/takeaways', route(async (req, res) => {
    const p = sessionParams(req, res);
    const body = p && parseOr400(res, AddTakeawayRequest, req.body, 'takeaway');
    if (!p || !body) return;
    sendResult(res, await addTakeaway(deps, principalOf(res), { ...p, ...body }), (takeaway) => ({ takeaway }), 201);
  }));
  r.post('/communities/:id/actions', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    const body = communityId && parseOr400(res, CreateActionRequest, req.body, 'action');
    if (!communityId || !body) return;
    sendResult(res, await createAction(deps, principalOf(res), { communityId, ...body }), (action) => ({ action }), 201);
  }));
  r.get('/communities/:id/actions', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    const q = communityId && parseOr400(res, OpenActionsQuery, { ...req.query }, 'action filter');
    if (!communityId || !q) return;
    sendResult(res, await listOpenActions(deps, principalOf(res), { communityId, ownerId: q.owner }), (actions) => ({ actions }));
  }));
  r.patch('/communities/:id/actions/:aid', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    const actionId = communityId && parseOr400(res, IdSchema, req.params.aid, 'action id');
    const body = actionId && parseOr400(res, UpdateActionRequest, req.body, 'action update');
    if (!communityId || !actionId || !body) return;
    sendResult(res, await updateActionStatus(deps, principalOf(res), { communityId, actionId, ...body }), (v) => v);
  }));
  r.post('/communities/:id/sessions/:sid/feedback', route(async (req, res) => {
    const p = sessionParams(req, res);
    const body = p && parseOr400(res, FeedbackRequest, req.body, 'feedback');
    if (!p || !body) return;
    sendResult(res, await giveFeedback(deps, principalOf(res), { ...p, score: body.score }), (feedback) => ({ feedback }), 201);
  }));
  r.post('/communities/:id/sessions/:sid/close', route(async (req, res) => {
    const p = sessionParams(req, res);
    const body = p && parseOr400(res, CloseSessionRequest, req.body, 'close');
    if (!p || !body) return;
    sendResult(res, await closeSession(deps, principalOf(res), { ...p, ...body }), (v) => v);
  }));
  r.get('/communities/:id/sessions/:sid/export.md', route(async (req, res) => {
    const p = sessionParams(req, res);
    if (!p) return;
    const md = await exportSessionMarkdown(deps, principalOf(res), p);
    if (!md.ok) return sendError(res, md.error);
    res.type('text/markdown; charset=utf-8').send(md.value);
  }));
  r.get('/communities/:id/search', route(async (req, res) => {
    const communityId = parseOr400(res, IdSchema, req.params.id, 'community id');
    const q = communityId && parseOr400(res, SearchQuery, { ...req.query }, 'search');
    if (!communityId || !q) return;
    sendResult(res, await searchOutcomes(deps, principalOf(res), { communityId, query: q.q }), (hits) => ({ hits }));
  }));
  return r;
}
