/** The backlog: propose, +1, read, edit, re-order, merge, archive, restore, owner. */
import { z } from 'zod/v4';
import { route } from '../contract-kit';
import { TopicSchema, TopicWithEtagSchema } from '../response-schemas';
import { ProposeTopicRequest } from '../schemas';
import { EditTopicRequest, MergeTopicsRequest, MoveTopicRequest } from '../session-schemas';

const Topic = z.object({ topic: TopicSchema });
/** The topics an operation changed (rank, state). */
const Changed = z.object({ changed: z.array(TopicSchema) });

export const backlogRoutes = {
  listTopics: route({
    method: 'GET',
    path: '/communities/:id/topics',
    access: 'user',
    summary: "Members: the community's backlog in reading order.",
    response: z.object({ topics: z.array(TopicSchema) }),
  }),
  proposeTopic: route({
    method: 'POST',
    path: '/communities/:id/topics',
    access: 'user',
    summary: 'Members propose a topic; SIMILAR_TOPIC_EXISTS (409, with the topic as subject) unless force.',
    body: ProposeTopicRequest,
    response: Topic,
    status: 201,
  }),
  supportTopic: route({
    method: 'POST',
    path: '/communities/:id/topics/:topicId/support',
    access: 'user',
    summary: 'Members +1 a topic (once each).',
    response: Topic,
  }),
  getTopic: route({
    method: 'GET',
    path: '/communities/:id/topics/:topicId',
    access: 'user',
    summary: 'Members: one topic with the etag its next edit needs.',
    response: TopicWithEtagSchema,
  }),
  editTopic: route({
    method: 'PATCH',
    path: '/communities/:id/topics/:topicId',
    access: 'user',
    summary: 'Facilitators and champions (the proposer while proposed) edit title/description; etag checked.',
    body: EditTopicRequest,
    response: TopicWithEtagSchema,
  }),
  moveTopic: route({
    method: 'PUT',
    path: '/communities/:id/topics/:topicId/position',
    access: 'user',
    summary: 'Facilitators and champions move a topic in the prioritised backlog (1 = top).',
    body: MoveTopicRequest,
    response: Changed,
  }),
  mergeTopics: route({
    method: 'POST',
    path: '/communities/:id/topics/merge',
    access: 'user',
    summary: 'Facilitators and champions merge two topics.',
    body: MergeTopicsRequest,
    response: Changed,
  }),
  archiveTopic: route({
    method: 'POST',
    path: '/communities/:id/topics/:topicId/archive',
    access: 'user',
    summary: 'Facilitators and champions archive a topic.',
    response: Changed,
  }),
  restoreTopic: route({
    method: 'POST',
    path: '/communities/:id/topics/:topicId/restore',
    access: 'user',
    summary: 'Facilitators and champions restore an archived topic.',
    response: Changed,
  }),
  volunteerTopicOwner: route({
    method: 'PUT',
    path: '/communities/:id/topics/:topicId/owner',
    access: 'user',
    summary: "Members volunteer as the topic's owner (for themselves).",
    response: Topic,
  }),
  clearTopicOwner: route({
    method: 'DELETE',
    path: '/communities/:id/topics/:topicId/owner',
    access: 'user',
    summary: 'The owner steps back, or a facilitator clears the owner.',
    response: Topic,
  }),
} as const;
