import type { Result } from '../../domain/result';

/** An Adaptive Card as JSON (built by the bot's pure card builders). */
export type CardJson = Readonly<Record<string, unknown>>;

/**
 * Posts into Teams without being spoken to first. Implemented in src/bot/ with the Bot Framework
 * adapter and the stored conversation references; the server wires it.
 */
export interface ProactiveNotifier {
  /**
   * Posts the card as a new message in the community's channel. NOT_FOUND when no channel of the
   * community has the app installed; NOTIFICATION_FAILED when Teams refused or did not answer.
   */
  postToCommunityChannel(
    target: { tenantId: string; communityId: string },
    card: CardJson,
  ): Promise<Result<{ conversationId: string }>>;
}
