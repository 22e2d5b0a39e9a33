// --jobs: linting on worker threads gives byte for byte the report of a run in one thread,
// in the same order, with the same exit code, --fix included; a worker that dies is an
// error on the file it held, and the run still ends.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, UsageError } from '../../server/src/cli/args.js';
import { workerCount } from '../../server/src/cli/lint-command.js';
import { PARALLEL_MIN_FILES } from '../../server/src/cli/pool.js';
import { BIN, fixture, run, spawnCli, tempDir, type RunOptions } from './helpers.js';

const FILES = 40;

/** FILES policies made from the fixtures with small, deterministic variations (some fixable, one not a policy, one empty). */
function generate(dir: string): string {
  const sources = ['clean-policy.md', 'caps-outline.md', 'missing-sections.md', 'not-a-policy.md'].map(fixture);
  for (let i = 0; i < FILES; i++) {
    let text = sources[i % sources.length];
    if (i % 3 === 0) text = text.replace(/\n\n/, `\n\nThis draft was reviewed in round ${i}.\n\n`);
    if (i % 5 === 1) text += `\nData is protected in transit with SSL.\n`;
    if (i % 7 === 2) text = text.replace(/\n/g, '\r\n');
    if (i === 13) text = '';
    // Two folders, so two configs are looked up; names sort differently from creation order.
    const sub = i % 2 ? 'odd' : 'even';
    fs.mkdirSync(path.join(dir, sub), { recursive: true });
    fs.writeFileSync(path.join(dir, sub, `p${String(FILES - i).padStart(2, '0')}.md`), text);
  }
  fs.writeFileSync(path.join(dir, 'odd', '.policylintrc.json'), JSON.stringify({ extends: 'all' }));
  return dir;
}

function copyTree(from: string, to: string): string {
  fs.cpSync(from, to, { recursive: true });
  return to;
}

describe('cli: --jobs (worker threads)', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = generate(tempDir());
  });

  it('parses --jobs N and -j N, and refuses anything but a whole number from 1', () => {
    assert.equal(parseArgs(['a.md', '--jobs', '3']).jobs, 3);
    assert.equal(parseArgs(['a.md', '-j', '1']).jobs, 1);
    assert.equal(parseArgs(['a.md']).jobs, undefined);
    for (const bad of ['0', '-2', '1.5', 'many']) assert.throws(() => parseArgs(['a.md', '--jobs', bad]), UsageError);
  });

  it('uses workers only for --jobs above 1 and runs of at least PARALLEL_MIN_FILES files', () => {
    assert.equal(workerCount(1, 1000), 0);
    assert.equal(workerCount(4, PARALLEL_MIN_FILES - 1), 0);
    assert.equal(workerCount(4, PARALLEL_MIN_FILES), 4);
    assert.equal(workerCount(64, PARALLEL_MIN_FILES), PARALLEL_MIN_FILES);
    assert.ok(workerCount(undefined, 1000) >= 0);
  });

  // Standard input ("-") sits among the files: it is linted in the main thread and must keep its place.
  for (const format of ['json', 'sarif']) {
    it(`prints the same ${format} report, byte for byte, with the same exit code and stderr`, async () => {
      const argv = ['even', '-', 'odd', '--format', format];
      const opts: RunOptions = { cwd: dir, stdin: fixture('caps-outline.md') };
      const one = await run([...argv, '--jobs', '1'], opts);
      const two = await run([...argv, '--jobs', '2'], opts);
      assert.equal(two.stdout, one.stdout);
      assert.equal(two.stderr, one.stderr);
      assert.equal(two.code, one.code);
      assert.match(one.stderr, /p27\.md: warning: empty file, skipped/);
      if (format === 'json') {
        const files = (JSON.parse(one.stdout) as { results: { file: string }[] }).results.map((r) => r.file);
        assert.equal(files.length, FILES);
        assert.equal(files[FILES / 2], '<stdin>');
      }
    });
  }

  it('works from the policylint bin too (the worker entry is found next to the CLI it runs)', async () => {
    const inProcess = await run(['even', 'odd', '--format', 'json', '--jobs', '1'], { cwd: dir });
    // The crash hook proves the files went through worker threads.
    const shell = `POLICYLINT_TEST_WORKER_CRASH=p08.md ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} even odd --format json --jobs 2`;
    const bin = await spawnCli([], { cwd: dir, shell });
    assert.equal(bin.code, 2);
    assert.match(bin.stderr, /^even\/p08\.md: error: internal error: the worker thread linting this file stopped/m);
    const expected = (JSON.parse(inProcess.stdout) as { results: { file: string }[] }).results.filter(
      (r) => r.file !== 'even/p08.md',
    );
    assert.deepEqual((JSON.parse(bin.stdout) as { results: unknown[] }).results, expected);
  });

  it('--fix writes the same files and prints the same report', async () => {
    const a = copyTree(dir, path.join(tempDir(), 'a'));
    const b = copyTree(dir, path.join(tempDir(), 'b'));
    const one = await run(['even', 'odd', '--fix', '--format', 'json', '--jobs', '1'], { cwd: a });
    const two = await run(['even', 'odd', '--fix', '--format', 'json', '--jobs', '2'], { cwd: b });
    assert.equal(two.stdout, one.stdout);
    assert.equal(two.code, one.code);
    let changed = 0;
    for (const sub of ['even', 'odd']) {
      for (const name of fs.readdirSync(path.join(a, sub))) {
        const fixedA = fs.readFileSync(path.join(a, sub, name));
        assert.deepEqual(fs.readFileSync(path.join(b, sub, name)), fixedA, `${sub}/${name}`);
        if (!fixedA.equals(fs.readFileSync(path.join(dir, sub, name)))) changed++;
      }
      assert.deepEqual(
        fs.readdirSync(path.join(b, sub)).filter((n) => n.endsWith('.tmp')),
        [],
        'no temporary files left',
      );
    }
    assert.ok(changed > 0, 'some files were fixed');
  });

  it('a worker that dies is an error on the file it held; the others are linted and in order', async () => {
    const one = await run(['even', 'odd', '--format', 'json', '--jobs', '1'], { cwd: dir });
    const two = await run(['even', 'odd', '--format', 'json', '--jobs', '2'], {
      cwd: dir,
      env: { POLICYLINT_TEST_WORKER_CRASH: 'p08.md' },
    });
    assert.equal(two.code, 2);
    const lines = two.stderr
      .trim()
      .split('\n')
      .filter((l) => !l.includes('empty file'));
    assert.deepEqual(lines, [
      'even/p08.md: error: internal error: the worker thread linting this file stopped (test crash on even/p08.md)',
    ]);
    const expected = JSON.parse(one.stdout) as { results: { file: string }[] };
    const got = JSON.parse(two.stdout) as { results: { file: string }[]; errors: { file: string }[] };
    assert.deepEqual(
      got.results,
      expected.results.filter((r) => r.file !== 'even/p08.md'),
    );
    assert.deepEqual(
      got.errors.map((e) => e.file),
      ['even/p08.md'],
    );
  });

  it('workers that keep dying end the run: every file is reported once, as linted or as an error', async () => {
    const r = await run(['even', 'odd', '--format', 'json', '--jobs', '2'], {
      cwd: dir,
      env: { POLICYLINT_TEST_WORKER_CRASH: '/p1' },
    });
    assert.equal(r.code, 2);
    const json = JSON.parse(r.stdout) as {
      results: { file: string }[];
      errors: { file: string; error: string }[];
      skipped: { file: string }[];
    };
    const reported = [...json.results, ...json.errors, ...json.skipped].map((x) => x.file).sort();
    const all = ['even', 'odd']
      .flatMap((sub) =>
        fs
          .readdirSync(path.join(dir, sub))
          .filter((n) => n.endsWith('.md'))
          .map((n) => `${sub}/${n}`),
      )
      .sort();
    assert.deepEqual(reported, all);
    assert.ok(json.errors.length >= 1);
    for (const e of json.errors) {
      assert.match(e.file, /\/p1\d\.md$/);
      assert.match(e.error, /worker thread linting this file stopped/);
    }
  });
});
