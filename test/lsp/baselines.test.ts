// The server's store of committed texts: nothing read when untrusted (said once), a read
// started without waiting for it, one "changed" per new text, and a read again when due.
import { strict as assert } from 'node:assert';
import type { Baseline } from '../../server/src/engine/index.js';
import { BaselineStore } from '../../server/src/lsp/baselines.js';

const URI = 'file:///tmp/privacy.policy.md';

function store(texts: (string | undefined)[]) {
  const reads: string[] = [];
  const changed: string[] = [];
  const logs: string[] = [];
  let i = 0;
  const s = new BaselineStore(
    (uri) => changed.push(uri),
    (m) => logs.push(m),
    async (file): Promise<Baseline | undefined> => {
      reads.push(file);
      const text = texts[Math.min(i++, texts.length - 1)];
      return text === undefined ? undefined : { text, ref: 'HEAD' };
    },
  );
  return { s, reads, changed, logs };
}

describe('BaselineStore', () => {
  it('reads nothing in an untrusted workspace, and says so once', () => {
    const { s, reads, logs } = store(['x']);
    assert.deepEqual(s.get(URI), { stamp: 0 });
    s.get(URI);
    assert.deepEqual(reads, []);
    assert.equal(logs.length, 1);
    assert.match(logs[0], /trusted workspace/);
  });

  it('answers at once, reads in the background, and reports a new text once', async () => {
    const { s, reads, changed } = store(['committed', 'committed']);
    s.setTrusted(true);
    assert.equal(s.get(URI).baseline, undefined, 'nothing known yet: the lint goes on without it');
    await s.settled(URI);
    assert.equal(reads.length, 1);
    assert.deepEqual(changed, [URI]);
    const known = s.get(URI);
    assert.equal(known.baseline?.text, 'committed');
    assert.equal(known.stamp, 1);
    // Within the TTL nothing is read again; after a save it is, and the same text changes nothing.
    s.get(URI);
    assert.equal(reads.length, 1);
    s.due(URI);
    s.get(URI);
    await s.settled(URI);
    assert.equal(reads.length, 2);
    assert.deepEqual(changed, [URI]);
  });

  it('ignores non-file URIs', () => {
    const { s, reads } = store(['x']);
    s.setTrusted(true);
    s.get('untitled:Untitled-1');
    assert.deepEqual(reads, []);
  });
});
