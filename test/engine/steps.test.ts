// Cooperative steps (engine/steps.ts): long passes over a document pause after STEP_MS of
// their own work, and time the caller spends away while paused is not counted as work. The
// checklist, the facts and the assembly of a long document pause inside (issue 18, finding 9).
import assert from 'node:assert/strict';
import { evaluateChecklistSteps } from '../../server/src/engine/checklist.js';
import { extractFactsSteps } from '../../server/src/engine/facts.js';
import { drain, parseSteps } from '../../server/src/engine/model.js';
import { mapSteps, STEP_MS } from '../../server/src/engine/steps.js';

/** Runs `fn` with performance.now() moving `tick` fake ms per read. */
function withFakeClock<T>(tick: number, fn: (away: (ms: number) => void) => T): T {
  const realNow = performance.now;
  let t = 0;
  performance.now = () => (t += tick);
  try {
    return fn((ms) => {
      t += ms;
    });
  } finally {
    performance.now = realNow;
  }
}

/** How many times a generator paused, with `awayMs` fake ms spent away at each pause. */
function pauses<T>(steps: Generator<void, T>, away: (ms: number) => void, awayMs = 0): { count: number; value: T } {
  let count = 0;
  let r = steps.next();
  for (; !r.done; r = steps.next()) {
    count++;
    away(awayMs);
  }
  return { count, value: r.value };
}

const LONG = [
  '# Privacy Policy',
  '',
  ...Array.from(
    { length: 300 },
    (_, i) => `## ${i + 1}. Records of kind ${i}\n\nWe keep records of kind ${i} for a year.\n`,
  ),
].join('\n');

describe('cooperative steps', () => {
  it('mapSteps pauses once its own work passes STEP_MS, and returns every result in order', () => {
    const items = Array.from({ length: 40 }, (_, i) => i);
    // Each item costs one clock read of 1 fake ms, plus the pacer's own reads.
    const r = withFakeClock(1, (away) =>
      pauses(
        mapSteps(items, (i) => i * 2),
        away,
      ),
    );
    assert.deepEqual(
      r.value,
      items.map((i) => i * 2),
    );
    assert.ok(
      r.count > 0 && r.count < items.length,
      `${r.count} pauses for ${items.length} items of ~1 ms (STEP_MS ${STEP_MS})`,
    );
  });

  it('time spent away during a pause is not work: the same pauses whether the caller is away 0 ms or 10 s', () => {
    const items = Array.from({ length: 40 }, (_, i) => i);
    const alone = withFakeClock(1, (away) =>
      pauses(
        mapSteps(items, (i) => i),
        away,
        0,
      ),
    ).count;
    const busy = withFakeClock(1, (away) =>
      pauses(
        mapSteps(items, (i) => i),
        away,
        10_000,
      ),
    ).count;
    assert.equal(busy, alone);
  });

  it('the checklist and the facts of a long document pause between items and between kinds of fact', () => {
    const doc = drain(parseSteps(LONG, {}));
    // A slow clock: every read is 5 fake ms, so two items are already past STEP_MS.
    const checklist = withFakeClock(5, (away) => pauses(evaluateChecklistSteps(doc), away));
    assert.ok(checklist.count >= 4, `checklist paused ${checklist.count} times`);
    assert.equal(checklist.value.length, 16);
    const facts = withFakeClock(5, (away) => pauses(extractFactsSteps(doc), away));
    assert.ok(facts.count >= 3, `facts paused ${facts.count} times`);
  });

  it('the parse of a long document pauses after the parse too (assembly, facts) and builds the same document', () => {
    const withPauses = withFakeClock(5, (away) => pauses(parseSteps(LONG, { whole: false }), away));
    const stepped = drain(parseSteps(LONG, {}));
    assert.ok(withPauses.count > 3, `paused ${withPauses.count} times`);
    assert.equal(withPauses.value.sentences.length, stepped.sentences.length, 'the same document, paused or not');
    assert.equal(withPauses.value.sections.length, stepped.sections.length);
  });
});
