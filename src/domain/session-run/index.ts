/** The live run of a working session: phases, ice breakers, breakouts. Pure. */
export * from './run-of-show';
export * from './ice-breakers';
export * from './breakouts';
export * from './live-state';
export * from './saved-run';
export * from './breakout-record';
