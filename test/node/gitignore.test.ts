// The gitignore-syntax matcher (server/src/node/gitignore.ts): git's own rules, checked
// against `git check-ignore` on the same patterns and paths, and a hostile pattern that
// stays cheap (no regular expression is built from patterns).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lastMatch, parseIgnoreFile, ruleMatches } from '../../server/src/node/gitignore.js';

/** Whether the patterns ignore a path, deciding folder by folder as git does (nothing inside an ignored folder comes back). */
function ignores(text: string, file: string, isDir = false): boolean {
  const rules = parseIgnoreFile(text);
  const parts = file.split('/');
  for (let n = 1; n <= parts.length; n++) {
    const rule = lastMatch(rules, parts.slice(0, n), n < parts.length || isDir);
    if (rule && !rule.negate) return true;
  }
  return false;
}

const PATTERNS = [
  '# a comment',
  '',
  '*.log',
  '!keep.log',
  'build/',
  '/root-only.md',
  'docs/*.draft.md',
  'a/**/z.md',
  '**/cache',
  'legal/eu/**',
  'note?.md',
  'v[0-9].md',
  'x[!a-c].md',
  '\\#hash.md',
  'trailing.md   ',
  'out/',
  '!out/keep.md',
].join('\n');

const PATHS = [
  'app.log',
  'sub/app.log',
  'keep.log',
  'sub/keep.log',
  'build/privacy.md',
  'src/build/privacy.md',
  'build',
  'root-only.md',
  'sub/root-only.md',
  'docs/a.draft.md',
  'docs/sub/a.draft.md',
  'a/z.md',
  'a/b/c/z.md',
  'b/a/z.md',
  'cache/x.md',
  'deep/er/cache/x.md',
  'legal/eu/privacy.md',
  'legal/eu',
  'legal/us/privacy.md',
  'note1.md',
  'note12.md',
  'v7.md',
  'vx.md',
  'xd.md',
  'xb.md',
  '#hash.md',
  'trailing.md',
  'out/keep.md',
  'plain.md',
];

describe('gitignore matcher', () => {
  it('parses comments, negation, folder-only and anchored patterns', () => {
    const [log, keep, build, root] = parseIgnoreFile(PATTERNS);
    assert.deepEqual([log.pattern, log.line, log.negate, log.dirOnly], ['*.log', 3, false, false]);
    assert.deepEqual([keep.negate, build.dirOnly], [true, true]);
    assert.ok(ruleMatches(root, ['root-only.md'], false));
    assert.ok(!ruleMatches(root, ['sub', 'root-only.md'], false));
    assert.ok(!ruleMatches(build, ['build'], false), 'build/ matches a folder only');
    assert.ok(ruleMatches(build, ['build'], true));
  });

  it('agrees with git check-ignore on every path', function () {
    if (spawnSync('git', ['--version']).status !== 0) this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-gitignore-'));
    try {
      execFileSync('git', ['init', '-q', dir]);
      fs.writeFileSync(path.join(dir, '.gitignore'), PATTERNS);
      for (const p of PATHS) {
        // Paths without an extension are folders here ("build", "legal/eu"): git needs them on disk to know.
        if (!p.endsWith('.md') && !p.endsWith('.log')) fs.mkdirSync(path.join(dir, p), { recursive: true });
      }
      const git = spawnSync('git', ['-C', dir, 'check-ignore', '--no-index', '--stdin'], {
        input: PATHS.join('\n') + '\n',
        encoding: 'utf8',
      });
      const byGit = new Set(git.stdout.split('\n').filter(Boolean));
      const differ = PATHS.filter((p) => ignores(PATTERNS, p, fs.existsSync(path.join(dir, p))) !== byGit.has(p));
      assert.deepEqual(differ, [], `git ignores: ${[...byGit].join(', ')}`);
      assert.ok(byGit.size > 10, 'the table exercises ignoring');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a pattern made to backtrack costs little (no regular expression from patterns)', () => {
    const hostile = `${'*a'.repeat(40)}*b`;
    const name = 'a'.repeat(20_000);
    const start = process.hrtime.bigint();
    assert.equal(ignores(hostile, name), false);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    // Quadratic at worst: 41 stars × 20 000 characters is under a million steps.
    assert.ok(ms < 2000, `took ${ms} ms`);
  });

  it('an unclosed bracket is a literal character, not an error', () => {
    assert.ok(ignores('[draft.md', '[draft.md'));
    assert.ok(!ignores('[draft.md', 'd.md'));
  });
});
