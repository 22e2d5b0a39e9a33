// The language server's pure helpers: which documents are policies, settings, the
// minimal fix-all edit, the result cache.
import { strict as assert } from 'node:assert';
import { applyEdits } from '../../server/src/engine/index.js';
import { Lru } from '../../server/src/lsp/analysis.js';
import { minimalEdit } from '../../server/src/lsp/convert.js';
import { isPolicyDocument, languageFromPath } from '../../server/src/lsp/selection.js';
import { adaptiveDebounce, DEFAULT_SETTINGS, normalizeSettings } from '../../server/src/lsp/settings.js';

describe('language server helpers', () => {
  describe('isPolicyDocument', () => {
    const files = DEFAULT_SETTINGS.files;
    const cases: [string, string, boolean][] = [
      ['file:///w/docs/privacy.md', 'markdown', true],
      ['file:///w/docs/PRIVACY-POLICY.MD', 'markdown', true],
      ['file:///w/docs/Our%20Privacy%20Notice.md', 'markdown', true],
      ['file:///w/docs/terms.policy.md', 'markdown', true],
      ['file:///w/docs/README.md', 'markdown', false],
      ['file:///w/privacy/README.md', 'markdown', false],
      ['file:///w/docs/privacy.txt', 'plaintext', false],
      ['untitled:Untitled-1', 'privacy-policy', true],
      ['untitled:Untitled-2', 'markdown', false],
      ['vscode-vfs://github/org/repo/privacy.md', 'markdown', true],
      ['file:///w/docs/anything.md', 'privacy-policy', true],
    ];
    for (const [uri, language, expected] of cases) {
      it(`${language} ${uri} → ${expected}`, () => assert.equal(isPolicyDocument(uri, language, files), expected));
    }
    it('follows the files setting', () => {
      assert.equal(isPolicyDocument('file:///w/policy/notice.md', 'markdown', ['**/policy/*.md']), true);
      assert.equal(isPolicyDocument('file:///w/docs/privacy.md', 'markdown', []), false);
    });
    it('guesses the language of a closed file from its name', () => {
      assert.equal(languageFromPath('file:///w/a.policy.md'), 'privacy-policy');
      assert.equal(languageFromPath('file:///w/privacy.md'), 'markdown');
    });
  });

  describe('normalizeSettings', () => {
    it('fills in defaults', () => {
      assert.deepEqual(normalizeSettings(undefined), { ...DEFAULT_SETTINGS, files: [...DEFAULT_SETTINGS.files] });
      assert.deepEqual(normalizeSettings(null), normalizeSettings({}));
    });
    it('keeps valid values and drops malformed ones', () => {
      const s = normalizeSettings({
        enable: false,
        files: ['*.md'],
        run: 'onSave',
        debounceMs: 50,
        profile: 'all',
        docsUrl: 'https://example.test/{rule}',
      });
      assert.deepEqual(s, {
        enable: false,
        files: ['*.md'],
        run: 'onSave',
        debounceMs: 50,
        profile: 'all',
        docsUrl: 'https://example.test/{rule}',
      });
      assert.equal(normalizeSettings({ enable: 'no', docsUrl: 'not a url' }).enable, true);
      assert.equal(normalizeSettings({ docsUrl: 'not a url' }).docsUrl, '');
      const bad = normalizeSettings({ files: 'x', run: 'sometimes', debounceMs: -5, profile: '' });
      assert.deepEqual(bad.files, DEFAULT_SETTINGS.files);
      assert.equal(bad.run, 'onType');
      assert.equal(bad.debounceMs, 0);
      assert.equal(bad.profile, 'recommended');
      assert.equal(normalizeSettings({ debounceMs: Number.NaN }).debounceMs, 200);
    });
  });

  describe('adaptiveDebounce', () => {
    it('is the setting after a quick lint, the last lint’s own work after a slow one, at most 2 s', () => {
      assert.equal(adaptiveDebounce(0, 13), 0);
      assert.equal(adaptiveDebounce(200, 250), 200);
      assert.equal(adaptiveDebounce(0, 600.4), 600);
      assert.equal(adaptiveDebounce(1000, 600), 1000, 'never shorter than the setting');
      assert.equal(adaptiveDebounce(0, 9000), 2000);
    });
  });

  describe('minimalEdit', () => {
    const check = (a: string, b: string) => {
      const e = minimalEdit(a, b);
      if (a === b) return assert.equal(e, undefined);
      assert.ok(e);
      assert.equal(applyEdits(a, [e]), b);
      return e;
    };
    it('keeps the common prefix and suffix', () => {
      assert.deepEqual(check('abcXdef', 'abcYYdef'), { start: 3, end: 4, text: 'YY' });
      assert.deepEqual(check('abc', 'abc\nnew\n'), { start: 3, end: 3, text: '\nnew\n' });
      check('same', 'same');
      check('', 'x');
      check('aaa', 'aa');
    });
    it('never splits a CRLF or a surrogate pair', () => {
      const e = check('line\r\nend', 'line\r\r\nend')!;
      assert.notEqual(e.start, 5);
      assert.notEqual(e.end, 5);
      const s = check('a😀b', 'a😃b')!;
      assert.equal(s.start, 1);
      assert.equal(s.end, 3);
    });
  });

  describe('Lru', () => {
    it('evicts the least recently used entry', () => {
      const lru = new Lru<string, number>(2);
      lru.set('a', 1);
      lru.set('b', 2);
      lru.get('a');
      lru.set('c', 3);
      assert.deepEqual(lru.keys().sort(), ['a', 'c']);
      assert.equal(lru.get('b'), undefined);
    });
  });
});
