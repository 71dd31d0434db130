/**
 * Request rate limits (express-rate-limit), answered with 429, a JSON error and `Retry-After`:
 * - before authentication, per client IP: everything under /api except the bot endpoint (Bot
 *   Framework traffic, authenticated by its own tokens). Generous: a whole office behind one NAT
 *   address is one IP;
 * - after authentication, per identity (tenant + user): one person's tabs and scripts together.
 * Counters live in each server instance's memory (several instances each allow the limit).
 */
import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { principalOf } from '../auth/authenticate';

export interface RateLimitConfig {
  readonly windowMs: number;
  /** Requests per window from one IP address, before authentication. */
  readonly perIp: number;
  /** Requests per window from one identity (tenant + user), after authentication. */
  readonly perUser: number;
}

const tooMany =
  (who: string) =>
  (_req: Request, res: Response): void => {
    const retry = res.getHeader('Retry-After');
    res.status(429).json({
      error: {
        code: 'RATE_LIMITED',
        message: `Too many requests from ${who}; try again in ${retry ?? 'a few'} seconds.`,
      },
    });
  };

/** Per client IP; mount before authentication. */
export function ipRateLimit(config: RateLimitConfig): RequestHandler {
  return rateLimit({
    windowMs: config.windowMs,
    limit: config.perIp,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (req) => `ip:${ipKeyGenerator(req.ip ?? 'unknown')}`,
    skip: (req) => req.path === '/messages',
    handler: tooMany('this address'),
  });
}

/** Per authenticated identity; mount after authentication. */
export function userRateLimit(config: RateLimitConfig): RequestHandler {
  return rateLimit({
    windowMs: config.windowMs,
    limit: config.perUser,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (_req, res) => {
      const p = principalOf(res);
      return `user:${p.tenantId}:${p.userId}`;
    },
    handler: tooMany('you'),
  });
}
