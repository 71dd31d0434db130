/**
 * Creates a fresh live (Fluid) container for a meeting, seeded from the record.
 * Implemented in src/live/ with the Fluid client; the server wires it.
 */
export interface LiveContainerFactory {
  create(seed: { communityId: string; meetingId: string; generation: number }): Promise<string>;
}
