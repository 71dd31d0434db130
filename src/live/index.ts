/** The live layer's browser-safe API. Server-only parts (token minting, container creation) are in ./server. */
export type { CheckIn, FetchFluidToken, LiveMeeting, LiveUser, MeetingSnapshot, LiveConnectionInfo } from './live-meeting';
export { createLiveClient, openLiveMeeting, ensureNodeNavigator, LiveUnavailableError, SERVER_USER } from './live-client';
export { checkCheckInText, MAX_CHECK_IN_LENGTH } from './meeting-schema';
