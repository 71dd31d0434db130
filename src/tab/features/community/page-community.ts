/** How a page finds its community, as a pure decision (tested) and its error mapping. */
import type { ApiError } from '../../api-client';
import { contextOf, type HostContext } from '../../host/tab-host';

export type CommunitySource =
  | { readonly kind: 'community'; readonly communityId: string }
  | { readonly kind: 'context'; readonly contextId: string; readonly contextKind: 'meeting' | 'channel' | 'chat' }
  | { readonly kind: 'none' };

/** The `community` URL parameter wins; else the meeting, channel or chat binding. */
export function communitySourceOf(
  ctx: Pick<HostContext, 'communityId' | 'meetingId' | 'channelId' | 'chatId'>,
): CommunitySource {
  if (ctx.communityId) return { kind: 'community', communityId: ctx.communityId };
  const c = contextOf(ctx);
  return c ? { kind: 'context', contextId: c.id, contextKind: c.kind } : { kind: 'none' };
}

export type CommunityProblem =
  | { readonly kind: 'unbound'; readonly contextKind: 'meeting' | 'channel' | 'chat' }
  | { readonly kind: 'not-member'; readonly communityId: string }
  | { readonly kind: 'missing'; readonly message: string }
  | { readonly kind: 'error'; readonly error: ApiError };

/** Maps a failed lookup to what the page shows. */
export function problemOf(
  error: ApiError,
  step: 'context' | 'community',
  source: CommunitySource,
  communityId?: string,
): CommunityProblem {
  if (step === 'context' && error.code === 'NOT_FOUND' && source.kind === 'context') {
    return { kind: 'unbound', contextKind: source.contextKind };
  }
  if (error.code === 'NOT_A_MEMBER' && communityId) return { kind: 'not-member', communityId };
  if (error.code === 'COMMUNITY_NOT_FOUND') return { kind: 'missing', message: error.message };
  return { kind: 'error', error };
}

export const contextWord = (k: 'meeting' | 'channel' | 'chat'): string => (k === 'chat' ? 'chat' : k);
