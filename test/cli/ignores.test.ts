// What the command line leaves out (issue 15): node_modules and .git, what .gitignore and
// .policylintignore ignore, and a config's `ignores`; silently inside a folder or a pattern's
// matches, with a warning for a file named on the command line; --no-ignore lints it all.
// An ignore file that cannot be read is an error line naming it, never a hang.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixture, run, runJson, tempDir } from './helpers.js';

const POLICY = fixture('missing-sections.md');

/** Writes files (path → text) under `dir`. */
function write(dir: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** A small repository: every kind of ignore, and an override for legal/. */
function tree(): string {
  return write(tempDir(), {
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.git/privacy.md': POLICY,
    'node_modules/pkg/privacy.md': POLICY,
    '.gitignore': '# build output\nbuild/\n*.tmp.md\n',
    'sub/.gitignore': 'local-privacy.md\n',
    '.policylintignore': 'drafts/\n!keep.tmp.md\n',
    '.policylintrc.json': JSON.stringify({
      ignores: ['archive'],
      overrides: [{ files: ['legal/**'], rules: { children: 'off' } }],
    }),
    'privacy.md': POLICY,
    'legal/privacy.md': POLICY,
    'build/privacy.md': POLICY,
    'drafts/privacy.md': POLICY,
    'archive/old-privacy.md': POLICY,
    'notes.tmp.md': POLICY,
    'keep.tmp.md': POLICY,
    'sub/local-privacy.md': POLICY,
    'sub/privacy.md': POLICY,
  });
}

const files = (json: { results: { file: string }[] }) => json.results.map((r) => r.file).sort();
const stderrLines = (stderr: string) => stderr.split('\n').filter(Boolean);

describe('cli: ignores (issue 15)', () => {
  it("a folder walk skips node_modules, .git, .gitignore, .policylintignore and the config's ignores, without a word", async () => {
    const dir = tree();
    const r = await runJson(['.'], { cwd: dir });
    assert.deepEqual(files(r.json), ['keep.tmp.md', 'legal/privacy.md', 'privacy.md', 'sub/privacy.md']);
    assert.equal(r.stderr, '');
    assert.deepEqual(r.json.skipped, []);
    // The override still applies to what is linted.
    const rules = (file: string) => r.json.results.find((x) => x.file === file)!.diagnostics.map((d) => d.ruleId);
    assert.ok(rules('privacy.md').includes('children'));
    assert.ok(!rules('legal/privacy.md').includes('children'));
  });

  it("a pattern's matches are filtered the same way", async () => {
    const dir = tree();
    const r = await runJson(['**/*.md'], { cwd: dir });
    assert.deepEqual(files(r.json), ['keep.tmp.md', 'legal/privacy.md', 'privacy.md', 'sub/privacy.md']);
    assert.equal(r.stderr, '');
  });

  it('a file or folder named on the command line that is ignored: a warning naming the pattern and its file, the exit code unchanged', async () => {
    const dir = tree();
    const alone = await runJson(['privacy.md'], { cwd: dir });
    const r = await runJson(
      [
        'build/privacy.md',
        'archive/old-privacy.md',
        'node_modules/pkg/privacy.md',
        'sub/local-privacy.md',
        'drafts',
        'privacy.md',
      ],
      { cwd: dir },
    );
    assert.deepEqual(files(r.json), ['privacy.md']);
    assert.equal(r.code, alone.code);
    assert.deepEqual(stderrLines(r.stderr), [
      'build/privacy.md: warning: ignored by the pattern "build/" at .gitignore:2 (--no-ignore lints it)',
      'archive/old-privacy.md: warning: ignored by the pattern "archive" in "ignores" of .policylintrc.json (--no-ignore lints it)',
      'node_modules/pkg/privacy.md: warning: ignored by the default ignores (files inside node_modules are never linted) (--no-ignore lints it)',
      `sub/local-privacy.md: warning: ignored by the pattern "local-privacy.md" at ${path.join('sub', '.gitignore')}:1 (--no-ignore lints it)`,
      'drafts: warning: ignored by the pattern "drafts/" at .policylintignore:1 (--no-ignore lints it)',
    ]);
    assert.deepEqual(
      r.json.skipped.map((s) => s.file),
      ['build/privacy.md', 'archive/old-privacy.md', 'node_modules/pkg/privacy.md', 'sub/local-privacy.md', 'drafts'],
    );
    assert.deepEqual(r.json.errors, []);
  });

  it('a folder whose every Markdown file is ignored: one warning, not "no Markdown files"', async () => {
    const dir = write(tempDir(), { '.policylintignore': '*.md\n', 'privacy.md': POLICY });
    const r = await runJson(['.'], { cwd: dir });
    assert.deepEqual(stderrLines(r.stderr), [
      '.: warning: every Markdown file in this directory is ignored (--no-ignore lints them)',
    ]);
    assert.equal(r.code, 0);
  });

  it('--no-ignore lints what the ignores leave out (a folder walk still skips node_modules and dot-folders)', async () => {
    const dir = tree();
    const r = await runJson(['.', '--no-ignore'], { cwd: dir });
    assert.deepEqual(files(r.json), [
      'archive/old-privacy.md',
      'build/privacy.md',
      'drafts/privacy.md',
      'keep.tmp.md',
      'legal/privacy.md',
      'notes.tmp.md',
      'privacy.md',
      'sub/local-privacy.md',
      'sub/privacy.md',
    ]);
    const named = await runJson(['node_modules/pkg/privacy.md', '--no-ignore'], { cwd: dir });
    assert.deepEqual(files(named.json), ['node_modules/pkg/privacy.md']);
    assert.equal(named.stderr, '');
  });

  it('outside a git repository .gitignore does not count; .policylintignore does', async () => {
    const dir = write(tempDir(), {
      '.gitignore': 'privacy.md\n',
      '.policylintignore': 'drafts/\n',
      'privacy.md': POLICY,
      'drafts/privacy.md': POLICY,
    });
    const r = await runJson(['.'], { cwd: dir });
    assert.deepEqual(files(r.json), ['privacy.md']);
  });

  it('a FIFO for .policylintignore: an error line naming it, exit 2, no hang, the files still linted', async function () {
    if (process.platform === 'win32') this.skip();
    const dir = write(tempDir(), { 'privacy.md': POLICY });
    execFileSync('mkfifo', [path.join(dir, '.policylintignore')]);
    const r = await runJson(['.'], { cwd: dir });
    assert.deepEqual(files(r.json), ['privacy.md']);
    assert.deepEqual(stderrLines(r.stderr), [
      '.policylintignore: error: cannot read ignore file: is a named pipe (FIFO), not a regular file; its patterns are not used',
    ]);
    assert.equal(r.code, 2);
  });

  it('an oversized .policylintignore: an error line naming it and the limit', async () => {
    const dir = write(tempDir(), { 'privacy.md': POLICY, '.policylintignore': '#'.repeat(1_048_577) });
    const r = await runJson(['privacy.md'], { cwd: dir });
    assert.deepEqual(stderrLines(r.stderr), [
      '.policylintignore: error: cannot read ignore file: too large (over 1048576 bytes); its patterns are not used',
    ]);
    assert.deepEqual(r.json.errors, [
      {
        file: '.policylintignore',
        error: 'cannot read ignore file: too large (over 1048576 bytes); its patterns are not used',
      },
    ]);
    assert.equal(r.code, 2);
  });

  it('policylint report and policylint derive find their files the same way', async () => {
    const dir = tree();
    const out = path.join(dir, 'review.md');
    const report = await run(['report', '.', '--format', 'markdown', '-o', out, 'build/privacy.md'], { cwd: dir });
    assert.equal(report.code, 0, report.stderr);
    assert.deepEqual(stderrLines(report.stderr), [
      'build/privacy.md: warning: ignored by the pattern "build/" at .gitignore:2 (--no-ignore lints it)',
      `wrote ${out} (4 documents)`,
    ]);
    const reviewed = fs.readFileSync(out, 'utf8');
    for (const f of ['keep.tmp.md', 'legal/privacy.md', 'sub/privacy.md'])
      assert.ok(reviewed.includes(f), `the report covers ${f}`);
    for (const f of ['drafts/privacy.md', 'archive/old-privacy.md', 'notes.tmp.md', 'node_modules'])
      assert.ok(!reviewed.includes(f), `the report leaves out ${f}`);
    const derive = await run(['derive', '.'], { cwd: dir });
    assert.equal(derive.code, 0, derive.stderr);
    const all = await run(['derive', '.', '--no-ignore'], { cwd: dir });
    const counted = (stdout: string) => JSON.parse(stdout) as { documents?: number; corpus?: unknown[] };
    assert.notDeepEqual(counted(derive.stdout), counted(all.stdout), '--no-ignore derives from more files');
  });
});
