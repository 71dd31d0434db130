import { Router } from 'express';
import { contract } from '../../api/contract';
import type { AppDeps } from '../../application/deps';
import { archiveTopic } from '../../application/use-cases/archive-topic';
import { editTopic } from '../../application/use-cases/edit-topic';
import { getTopic } from '../../application/use-cases/get-topic';
import { mergeTopics } from '../../application/use-cases/merge-topics';
import { moveTopic } from '../../application/use-cases/move-topic';
import { restoreTopic } from '../../application/use-cases/restore-topic';
import { setTopicOwner } from '../../application/use-cases/set-topic-owner';
import { map } from '../http/answer';
import { mount } from '../http/mount';

/** The community id and topic id of a topic route. */
const topicOf = (p: { id: string; topicId: string }) => ({ communityId: p.id, topicId: p.topicId });

/** Backlog operations between sessions: read one topic with its etag, edit, move, merge, archive, restore, owner. */
export function backlogRoutes(deps: AppDeps): Router {
  const r = Router();
  mount(r, contract.getTopic, async ({ principal, params }) => getTopic(deps, principal, topicOf(params)));
  mount(r, contract.editTopic, async ({ principal, params, body }) =>
    editTopic(deps, principal, { ...topicOf(params), ...body }),
  );
  mount(r, contract.moveTopic, async ({ principal, params, body }) =>
    map(await moveTopic(deps, principal, { ...topicOf(params), position: body.position }), (changed) => ({ changed })),
  );
  mount(r, contract.mergeTopics, async ({ principal, params, body }) =>
    map(await mergeTopics(deps, principal, { communityId: params.id, ...body }), (changed) => ({ changed })),
  );
  mount(r, contract.archiveTopic, async ({ principal, params }) =>
    map(await archiveTopic(deps, principal, topicOf(params)), (changed) => ({ changed })),
  );
  mount(r, contract.restoreTopic, async ({ principal, params }) =>
    map(await restoreTopic(deps, principal, topicOf(params)), (changed) => ({ changed })),
  );
  // Volunteer as the topic's owner (for yourself) / step back or clear it.
  mount(r, contract.volunteerTopicOwner, async ({ principal, params }) =>
    map(await setTopicOwner(deps, principal, { ...topicOf(params), action: 'volunteer' }), (topic) => ({ topic })),
  );
  mount(r, contract.clearTopicOwner, async ({ principal, params }) =>
    map(await setTopicOwner(deps, principal, { ...topicOf(params), action: 'clear' }), (topic) => ({ topic })),
  );
  return r;
}
