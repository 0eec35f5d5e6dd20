// What every resolver gets besides its arguments: who is calling (from the bearer token).
import type { Caller } from './auth.js';

export interface Context {
  caller: Caller;
  /** Cost of each root field by response key, set by the admission plugin before execution. */
  rootCosts?: Map<string, number>;
}
