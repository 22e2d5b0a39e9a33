// --cache: a re-run gives exactly the report of a run without the cache, reuses the stored
// results of unchanged files (shown by tampering with one), and lints again what changed:
// the text, the config, --quiet, or the version of policylint that wrote the cache.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFixtures, REPO_ROOT, run, tempDir } from './helpers.js';

const FILES = ['clean-policy.md', 'missing-sections.md', 'caps-outline.md', 'not-a-policy.md'];

function project(): string {
  return copyFixtures(tempDir(), FILES);
}

function cacheOf(
  dir: string,
  file = '.policylintcache',
): { format: number; version: string; entries: Record<string, { messages: { message: string }[] }> } {
  return JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
}

describe('cli: --cache', () => {
  for (const format of ['stylish', 'json', 'sarif']) {
    it(`a cached re-run prints exactly what an uncached run prints (${format})`, async () => {
      const dir = project();
      const plain = await run(['.', '--format', format, '--no-color'], { cwd: dir });
      const first = await run(['.', '--cache', '--format', format, '--no-color'], { cwd: dir });
      const second = await run(['.', '--cache', '--format', format, '--no-color'], { cwd: dir });
      assert.ok(fs.existsSync(path.join(dir, '.policylintcache')), 'the cache file is written');
      for (const r of [first, second]) {
        assert.equal(r.stdout, plain.stdout);
        assert.equal(r.code, plain.code);
      }
    });
  }

  it('reuses the stored result of an unchanged file instead of linting it', async () => {
    const dir = project();
    await run(['missing-sections.md', '--cache', '--format', 'json'], { cwd: dir });
    const cache = cacheOf(dir);
    const entry = cache.entries[path.join(dir, 'missing-sections.md')];
    assert.ok(entry.messages.length > 0);
    entry.messages[0].message = 'A message only the cache knows.';
    fs.writeFileSync(path.join(dir, '.policylintcache'), JSON.stringify(cache));
    const again = await run(['missing-sections.md', '--cache', '--format', 'json'], { cwd: dir });
    assert.match(again.stdout, /A message only the cache knows\./);
    // Without --cache the file is linted, and the stored message is not shown.
    const plain = await run(['missing-sections.md', '--format', 'json'], { cwd: dir });
    assert.doesNotMatch(plain.stdout, /only the cache knows/);
  });

  it('lints again a file whose text changed, and after a config or --quiet change', async () => {
    const dir = project();
    const file = path.join(dir, 'missing-sections.md');
    const tamper = () => {
      const cache = cacheOf(dir);
      cache.entries[file].messages[0].message = 'Stale.';
      fs.writeFileSync(path.join(dir, '.policylintcache'), JSON.stringify(cache));
    };
    await run(['missing-sections.md', '--cache'], { cwd: dir });
    tamper();
    fs.appendFileSync(file, '\nOne more sentence about this policy.\n');
    assert.doesNotMatch((await run(['missing-sections.md', '--cache'], { cwd: dir })).stdout, /Stale\./);
    tamper();
    fs.writeFileSync(path.join(dir, '.policylintrc.json'), JSON.stringify({ rules: { 'outdated-framework': 'off' } }));
    assert.doesNotMatch((await run(['missing-sections.md', '--cache'], { cwd: dir })).stdout, /Stale\./);
    tamper();
    assert.doesNotMatch((await run(['missing-sections.md', '--cache', '--quiet'], { cwd: dir })).stdout, /Stale\./);
  });

  it('drops a cache written by another version of policylint', async () => {
    const dir = project();
    await run(['missing-sections.md', '--cache'], { cwd: dir });
    const cache = cacheOf(dir);
    cache.version = '0.0.0-other';
    cache.entries[path.join(dir, 'missing-sections.md')].messages[0].message = 'Stale.';
    fs.writeFileSync(path.join(dir, '.policylintcache'), JSON.stringify(cache));
    assert.doesNotMatch((await run(['missing-sections.md', '--cache'], { cwd: dir })).stdout, /Stale\./);
    const version = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).version;
    assert.equal(cacheOf(dir).version, version);
  });

  it('--cache-location names the file, or a directory to keep it in', async () => {
    const dir = project();
    await run(['.', '--cache-location', 'build/lint-cache.json'], { cwd: dir });
    assert.ok(fs.existsSync(path.join(dir, 'build/lint-cache.json')));
    await run(['.', '--cache-location', 'tmp/'], { cwd: dir });
    assert.ok(fs.existsSync(path.join(dir, 'tmp/.policylintcache')));
  });

  it('a corrupt or unreadable cache is one warning naming it, and the run reports as without it', async () => {
    const dir = project();
    const plain = await run(['.', '--format', 'json'], { cwd: dir });
    fs.writeFileSync(path.join(dir, '.policylintcache'), '{ not json');
    const r = await run(['.', '--cache', '--format', 'json'], { cwd: dir });
    assert.equal(r.stdout, plain.stdout);
    assert.match(r.stderr, /^\.policylintcache: warning: the cache is not valid JSON; it will be written anew$/m);
    assert.equal(cacheOf(dir).format, 1, 'written anew');
    fs.rmSync(path.join(dir, '.policylintcache'));
    fs.mkdirSync(path.join(dir, 'cachedir.json'));
    fs.mkdirSync(path.join(dir, 'cachedir.json', '.policylintcache'));
    const d = await run(['.', '--cache-location', 'cachedir.json', '--format', 'json'], { cwd: dir });
    assert.equal(d.stdout, plain.stdout);
    assert.match(d.stderr, /cachedir\.json[\\/]\.policylintcache: warning: cannot use the cache \(is a directory\)/);
  });

  it('--fix always lints and fixes, whatever the cache holds', async () => {
    const dir = project();
    await run(['.', '--cache'], { cwd: dir });
    const r = await run(['.', '--cache', '--fix', '--format', 'json'], { cwd: dir });
    const plainDir = project();
    const plain = await run(['.', '--fix', '--format', 'json'], { cwd: plainDir });
    assert.equal(r.stdout.replaceAll(dir, ''), plain.stdout.replaceAll(plainDir, ''));
    assert.equal(
      fs.readFileSync(path.join(dir, 'missing-sections.md'), 'utf8'),
      fs.readFileSync(path.join(plainDir, 'missing-sections.md'), 'utf8'),
    );
  });
});
