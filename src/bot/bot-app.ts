/**
 * The bot: a @microsoft/teams-ai Application on botbuilder's CloudAdapter, behind one
 * `handle(req, res)` for the express route POST /api/messages. Every botbuilder/teams-ai import
 * of the project lives under src/bot/, so an SDK move stays here. The routes are in handlers/, one
 * module per group; this file composes them and claims each delivery (ADR 0010).
 */
import { MemoryStorage } from 'botbuilder';
import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import type { Request, Response } from 'express';
import type { AppDeps } from '../application/deps';
import type { ProactiveNotifier, SessionMessenger } from '../application/ports';
import { claimActivity, markActivityAnswered, releaseActivityClaim } from '../application/use-cases/claim-activity';
import { claimKeyOf } from './activity-claim';
import { botAuthSettings } from './auth-config';
import { DEFAULT_APP_NAME } from './cards/help-card';
import type { BotContext } from './handlers/bot-context';
import { registerConversationEvents } from './handlers/conversation-events';
import { registerCardActions } from './handlers/invitations';
import { registerMeetingEvents } from './handlers/meeting-events';
import { registerMessages } from './handlers/messages';
import { checkInboundActivity } from './inbound';
import { createCardPoster, createProactiveNotifier } from './proactive-notifier';
import { REPLIES } from './replies';
import { createSessionMessenger, type CardLinks } from './session-messenger';

export interface BotOptions {
  /** Microsoft App ID of the bot. Without it, requests are not authenticated (local only). */
  readonly botId?: string;
  readonly botPassword?: string;
  /** Set for a single-tenant bot (with a password) or a user-assigned managed identity (without). */
  readonly botTenantId?: string;
  /** The record, clock and ids the use cases run on. */
  readonly deps: AppDeps;
  /** The links invitation cards carry (calendar file, published notes). */
  readonly links: CardLinks;
  /** This server instance's id, for notification claims. */
  readonly instanceId: string;
  readonly appName?: string;
  /** How long a claimed, unanswered activity is left to its handler before a redelivery answers it (ADR 0010). */
  readonly claimLeaseMs?: number;
  /** Where turn errors go; console.error by default. */
  readonly log?: (msg: string, err?: unknown) => void;
}

export interface BotEndpoint {
  /** Express 5 handler for POST /api/messages; needs express.json() before it. Never rejects. */
  handle(req: Request, res: Response): Promise<void>;
  /** Posts without being spoken to first. */
  readonly notifier: ProactiveNotifier;
  /** Invitations and reminders. */
  readonly messenger: SessionMessenger;
}

export function createBot(options: BotOptions): BotEndpoint {
  const log = options.log ?? ((msg: string, err?: unknown) => console.error(`[bot] ${msg}`, err ?? ''));
  // TeamsAdapter is botbuilder's CloudAdapter built from ConfigurationBotFrameworkAuthentication
  // (plus the teams-ai user agent); Application wants this type for proactive messages later.
  const adapter = new TeamsAdapter(botAuthSettings(options));
  const app = new Application<TurnState>({
    adapter,
    ...(options.botId ? { botAppId: options.botId } : {}),
    storage: new MemoryStorage(),
    // We strip the bot's mention ourselves: the SDK's version throws on text-less messages.
    removeRecipientMention: false,
    // Replies are immediate; a typing indicator would only add traffic.
    startTypingTimer: false,
    longRunningMessages: false,
  });

  app.error(async (context, error) => {
    log(`turn failed (${context.activity?.type ?? 'unknown'} activity)`, error);
    try {
      await context.sendActivity(REPLIES.turnError);
    } catch (sendError) {
      log('could not send the apology either', sendError);
    }
  });

  const { deps, links } = options;
  const poster = createCardPoster(adapter, options.botId);
  const messenger = createSessionMessenger(poster, deps, links);
  const ctx: BotContext = {
    deps,
    appName: options.appName ?? DEFAULT_APP_NAME,
    messenger,
    links,
    instanceId: options.instanceId,
    log,
  };
  registerConversationEvents(app, ctx);
  registerMeetingEvents(app, ctx);
  registerCardActions(app, ctx);
  registerMessages(app, ctx);
  const lease = options.claimLeaseMs !== undefined ? { leaseMs: options.claimLeaseMs } : {};

  return {
    notifier: createProactiveNotifier(poster, deps),
    messenger,
    async handle(req, res) {
      const problem = checkInboundActivity(req.body);
      if (problem) {
        res
          .status(400)
          .json({ error: { code: 'VALIDATION_FAILED', message: `Not a Bot Framework activity: ${problem}.` } });
        return;
      }
      try {
        await adapter.process(req, res, async (context) => {
          // Claim → handle → answer → mark answered: a repeat of an answered (or in-flight) activity does
          // nothing; a repeat of one whose handler died before answering is answered (ADR 0010).
          const key = claimKeyOf(context.activity);
          const ticket = key ? await claimActivity(deps, key, lease) : undefined;
          if (key && !ticket) return;
          try {
            await app.run(context);
          } catch (err) {
            // Handling failed: give the claim back so a redelivery is handled, then let onTurnError apologise.
            if (ticket)
              await releaseActivityClaim(deps, ticket).catch((e: unknown) =>
                log('could not release the activity claim', e),
              );
            throw err;
          }
          if (ticket)
            await markActivityAnswered(deps, ticket).catch((e: unknown) =>
              log('could not mark the activity answered', e),
            );
        });
      } catch (err) {
        log('the adapter failed', err);
        if (!res.headersSent)
          res.status(500).json({ error: { code: 'INTERNAL', message: 'The bot could not process this activity.' } });
      }
    },
  };
}
