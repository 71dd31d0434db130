/**
 * Security headers for every answer (helmet): a Content-Security-Policy that lets the tab run and
 * nothing else, HSTS in production, and `Cache-Control: no-store` on API answers.
 *
 * What the tab needs (checked in headless Chromium by tests/e2e/content-security-policy.test.ts):
 * - scripts: only its own bundle under /tab/assets (`script-src 'self'`, no inline script, no eval);
 * - styles: Fluent UI v9 (griffel) inserts <style> elements at run time and index.html has one
 *   inline <style>, so `style-src 'self' 'unsafe-inline'`; inline style *attributes* too;
 * - connections: our API, and the Fluid service (the local service on its own port in dev over
 *   http/ws; Azure Fluid Relay over https/wss on *.fluidrelay.azure.com, whose storage and ordering
 *   hosts differ from the endpoint);
 * - frames: Teams (and our own /dev page) may frame the tab; /dev frames /tab pages of its own origin.
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** Teams (and our own /dev page) may frame the tab; nobody else. */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://*.office.com',
  'https://*.cloud.microsoft',
  'https://outlook.office.com',
];

/** The origins the browser's Fluid client talks to, for `connect-src`. */
export function fluidConnectSources(fluid: { readonly mode: 'local' | 'azure'; readonly endpoint: string }): string[] {
  const url = new URL(fluid.endpoint);
  const socket = `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`;
  const own = [url.origin, socket];
  return fluid.mode === 'azure' ? [...own, 'https://*.fluidrelay.azure.com', 'wss://*.fluidrelay.azure.com'] : own;
}

export interface SecurityHeaderOptions {
  readonly production: boolean;
  readonly fluid: { readonly mode: 'local' | 'azure'; readonly endpoint: string };
}

export function securityHeaders(options: SecurityHeaderOptions): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...fluidConnectSources(options.fluid)],
        frameSrc: ["'self'"],
        frameAncestors: FRAME_ANCESTORS,
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // Only where the server is reached over https (a local http Fluid service must stay http).
        ...(options.production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // Framing is governed by CSP frame-ancestors: X-Frame-Options cannot allow Teams' origins.
    xFrameOptions: false,
    // The tab runs inside Teams' frames and its auth windows: opener isolation would cut them off.
    crossOriginOpenerPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: options.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}

/** API answers are per person and change all the time: no cache (browser, proxy or Teams) keeps them. */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};
