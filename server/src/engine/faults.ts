// Fault injection for the tests of the front ends: makes a rule throw, as a rule with a bug
// would, to show that the failure becomes one message and nothing else breaks. It is not
// part of the engine's API: index.ts does not export it and `LintOptions` does not name it.
// The faults ride on the options under a symbol key that only code importing this module
// can write.
import type { LintOptions } from './types.js';

export interface Faults {
  /** The id of the rule to make throw. */
  throwInRule?: string;
}

const FAULTS = Symbol('policylint.faults');

type WithFaults = LintOptions & { [FAULTS]?: Faults };

/** The options with `faults` attached (the options themselves when there are none). */
export function withFaults<T extends LintOptions>(options: T, faults: Faults | undefined): T {
  return faults ? { ...options, [FAULTS]: faults } : options;
}

/** The faults attached to the options, if any. */
export function faultsOf(options: LintOptions): Faults {
  return (options as WithFaults)[FAULTS] ?? {};
}
