import assert from 'node:assert/strict';
import { policy, run, seed, SEEDS } from './helpers.js';

const RULE = 'duplicate-section';

describe('rule duplicate-section', () => {
  for (const name of SEEDS) {
    it(`${name}: raises nothing (attendicon's two "General" lead-ins have different parents)`, () => {
      assert.deepEqual(run(RULE, seed(name)).quoted, []);
    });
  }

  it('reports the second of two same-titled siblings, related to the first', () => {
    const text = policy('## Cookies\n\nA.\n\n## Sharing\n\nB.\n\n## Cookies\n\nC.');
    const { messages, quoted } = run(RULE, text);
    assert.deepEqual(quoted, ['## Cookies']);
    const [m] = messages;
    assert.equal(m.range.start.line, 11);
    assert.match(m.message, /repeats “Cookies” \(line 3\)/);
    assert.equal(m.related?.length, 1);
    assert.equal(m.related![0].range.start.line, 3);
    assert.match(m.related![0].message, /first titled here/);
    assert.equal(m.fix, undefined);
  });

  it('compares titles as a reader does: case, hyphens, numbering', () => {
    const text = policy('## 3. Third-Party Cookies\n\nA.\n\n## 4. third party cookies\n\nB.');
    assert.deepEqual(run(RULE, text).quoted, ['## 4. third party cookies']);
  });

  it('pseudo-headings count too', () => {
    const text = policy('## Use\n\n**Email.** We send receipts.\n\n**Email.** We send newsletters.');
    assert.deepEqual(run(RULE, text).quoted, ['**Email.**']);
  });

  it('the same title under different parents is fine', () => {
    const text = policy('## Use\n\n### General\n\nA.\n\n## Contact\n\n### General\n\nB.');
    assert.deepEqual(run(RULE, text).quoted, []);
  });

  it('three copies: two reports, both related to the first', () => {
    const text = policy('## FAQ\n\nA.\n\n## FAQ\n\nB.\n\n## FAQ\n\nC.');
    const { messages } = run(RULE, text);
    assert.equal(messages.length, 2);
    for (const m of messages) assert.equal(m.related![0].range.start.line, 3);
  });
});
