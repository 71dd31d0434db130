/**
 * The live layer's browser-safe API (the tab loads it on demand). Server-only parts (token minting
 * with the tenant key, container creation) are in ./server, so the key-signing code never reaches
 * the browser bundle. The test-only InsecureTokenProvider is not used anywhere in src.
 */
export type {
  CheckIn,
  FetchFluidToken,
  GameCheckpoint,
  LiveConnectionInfo,
  LiveMeeting,
  LiveSessionRun,
  LiveThirtyFive,
  LiveUser,
  MeetingSnapshot,
} from './live-meeting';
export {
  createLiveClient,
  openLiveMeeting,
  tryOpenLiveMeeting,
  ensureNodeNavigator,
  LiveUnavailableError,
  LiveVersionMismatchError,
  LIVE_CONTAINER_UNAVAILABLE,
  LIVE_VERSION_MISMATCH,
  DEFAULT_CONNECT_TIMEOUT_MS,
  type OpenLiveMeetingOptions,
} from './live-client';
export { checkCheckInText, MAX_CHECK_IN_LENGTH, SERVER_USER } from './snapshot';
export {
  clientFail,
  clientOk,
  isRefusal,
  type ClientError,
  type ClientErrorCode,
  type ClientResult,
} from './client-result';
