// The server's lint queue: at most N lints at a time, the rest in order of arrival, and a
// lint that fails passes its slot on.
import assert from 'node:assert/strict';
import { Slots } from '../../server/src/lsp/service.js';

describe('language server: lint slots', () => {
  it('runs at most two tasks at a time, in order of arrival, and a failing task frees its slot', async () => {
    const slots = new Slots(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const gates = Array.from({ length: 5 }, () => {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      return { promise, resolve };
    });
    const runs = gates.map((gate, i) =>
      slots.run(async () => {
        started.push(i);
        running++;
        most = Math.max(most, running);
        await gate.promise;
        running--;
        if (i === 1) throw new Error('a lint that failed');
        return i;
      }),
    );
    await Promise.resolve();
    assert.deepEqual(started, [0, 1]);
    gates[1].resolve();
    await assert.rejects(runs[1], /a lint that failed/);
    assert.deepEqual(started, [0, 1, 2]);
    for (const g of gates) g.resolve();
    assert.deepEqual(await Promise.all([runs[0], runs[2], runs[3], runs[4]]), [0, 2, 3, 4]);
    assert.deepEqual(started, [0, 1, 2, 3, 4]);
    assert.equal(most, 2);
  });
});
