/**
 * Messages: typed commands and Action.Submit card buttons, each to its route. Every message gets an
 * answer (never silence); anything unexpected goes to the adapter's onTurnError.
 */
import { ActivityTypes, TurnContext, type Activity } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { parseCardSubmit } from '../card-actions';
import { commandInfo, parseCommand, type CommandId } from '../commands';
import { REPLIES } from '../replies';
import { runBacklog, runPropose, runTop, runTopicSubmit } from './backlog';
import { sendHelpCard, type BotContext } from './bot-context';
import { runAttendance, runNudge, runRsvpCommand } from './invitations';

type CommandRoute = (context: TurnContext, argument: string, ctx: BotContext) => Promise<void>;

/** The built commands; the others answer with the help card (and "coming soon" when the catalogue says so). */
const ROUTES: ReadonlyMap<CommandId, CommandRoute> = new Map<CommandId, CommandRoute>([
  ['propose', runPropose],
  ['backlog', (context, _argument, ctx) => runBacklog(context, ctx)],
  ['top', (context, _argument, ctx) => runTop(context, ctx)],
  ['rsvp', (context, _argument, ctx) => runRsvpCommand(context, ctx)],
  ['attendance', (context, _argument, ctx) => runAttendance(context, ctx)],
]);

export function registerMessages(app: Application<TurnState>, ctx: BotContext): void {
  app.activity(ActivityTypes.Message, async (context) => {
    const { value } = context.activity;
    if (value !== undefined && value !== null) {
      const submit = parseCardSubmit(value);
      if (!submit.ok) await context.sendActivity(REPLIES.badCardSubmit(submit.error.message));
      else if (submit.value.action === 'command') await runCommand(context, submit.value.command, '', ctx);
      else if (submit.value.action === 'nudge') await runNudge(context, submit.value, ctx);
      else await runTopicSubmit(context, submit.value, ctx);
      return;
    }
    const parsed = parseCommand(textWithoutBotMention(context.activity));
    if (parsed.kind === 'unknown') await sendHelpCard(context, ctx, { line: REPLIES.notUnderstood });
    else if (parsed.kind === 'help') await sendHelpCard(context, ctx);
    else await runCommand(context, parsed.id, parsed.argument, ctx);
  });
}

async function runCommand(context: TurnContext, id: CommandId, argument: string, ctx: BotContext): Promise<void> {
  const route = ROUTES.get(id);
  if (route) {
    await route(context, argument, ctx);
    return;
  }
  if (id === 'volunteer' && /\bown/i.test(argument)) {
    await context.sendActivity(REPLIES.volunteerToOwnHow);
    return;
  }
  const { comingSoon } = commandInfo(id);
  await sendHelpCard(context, ctx, comingSoon ? { line: REPLIES.comingSoon(comingSoon) } : {});
}

/**
 * The message text without the bot's own @mention. TurnContext's helper matches the mention
 * entity against the recipient; it throws on text-less messages or odd entities, so it is
 * guarded, and parseCommand also drops leading `<at>…</at>` tags the entities did not cover.
 */
function textWithoutBotMention(activity: Activity): string {
  if (typeof activity.text !== 'string') return '';
  try {
    return TurnContext.removeRecipientMention(activity) ?? '';
  } catch {
    return activity.text;
  }
}
