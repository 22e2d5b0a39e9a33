import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfigText } from '../../server/src/engine/index.js';
import { copyFixtures, REPO_ROOT, run, runJson, tempDir } from './helpers.js';

function corpusFiles(): string[] {
  return fs
    .readdirSync(path.join(REPO_ROOT, 'corpus'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `corpus/${f}`);
}

describe('cli: derive', () => {
  it('regenerates the shipped corpus/checklist.json exactly', async () => {
    const r = await run(['derive', ...corpusFiles()]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, fs.readFileSync(path.join(REPO_ROOT, 'corpus/checklist.json'), 'utf8'));
  });

  it('names documents relative to the working directory with forward slashes, and writes -o', async () => {
    const dir = copyFixtures(tempDir(), {
      'set/a.md': 'clean-policy.md',
      'set/b.md': 'caps-outline.md',
      'set/c.md': 'missing-sections.md',
    });
    const r = await run(['derive', 'set', '--min-coverage', '0.5', '-o', 'checklist.json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const text = fs.readFileSync(path.join(dir, 'checklist.json'), 'utf8');
    assert.ok(text.endsWith('}\n'));
    assert.match(text, /^\{\n {2}"/, 'two-space indentation');
    const data = JSON.parse(text) as { documents: string[]; minCoverage: number; items: unknown[] };
    assert.deepEqual(data.documents, ['set/a.md', 'set/b.md', 'set/c.md']);
    assert.equal(data.minCoverage, 0.5);
  });

  it('reports unreadable inputs, derives from the rest and exits 2', async () => {
    const dir = copyFixtures(tempDir(), ['clean-policy.md']);
    fs.writeFileSync(path.join(dir, 'bin.md'), Buffer.from([1, 2, 0, 3]));
    const r = await run(['derive', 'clean-policy.md', 'bin.md', 'gone.md'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^bin\.md: error: binary file/m);
    assert.match(r.stderr, /^gone\.md: error: no such file or directory$/m);
    assert.deepEqual((JSON.parse(r.stdout) as { documents: string[] }).documents, ['clean-policy.md']);
  });

  it('needs files and a sane --min-coverage', async () => {
    assert.equal((await run(['derive'])).code, 2);
    const bad = await run(['derive', 'corpus', '--min-coverage', '1.5']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--min-coverage expects a number from 0 to 1, got "1\.5"/);
  });
});

describe('cli: init', () => {
  it('writes a starter .policylintrc.json that validates and is used', async () => {
    const dir = copyFixtures(tempDir(), ['clean-policy.md']);
    const r = await run(['init'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /wrote \.policylintrc\.json/);
    const text = fs.readFileSync(path.join(dir, '.policylintrc.json'), 'utf8');
    const data = JSON.parse(text) as Record<string, unknown>;
    assert.equal(data.extends, 'recommended');
    for (const key of ['company', 'contactEmail', 'postalAddress']) assert.ok(key in data, key);
    assert.deepEqual(parseConfigText(text, '.policylintrc.json').errors, []);
    const lint = await runJson(['clean-policy.md'], { cwd: dir });
    assert.equal(lint.stderr, '', 'the starter config raises no config error');
  });

  it('refuses to overwrite an existing config', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '.policylintrc.json'), '{"rules":{}}\n');
    const r = await run(['init'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^\.policylintrc\.json: error: already exists; not overwriting it$/m);
    assert.equal(fs.readFileSync(path.join(dir, '.policylintrc.json'), 'utf8'), '{"rules":{}}\n');
  });
});
