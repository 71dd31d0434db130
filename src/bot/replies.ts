/** The bot's short lines, in one place (pure). */
export const REPLIES = {
  notUnderstood: "Sorry, I didn't catch that. Here is what I can do:",
  comingSoon: (what: string) => `Coming soon: ${what}. Here is what I can do today:`,
  badCardSubmit: (why: string) =>
    `I couldn't read what that card sent (${why}). Nothing was changed. Type help to see what I can do.`,
  turnError: 'Sorry, something went wrong on my side. Please try again in a moment.',
} as const;
