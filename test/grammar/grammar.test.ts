// Runs the TextMate grammar tests (test/grammar/*.test.policy.md, *.test.md) with the
// vscode-tmgrammar-test CLI. The grammars come from the manifest (package.json
// contributes.grammars, the injection included); test/grammar/markdown.tmLanguage.json
// stands in for VS Code's Markdown grammar, which node_modules does not have.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const here = join(root, 'test', 'grammar');
const cli = join(root, 'node_modules', 'vscode-tmgrammar-test', 'dist', 'unit.js');
const standIn = join(here, 'markdown.tmLanguage.json');

const SCOPES = [
  'invalid.illegal.placeholder.privacy-policy',
  'markup.underline.link.email.privacy-policy',
  'constant.numeric.date.privacy-policy',
  'constant.numeric.age.privacy-policy',
  'string.quoted.defined-term.privacy-policy',
  'invalid.deprecated.outdated-framework.privacy-policy',
];

function runCli(files: string[]) {
  const res = spawnSync(
    process.execPath,
    [cli, '-c', '--config', join(root, 'package.json'), '-g', standIn, ...files],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return { status: res.status, out: `${res.stdout}${res.stderr}` };
}

const testFiles = readdirSync(here).filter((f) => /\.test\.(policy\.)?md$/.test(f));

describe('TextMate grammar', () => {
  it('has test files for the privacy-policy grammar and for the Markdown injection', () => {
    assert.ok(testFiles.some((f) => f.endsWith('.test.policy.md')));
    assert.ok(testFiles.some((f) => /\.test\.md$/.test(f) && !f.endsWith('.policy.md')));
  });

  it('asserts every scope positively and negatively (in a privacy policy), and positively in plain Markdown', () => {
    const policyText = testFiles
      .filter((f) => f.endsWith('.policy.md'))
      .map((f) => readFileSync(join(here, f), 'utf8'))
      .join('\n');
    const mdText = testFiles
      .filter((f) => !f.endsWith('.policy.md'))
      .map((f) => readFileSync(join(here, f), 'utf8'))
      .join('\n');
    for (const scope of SCOPES) {
      const esc = scope.replace(/\./g, '\\.');
      assert.match(
        policyText,
        new RegExp(`^<!--\\s*(?:\\^+|<~*-+)\\s+(?:[\\w.-]+\\s+)*${esc}`, 'm'),
        `no positive assertion for ${scope}`,
      );
      assert.match(
        policyText,
        new RegExp(`^<!--.*\\s-\\s(?:[\\w.-]+\\s+)*${esc}`, 'm'),
        `no negative assertion for ${scope}`,
      );
      assert.match(
        mdText,
        new RegExp(`^<!--\\s*(?:\\^+|<~*-+)\\s+(?:[\\w.-]+\\s+)*${esc}`, 'm'),
        `no injection assertion for ${scope}`,
      );
    }
  });

  it('passes every assertion in test/grammar', () => {
    const { status, out } = runCli(testFiles.map((f) => join(here, f)));
    assert.equal(status, 0, out);
    assert.doesNotMatch(out, /ERROR|failed/, out);
    for (const f of testFiles)
      assert.match(out, new RegExp(`${f.replace(/\./g, '\\.')} run successfuly`), `${f} was not run:\n${out}`);
  });

  it('fails when an assertion does not hold (so the test above can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policylint-grammar-'));
    try {
      const file = join(dir, 'wrong.test.policy.md');
      writeFileSync(
        file,
        [
          '<!-- SYNTAX TEST "text.html.markdown.privacy-policy" "a wrong assertion"',
          'See Section 13 for details.',
          '<!--        ^^ constant.numeric.age.privacy-policy',
          '',
        ].join('\n'),
      );
      const { status, out } = runCli([file]);
      assert.notEqual(status, 0, out);
      assert.match(out, /Missing required scopes: \[ constant\.numeric\.age\.privacy-policy \]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('declares the grammars in the manifest with the scope names the files carry', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const grammars: { language?: string; scopeName: string; path: string; injectTo?: string[] }[] =
      pkg.contributes.grammars;
    for (const g of grammars) {
      const raw = JSON.parse(readFileSync(join(root, g.path), 'utf8'));
      assert.equal(raw.scopeName, g.scopeName, g.path);
    }
    const main = grammars.find((g) => g.language === 'privacy-policy');
    assert.equal(main?.scopeName, 'text.html.markdown.privacy-policy');
    const injection = grammars.find((g) => g.injectTo);
    assert.deepEqual(injection?.injectTo, ['text.html.markdown']);
    const injRaw = JSON.parse(readFileSync(join(root, injection!.path), 'utf8'));
    // Never in code, comments or links; never twice in a privacy-policy document.
    for (const excluded of [
      '-comment',
      '-markup.raw',
      '-markup.fenced_code',
      '-markup.inline.raw',
      '-text.html.markdown.privacy-policy',
    ]) {
      assert.ok(injRaw.injectionSelector.split(/\s+/).includes(excluded), `injectionSelector lacks ${excluded}`);
    }
  });
});
