/**
 * The bot's short lines, in one place (pure). Text a person wrote (titles, names) goes through
 * cardText, so Teams shows it literally instead of rendering its Markdown.
 */
import { TOPIC_TITLE_MAX } from '../domain/backlog';
import { cardText } from './cards/card-text';

const quoted = (title: string) => `"${cardText(title)}"`;

export const REPLIES = {
  notUnderstood: "Sorry, I didn't catch that. Here is what I can do:",
  comingSoon: (what: string) => `Coming soon: ${what}. Here is what I can do today:`,
  badCardSubmit: (why: string) =>
    `I couldn't read what that card sent (${why}). Nothing was changed. Type help to see what I can do.`,
  noIdentity: "I can't tell who you are in this conversation, so I changed nothing.",
  proposeWhat: 'Write the topic after propose, for example: propose: how do we run remote retros?',
  proposeTooLong: (n: number) =>
    `A topic title is at most ${TOPIC_TITLE_MAX} characters (yours has ${n}). Put the details in the channel tab later.`,
  proposed: (title: string, community?: string) =>
    `Added to ${community === undefined ? 'the' : `${cardText(community)}'s`} backlog as proposed: ${quoted(title)}.`,
  supported: (title: string, count: number) => `Your +1 is on ${quoted(title)} (${count} so far).`,
  volunteered: (title: string) =>
    `Thank you! You own ${quoted(title)} now: you prepare its deep dive. Keep the opening short; the group works on it in breakouts.`,
  alreadyYours: (title: string) => `You already own ${quoted(title)}. Nothing changed.`,
  noCommunityBound:
    'This chat is not linked to a community yet. Add the Guildhall tab here and pick the community in its settings.',
  notInACommunity: 'You are not in a community yet. Open the Guildhall tab ("My communities") to join or create one.',
  severalCommunities: (which: string) =>
    `${cardText(which)} Write to me in the community's channel so I know which backlog you mean.`,
  volunteerToOwnHow: 'To own a topic, type top and press "Volunteer to own" on the topic you want to prepare.',
  notHere: 'Answering invitations is not available here. Type help to see what I can do.',
  rsvpNotAMember: (why: string) =>
    `${why} Only members of the community can answer its invitations; nothing was recorded.`,
  attendanceForChampions: (community: string) =>
    `Only champions and facilitators of ${cardText(community)} can see attendance.`,
  alreadyNudged: 'Those reminders already went out for this press. Nothing was sent again.',
  nudged: (names: readonly string[], withoutApp: readonly string[], failed: number) =>
    [
      names.length
        ? `Reminded ${names.length} who have not answered: ${names.map(cardText).join(', ')}.`
        : 'Nobody I can reach has left the invitation unanswered.',
      withoutApp.length
        ? `${withoutApp.map(cardText).join(', ')} ${withoutApp.length === 1 ? 'has' : 'have'} no chat with me yet, so only the channel post reaches them.`
        : '',
      failed ? `${failed} could not be reached just now.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  turnError: 'Sorry, something went wrong on my side. Please try again in a moment.',
} as const;
