/**
 * Signed calendar links (docs/adr/0014-signed-calendar-links.md). An .ics link opened from a Teams
 * card carries no token, so the link itself is the permission: an HMAC-SHA256 over the community id,
 * the session id and an expiry, with a server secret (ICS_LINK_SECRET). Anyone holding the link can
 * download that one session's calendar entry until it expires; nothing else.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Session } from '../domain/session';

const DAY_S = 24 * 60 * 60;

/** Links stay valid until 30 days after the session ends (a card refresh mints a fresh one). */
export const LINK_VALID_AFTER_END_S = 30 * DAY_S;

const signature = (secret: string, communityId: string, sessionId: string, exp: number) =>
  createHmac('sha256', secret)
    .update(`guildhall-ics\u0000${communityId}\u0000${sessionId}\u0000${exp}`)
    .digest('base64url');

export function calendarPath(communityId: string, sessionId: string): string {
  return `/api/communities/${encodeURIComponent(communityId)}/sessions/${encodeURIComponent(sessionId)}/calendar.ics`;
}

/** `publicUrl` is read on each call: with PORT=0 the server knows its URL only once it listens. */
export function createCalendarLinks(publicUrl: () => string, secret: string) {
  return {
    calendarUrl(session: Pick<Session, 'communityId' | 'id' | 'startsAt' | 'durationMinutes'>): string {
      const base = publicUrl().replace(/\/+$/, '');
      const endS = Math.floor(Date.parse(session.startsAt) / 1000) + session.durationMinutes * 60;
      const exp = endS + LINK_VALID_AFTER_END_S;
      return `${base}${calendarPath(session.communityId, session.id)}?exp=${exp}&sig=${signature(secret, session.communityId, session.id, exp)}`;
    },
  };
}

/** 'ok', or why the link is refused (expired, or a signature that does not match: tampered or another secret). */
export function checkCalendarLink(
  secret: string,
  input: { communityId: string; sessionId: string; exp: unknown; sig: unknown },
  now: Date,
): 'ok' | 'expired' | 'bad-signature' {
  const exp = typeof input.exp === 'string' && /^\d{1,12}$/.test(input.exp) ? Number(input.exp) : NaN;
  if (!Number.isFinite(exp) || typeof input.sig !== 'string') return 'bad-signature';
  const expected = Buffer.from(signature(secret, input.communityId, input.sessionId, exp));
  const given = Buffer.from(input.sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad-signature';
  return exp * 1000 < now.getTime() ? 'expired' : 'ok';
}
