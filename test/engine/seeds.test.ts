// The hand labels of the five seed policies are the expected results: the engine must
// reproduce every one of them (children's ages, notification methods, contact channels,
// effective date, every topic's presence, outdated frameworks, placeholders).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { lint } from '../../server/src/engine/index.js';
import { checkAgainstLabel, type Label } from './labels.js';

const LABEL_DIR = 'test/fixtures/labels';
const labels = readdirSync(LABEL_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`${LABEL_DIR}/${f}`, 'utf8')) as Label);

describe('seed labels', () => {
  for (const label of labels) {
    const file = `corpus/${label.domain.split(' ')[0]}.md`;
    describe(file, () => {
      const text = readFileSync(file, 'utf8');
      const result = lint(text, { filePath: file, now: new Date('2026-11-22') });

      it('reproduces every checklist label', () => checkAgainstLabel(result, label));

      it('reports exactly the labelled outdated frameworks', () => {
        const found = new Set(
          result.messages
            .filter((m) => m.ruleId === 'outdated-framework')
            .map((m) => {
              const quoted = text.slice(m.range.start.offset, m.range.end.offset).toLowerCase();
              return /harbou?r/.test(quoted)
                ? 'safe-harbor'
                : /shield/.test(quoted)
                  ? 'privacy-shield'
                  : /ssl|secure socket/.test(quoted)
                    ? 'ssl'
                    : /truste/.test(quoted)
                      ? 'truste'
                      : quoted;
            })
            .filter((k) => k !== 'truste'),
        );
        assert.deepEqual([...found].sort(), [...label.items['outdated-frameworks']].sort());
      });

      it('reports exactly the labelled placeholders', () => {
        const found = result.messages
          .filter((m) => m.ruleId === 'no-placeholders')
          .map((m) => text.slice(m.range.start.offset, m.range.end.offset));
        assert.deepEqual(found, label.items.placeholders);
      });
    });
  }
});
