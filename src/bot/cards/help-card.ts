/**
 * The help card: what the bot can do, as an Adaptive Card 1.5 (Teams supports 1.5 on every
 * client). Pure and deterministic: same options, same JSON; no SDK types, so it can be tested
 * and reused anywhere (a card is just JSON).
 */
import type { RunCommandSubmit } from '../card-actions';
import { COMMANDS, type CommandInfo } from '../commands';

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_VERSION = '1.5';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The subset of the Adaptive Card schema our builders produce. */
export interface AdaptiveCardElement {
  readonly type: string;
  readonly [key: string]: unknown;
}
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: typeof ADAPTIVE_CARD_SCHEMA;
  readonly version: typeof ADAPTIVE_CARD_VERSION;
  readonly body: readonly AdaptiveCardElement[];
  readonly actions?: readonly AdaptiveCardElement[];
  readonly [key: string]: unknown;
}

export interface HelpCardOptions {
  /** First contact (the bot was just added): open with a welcome line. */
  readonly welcome?: boolean;
  readonly appName?: string;
}

export const DEFAULT_APP_NAME = 'Guildhall';

const text = (value: string, extra: Record<string, unknown> = {}): AdaptiveCardElement => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

function commandRow(c: CommandInfo): AdaptiveCardElement {
  return {
    type: 'Container',
    spacing: 'Medium',
    items: [
      text(c.audience ? `${c.title} (${c.audience})` : c.title, { weight: 'Bolder' }),
      text(c.usage, { fontType: 'Monospace', spacing: 'None' }),
      text(c.description, { isSubtle: true, spacing: 'None' }),
    ],
  };
}

const submit = (title: string, data: RunCommandSubmit): AdaptiveCardElement => ({ type: 'Action.Submit', title, data });

export function buildHelpCard(opts: HelpCardOptions = {}): AdaptiveCard {
  const appName = opts.appName?.trim() || DEFAULT_APP_NAME;
  const intro: AdaptiveCardElement[] = opts.welcome
    ? [
        text(`Welcome to ${appName}!`, { size: 'Large', weight: 'Bolder', style: 'heading' }),
        text(
          'I help your Community of Practice pick its topics together, work on them, and leave with takeaways and actions that someone owns.',
        ),
        text('Here is what you can ask me:', { weight: 'Bolder', spacing: 'Medium' }),
      ]
    : [
        text(`${appName}: what I can do`, { size: 'Medium', weight: 'Bolder', style: 'heading' }),
        text('Type one of these in this chat:', { spacing: 'Small' }),
      ];
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    body: [
      ...intro,
      ...COMMANDS.filter((c) => c.id !== 'help').map(commandRow),
      text('Type **help** any time to see this again.', { isSubtle: true, spacing: 'Large' }),
    ],
    actions: [
      submit('Top of the backlog', { action: 'command', command: 'top' }),
      submit('The whole backlog', { action: 'command', command: 'backlog' }),
    ],
  };
}
