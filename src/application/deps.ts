import type { Clock, IdGenerator, RecordStore } from './ports';

/** What every use case may depend on. The server (composition root) builds one. */
export interface AppDeps {
  readonly store: RecordStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}
