/**
 * The bot: a @microsoft/teams-ai Application on botbuilder's CloudAdapter, behind one
 * `handle(req, res)` for the express route POST /api/messages. Every botbuilder/teams-ai import
 * of the project lives under src/bot/, so an SDK move stays here.
 */
import { MemoryStorage } from 'botbuilder';
import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import type { Request, Response } from 'express';
import type { AppDeps } from '../application/deps';
import type { ProactiveNotifier, SessionMessenger } from '../application/ports';
import { claimActivity, releaseActivityClaim } from '../application/use-cases/claim-activity';
import { claimKeyOf } from './activity-claim';
import { botAuthSettings } from './auth-config';
import { DEFAULT_APP_NAME } from './cards/help-card';
import { registerHandlers } from './handlers';
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
  readonly deps?: AppDeps;
  /** With `deps`: the links invitation cards carry (calendar file), and this server instance's id for notification claims. */
  readonly links?: CardLinks;
  readonly instanceId?: string;
  readonly appName?: string;
  /** Where turn errors go; console.error by default. */
  readonly log?: (msg: string, err?: unknown) => void;
}

export interface BotEndpoint {
  /** Express 5 handler for POST /api/messages; needs express.json() before it. Never rejects. */
  handle(req: Request, res: Response): Promise<void>;
  /** Posts without being spoken to first (needs the record: only when `deps` was given). */
  readonly notifier?: ProactiveNotifier;
  /** Invitations and reminders (with `deps` and `links`). */
  readonly messenger?: SessionMessenger;
}

export function createBot(options: BotOptions = {}): BotEndpoint {
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

  const deps = options.deps;
  const poster = createCardPoster(adapter, options.botId);
  const messenger = deps && options.links ? createSessionMessenger(poster, deps, options.links) : undefined;
  registerHandlers(app, {
    appName: options.appName ?? DEFAULT_APP_NAME,
    log,
    ...(deps ? { deps } : {}),
    ...(messenger && options.links ? { attendance: { messenger, links: options.links, instanceId: options.instanceId ?? 'bot' } } : {}),
  });

  return {
    ...(deps ? { notifier: createProactiveNotifier(poster, deps) } : {}),
    ...(messenger ? { messenger } : {}),
    async handle(req, res) {
      const problem = checkInboundActivity(req.body);
      if (problem) {
        res.status(400).json({ error: { code: 'VALIDATION_FAILED', message: `Not a Bot Framework activity: ${problem}.` } });
        return;
      }
      try {
        await adapter.process(req, res, async (context) => {
          // A redelivered activity (same conversation, same id) is handled once: the loser does nothing.
          const key = deps ? claimKeyOf(context.activity) : undefined;
          if (deps && key && !(await claimActivity(deps, key))) return;
          try {
            await app.run(context);
          } catch (err) {
            // Handling failed: give the claim back so a redelivery is handled, then let onTurnError apologise.
            if (deps && key) await releaseActivityClaim(deps, key).catch((e: unknown) => log('could not release the activity claim', e));
            throw err;
          }
        });
      } catch (err) {
        log('the adapter failed', err);
        if (!res.headersSent) res.status(500).json({ error: { code: 'INTERNAL', message: 'The bot could not process this activity.' } });
      }
    },
  };
}
