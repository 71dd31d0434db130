/**
 * The express app: JSON API, bot endpoint, built tab. Pure wiring of parts built by main.ts
 * (or by tests), so the same app runs in production, at `npm start` and in integration tests.
 */
import express, { type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AppDeps } from '../application/deps';
import type { LiveContainerFactory, SessionAnnouncer, SessionMessenger } from '../application/ports';
import { inviteToSession } from '../application/use-cases/invite-to-session';
import { authenticate, type AuthMode } from './auth/authenticate';
import type { ServerConfig } from './config';
import { CHECK_RESPONSES } from './http/mount';
import { errorHandler, route, sendError } from './http/respond';
import { ipRateLimit, userRateLimit } from './http/rate-limits';
import { noStore, securityHeaders } from './http/security-headers';
import { communityRoutes } from './routes/communities';
import { contextRoutes } from './routes/contexts';
import { devRoutes } from './routes/dev';
import { liveRoutes } from './routes/live';
import { healthRoutes, meRoutes } from './routes/platform';
import { thirtyFiveBodyParser, thirtyFiveRoutes } from './routes/thirty-five';
import { topicRoutes } from './routes/topics';
import { backlogRoutes } from './routes/backlog';
import { sessionRoutes } from './routes/sessions';
import { publishRoutes } from './routes/publish';
import { outcomeRoutes } from './routes/outcomes';
import { attendanceRoutes, calendarRoutes } from './routes/attendance';
import { changeRoutes } from './routes/changes';

export interface BotEndpoint {
  handle(req: Request, res: Response): Promise<void>;
}

export interface AppParts {
  readonly config: ServerConfig;
  readonly deps: AppDeps;
  readonly auth: AuthMode;
  readonly liveFactory: LiveContainerFactory;
  readonly mintToken: (input: { documentId: string; user: { id: string; name: string } }) => string;
  readonly bot?: BotEndpoint;
  /** Posts a published session's card into the community's channel (the bot). */
  readonly announcer?: SessionAnnouncer;
  /** Invitations when a session is scheduled (the bot's messenger), claimed as this server instance. */
  readonly invitations?: { readonly messenger: SessionMessenger; readonly instanceId: string };
  readonly log?: (msg: string, err?: unknown) => void;
}

/** The API's usual body limit; the Thirty Five routes allow more (GAME_BODY_LIMIT). */
const API_BODY_LIMIT = '64kb';

export function createApp(parts: AppParts): express.Express {
  const log = parts.log ?? ((msg: string, err?: unknown) => console.error(`[server] ${msg}`, err ?? ''));
  const app = express();
  app.disable('x-powered-by');
  // Every JSON answer is checked against its route's response schema, except in production (src/api/contract.ts).
  app.locals[CHECK_RESPONSES] = parts.config.env !== 'production';
  app.use(securityHeaders({ production: parts.config.env === 'production', fluid: parts.config.fluid }));
  if (parts.config.trustProxy > 0) app.set('trust proxy', parts.config.trustProxy);
  app.use('/api', noStore);
  app.use('/api', ipRateLimit(parts.config.rateLimit));
  // Game routes carry whole decks (a deal of 200 cards); everything else stays small.
  app.use('/api', thirtyFiveBodyParser());
  app.use('/api', express.json({ limit: API_BODY_LIMIT }));

  app.use('/api', healthRoutes(parts.deps, parts.config));

  if (parts.bot) {
    const bot = parts.bot;
    app.post(
      '/api/messages',
      route((req, res) => bot.handle(req, res)),
    );
  }

  if (parts.config.authMode === 'dev') app.use('/api', devRoutes(parts.deps));
  // Before the token check: the calendar link's signature is its permission (ADR 0014).
  app.use('/api', calendarRoutes(parts.deps, parts.config.icsLinkSecret));

  const api = express.Router();
  api.use(authenticate(parts.auth));
  api.use(userRateLimit(parts.config.rateLimit));
  api.use(meRoutes());
  api.use(communityRoutes(parts.deps));
  api.use(contextRoutes(parts.deps));
  api.use(topicRoutes(parts.deps));
  api.use(thirtyFiveRoutes(parts.deps));
  api.use(backlogRoutes(parts.deps));
  const invitations = parts.invitations;
  api.use(
    sessionRoutes(
      parts.deps,
      invitations &&
        (async (who, session) => {
          const sent = await inviteToSession(parts.deps, invitations.messenger, who, {
            communityId: session.communityId,
            sessionId: session.id,
            claimedBy: invitations.instanceId,
          });
          if (!sent.ok) log(`invitations for session ${session.id} failed: ${sent.error.message}`);
          return { invitations: sent.ok ? sent.value : { sent: false, error: sent.error } };
        }),
    ),
  );
  api.use(attendanceRoutes(parts.deps));
  api.use(changeRoutes(parts.deps));
  api.use(outcomeRoutes(parts.deps));
  api.use(publishRoutes(parts.deps, { announcer: parts.announcer, publicUrl: parts.config.publicUrl }));
  api.use(
    liveRoutes(parts.deps, { fluid: parts.config.fluid, factory: parts.liveFactory, mintToken: parts.mintToken }),
  );
  app.use('/api', api);
  app.use('/api', (req, res) =>
    sendError(res, { code: 'NOT_FOUND', message: `No API route ${req.method} ${req.originalUrl}.` }),
  );

  mountTab(app, parts.config);
  app.use(errorHandler(log));
  return app;
}

/** The built single-page tab under /tab, the local meeting at /dev (dev mode only). */
function mountTab(app: express.Express, config: ServerConfig): void {
  const dist = path.resolve(config.tabDist);
  const index = path.join(dist, 'index.html');
  const sendIndex = (_req: Request, res: Response) => {
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text')
        .send('The tab is not built yet. Run `npm run build:tab` (npm start does this for you).');
      return;
    }
    res.sendFile(index);
  };
  app.use('/tab', express.static(dist, { index: false, fallthrough: true, maxAge: '1h' }));
  app.get(/^\/tab(\/.*)?$/, sendIndex);
  if (config.authMode === 'dev') {
    app.get('/dev', sendIndex);
    app.get('/', (_req, res) => res.redirect('/dev'));
  } else {
    app.get('/', (_req, res) => res.redirect('/tab/personal'));
  }
}
