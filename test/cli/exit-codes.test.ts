import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_MAX_FILE_SIZE } from '../../server/src/engine/config.js';
import { RULES } from '../../server/src/engine/index.js';
import { copyFixtures, fixture, REPO_ROOT, run, runJson, tempDir } from './helpers.js';

/** Lines of stderr that mention `file`. */
function linesAbout(stderr: string, file: string): string[] {
  return stderr.split('\n').filter((l) => l.includes(file));
}

describe('cli: exit codes', () => {
  it('0 for a policy with no errors', async () => {
    const dir = copyFixtures(tempDir(), ['clean-policy.md']);
    const r = await run(['clean-policy.md'], { cwd: dir });
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stderr, '');
  });

  it('1 for a policy with lint errors', async () => {
    const dir = copyFixtures(tempDir(), ['missing-sections.md']);
    const r = await run(['missing-sections.md'], { cwd: dir });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.stdout, /\berror\b/);
  });

  it('2 for no arguments, with the usage on stderr', async () => {
    const r = await run([]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^Usage: policylint/);
    assert.equal(r.stdout, '');
  });

  it('2 for an unknown option or a bad option value, one line naming it', async () => {
    for (const argv of [
      ['--frobnicate', 'x.md'],
      ['--format', 'xml', 'x.md'],
      ['--max-warnings', 'many', 'x.md'],
      ['--format'],
    ]) {
      const r = await run(argv);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(
        r.stderr.split('\n')[0],
        /^policylint: (unknown option --frobnicate|--format expects|--max-warnings expects|--format needs a value)/,
      );
    }
    const r = await run(['derive', 'x.md', '--fix']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--fix cannot be used with policylint derive/);
  });

  it('0 for --help, --version and --list-rules', async () => {
    const help = await run(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--max-warnings/);
    const version = await run(['--version']);
    assert.equal(version.code, 0);
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    assert.equal(version.stdout.trim(), pkg.version);
    const rules = await run(['--list-rules']);
    assert.equal(rules.code, 0);
    assert.match(rules.stdout, /^rule\s+severity\s+fixable\s+source\s+description/);
  });

  describe('--max-warnings and --quiet', () => {
    let dir: string;
    let warnings: number;
    before(async () => {
      // Every rule at "warn": the errors of missing-sections.md become warnings.
      dir = copyFixtures(tempDir(), ['missing-sections.md']);
      const rules = Object.fromEntries(RULES.map((r) => [r.meta.id, 'warn']));
      fs.writeFileSync(path.join(dir, '.policylintrc.json'), JSON.stringify({ rules }));
      const { json } = await runJson(['missing-sections.md'], { cwd: dir });
      const all = json.results[0].diagnostics;
      assert.equal(all.filter((d) => d.severity === 'error').length, 0);
      warnings = all.filter((d) => d.severity === 'warning').length;
    });

    it('warnings alone exit 0; more warnings than --max-warnings exit 1', async () => {
      assert.ok(warnings > 0, 'missing-sections.md has findings');
      assert.equal((await run(['missing-sections.md'], { cwd: dir })).code, 0);
      const within = await run(['missing-sections.md', '--max-warnings', String(warnings)], { cwd: dir });
      assert.equal(within.code, 0, within.stderr);
      const over = await run(['missing-sections.md', '--max-warnings', String(warnings - 1)], { cwd: dir });
      assert.equal(over.code, 1);
      assert.match(over.stderr, new RegExp(`found ${warnings} warnings; --max-warnings allows ${warnings - 1}`));
    });

    it('--quiet shows errors only and does not count warnings', async () => {
      const quiet = await run(['missing-sections.md', '--quiet', '--max-warnings', '0'], { cwd: dir });
      assert.equal(quiet.code, 0, quiet.stdout);
      assert.doesNotMatch(quiet.stdout, /\bwarning\b/);
      const other = copyFixtures(tempDir(), ['missing-sections.md']);
      const errorsOnly = await runJson(['missing-sections.md', '--quiet'], { cwd: other });
      const shown = errorsOnly.json.results[0].diagnostics;
      assert.ok(shown.length > 0, 'missing-sections.md has errors under the recommended profile');
      assert.ok(shown.every((d) => d.severity === 'error'));
    });
  });

  describe('bad input: one clear line on stderr, exit 2, the other files still linted', () => {
    let dir: string;
    before(() => {
      dir = copyFixtures(tempDir(), ['clean-policy.md']);
      fs.mkdirSync(path.join(dir, 'notes'));
      fs.writeFileSync(path.join(dir, 'notes', 'todo.txt'), 'not markdown\n');
      fs.writeFileSync(
        path.join(dir, 'image.md'),
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      );
      // "Café" in Latin-1: 0xE9 is not UTF-8.
      fs.writeFileSync(
        path.join(dir, 'latin1.md'),
        Buffer.concat([Buffer.from('# Privacy at the Caf'), Buffer.from([0xe9]), Buffer.from('\n')]),
      );
      fs.writeFileSync(path.join(dir, 'empty.md'), '');
      // Sparse: the size check happens before any read, so this costs no memory.
      const fd = fs.openSync(path.join(dir, 'huge.md'), 'w');
      fs.ftruncateSync(fd, 52_428_800);
      fs.closeSync(fd);
    });

    const cases: [string, string, RegExp][] = [
      ['a missing path', 'missing.md', /^missing\.md: error: no such file or directory$/],
      ['a directory with no Markdown', 'notes', /^notes: error: no Markdown files/],
      ['a glob that matches nothing', 'drafts/*.md', /^drafts\/\*\.md: error: no files match this pattern$/],
      ['a binary file', 'image.md', /^image\.md: error: binary file \(contains NUL bytes\), not linted$/],
      [
        'a file that is not UTF-8',
        'latin1.md',
        /^latin1\.md: error: not valid UTF-8 \(first bad byte at offset 20\); save the file as UTF-8$/,
      ],
      [
        'a file over the size limit',
        'huge.md',
        /^huge\.md: error: too large to lint: 52\.4 MB, over the 5 MB limit \(raise it with --max-file-size or "maxFileSize" in \.policylintrc\.json\)$/,
      ],
    ];
    for (const [what, file, expected] of cases) {
      it(what, async () => {
        const { json, code, stderr } = await runJson([file, 'clean-policy.md'], { cwd: dir });
        assert.equal(code, 2);
        const lines = linesAbout(stderr, file);
        assert.equal(lines.length, 1, stderr);
        assert.match(lines[0], expected);
        assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
        assert.deepEqual(
          json.results.map((r) => r.file),
          ['clean-policy.md'],
        );
      });
    }

    it('an empty file is a warning and is skipped, without changing the exit code', async () => {
      const clean = await run(['clean-policy.md'], { cwd: dir });
      const r = await runJson(['empty.md', 'clean-policy.md'], { cwd: dir });
      assert.equal(r.code, clean.code);
      assert.deepEqual(linesAbout(r.stderr, 'empty.md'), ['empty.md: warning: empty file, skipped']);
      assert.deepEqual(r.json.skipped, [{ file: 'empty.md', reason: 'empty file, skipped' }]);
      assert.equal(r.json.results.length, 1);
    });

    it('a file it may not read (permission denied)', async function () {
      if (process.getuid?.() === 0) this.skip(); // root reads everything
      const locked = path.join(dir, 'locked.md');
      fs.writeFileSync(locked, fixture('clean-policy.md'));
      fs.chmodSync(locked, 0o000);
      try {
        const r = await run(['locked.md', 'clean-policy.md'], { cwd: dir });
        assert.equal(r.code, 2);
        assert.deepEqual(linesAbout(r.stderr, 'locked.md'), ['locked.md: error: permission denied']);
        assert.match(r.stdout, /clean-policy\.md/);
      } finally {
        fs.chmodSync(locked, 0o644);
      }
    });

    it('exit 2 wins over 1', async () => {
      copyFixtures(dir, ['missing-sections.md']);
      const r = await run(['missing-sections.md', 'missing.md'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stdout, /missing-sections\.md/);
    });

    it('the default size limit is 5 MB', () => {
      assert.equal(DEFAULT_MAX_FILE_SIZE, 5_000_000);
    });
  });

  describe('config errors: each on one line naming the file and key; the files are linted with defaults', () => {
    it('bad JSON', async () => {
      const dir = copyFixtures(tempDir(), ['clean-policy.md']);
      fs.writeFileSync(path.join(dir, '.policylintrc.json'), '{ "extends": "recommended" "rules": {} }\n');
      const r = await runJson(['clean-policy.md'], { cwd: dir });
      assert.equal(r.code, 2);
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], /^\.policylintrc\.json:1:28: error: invalid JSON: expected ","/);
      assert.equal(r.json.results.length, 1, 'still linted');
    });

    it('an unknown rule and a wrong severity, once each even for many files', async () => {
      const dir = copyFixtures(tempDir(), {
        'a/one.md': 'clean-policy.md',
        'a/two.md': 'caps-outline.md',
        'b/three.md': 'clean-policy.md',
      });
      fs.writeFileSync(
        path.join(dir, '.policylintrc.json'),
        JSON.stringify({ rules: { 'no-such-rule': 'error' } }, null, 2) + '\n',
      );
      const r = await runJson(['a', 'b'], { cwd: dir });
      assert.equal(r.code, 2);
      const lines = r.stderr.trim().split('\n');
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0], /^\.policylintrc\.json:3:5: error: rules\.no-such-rule: unknown rule "no-such-rule"/);
      assert.equal(r.json.results.length, 3);
    });

    it('--config pointing at a missing file: one line naming it, and nothing is linted', async () => {
      const dir = copyFixtures(tempDir(), ['clean-policy.md']);
      const r = await run(['clean-policy.md', '--config', 'nope.json'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'policylint: error: the config file given with --config does not exist: nope.json\n');
      assert.equal(r.stdout, '');
    });

    it('--config naming a folder', async () => {
      const dir = copyFixtures(tempDir(), ['clean-policy.md']);
      fs.mkdirSync(path.join(dir, 'conf'));
      const r = await run(['clean-policy.md', '-c', 'conf'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'policylint: error: --config names a folder, not a config file: conf\n');
    });

    it('an unknown --profile', async () => {
      const dir = copyFixtures(tempDir(), ['clean-policy.md']);
      const r = await run(['clean-policy.md', '--profile', 'gdpr-strict'], { cwd: dir });
      assert.equal(r.code, 2);
      assert.match(r.stderr, /profile: unknown profile "gdpr-strict"/);
    });

    it('a config that turns a rule off is applied', async () => {
      const dir = copyFixtures(tempDir(), ['missing-sections.md']);
      const before = await runJson(['missing-sections.md'], { cwd: dir });
      const ruleIds = [
        ...new Set(before.json.results[0].diagnostics.filter((d) => d.severity === 'error').map((d) => d.ruleId)),
      ];
      assert.ok(ruleIds.length > 0, 'missing-sections.md has errors');
      fs.writeFileSync(
        path.join(dir, '.policylintrc.json'),
        JSON.stringify({ extends: 'recommended', rules: Object.fromEntries(ruleIds.map((id) => [id, 'off'])) }),
      );
      const after = await runJson(['missing-sections.md'], { cwd: dir });
      assert.equal(after.stderr, '');
      assert.ok(after.json.results[0].diagnostics.every((d) => !ruleIds.includes(d.ruleId)));
    });
  });
});
