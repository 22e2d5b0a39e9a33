import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_FILES, documentSelector, readFilesSetting } from '../../client/src/selector.js';

const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../../../package.json', import.meta.url)), 'utf8'));

describe('client: which documents are policies', () => {
  it('uses the same default globs as the manifest', () => {
    assert.deepEqual([...DEFAULT_FILES], pkg.contributes.configuration.properties['policylint.files'].default);
  });

  it('selects the Privacy Policy language on every scheme and Markdown by pattern without a scheme', () => {
    const sel = documentSelector(['**/*privacy*.md', '**/*.policy.md']);
    assert.deepEqual(sel, [
      { language: 'privacy-policy' },
      { language: 'markdown', pattern: '**/*privacy*.md' },
      { language: 'markdown', pattern: '**/*.policy.md' },
    ]);
    assert.ok(
      sel.every((f) => !('scheme' in f)),
      'a scheme restriction would exclude virtual file systems',
    );
  });

  it('reads the files setting, falling back to the default with a problem to log', () => {
    assert.deepEqual(readFilesSetting(undefined), { globs: [...DEFAULT_FILES] });
    assert.deepEqual(readFilesSetting(['a/*.md', ' b.md ', 'a/*.md']), {
      globs: ['a/*.md', 'b.md'],
      problem: undefined,
    });
    const bad = readFilesSetting('**/*.md');
    assert.deepEqual(bad.globs, [...DEFAULT_FILES]);
    assert.match(bad.problem!, /must be an array of glob patterns, got "\*\*\/\*\.md"/);
    const mixed = readFilesSetting(['x.md', 3, '', null]);
    assert.deepEqual(mixed.globs, ['x.md']);
    assert.match(mixed.problem!, /ignored 3 entries/);
  });

  it('an empty list turns Markdown matching off but keeps the Privacy Policy language', () => {
    const { globs, problem } = readFilesSetting([]);
    assert.deepEqual(globs, []);
    assert.equal(problem, undefined);
    assert.deepEqual(documentSelector(globs), [{ language: 'privacy-policy' }]);
  });
});
