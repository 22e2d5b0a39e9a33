// Cooperative steps: long work is a generator that yields now and then, so that a language
// server can answer other requests (and drop a superseded version) while a long document is
// linted. `drain` runs such a generator to its end in one go, for callers that do not care.

/** Work between two yields, in milliseconds. */
export const STEP_MS = 8;

/** Runs step work to its end and returns its result. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** `fn` over each item, in order, yielding whenever STEP_MS of work has gone by since the last yield. */
export function* mapSteps<T, R>(items: readonly T[], fn: (item: T) => R): Generator<void, R[]> {
  const out: R[] = [];
  const pace = new Pacer();
  for (const item of items) {
    out.push(fn(item));
    yield* pace.step();
  }
  return out;
}

/**
 * Pauses a loop once STEP_MS of its own work has gone by: `yield* pace.step()` after each
 * piece. The time the caller spends away during a pause is not the loop's work.
 */
export class Pacer {
  #since = performance.now();

  *step(): Generator<void, void> {
    if (performance.now() - this.#since <= STEP_MS) return;
    yield;
    this.#since = performance.now();
  }
}
