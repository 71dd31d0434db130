/**
 * The bot added to or removed from a conversation (conversationUpdate, installationUpdate): keep or
 * forget the conversation reference for proactive messages, and welcome people when added.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { forgetConversationRef } from '../../application/use-cases/forget-conversation-ref';
import { saveConversationRef } from '../../application/use-cases/save-conversation-ref';
import { contextIdsOf, conversationRefFromActivity } from '../conversation-refs';
import { sendHelpCard, type BotContext } from './bot-context';

export function registerConversationEvents(app: Application<TurnState>, ctx: BotContext): void {
  app.conversationUpdate('membersAdded', async (context) => {
    if (!botIsAmong(context, context.activity.membersAdded)) return;
    await rememberConversation(context, ctx);
    await sendHelpCard(context, ctx, { welcome: true });
  });

  app.conversationUpdate('membersRemoved', async (context) => {
    if (!botIsAmong(context, context.activity.membersRemoved)) return;
    await forgetConversation(context, ctx);
  });

  // Teams sends installationUpdate (add / remove, and *-upgrade when an update adds or drops the bot).
  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    const action = String(context.activity.action ?? '');
    if (action.startsWith('add')) await rememberConversation(context, ctx);
    else if (action.startsWith('remove')) await forgetConversation(context, ctx);
  });
}

/** Installed here (or the bot added): keep the reference for proactive messages. */
async function rememberConversation(context: TurnContext, ctx: BotContext): Promise<void> {
  const ref = conversationRefFromActivity(context.activity);
  if (!ref) return;
  const saved = await saveConversationRef(ctx.deps, ref, contextIdsOf(context.activity));
  if (!saved.ok) throw new Error(`${saved.error.code}: ${saved.error.message}`);
}

async function forgetConversation(context: TurnContext, ctx: BotContext): Promise<void> {
  const ref = conversationRefFromActivity(context.activity);
  if (!ref) return;
  await forgetConversationRef(ctx.deps, {
    tenantId: ref.tenantId,
    conversationId: ref.conversationId,
    ...(ref.teamId ? { teamId: ref.teamId } : {}),
  });
}

function botIsAmong(context: TurnContext, members: readonly { id?: string }[] | undefined): boolean {
  const botId = context.activity.recipient?.id;
  return !!botId && (members ?? []).some((m) => m?.id === botId);
}
