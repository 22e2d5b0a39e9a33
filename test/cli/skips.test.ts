// The CLI reports every path it was asked about or found (issue 18, finding 8): a FIFO, a
// device, a looping or dangling link, a name that is not UTF-8 and a folder it may not read
// each get one line on stderr and make the exit code 2, while the other files are linted.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, copyFixtures, run, tempDir, type RunResult } from './helpers.js';

const NOBODY = 65534;
const isRoot = process.getuid?.() === 0;

/** stderr's lines that start with `name`. */
const linesAbout = (stderr: string, name: string) => stderr.split('\n').filter((l) => l.startsWith(`${name}:`));

/** Runs the CLI as a user that lacks root's right to read everything (nobody, when the tests run as root). */
function runUnprivileged(argv: string[], cwd: string): Promise<RunResult> {
  const ids = isRoot ? { uid: NOBODY, gid: NOBODY } : {};
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      cwd,
      ...ids,
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Whether a user other than root can reach the repository's build (the unprivileged run needs it). */
function nobodyCanRun(): boolean {
  if (!isRoot) return process.platform !== 'win32';
  try {
    execFileSync(
      process.execPath,
      ['-e', `require('fs').accessSync(${JSON.stringify(BIN)}, require('fs').constants.R_OK)`],
      { uid: NOBODY, gid: NOBODY, stdio: 'ignore' },
    );
    return true;
  } catch {
    return false;
  }
}

describe('cli: nothing found or named is skipped without a line (issue 18, finding 8)', () => {
  it('a FIFO, a device and looping or dangling links inside a folder: a line each, exit 2, the rest linted', async function () {
    if (process.platform === 'win32') this.skip(); // no FIFOs or /dev/null there
    const dir = copyFixtures(tempDir(), { 'docs/clean-policy.md': 'clean-policy.md' });
    const docs = path.join(dir, 'docs');
    execFileSync('mkfifo', [path.join(docs, 'pipe.md')]);
    fs.symlinkSync('/dev/null', path.join(docs, 'device.md'));
    fs.symlinkSync('loop-b.md', path.join(docs, 'loop-a.md'));
    fs.symlinkSync('loop-a.md', path.join(docs, 'loop-b.md'));
    fs.symlinkSync('gone.md', path.join(docs, 'dangling.md'));
    fs.symlinkSync(dir, path.join(docs, 'folder-link.md')); // a link to a folder is not followed, and is no file
    const r = await run(['docs', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    const at = (name: string) => linesAbout(r.stderr, path.join('docs', name));
    assert.deepEqual(at('pipe.md'), [
      `${path.join('docs', 'pipe.md')}: error: is a named pipe (FIFO), not a regular file`,
    ]);
    assert.deepEqual(at('device.md'), [`${path.join('docs', 'device.md')}: error: is a device, not a regular file`]);
    assert.deepEqual(at('loop-a.md'), [`${path.join('docs', 'loop-a.md')}: error: too many symbolic links`]);
    assert.deepEqual(at('loop-b.md'), [`${path.join('docs', 'loop-b.md')}: error: too many symbolic links`]);
    assert.deepEqual(at('dangling.md'), [`${path.join('docs', 'dangling.md')}: error: no such file or directory`]);
    assert.deepEqual(at('folder-link.md'), []);
    const json = JSON.parse(r.stdout) as { results: { file: string }[]; errors: { file: string }[] };
    assert.deepEqual(
      json.results.map((x) => path.basename(x.file)),
      ['clean-policy.md'],
    );
    assert.equal(json.errors.length, 5);
  });

  it('a file name that is not UTF-8: a line naming its bytes, exit 2, the rest linted', async function () {
    const dir = copyFixtures(tempDir(), ['clean-policy.md']);
    try {
      fs.writeFileSync(
        Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.md')]),
        'We collect your email.\n',
      );
      fs.mkdirSync(Buffer.concat([Buffer.from(`${dir}/d`), Buffer.from([0xff])]));
    } catch {
      this.skip(); // this file system refuses names that are not UTF-8
    }
    const r = await run(['.', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    assert.deepEqual(linesAbout(r.stderr, 'caf\\xE9.md'), [
      'caf\\xE9.md: error: file name is not valid UTF-8, not linted (rename it to lint it)',
    ]);
    assert.deepEqual(linesAbout(r.stderr, 'd\\xFF'), [
      'd\\xFF: error: folder name is not valid UTF-8, not searched (rename it to lint what it holds)',
    ]);
    assert.deepEqual(
      (JSON.parse(r.stdout) as { results: { file: string }[] }).results.map((x) => x.file),
      ['clean-policy.md'],
    );
  });

  it('a name given on the command line whose bytes were not UTF-8 says so, instead of only "no such file"', async () => {
    const dir = copyFixtures(tempDir(), ['clean-policy.md']);
    const r = await run(['caf\uFFFD.md', 'clean-policy.md'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.deepEqual(linesAbout(r.stderr, 'caf\uFFFD.md'), [
      'caf\uFFFD.md: error: no such file or directory (the name given is not valid UTF-8; rename the file, or name its folder)',
    ]);
    assert.match(r.stdout, /clean-policy\.md/);
  });

  it('a sub-folder it may not read is a line (exit 2), and so is a folder named directly, not "no Markdown files"', async function () {
    if (!nobodyCanRun()) this.skip(); // no other user can run the build here
    const dir = copyFixtures(tempDir(), {
      'clean-policy.md': 'clean-policy.md',
      'private/a.md': 'clean-policy.md',
      'locked/b.md': 'clean-policy.md',
    });
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, 'clean-policy.md'), 0o644);
    for (const sub of ['private', 'locked']) fs.chmodSync(path.join(dir, sub), 0o700);
    if (isRoot) for (const sub of ['private', 'locked']) fs.chownSync(path.join(dir, sub), 0, 0);
    else for (const sub of ['private', 'locked']) fs.chmodSync(path.join(dir, sub), 0o000);
    try {
      const all = await runUnprivileged(['.'], dir);
      assert.equal(all.code, 2, all.stderr);
      assert.deepEqual(linesAbout(all.stderr, 'private'), [
        'private: error: cannot read this directory: permission denied',
      ]);
      assert.deepEqual(linesAbout(all.stderr, 'locked'), [
        'locked: error: cannot read this directory: permission denied',
      ]);
      assert.match(all.stdout, /clean-policy\.md/);
      const named = await runUnprivileged(['locked'], dir);
      assert.equal(named.code, 2);
      assert.deepEqual(named.stderr.trim().split('\n'), [
        'locked: error: cannot read this directory: permission denied',
      ]);
    } finally {
      for (const sub of ['private', 'locked']) fs.chmodSync(path.join(dir, sub), 0o755);
    }
  });

  it('a folder that holds no Markdown file still says so', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'empty'));
    fs.writeFileSync(path.join(dir, 'empty', 'notes.txt'), 'x');
    const r = await run(['empty'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.deepEqual(linesAbout(r.stderr, 'empty'), [
      'empty: error: no Markdown files (*.md, *.markdown) in this directory',
    ]);
  });
});
