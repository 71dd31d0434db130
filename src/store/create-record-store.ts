/**
 * Builds the record store the configuration asks for. Repositories are the same for every driver.
 */
import type { RecordStore } from '../application/ports';
import { CosmosDocumentDriver } from './cosmos/cosmos-document-driver';
import type { DocumentDriver } from './document-driver';
import { SqliteDocumentDriver } from './embedded/sqlite-document-driver';
import { DocumentActivityClaimRepository } from './repositories/document-activity-claim-repository';
import { DocumentBindingRepository } from './repositories/document-binding-repository';
import { DocumentCommunityRepository } from './repositories/document-community-repository';
import { DocumentConversationRefRepository } from './repositories/document-conversation-ref-repository';
import { DocumentLiveContainerRepository } from './repositories/document-live-container-repository';
import { DocumentMembershipRepository } from './repositories/document-membership-repository';
import {
  DocumentThirtyFiveChoiceRepository,
  DocumentThirtyFiveGameRepository,
} from './repositories/document-thirty-five-game-repository';
import { DocumentTopicRepository } from './repositories/document-topic-repository';
import { DocumentSessionRepository } from './repositories/document-session-repository';
import { DocumentSessionRunRepository } from './repositories/document-session-run-repository';
import {
  DocumentNotificationClaimRepository,
  DocumentRsvpRepository,
} from './repositories/document-attendance-repositories';
import {
  DocumentActionRepository,
  DocumentAnnotationRepository,
  DocumentFeedbackRepository,
  DocumentRotationRepository,
  DocumentSessionNotesRepository,
  DocumentTakeawayRepository,
} from './repositories/document-outcome-repositories';

export type RecordStoreConfig =
  | { readonly kind: 'embedded'; readonly path: string }
  | {
      readonly kind: 'cosmos';
      readonly endpoint: string;
      readonly key?: string;
      readonly database: string;
      readonly container?: string;
    };

export function createStoreFromDriver(driver: DocumentDriver): RecordStore {
  return {
    communities: new DocumentCommunityRepository(driver),
    memberships: new DocumentMembershipRepository(driver),
    bindings: new DocumentBindingRepository(driver),
    liveContainers: new DocumentLiveContainerRepository(driver),
    topics: new DocumentTopicRepository(driver),
    thirtyFiveGames: new DocumentThirtyFiveGameRepository(driver),
    thirtyFiveChoices: new DocumentThirtyFiveChoiceRepository(driver),
    conversationRefs: new DocumentConversationRefRepository(driver),
    activityClaims: new DocumentActivityClaimRepository(driver),
    sessions: new DocumentSessionRepository(driver),
    sessionRuns: new DocumentSessionRunRepository(driver),
    notes: new DocumentSessionNotesRepository(driver),
    annotations: new DocumentAnnotationRepository(driver),
    takeaways: new DocumentTakeawayRepository(driver),
    actions: new DocumentActionRepository(driver),
    feedback: new DocumentFeedbackRepository(driver),
    rotations: new DocumentRotationRepository(driver),
    rsvps: new DocumentRsvpRepository(driver),
    notificationClaims: new DocumentNotificationClaimRepository(driver),
    ping: () => driver.ping(),
    close: () => driver.close(),
  };
}

export async function createRecordStore(config: RecordStoreConfig): Promise<RecordStore> {
  const driver: DocumentDriver =
    config.kind === 'embedded'
      ? new SqliteDocumentDriver(config.path)
      : await CosmosDocumentDriver.connect({
          endpoint: config.endpoint,
          database: config.database,
          ...(config.key ? { key: config.key } : {}),
          ...(config.container ? { container: config.container } : {}),
        });
  return createStoreFromDriver(driver);
}
