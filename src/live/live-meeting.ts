/**
 * The contract between the live layer and its users (the tab's pages, the server, tests).
 * The implementation (SharedTree schema, AzureClient) lives beside this file.
 */
import type { LiveConnectionInfo } from '../api/schemas';

/** Returns a signed token for one Fluid document (the server's /api/fluid/token). */
export type FetchFluidToken = (documentId: string | undefined) => Promise<string>;

export interface LiveUser {
  readonly id: string;
  readonly name: string;
}

export interface CheckIn {
  readonly userId: string;
  readonly displayName: string;
  readonly text: string;
  /** ISO time of the last edit. */
  readonly at: string;
}

/** A plain, immutable snapshot of the meeting's live state, for rendering. */
export interface MeetingSnapshot {
  readonly connected: boolean;
  /** One entry per person, newest edit last. */
  readonly checkIns: readonly CheckIn[];
  /** People connected right now (Fluid audience), by name. */
  readonly present: readonly LiveUser[];
}

export interface LiveMeeting {
  readonly containerId: string;
  /** Same object until something changes (safe for React's useSyncExternalStore). */
  getSnapshot(): MeetingSnapshot;
  subscribe(onChange: () => void): () => void;
  /** Set (or replace) the caller's own one-line check-in. */
  checkIn(text: string): void;
  dispose(): void;
}

export type { LiveConnectionInfo };
