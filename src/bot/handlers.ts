/**
 * The bot's routes. Thin: read the activity, decide, render a card. Every message gets an
 * answer (never silence); anything unexpected goes to the adapter's onTurnError.
 */
import { ActivityTypes, CardFactory, MessageFactory, TurnContext, type Activity } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { AppDeps } from '../application/deps';
import { parseCardSubmit } from './card-actions';
import { buildHelpCard } from './cards/help-card';
import { commandInfo, parseCommand, type CommandId } from './commands';
import { REPLIES } from './replies';

export interface HandlerContext {
  readonly appName: string;
  /** The record; used by the propose/backlog/next/attendance handlers (a later issue). */
  readonly deps?: AppDeps;
}

export function registerHandlers(app: Application<TurnState>, ctx: HandlerContext): void {
  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const addedBot = (context.activity.membersAdded ?? []).some((m) => m?.id === botId);
    if (!addedBot) return;
    await sendCard(context, undefined, true, ctx);
  });

  app.activity(ActivityTypes.Message, async (context) => {
    const { value } = context.activity;
    if (value !== undefined && value !== null) {
      const submit = parseCardSubmit(value);
      if (!submit.ok) {
        await context.sendActivity(REPLIES.badCardSubmit(submit.error.message));
        return;
      }
      await runCommand(context, submit.value.command, ctx);
      return;
    }
    const parsed = parseCommand(textWithoutBotMention(context.activity));
    if (parsed.kind === 'unknown') {
      await sendCard(context, REPLIES.notUnderstood, false, ctx);
      return;
    }
    await runCommand(context, parsed.kind === 'help' ? 'help' : parsed.id, ctx);
  });
}

async function runCommand(context: TurnContext, id: CommandId, ctx: HandlerContext): Promise<void> {
  const info = commandInfo(id);
  if (info.comingSoon) {
    await sendCard(context, REPLIES.comingSoon(info.comingSoon), false, ctx);
    return;
  }
  await sendCard(context, undefined, false, ctx);
}

async function sendCard(context: TurnContext, line: string | undefined, welcome: boolean, ctx: HandlerContext): Promise<void> {
  const card = CardFactory.adaptiveCard(buildHelpCard({ welcome, appName: ctx.appName }));
  await context.sendActivity(MessageFactory.attachment(card, line));
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
