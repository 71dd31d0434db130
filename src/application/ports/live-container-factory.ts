/**
 * The live (Fluid) service, as the server uses it: creates a fresh container for a meeting, seeded
 * from the record, and asks the service whether a registered container can still be loaded.
 * Implemented in src/live/ with the server's own Fluid client; the server wires it.
 */
export interface LiveContainerFactory {
  create(seed: { communityId: string; meetingId: string; generation: number }): Promise<string>;
  /**
   * Whether the service can still load and connect the container, asked by the server itself (a
   * client's slow connection says nothing about the container). `gone`: the service answered that it
   * cannot load it (unknown id, a document lost in a service restart, an empty document); `unknown`:
   * the service did not answer in time, so nothing may be replaced.
   */
  probe(containerId: string): Promise<LiveContainerHealth>;
}

export type LiveContainerHealth = 'alive' | 'gone' | 'unknown';
