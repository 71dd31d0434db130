/** The live layer's server-only API: token minting (needs the tenant key) and container creation. */
export { mintFluidToken, type MintFluidTokenInput } from './fluid-token';
export { createMeetingContainerFactory, type MeetingContainerFactoryOptions } from './meeting-container-factory';
