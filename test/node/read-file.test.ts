// The one file reader and the config loader on special files (issue 18, findings 1 and 2): a
// FIFO or a link to /dev/zero as a policy or a config is refused at once with a line naming
// it, in the CLI and in the server, and never blocks or fills memory. Each call that could
// block runs in a child process with a time limit, so a regression fails the test instead of
// freezing the test run.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findConfigFile, MAX_CONFIG_SIZE, readConfigFile } from '../../server/src/node/config-files.js';
import { readPolicyFile } from '../../server/src/node/read-file.js';
import { copyFixtures, REPO_ROOT, spawnCli, tempDir } from '../cli/helpers.js';

const OUT = path.join(REPO_ROOT, 'out/server/src');

function canMakeFifo(): boolean {
  if (process.platform === 'win32') return false;
  try {
    const probe = path.join(tempDir(), 'probe');
    execFileSync('mkfifo', [probe]);
    return true;
  } catch {
    return false;
  }
}

function mkfifo(file: string): string {
  execFileSync('mkfifo', [file]);
  return file;
}

/**
 * Runs `call` (an expression over `m`, the module at `modulePath` under out/server/src) in a
 * child Node process and returns its JSON result; a child still running after 10 s is killed
 * and the result is `'timed out'`.
 */
function inChild(modulePath: string, call: string): Promise<unknown> {
  const url = pathToFileURL(path.join(OUT, modulePath)).href;
  const script = `const m = await import(${JSON.stringify(url)}); process.stdout.write(JSON.stringify(${call}));`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, 10_000);
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(timedOut ? 'timed out' : JSON.parse(out || 'null'));
    });
  });
}

const hasDevZero = process.platform !== 'win32' && fs.existsSync('/dev/zero');

describe('node: the one file reader', () => {
  it('refuses a FIFO as a policy at once, naming what it is', async function () {
    if (!canMakeFifo()) this.skip(); // no mkfifo on this platform
    const fifo = mkfifo(path.join(tempDir(), 'policy.md'));
    const r = await inChild('node/read-file.js', `m.readPolicyFile(${JSON.stringify(fifo)})`);
    assert.deepEqual(r, { ok: false, kind: 'error', message: 'is a named pipe (FIFO), not a regular file' });
  });

  it('refuses a link to /dev/zero or /dev/urandom as a policy without reading it', function () {
    if (!hasDevZero) this.skip(); // no /dev/zero here
    const dir = tempDir();
    for (const dev of ['/dev/zero', '/dev/urandom']) {
      const link = path.join(dir, `${path.basename(dev)}.md`);
      fs.symlinkSync(dev, link);
      assert.deepEqual(readPolicyFile(link), { ok: false, kind: 'error', message: 'is a device, not a regular file' });
    }
  });

  it('refuses a directory and says why a missing file cannot be read', () => {
    const dir = tempDir();
    assert.deepEqual(readPolicyFile(dir), { ok: false, kind: 'error', message: 'is a directory' });
    assert.deepEqual(readPolicyFile(path.join(dir, 'nope.md')), {
      ok: false,
      kind: 'error',
      message: 'no such file or directory',
    });
  });
});

describe('node: the one config loader', () => {
  it('refuses a FIFO config at once (CLI and server read it the same way)', async function () {
    if (!canMakeFifo()) this.skip(); // no mkfifo on this platform
    const fifo = mkfifo(path.join(tempDir(), '.policylintrc.json'));
    const r = (await inChild('node/config-files.js', `m.readConfigFile(${JSON.stringify(fifo)})`)) as {
      errors: { message: string }[];
    };
    assert.notEqual(r, 'timed out');
    assert.equal(r.errors[0].message, 'cannot read config file: is a named pipe (FIFO), not a regular file');
  });

  it('the server: a FIFO config becomes a config error, and the event loop is not blocked', async function () {
    if (!canMakeFifo()) this.skip(); // no mkfifo on this platform
    const dir = tempDir();
    mkfifo(path.join(dir, '.policylintrc.json'));
    const uri = pathToFileURL(path.join(dir, 'privacy.md')).href;
    const call =
      `(() => { const published = []; const store = new m.ConfigStore({ publish: (u, d) => published.push(d.length), showError() {}, log() {} });` +
      ` const c = store.get(${JSON.stringify(uri)}, { profile: 'recommended' }); return { errors: c.errors.map((e) => e.message), published }; })()`;
    const r = await inChild('lsp/configs.js', call);
    assert.deepEqual(r, {
      errors: ['cannot read config file: is a named pipe (FIFO), not a regular file'],
      published: [1],
    });
  });

  it('refuses a config linked to /dev/zero, and one over the size limit, without reading it whole', function () {
    if (!hasDevZero) this.skip(); // no /dev/zero here
    const dir = tempDir();
    fs.symlinkSync('/dev/zero', path.join(dir, '.policylintrc.json'));
    assert.equal(
      readConfigFile(path.join(dir, '.policylintrc.json')).errors[0].message,
      'cannot read config file: is a device, not a regular file',
    );
    const big = path.join(tempDir(), 'big.json');
    fs.writeFileSync(big, `{"rules":{}}${' '.repeat(MAX_CONFIG_SIZE)}`);
    assert.equal(
      readConfigFile(big).errors[0].message,
      `cannot read config file: too large (over ${MAX_CONFIG_SIZE} bytes)`,
    );
  });

  it('config discovery skips folders too deep to hold a file and still finds the one above', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '.policylintrc.json'), '{}');
    // 20,000 segments: each one stat'ed and joined anew used to cost seconds; now only those that can exist are tried.
    const deep = path.join(dir, ...Array.from({ length: 20_000 }, () => 'a'));
    assert.equal(findConfigFile(deep), path.join(dir, '.policylintrc.json'));
    assert.equal(findConfigFile(path.join(dir, 'x', 'y')), path.join(dir, '.policylintrc.json'));
  });
});

describe('cli: special files', () => {
  it('a FIFO named on the command line is an error line (exit 2) and the other files are still reported', async function () {
    if (!canMakeFifo()) this.skip(); // no mkfifo on this platform
    const dir = copyFixtures(tempDir(), ['clean-policy.md']);
    mkfifo(path.join(dir, 'pipe.md'));
    const r = await spawnCli(['clean-policy.md', 'pipe.md', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^pipe\.md: error: is a named pipe \(FIFO\), not a regular file$/m);
    assert.ok(
      JSON.parse(r.stdout).results.some((x: { file?: string }) => x.file?.endsWith('clean-policy.md')),
      r.stdout,
    );
  });

  it('a FIFO as the config is an error line (exit 2), not a hang', async function () {
    if (!canMakeFifo()) this.skip(); // no mkfifo on this platform
    const dir = copyFixtures(tempDir(), ['clean-policy.md']);
    mkfifo(path.join(dir, '.policylintrc.json'));
    const r = await spawnCli(['clean-policy.md'], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /\.policylintrc\.json: error: cannot read config file: is a named pipe/);
  });
});
