/**
 * What people can type to the bot, and how a message's text becomes a command.
 * Pure: no SDK, no IO. The help card and the message handler both read this catalogue,
 * so the card never lists a command the router does not know (and the reverse).
 */

export const COMMAND_IDS = ['help', 'propose', 'backlog', 'top', 'volunteer', 'rsvp', 'attendance'] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

export interface CommandInfo {
  readonly id: CommandId;
  /** What to type, exactly as the help card shows it. */
  readonly usage: string;
  readonly title: string;
  readonly description: string;
  /** Only some roles can use it (shown on the card). */
  readonly audience?: string;
  /** Set while the feature is not built yet: the reply says "Coming soon: <comingSoon>." */
  readonly comingSoon?: string;
}

export const COMMANDS: readonly CommandInfo[] = [
  {
    id: 'propose',
    usage: 'propose: how do we run remote retros?',
    title: 'Propose a topic',
    description: "Add a topic to your community's backlog, any time.",
  },
  {
    id: 'backlog',
    usage: 'backlog',
    title: 'See the backlog',
    description: "The top of your community's prioritised backlog.",
  },
  {
    id: 'top',
    usage: 'top',
    title: 'Top of the backlog',
    description:
      'The five topics ranked highest, who owns each, and a button to volunteer as owner ("next" works too).',
  },
  {
    id: 'volunteer',
    usage: 'volunteer to facilitate',
    title: 'Volunteer to facilitate',
    description: 'Offer to facilitate a coming session; the role rotates between volunteers.',
    comingSoon: 'volunteering to facilitate (it comes with sessions)',
  },
  {
    id: 'rsvp',
    usage: 'rsvp',
    title: 'RSVP to invitations',
    description: 'The next session\'s invitation with your answer: yes, maybe or no (a "no" can say why).',
  },
  {
    id: 'attendance',
    usage: 'attendance',
    title: 'Attendance',
    audience: 'champions',
    description:
      'Who said yes, maybe or no (and why) to the next session, who has not answered, the trend, and a Nudge button.',
  },
  {
    id: 'help',
    usage: 'help',
    title: 'Help',
    description: 'Show this card again ("hi" works too).',
  },
];

export const commandInfo = (id: CommandId): CommandInfo => {
  const info = COMMANDS.find((c) => c.id === id);
  if (!info) throw new Error(`No command '${id}' in the catalogue`);
  return info;
};

export type ParsedCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'command'; readonly id: Exclude<CommandId, 'help'>; readonly argument: string }
  | { readonly kind: 'unknown'; readonly text: string };

/** Words that show the help card. A leading slash is allowed ("/help"). */
const HELP_WORDS = new Set(['help', 'hi', 'hello', 'hey', '?']);
const COMMAND_WORDS: ReadonlyMap<string, Exclude<CommandId, 'help'>> = new Map([
  ['propose', 'propose'],
  ['backlog', 'backlog'],
  ['top', 'top'],
  // What is next in the backlog; the next *session* comes with sessions.
  ['next', 'top'],
  ['volunteer', 'volunteer'],
  ['rsvp', 'rsvp'],
  ['attendance', 'attendance'],
]);

/** Mentions at the start of a message (`<at>Guildhall</at> help`), left when the entity did not match. */
const LEADING_MENTIONS = /^(?:\s*<at>[^<]*<\/at>\s*)+/i;

/**
 * The text a person typed, without the leading @mentions Teams puts in front of it
 * (`<at>Guildhall</at> hi`), non-breaking spaces, or surrounding blanks.
 */
export function cleanMessageText(text: string | undefined): string {
  if (!text) return '';
  return text
    .replace(/&nbsp;|\u00a0/gi, ' ')
    .replace(LEADING_MENTIONS, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reads a command from what someone typed. Case does not matter; "/help" and "help!" work. */
export function parseCommand(raw: string | undefined): ParsedCommand {
  const text = cleanMessageText(raw);
  const match = /^\/?([^\s:]+)\s*:?\s*(.*)$/s.exec(text);
  if (!match) return { kind: 'unknown', text };
  const first = (match[1] ?? '').toLowerCase();
  const word = first === '?' ? first : first.replace(/[!.,;?]+$/, '');
  const rest = (match[2] ?? '').trim();
  if (HELP_WORDS.has(word)) return { kind: 'help' };
  const id = COMMAND_WORDS.get(word);
  if (id) return { kind: 'command', id, argument: rest };
  return { kind: 'unknown', text };
}
