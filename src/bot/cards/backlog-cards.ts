/** Cards for the backlog in chat. Pure builders: data in, Adaptive Card JSON out. */
import type { TopOfBacklog } from '../../application/use-cases/top-of-backlog';
import type { Topic } from '../../domain/backlog';
import type { VolunteerOwnerSubmit } from '../card-actions';
import { cardText } from './card-text';

const CARD = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
} as const;

const STATE_LABEL: Record<Topic['state'], string> = {
  proposed: 'proposed',
  prioritised: 'prioritised',
  scheduled: 'scheduled',
  discussed: 'discussed',
  archived: 'archived',
};

/** The top of the backlog: ranked topics first, then new proposals, with their +1s. */
export function buildBacklogCard(communityName: string, topics: readonly Topic[], top = 5): Record<string, unknown> {
  const open = topics.filter((t) => t.state !== 'archived');
  const shown = open.slice(0, top);
  return {
    ...CARD,
    body: [
      {
        type: 'TextBlock',
        text: `${cardText(communityName)}: the backlog`,
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
      },
      shown.length === 0
        ? {
            type: 'TextBlock',
            text: 'Nothing in the backlog yet. Propose a topic: "propose: how do we run remote retros?"',
            wrap: true,
          }
        : {
            type: 'FactSet',
            facts: shown.map((t, i) => ({
              title: t.rank !== null ? `#${t.rank}` : `${i + 1}.`,
              value: `${cardText(t.title)} (${STATE_LABEL[t.state]}${t.supporters.length ? `, +${t.supporters.length}` : ''}${t.score ? `, ${t.score.normalized.toFixed(1)}/35` : ''})`,
            })),
          },
      ...(open.length > shown.length
        ? [
            {
              type: 'TextBlock',
              text: `and ${open.length - shown.length} more in the channel tab.`,
              isSubtle: true,
              wrap: true,
            },
          ]
        : []),
    ],
  };
}

/** A similar topic exists: offer a +1 on it or proposing anyway. */
export function buildSimilarTopicCard(input: {
  communityId: string;
  proposed: string;
  similar: { id: string; title: string };
}): Record<string, unknown> {
  return {
    ...CARD,
    body: [
      { type: 'TextBlock', text: 'That topic may already be in the backlog', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: `"${cardText(input.similar.title)}"`, wrap: true },
      { type: 'TextBlock', text: `You proposed: "${cardText(input.proposed)}"`, isSubtle: true, wrap: true },
    ],
    actions: [
      {
        type: 'Action.Submit',
        title: '+1 the existing topic',
        data: { action: 'support-topic', communityId: input.communityId, topicId: input.similar.id },
      },
      {
        type: 'Action.Submit',
        title: 'Propose mine anyway',
        data: { action: 'propose-anyway', communityId: input.communityId, title: input.proposed },
      },
    ],
  };
}

/**
 * "top" / "next": the five best-ranked topics, who owns each or that it needs an owner, and a
 * "Volunteer to own" button on every topic without one.
 */
export function buildTopOfBacklogCard(input: {
  communityId: string;
  communityName: string;
  top: TopOfBacklog;
}): Record<string, unknown> {
  const { top } = input;
  const waiting =
    top.waiting > 0
      ? [
          {
            type: 'TextBlock',
            text: `${top.waiting} proposed ${top.waiting === 1 ? 'topic is' : 'topics are'} waiting to be ranked: type backlog to see them.`,
            isSubtle: true,
            wrap: true,
            spacing: 'Medium',
          },
        ]
      : [];
  if (top.topics.length === 0) {
    return {
      ...CARD,
      body: [
        {
          type: 'TextBlock',
          text: `${cardText(input.communityName)}: the top of the backlog`,
          weight: 'Bolder',
          size: 'Medium',
          wrap: true,
        },
        {
          type: 'TextBlock',
          text: 'Nothing is prioritised yet. The community ranks its backlog by playing Thirty Five together.',
          wrap: true,
        },
        ...waiting,
      ],
    };
  }
  return {
    ...CARD,
    body: [
      {
        type: 'TextBlock',
        text: `${cardText(input.communityName)}: the top of the backlog`,
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
      },
      ...top.topics.map(({ topic, ownerName }) => {
        const data: VolunteerOwnerSubmit = {
          action: 'volunteer-owner',
          communityId: input.communityId,
          topicId: topic.id,
        };
        return {
          type: 'Container',
          separator: true,
          spacing: 'Medium',
          items: [
            { type: 'TextBlock', text: `#${topic.rank} ${cardText(topic.title)}`, weight: 'Bolder', wrap: true },
            ownerName
              ? {
                  type: 'TextBlock',
                  text: `Owner: ${cardText(ownerName)}`,
                  isSubtle: true,
                  spacing: 'None',
                  wrap: true,
                }
              : { type: 'TextBlock', text: 'Needs an owner', color: 'Attention', spacing: 'None', wrap: true },
            ...(ownerName
              ? []
              : [{ type: 'ActionSet', actions: [{ type: 'Action.Submit', title: 'Volunteer to own', data }] }]),
          ],
        };
      }),
      ...waiting,
    ],
  };
}
