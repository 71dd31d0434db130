/** The live layer's server-only API (Node): token minting (needs the tenant key) and container creation. */
export { mintFluidToken, FLUID_TOKEN_SCOPES, type MintFluidTokenInput } from './fluid-token';
export {
  createMeetingContainerFactory,
  DEFAULT_CREATE_TIMEOUT_MS,
  type MeetingContainerFactoryOptions,
} from './meeting-container-factory';
export { ensureNodeNavigator } from './live-client';
