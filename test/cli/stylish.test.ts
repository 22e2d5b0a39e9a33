import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ChecklistEntry } from '../../server/src/engine/index.js';
import { checklistLine } from '../../server/src/cli/format-stylish.js';
import { copyFixtures, fixture, run, runJson, tempDir } from './helpers.js';

const ESC = '\u001b[';
const entry = (id: string, status: ChecklistEntry['status']) => ({ id, status }) as ChecklistEntry;

describe('cli: stylish output', () => {
  it('checklistLine counts present items and names missing and incomplete ones', () => {
    const list = [
      entry('children', 'missing'),
      entry('contact', 'incomplete'),
      entry('cookies', 'present'),
      entry('effective-date', 'missing'),
    ];
    assert.equal(checklistLine(list), 'checklist 1/4 — missing: children, effective-date; incomplete: contact');
    assert.equal(checklistLine([entry('cookies', 'present')]), 'checklist 1/1');
    assert.equal(checklistLine([entry('use', 'incomplete')]), 'checklist 0/1 — incomplete: use');
  });

  it('with -q names only files that have errors: a clean file gets no header', async () => {
    const dir = copyFixtures(tempDir(), ['missing-sections.md', 'clean-policy.md']);
    const r = await run(['-q', 'missing-sections.md', 'clean-policy.md'], { cwd: dir });
    const lines = r.stdout.split('\n');
    assert.ok(lines.includes('missing-sections.md'), r.stdout);
    assert.ok(!lines.includes('clean-policy.md'), r.stdout);
    assert.match(r.stdout, /in 2 files/);
  });

  it('prints a header, aligned message lines, the checklist line and a summary that agree with the JSON', async () => {
    const dir = copyFixtures(tempDir(), ['missing-sections.md']);
    const r = await run(['missing-sections.md'], { cwd: dir });
    const { json } = await runJson(['missing-sections.md'], { cwd: dir });
    const res = json.results[0];
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'missing-sections.md');
    const messageLines = lines.slice(1, 1 + res.diagnostics.length);
    assert.ok(messageLines.length > 0);
    messageLines.forEach((line, i) => {
      const d = res.diagnostics[i];
      assert.match(line, new RegExp(`^  ${d.line}:${d.column}\\s+${d.severity}\\s+.+  ${d.ruleId}$`));
      assert.ok(line.includes(d.message));
    });
    const severityStart = messageLines.map((l) => /^ {2}\d+:\d+ +/.exec(l)![0].length);
    assert.equal(new Set(severityStart).size, 1, 'severity column aligned');
    const messageStart = messageLines.map((l) => /^ {2}\d+:\d+ +\w+ +/.exec(l)![0].length);
    assert.equal(new Set(messageStart).size, 1, 'message column aligned');

    const present = res.checklist.filter((c) => c.status === 'present').length;
    const missing = res.checklist.filter((c) => c.status === 'missing').map((c) => c.id);
    assert.ok(missing.includes('children'));
    assert.equal(
      lines[1 + res.diagnostics.length],
      `  checklist ${present}/16 — missing: ${missing.join(', ')}` +
        (res.checklist.some((c) => c.status === 'incomplete')
          ? `; incomplete: ${res.checklist
              .filter((c) => c.status === 'incomplete')
              .map((c) => c.id)
              .join(', ')}`
          : ''),
    );

    const errors = res.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = res.diagnostics.filter((d) => d.severity === 'warning').length;
    const s = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
    assert.match(
      r.stdout,
      new RegExp(`^✖ ${s(errors + warnings, 'problem')} \\(${s(errors, 'error')}, ${s(warnings, 'warning')}`, 'm'),
    );
  });

  it('gives a non-policy file its one info line and no checklist line', async () => {
    const dir = copyFixtures(tempDir(), ['not-a-policy.md']);
    const r = await run(['not-a-policy.md'], { cwd: dir });
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], 'not-a-policy.md');
    assert.match(lines[1], /^ {2}1:1\s+info\s+/);
    assert.equal(lines[2], '');
    assert.doesNotMatch(r.stdout, /checklist/);
    assert.match(r.stdout, /^✔ no problems in 1 file \(1 info\)$/m);
  });

  it('reads stdin for "-" and calls it <stdin>', async () => {
    const r = await run(['-'], { stdin: fixture('missing-sections.md') });
    assert.equal(r.stdout.split('\n')[0], '<stdin>');
    assert.match(r.stdout, /checklist \d+\/16/);
    const empty = await run(['-'], { stdin: '' });
    assert.match(empty.stderr, /^<stdin>: warning: empty file, skipped$/m);
  });

  it('--quiet leaves out warnings and infos', async () => {
    const dir = copyFixtures(tempDir(), ['missing-sections.md', 'not-a-policy.md']);
    const r = await run(['missing-sections.md', 'not-a-policy.md', '--quiet'], { cwd: dir });
    assert.doesNotMatch(r.stdout, /^\s+\d+:\d+\s+(warning|info)\s/m);
    assert.match(r.stdout, /^\s+\d+:\d+\s+error\s/m);
  });

  describe('colour', () => {
    let dir: string;
    before(() => {
      dir = copyFixtures(tempDir(), ['missing-sections.md']);
    });
    const cases: [string, string[], Record<string, string>, boolean, boolean][] = [
      ['off when stdout is not a terminal', [], {}, false, false],
      ['on for a terminal', [], {}, true, true],
      ['off with NO_COLOR', [], { NO_COLOR: '1' }, true, false],
      ['on with FORCE_COLOR even when piped', [], { FORCE_COLOR: '1' }, false, true],
      ['off with FORCE_COLOR=0', [], { FORCE_COLOR: '0' }, true, false],
      ['off with --no-color whatever the environment says', ['--no-color'], { FORCE_COLOR: '1' }, true, false],
    ];
    for (const [what, flags, env, tty, expected] of cases) {
      it(what, async () => {
        const r = await run(['missing-sections.md', ...flags], { cwd: dir, env, stdoutIsTTY: tty });
        assert.equal(r.stdout.includes(ESC), expected);
      });
    }
    it('never in JSON', async () => {
      const r = await run(['missing-sections.md', '--format', 'json'], {
        cwd: dir,
        env: { FORCE_COLOR: '1' },
        stdoutIsTTY: true,
      });
      assert.ok(!r.stdout.includes(ESC));
      JSON.parse(r.stdout);
    });
  });

  describe('progress on stderr', () => {
    let dir: string;
    before(() => {
      dir = tempDir();
      for (let i = 1; i <= 21; i++) {
        const name = `p${String(i).padStart(2, '0')}.md`;
        fs.writeFileSync(path.join(dir, name), fixture(i % 2 ? 'caps-outline.md' : 'clean-policy.md'));
      }
    });

    it('counts files on a terminal when there are more than 20, then clears the line', async () => {
      const r = await run(['.', '--jobs', '1'], { cwd: dir, stderrIsTTY: true });
      assert.ok(r.stderr.startsWith('\r\u001b[K[1/21] p01.md'), JSON.stringify(r.stderr.slice(0, 40)));
      assert.ok(r.stderr.includes('\r\u001b[K[21/21] p21.md'));
      assert.ok(r.stderr.endsWith('\r\u001b[K'));
      assert.equal(r.stdout.includes('\r'), false, 'stdout is untouched');
    });

    it('with worker threads, counts files as they finish: each named once, the count rising to 21', async () => {
      const r = await run(['.', '--jobs', '2'], { cwd: dir, stderrIsTTY: true });
      const ticks = r.stderr.split('\r\u001b[K').filter(Boolean);
      assert.deepEqual(
        ticks.map((t) => Number(/^\[(\d+)\/21\] /.exec(t)?.[1])),
        Array.from({ length: 21 }, (_, i) => i + 1),
      );
      assert.deepEqual(
        ticks.map((t) => t.replace(/^\[\d+\/21\] /, '')).sort(),
        Array.from({ length: 21 }, (_, i) => `p${String(i + 1).padStart(2, '0')}.md`),
      );
      assert.ok(r.stderr.endsWith('\r\u001b[K'));
    });

    it('stays silent when stderr is not a terminal or there are only 20 files', async () => {
      assert.equal((await run(['.'], { cwd: dir, stderrIsTTY: false })).stderr, '');
      fs.rmSync(path.join(dir, 'p21.md'));
      assert.equal((await run(['.', '--jobs', '1'], { cwd: dir, stderrIsTTY: true })).stderr, '');
    });
  });
});
