// Generalisation: policies written for these tests (other structures, wordings, ages,
// obfuscated emails, non-US addresses, CRLF), each with a label in the seed schema.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { lint } from '../../server/src/engine/index.js';
import { checkAgainstLabel, type Label } from './labels.js';

const DIR = 'test/fixtures/policies';

describe('labelled fixture policies', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.md'))) {
    it(`reproduces the label of ${file}`, () => {
      const label = JSON.parse(readFileSync(`${DIR}/${file.replace(/\.md$/, '.json')}`, 'utf8')) as Label;
      const text = readFileSync(`${DIR}/${file}`, 'utf8');
      const result = lint(text, { filePath: file, now: new Date('2026-11-22') });
      checkAgainstLabel(result, label);
      if (!label.is_privacy_policy) {
        assert.deepEqual(
          result.messages.map((m) => m.ruleId),
          ['not-a-policy'],
          'a non-policy gets one informational message',
        );
      }
    });
  }
});
