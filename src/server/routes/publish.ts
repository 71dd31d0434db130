import { Router } from 'express';
import { contract } from '../../api/contract';
import type { AppDeps } from '../../application/deps';
import type { SessionAnnouncer } from '../../application/ports';
import { publishSession } from '../../application/use-cases/publish-session';
import { mount } from '../http/mount';
import { sessionPageUrl } from '../tab-links';
import { sessionOf } from './sessions';

/** Publishing a held session's notes; the card links to the channel tab's page of the session. */
export function publishRoutes(
  deps: AppDeps,
  opts: { announcer?: SessionAnnouncer | undefined; publicUrl: string },
): Router {
  const r = Router();
  mount(r, contract.publishSession, async ({ principal, params }) => {
    const at = sessionOf(params);
    const notesUrl = sessionPageUrl(opts.publicUrl, at.sessionId);
    return publishSession({ ...deps, announcer: opts.announcer }, principal, { ...at, notesUrl });
  });
  return r;
}
