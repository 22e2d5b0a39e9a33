// The npm tarball as a user gets it: `node scripts/package.mjs --tarball` builds it from the
// bundles, then it is installed offline (it has no dependencies) into an empty project with
// `npm install -D` and into a fresh global prefix with `npm install -g`, and the installed
// commands are run: the CLI on a draft, the language server over stdio.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Harness, fileUri } from '../lsp/harness.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** A short draft in the test's own words: no contact channel, no children's section, one placeholder. */
const DRAFT = `# Privacy Policy

Last updated: May 4, 2026

## Information We Collect

We collect the email address you sign up with and the tasks you add to [App Name].

## How We Use Information

We use your email address to sign you in and to send receipts.
`;

function sh(cmd: string, args: string[], cwd: string) {
  const res = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    shell: process.platform === 'win32',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (res.error) throw res.error;
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

function npmInstall(args: string[], cwd: string) {
  const res = sh(NPM, ['install', ...args, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], cwd);
  assert.equal(res.code, 0, `npm install ${args.join(' ')} failed:\n${res.stderr}`);
}

describe('the npm tarball, installed from the file', function () {
  this.timeout(120_000);
  let tmp: string;
  let tarball: string;
  let project: string;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-tarball-'));
    const res = sh(
      process.execPath,
      [path.join(ROOT, 'scripts/package.mjs'), '--tarball', '--pack-destination', tmp],
      ROOT,
    );
    assert.equal(res.code, 0, res.stderr);
    tarball = path.join(tmp, `policylint-${VERSION}.tgz`);
    assert.ok(fs.existsSync(tarball), `no ${tarball}`);
    project = path.join(tmp, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'a-site', version: '1.0.0', private: true }),
    );
    fs.writeFileSync(path.join(project, 'privacy.md'), DRAFT);
    npmInstall(['-D', tarball], project);
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('has no dependencies and a bin for each command', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(project, 'node_modules/policylint/package.json'), 'utf8'));
    assert.equal(manifest.dependencies, undefined);
    assert.equal(manifest.scripts, undefined);
    assert.deepEqual(Object.keys(manifest.bin).sort(), ['policylint', 'policylint-language-server']);
    assert.deepEqual(
      fs.readdirSync(path.join(project, 'node_modules')).filter((d) => !d.startsWith('.')),
      ['policylint'],
    );
    for (const doc of ['README.md', 'docs/rules/children.md', 'schema/policylintrc.schema.json']) {
      assert.ok(fs.existsSync(path.join(project, 'node_modules/policylint', doc)), doc);
    }
  });

  it('npm install -D: policylint lints a draft and exits 1 on its errors', () => {
    const bin = path.join(project, 'node_modules/.bin/policylint');
    const version = sh(bin, ['--version'], project);
    assert.equal(version.stdout.trim(), VERSION);
    const res = sh(bin, ['privacy.md', '--format', 'json'], project);
    assert.equal(res.code, 1, res.stderr);
    const report = JSON.parse(res.stdout);
    const ids = report.results[0].diagnostics.map((d: { ruleId: string }) => d.ruleId);
    for (const id of ['contact', 'children', 'no-placeholders'])
      assert.ok(ids.includes(id), `${id} not in ${ids.join(', ')}`);
  });

  it('npm install -g: both commands answer --version and --help without a stack trace', () => {
    const prefix = path.join(tmp, 'global');
    npmInstall(['-g', '--prefix', prefix, tarball], tmp);
    const binDir = process.platform === 'win32' ? prefix : path.join(prefix, 'bin');
    for (const cmd of ['policylint', 'policylint-language-server']) {
      const version = sh(path.join(binDir, cmd), ['--version'], tmp);
      assert.equal(version.code, 0, version.stderr);
      assert.equal(version.stdout.trim(), VERSION);
      const help = sh(path.join(binDir, cmd), ['--help'], tmp);
      assert.equal(help.code, 0, help.stderr);
      assert.match(help.stdout, new RegExp(`${cmd}.*--stdio|Usage`, 's'));
      assert.doesNotMatch(help.stderr, /\n\s+at /);
    }
    const bare = sh(path.join(binDir, 'policylint-language-server'), [], tmp);
    assert.notEqual(bare.code, 0);
    assert.match(bare.stderr, /--stdio/);
    assert.doesNotMatch(bare.stderr, /\n\s+at /);
  });

  it('the installed language server lints a draft over stdio', async () => {
    const h = await Harness.start({
      script: path.join(project, 'node_modules/.bin/policylint-language-server'),
      settings: { debounceMs: 0 },
    });
    try {
      const uri = fileUri(path.join(project, 'privacy.md'));
      await h.open(uri, DRAFT, 'markdown');
      const diagnostics = await h.diagnostics(uri, 1);
      const codes = diagnostics.map((d) => String(d.code));
      for (const id of ['contact', 'children']) assert.ok(codes.includes(id), `${id} not in ${codes.join(', ')}`);
    } finally {
      await h.stop();
    }
  });
});
