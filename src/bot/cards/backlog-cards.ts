/** Cards for the backlog in chat. Pure builders: data in, Adaptive Card JSON out. */
import type { Topic } from '../../domain/backlog';

const CARD = { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5' } as const;

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
      { type: 'TextBlock', text: `${communityName}: the backlog`, weight: 'Bolder', size: 'Medium', wrap: true },
      shown.length === 0
        ? { type: 'TextBlock', text: 'Nothing in the backlog yet. Propose a topic: "propose: how do we run remote retros?"', wrap: true }
        : {
            type: 'FactSet',
            facts: shown.map((t, i) => ({
              title: t.rank !== null ? `#${t.rank}` : `${i + 1}.`,
              value: `${t.title} (${STATE_LABEL[t.state]}${t.supporters.length ? `, +${t.supporters.length}` : ''}${t.score ? `, ${t.score.normalized.toFixed(1)}/35` : ''})`,
            })),
          },
      ...(open.length > shown.length ? [{ type: 'TextBlock', text: `and ${open.length - shown.length} more in the channel tab.`, isSubtle: true, wrap: true }] : []),
    ],
  };
}

/** A similar topic exists: offer a +1 on it or proposing anyway. */
export function buildSimilarTopicCard(input: { communityId: string; proposed: string; similar: { id: string; title: string } }): Record<string, unknown> {
  return {
    ...CARD,
    body: [
      { type: 'TextBlock', text: 'That topic may already be in the backlog', weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: `"${input.similar.title}"`, wrap: true },
      { type: 'TextBlock', text: `You proposed: "${input.proposed}"`, isSubtle: true, wrap: true },
    ],
    actions: [
      { type: 'Action.Submit', title: '+1 the existing topic', data: { action: 'support-topic', communityId: input.communityId, topicId: input.similar.id } },
      { type: 'Action.Submit', title: 'Propose mine anyway', data: { action: 'propose-anyway', communityId: input.communityId, title: input.proposed } },
    ],
  };
}
