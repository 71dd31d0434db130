/** A record as read from the store, with the ETag that guards the next write. */
export interface Versioned<T> {
  readonly value: T;
  readonly etag: string;
}
