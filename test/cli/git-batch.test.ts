// The committed texts of a run read with a constant number of git processes (issue 17): one
// `git ls-tree` per repository and one `git cat-file --batch` for the files linted, whatever
// the number of files; the report is the one the per-file `git cat-file blob` gives.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { committedTextSync, CommittedTexts, gitSpawn } from '../../server/src/node/git.js';
import { git, runJson, tempDir } from './helpers.js';

const POLICY = (n: number) =>
  [
    `# Privacy Policy ${n}`,
    '',
    'Last updated: March 3, 2025',
    '',
    '## Retention',
    '',
    'We keep your order history for two years.',
    '',
  ].join('\n');

/** A repository with `n` policies (half in a folder), committed, then every third one changed and one untracked. */
function repo(n: number): { dir: string; files: string[] } {
  const dir = tempDir();
  git(dir, 'init', '-q');
  fs.mkdirSync(path.join(dir, 'sub dir'));
  const files: string[] = [];
  for (let i = 0; i < n; i++) {
    const file = path.join(dir, i % 2 ? 'sub dir' : '', `p${i}.policy.md`);
    fs.writeFileSync(file, POLICY(i));
    files.push(file);
  }
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'first');
  for (let i = 0; i < n; i += 3) fs.writeFileSync(files[i], POLICY(i).replace('two years', 'six years'));
  const untracked = path.join(dir, 'sub dir', 'new.policy.md');
  fs.writeFileSync(untracked, POLICY(99));
  files.push(untracked);
  return { dir, files };
}

/** Counts the git processes the CLI spawns while `fn` runs. */
async function countingSpawns<T>(fn: () => Promise<T>): Promise<{ value: T; spawns: string[] }> {
  const real = gitSpawn.execFileSync;
  const spawns: string[] = [];
  gitSpawn.execFileSync = ((file: string, args: readonly string[], options: object) => {
    spawns.push(args.filter((a) => !a.startsWith('core.') && a !== '-c' && a !== '--no-pager').join(' '));
    return real(file, args, options);
  }) as typeof real;
  try {
    return { value: await fn(), spawns };
  } finally {
    gitSpawn.execFileSync = real;
  }
}

type Json = Awaited<ReturnType<typeof runJson>>['json'];
const staleFiles = (json: Json) =>
  json.results
    .filter((r) => r.diagnostics.some((d) => d.ruleId === 'stale-effective-date'))
    .map((r) => path.basename(r.file))
    .sort();

describe('committed texts read in batches', () => {
  it('gives what committedTextSync gives, file by file, including --since and untracked files', () => {
    const { dir, files } = repo(5);
    git(dir, 'commit', '-q', '-am', 'second');
    for (const ref of ['HEAD', 'HEAD~1']) {
      const batch = new CommittedTexts(ref);
      batch.plan(files);
      for (const file of files) assert.deepEqual(batch.take(file), committedTextSync(file, ref), `${file} at ${ref}`);
    }
    const outside = path.join(tempDir(), 'x.md');
    fs.writeFileSync(outside, POLICY(0));
    assert.equal(new CommittedTexts().take(outside), undefined);
    assert.equal(new CommittedTexts('--output=x').take(files[0]), undefined);
    assert.equal(new CommittedTexts('nosuchref').take(files[0]), undefined);
  });

  for (const jobs of ['1', '2']) {
    it(`spawns as many git processes for 20 files as for 4 (--jobs ${jobs}), with the same report`, async () => {
      const counts: number[] = [];
      for (const n of [4, 20]) {
        const { dir, files } = repo(n);
        const { value, spawns } = await countingSpawns(() => runJson([dir, '--jobs', jobs], { cwd: dir }));
        assert.notEqual(value.code, 2, value.stderr);
        const changed = files.filter((_, i) => i % 3 === 0 && i < n).map((f) => path.basename(f));
        assert.deepEqual(staleFiles(value.json), changed.sort());
        assert.equal(value.json.results.length, n + 1);
        counts.push(spawns.length);
        // The cached re-run reads no blob (the ids key the cache) and reports the same.
        const first = await runJson([dir, '--jobs', jobs, '--cache'], { cwd: dir });
        const again = await countingSpawns(() => runJson([dir, '--jobs', jobs, '--cache'], { cwd: dir }));
        assert.deepEqual(again.value.json, first.json);
        assert.deepEqual(staleFiles(again.value.json), changed.sort());
        assert.deepEqual(
          again.spawns.map((s) => s.split(' ')[0]),
          ['ls-tree'],
        );
        // A new commit changes the key: the file is linted again against it.
        git(dir, 'commit', '-q', '-am', 'second');
        const committed = await countingSpawns(() => runJson([dir, '--jobs', jobs, '--cache'], { cwd: dir }));
        assert.deepEqual(staleFiles(committed.value.json), []);
        const since = await runJson([dir, '--jobs', jobs, '--cache', '--since', 'HEAD~1'], { cwd: dir });
        assert.deepEqual(staleFiles(since.json), changed.sort());
      }
      assert.equal(counts[0], counts[1], 'constant');
      assert.equal(counts[0], 2, 'one ls-tree and one cat-file --batch');
    });
  }
});
