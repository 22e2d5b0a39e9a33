import assert from 'node:assert/strict';
import * as path from 'node:path';
import { CHECKLIST_IDS } from '../../server/src/engine/index.js';
import { copyFixtures, FIXTURES, runJson, tempDir, type JsonReport } from './helpers.js';

const STATUSES = ['present', 'incomplete', 'missing'];
const SEVERITIES = ['error', 'warning', 'info'];

function assertShape(json: JsonReport) {
  assert.equal(json.version, 1);
  assert.ok(Array.isArray(json.results));
  for (const r of json.results) {
    assert.equal(typeof r.file, 'string');
    assert.equal(typeof r.looksLikePolicy, 'boolean');
    assert.deepEqual(
      r.checklist.map((c) => c.id),
      [...CHECKLIST_IDS],
      `${r.file}: every checklist id, in order`,
    );
    for (const c of r.checklist) {
      assert.ok(STATUSES.includes(c.status), `${r.file} ${c.id}: status ${c.status}`);
      if (c.status === 'missing') assert.equal(c.line, null, `${r.file} ${c.id}: a missing item has line null`);
      else
        assert.ok(
          Number.isInteger(c.line) && (c.line as number) >= 1,
          `${r.file} ${c.id}: 1-based line, got ${c.line}`,
        );
      assert.equal(typeof c.facts, 'object');
      assert.ok(c.facts !== null && !Array.isArray(c.facts));
    }
    for (const d of r.diagnostics) {
      assert.equal(typeof d.ruleId, 'string');
      assert.ok(d.ruleId.length > 0);
      assert.ok(SEVERITIES.includes(d.severity), d.severity);
      assert.equal(typeof d.message, 'string');
      for (const k of ['line', 'column', 'endLine', 'endColumn'] as const) {
        assert.ok(Number.isInteger(d[k]) && d[k] >= 1, `${r.file} ${d.ruleId}: ${k} is 1-based, got ${d[k]}`);
      }
      assert.ok(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column), 'range ends after it starts');
      assert.equal(typeof d.fixable, 'boolean');
    }
  }
}

describe('cli: --format json', () => {
  it('has the documented shape for every fixture, with the path as given', async () => {
    const { json, code } = await runJson(
      ['clean-policy.md', 'missing-sections.md', 'caps-outline.md', 'not-a-policy.md'],
      {
        cwd: FIXTURES,
      },
    );
    assert.notEqual(code, 2);
    assert.deepEqual(
      json.results.map((r) => r.file),
      ['clean-policy.md', 'missing-sections.md', 'caps-outline.md', 'not-a-policy.md'],
    );
    assertShape(json);
    assert.deepEqual(json.errors, []);
  });

  it('states the facts the issue names on the items', async () => {
    const { json } = await runJson(['clean-policy.md', 'caps-outline.md'], { cwd: FIXTURES });
    const [clean, caps] = json.results;
    const item = (r: (typeof json.results)[number], id: string) => r.checklist.find((c) => c.id === id)!;
    assert.deepEqual(item(clean, 'children').facts.ages, [13]);
    assert.equal(item(clean, 'effective-date').facts.date, '2024-03-03');
    assert.deepEqual(item(clean, 'contact').facts.emails, ['privacy@lanternfish-notes.io']);
    assert.ok((item(clean, 'change-notification').facts.methods as string[]).includes('email'));
    assert.deepEqual(item(caps, 'contact').facts.emails, ['secretary@birchwood-allotments.org.uk']);
    assert.deepEqual(item(caps, 'children').facts.ages, [16]);
    assert.equal(item(caps, 'effective-date').facts.date, '2023-01-12');
  });

  it('gives a file that is not a policy one info message and nothing else', async () => {
    const { json, code } = await runJson(['not-a-policy.md'], { cwd: FIXTURES });
    assert.equal(code, 0);
    const [r] = json.results;
    assert.equal(r.looksLikePolicy, false);
    assert.equal(r.diagnostics.length, 1);
    assert.equal(r.diagnostics[0].severity, 'info');
  });

  it('lists unreadable files in a top-level errors array and still reports the others', async () => {
    const dir = copyFixtures(tempDir(), ['clean-policy.md']);
    const { json, code } = await runJson(['clean-policy.md', 'nowhere.md'], { cwd: dir });
    assert.equal(code, 2);
    assert.equal(json.results.length, 1);
    assert.equal(json.results[0].file, 'clean-policy.md');
    assert.equal(json.errors.length, 1);
    assert.equal(json.errors[0].file, 'nowhere.md');
    assert.match(json.errors[0].error, /no such file/);
  });

  it('reports files found in a directory under the directory as given', async () => {
    const dir = copyFixtures(tempDir(), { 'docs/a.md': 'clean-policy.md', 'docs/sub/b.markdown': 'caps-outline.md' });
    const { json } = await runJson(['docs'], { cwd: dir });
    assert.deepEqual(
      json.results.map((r) => r.file),
      ['docs/a.md', path.join('docs', 'sub', 'b.markdown')],
    );
  });
});
