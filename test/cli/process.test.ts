// The real command, spawned: exit codes, stdin, pipes, and the bin's message when out/ is missing.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BIN, copyFixtures, fixture, spawnCli, tempDir } from './helpers.js';

describe('cli: the policylint process', () => {
  it('exits 1 on lint errors, 2 on a missing path, 0 on --version', async () => {
    const dir = copyFixtures(tempDir(), ['missing-sections.md']);
    const errors = await spawnCli(['missing-sections.md'], { cwd: dir });
    assert.equal(errors.code, 1, errors.stderr);
    const missing = await spawnCli(['nothing-here.md'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'nothing-here.md: error: no such file or directory\n');
    const version = await spawnCli(['--version']);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('lints standard input', async () => {
    const r = await spawnCli(['-', '--format', 'json'], { input: fixture('missing-sections.md') });
    const json = JSON.parse(r.stdout) as { results: { file: string; looksLikePolicy: boolean }[] };
    assert.equal(json.results[0].file, '<stdin>');
    assert.equal(json.results[0].looksLikePolicy, true);
    assert.equal(r.code, 1);
  });

  it('exits quietly when the reader of its output goes away (piping into head)', async () => {
    const dir = tempDir();
    // Enough files that the JSON report is far larger than a pipe's buffer.
    for (let i = 0; i < 150; i++) fs.writeFileSync(path.join(dir, `p${i}.md`), fixture('clean-policy.md'));
    const errFile = path.join(dir, 'stderr.txt');
    const r = await spawnCli([], {
      cwd: dir,
      shell: `"${process.execPath}" "${BIN}" . --format json 2>"${errFile}" | head -c 200 >/dev/null; echo "\${PIPESTATUS[0]}"`,
    });
    const status = Number(r.stdout.trim());
    assert.ok(status === 0 || status === 1, `exit status ${status}`);
    assert.equal(fs.readFileSync(errFile, 'utf8'), '');
  });

  it('tells the user to build when out/ is missing', async () => {
    const dir = tempDir();
    const bin = path.join(dir, 'server/bin/policylint.js');
    fs.mkdirSync(path.dirname(bin), { recursive: true });
    fs.copyFileSync(BIN, bin);
    fs.writeFileSync(path.join(dir, 'server/package.json'), '{ "type": "module" }\n');
    const r = await spawnCli(['corpus'], { bin, cwd: dir });
    assert.equal(r.code, 2);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0], /not built yet: run `npm run build`/);
  });
});
