/** The bot's short lines, in one place (pure). */
export const REPLIES = {
  notUnderstood: "Sorry, I didn't catch that. Here is what I can do:",
  comingSoon: (what: string) => `Coming soon: ${what}. Here is what I can do today:`,
  badCardSubmit: (why: string) =>
    `I couldn't read what that card sent (${why}). Nothing was changed. Type help to see what I can do.`,
  noIdentity: "I can't tell who you are in this conversation, so I changed nothing.",
  proposeWhat: 'Write the topic after propose, for example: propose: how do we run remote retros?',
  proposeTooLong: (n: number) => `A topic title is at most 120 characters (yours has ${n}). Put the details in the channel tab later.`,
  proposed: (title: string, community: string) => `Added to ${community === 'the' ? 'the' : `${community}'s`} backlog as proposed: "${title}".`,
  supported: (title: string, count: number) => `Your +1 is on "${title}" (${count} so far).`,
  volunteered: (title: string) => `Thank you! You own "${title}" now: you prepare its deep dive. Keep the opening short; the group works on it in breakouts.`,
  alreadyYours: (title: string) => `You already own "${title}". Nothing changed.`,
  volunteerToOwnHow: 'To own a topic, type top and press "Volunteer to own" on the topic you want to prepare.',
  notHere: 'Answering invitations is not available here. Type help to see what I can do.',
  rsvpNotAMember: (why: string) => `${why} Only members of the community can answer its invitations; nothing was recorded.`,
  attendanceForChampions: (community: string) => `Only champions and facilitators of ${community} can see attendance.`,
  alreadyNudged: 'Those reminders already went out for this press. Nothing was sent again.',
  nudged: (names: readonly string[], withoutApp: readonly string[], failed: number) =>
    [
      names.length ? `Reminded ${names.length} who have not answered: ${names.join(', ')}.` : 'Nobody I can reach has left the invitation unanswered.',
      withoutApp.length ? `${withoutApp.join(', ')} ${withoutApp.length === 1 ? 'has' : 'have'} no chat with me yet, so only the channel post reaches them.` : '',
      failed ? `${failed} could not be reached just now.` : '',
    ].filter(Boolean).join(' '),
  turnError: 'Sorry, something went wrong on my side. Please try again in a moment.',
} as const;
