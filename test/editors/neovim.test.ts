// Neovim's built-in LSP client against the bundled server: a draft opened with no filetype
// (an empty language id) gets diagnostics; the insert quick-fix and a disable action change
// the file on disk. Needs `nvim` (scripts/e2e-setup.sh installs Debian's); skipped without it.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const DRAFT =
  '# Privacy Policy\n\nWe collect your email address when you create an account, and we use it to send receipts.\n\n## Contact\n\nWrite to us at [email address].\n';

describe('Neovim (built-in LSP client)', function () {
  this.timeout(90_000);
  let dir: string;
  let version = '';
  before(function () {
    const probe = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    if (probe.status !== 0) {
      console.log('      (nvim is not installed: run scripts/e2e-setup.sh or apt-get install neovim)');
      return this.skip();
    }
    version = probe.stdout.split('\n')[0];
    dir = mkdtempSync(path.join(tmpdir(), 'policylint-nvim-'));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lints a draft, applies the insert quick-fix and a disable action, and writes the file', async () => {
    const file = path.join(dir, 'privacy.md');
    writeFileSync(file, DRAFT);
    const script = path.resolve('test/editors/neovim-lsp.lua');
    const proc = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${script}`], {
      cwd: dir,
      env: { ...process.env, POLICYLINT_FILE: file, POLICYLINT_SERVER: path.resolve('dist/server.cjs') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.stdout.on('data', () => undefined);
    const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
    assert.equal(code, 0, `${version}: ${stderr}`);
    const after = readFileSync(file, 'utf8');
    assert.ok(after.includes('<!-- policylint-disable-file no-placeholders -- '), after);
    assert.match(after, /^#+ .*[Cc]hildren/m);
    assert.ok(after.length > DRAFT.length);
  });
});
