import { Router } from 'express';
import { contract } from '../../api/contract';
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
import { map } from '../http/answer';
import { mount } from '../http/mount';
import { sessionOf } from './sessions';

/** What sessions leave behind: notes, annotations, takeaways, actions, feedback, the close, export and search. */
export function outcomeRoutes(deps: AppDeps): Router {
  const r = Router();
  mount(r, contract.getSessionOutcomes, async ({ principal, params }) =>
    getSessionOutcomes(deps, principal, sessionOf(params)),
  );
  mount(r, contract.saveSessionNotes, async ({ principal, params, body }) =>
    saveSessionNotes(deps, principal, { ...sessionOf(params), ...body }),
  );
  mount(r, contract.annotateNotes, async ({ principal, params, body }) =>
    map(await annotateNotes(deps, principal, { ...sessionOf(params), ...body }), (annotation) => ({ annotation })),
  );
  mount(r, contract.addTakeaway, async ({ principal, params, body }) =>
    map(await addTakeaway(deps, principal, { ...sessionOf(params), ...body }), (takeaway) => ({ takeaway })),
  );
  mount(r, contract.createAction, async ({ principal, params, body }) =>
    map(await createAction(deps, principal, { communityId: params.id, ...body }), (action) => ({ action })),
  );
  mount(r, contract.listOpenActions, async ({ principal, params, query }) =>
    map(await listOpenActions(deps, principal, { communityId: params.id, ownerId: query.owner }), (actions) => ({
      actions,
    })),
  );
  mount(r, contract.updateActionStatus, async ({ principal, params, body }) =>
    updateActionStatus(deps, principal, { communityId: params.id, actionId: params.aid, ...body }),
  );
  mount(r, contract.giveFeedback, async ({ principal, params, body }) =>
    map(await giveFeedback(deps, principal, { ...sessionOf(params), score: body.score }), (feedback) => ({ feedback })),
  );
  mount(r, contract.closeSession, async ({ principal, params, body }) =>
    closeSession(deps, principal, { ...sessionOf(params), ...body }),
  );
  mount(r, contract.exportSessionMarkdown, async ({ principal, params }) =>
    map(await exportSessionMarkdown(deps, principal, sessionOf(params)), (text) => ({
      contentType: 'text/markdown; charset=utf-8',
      text,
    })),
  );
  mount(r, contract.searchOutcomes, async ({ principal, params, query }) =>
    map(await searchOutcomes(deps, principal, { communityId: params.id, query: query.q }), (hits) => ({ hits })),
  );
  return r;
}
