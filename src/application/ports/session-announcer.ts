import type { Result } from '../../domain/result';

/**
 * Tells a community's channel that a session's notes are published (implemented in src/bot/ with a
 * card and the stored conversation references; the server wires it). NOT_FOUND when the app is in
 * no channel of the community.
 */
export interface SessionAnnouncer {
  announcePublished(
    target: { tenantId: string; communityId: string },
    session: { title: string; communityName: string; notesUrl: string },
  ): Promise<Result<{ conversationId: string }>>;
}
