// stale-effective-date on a temporary git repository, through the command line: the
// committed text comes from git, the engine compares.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { committedText, committedTextSync, validRef } from '../../server/src/node/git.js';
import { git, run, runJson, tempDir } from './helpers.js';

const POLICY = [
  '# Privacy Policy',
  '',
  'Last updated: March 3, 2025',
  '',
  '## Retention',
  '',
  'We keep your order history for two years.',
  '',
].join('\n');

function repo(): { dir: string; file: string } {
  const dir = tempDir();
  git(dir, 'init', '-q');
  const file = path.join(dir, 'privacy.policy.md');
  fs.writeFileSync(file, POLICY);
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'first');
  return { dir, file };
}

const stale = (json: Awaited<ReturnType<typeof runJson>>['json']) =>
  json.results[0].diagnostics.filter((d) => d.ruleId === 'stale-effective-date');

describe('stale-effective-date on a git repository', () => {
  it('reads the committed text through git, and nothing outside a repository', async () => {
    const { dir, file } = repo();
    assert.equal(committedTextSync(file)?.text, POLICY);
    assert.equal((await committedText(file))?.text, POLICY);
    assert.equal(committedTextSync(path.join(dir, 'new.md')), undefined, 'untracked');
    const outside = path.join(tempDir(), 'x.md');
    fs.writeFileSync(outside, POLICY);
    assert.equal(committedTextSync(outside), undefined);
    assert.equal(validRef('--output=x'), false);
    assert.equal(validRef('HEAD~1'), true);
  });

  it('warns on the date when the text changed and the date did not, and --fix sets today', async () => {
    const { dir, file } = repo();
    fs.writeFileSync(file, POLICY.replace('two years', 'six years'));
    const r = await runJson([file], { cwd: dir });
    const [d] = stale(r.json);
    assert.ok(d, 'a warning');
    assert.equal(d.severity, 'warning');
    assert.equal(d.line, 3);
    assert.match(d.message, /changed since HEAD but its date \(March 3, 2025\) has not/);

    const fixed = await run([file, '--fix'], { cwd: dir });
    assert.notEqual(fixed.code, 2, fixed.stderr);
    const now = new Date();
    const month = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ][now.getMonth()];
    assert.match(
      fs.readFileSync(file, 'utf8'),
      new RegExp(`Last updated: ${month} ${now.getDate()}, ${now.getFullYear()}`),
    );
    assert.equal(stale((await runJson([file], { cwd: dir })).json).length, 0, 'the new date ends the warning');
  });

  it('says nothing when only whitespace changed, or nothing changed', async () => {
    const { dir, file } = repo();
    assert.equal(stale((await runJson([file], { cwd: dir })).json).length, 0);
    fs.writeFileSync(file, POLICY.replace('order history for', 'order history\nfor').replace(/\n/g, '\r\n') + '\n\n');
    assert.equal(stale((await runJson([file], { cwd: dir })).json).length, 0);
  });

  it('says nothing when the date was changed with the text', async () => {
    const { dir, file } = repo();
    fs.writeFileSync(file, POLICY.replace('two years', 'six years').replace('March 3, 2025', 'May 1, 2026'));
    assert.equal(stale((await runJson([file], { cwd: dir })).json).length, 0);
  });

  it('--cache: a new commit of the same text is a new result', async () => {
    const { dir, file } = repo();
    fs.writeFileSync(file, POLICY.replace('two years', 'six years'));
    const cacheFile = path.join(dir, 'lint.cache');
    assert.equal(stale((await runJson([file, '--cache', '--cache-location', cacheFile], { cwd: dir })).json).length, 1);
    git(dir, 'commit', '-q', '-am', 'second, same date');
    assert.equal(stale((await runJson([file, '--cache', '--cache-location', cacheFile], { cwd: dir })).json).length, 0);
  });

  it('compares with --since REF', async () => {
    const { dir, file } = repo();
    fs.writeFileSync(file, POLICY.replace('two years', 'six years'));
    git(dir, 'commit', '-q', '-am', 'second, same date');
    assert.equal(stale((await runJson([file], { cwd: dir })).json).length, 0, 'same as HEAD');
    const since = await runJson([file, '--since', 'HEAD~1'], { cwd: dir });
    assert.match(stale(since.json)[0]?.message ?? '', /changed since HEAD~1/);
    const bad = await run([file, '--since', '--upload-pack=x'], { cwd: dir });
    assert.equal(bad.code, 2);
  });
});
