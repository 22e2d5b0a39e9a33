// --format github: GitHub Actions workflow commands, checked against the documented shape
// (::level file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message, with the runner's
// escaping) and against the JSON report of the same run.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { escapeData, escapeProperty } from '../../server/src/cli/format-github.js';
import { copyFixtures, run, runJson, tempDir } from './helpers.js';

/** One workflow command: the level, its properties and the message, undoing the escapes. */
const COMMAND = /^::(error|warning|notice) ((?:[a-zA-Z]+=[^,:]*)(?:,[a-zA-Z]+=[^,:]*)*)::(.*)$/;

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

function parse(line: string) {
  const m = COMMAND.exec(line);
  assert.ok(m, `not a workflow command: ${line}`);
  const props = Object.fromEntries(m[2].split(',').map((p) => p.split('=', 2) as [string, string]));
  return {
    level: m[1],
    props: Object.fromEntries(Object.entries(props).map(([k, v]) => [k, unescapeData(v)])),
    message: unescapeData(m[3]),
  };
}

describe('--format github', () => {
  it('prints one annotation per finding with file, line, column, end and the rule id as title', async () => {
    const dir = copyFixtures(tempDir(), { 'legal/privacy.md': 'missing-sections.md' });
    const res = await run(['legal', '--format', 'github'], { cwd: dir });
    const json = await runJson(['legal'], { cwd: dir });
    assert.equal(res.code, json.code);
    const lines = res.stdout.trimEnd().split('\n');
    const expected = json.json.results.flatMap((r) => r.diagnostics.map((d) => ({ file: r.file, ...d })));
    assert.ok(expected.length > 0);
    assert.equal(lines.length, expected.length);
    const level = { error: 'error', warning: 'warning', info: 'notice' } as Record<string, string>;
    lines.forEach((line, i) => {
      const got = parse(line);
      const want = expected[i];
      assert.equal(got.level, level[want.severity]);
      assert.deepEqual(got.props, {
        file: 'legal/privacy.md',
        line: String(want.line),
        endLine: String(want.endLine),
        col: String(want.column),
        endColumn: String(want.endColumn),
        title: want.ruleId,
      });
      assert.equal(got.message, want.message);
    });
  });

  it('prints nothing for a clean policy and exits 0', async () => {
    const dir = copyFixtures(tempDir(), ['clean-policy.md']);
    const res = await run(['clean-policy.md', '--format', 'github'], { cwd: dir });
    assert.equal(res.stdout.split('\n').filter((l) => l.startsWith('::error') || l.startsWith('::warning')).length, 0);
    assert.equal(res.code, 0);
  });

  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    assert.equal(escapeData('100% sure\r\nnext: a, b'), '100%25 sure%0D%0Anext: a, b');
    assert.equal(escapeProperty('dir,x/a:b%.md'), 'dir%2Cx/a%3Ab%25.md');
  });

  it('keeps a file name with a comma and a colon in one property', async () => {
    const dir = copyFixtures(tempDir(), { 'a,b: privacy.md': 'missing-sections.md' });
    const res = await run(['.', '--format', 'github'], { cwd: dir });
    const first = parse(res.stdout.split('\n')[0]);
    assert.equal(first.props.file, 'a,b: privacy.md');
  });

  it('reports a file that could not be read as an error annotation', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'privacy.md'), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00, 0x00]));
    const res = await run(['privacy.md', '--format', 'github'], { cwd: dir });
    assert.equal(res.code, 2);
    assert.match(res.stdout, /^::error title=policylint::privacy\.md: /m);
  });
});
