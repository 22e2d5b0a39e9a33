// --format gitlab: a GitLab Code Quality report, checked against the documented shape (an
// array of issues with description, check_name, fingerprint, severity and location.path /
// location.lines.begin) and for fingerprints that are unique and survive unrelated edits.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyFixtures, fixture, run, runJson, tempDir } from './helpers.js';

const SEVERITIES = ['info', 'minor', 'major', 'critical', 'blocker'];

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end?: number } };
}

async function report(dir: string, args: string[]): Promise<Issue[]> {
  const res = await run([...args, '--format', 'gitlab'], { cwd: dir });
  const issues = JSON.parse(res.stdout) as Issue[];
  assert.ok(Array.isArray(issues));
  return issues;
}

describe('--format gitlab', () => {
  it('prints a Code Quality issue per finding, with the required fields', async () => {
    const dir = copyFixtures(tempDir(), { 'legal/eu/privacy.md': 'missing-sections.md' });
    const issues = await report(dir, ['legal']);
    const json = await runJson(['legal'], { cwd: dir });
    const diagnostics = json.json.results.flatMap((r) => r.diagnostics);
    assert.equal(issues.length, diagnostics.length);
    assert.ok(issues.length > 0);
    issues.forEach((issue, i) => {
      const d = diagnostics[i];
      assert.equal(typeof issue.description, 'string');
      assert.ok(issue.description.includes(d.message));
      assert.equal(issue.check_name, d.ruleId);
      assert.match(issue.fingerprint, /^[0-9a-f]{32}(-\d+)?$/);
      assert.ok(SEVERITIES.includes(issue.severity), issue.severity);
      assert.equal(issue.severity, { error: 'major', warning: 'minor', info: 'info' }[d.severity]);
      assert.equal(issue.location.path, 'legal/eu/privacy.md');
      assert.equal(issue.location.lines.begin, d.line);
      assert.ok(Number.isInteger(issue.location.lines.begin) && issue.location.lines.begin >= 1);
    });
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length, 'fingerprints are unique');
  });

  it('prints an empty array for a clean run', async () => {
    const dir = copyFixtures(tempDir(), ['clean-policy.md']);
    const issues = await report(dir, ['clean-policy.md']);
    assert.deepEqual(
      issues.filter((i) => i.severity !== 'info'),
      [],
    );
  });

  it('keeps fingerprints when lines are added above the findings', async () => {
    const dir = copyFixtures(tempDir(), { 'privacy.md': 'missing-sections.md' });
    const before = await report(dir, ['privacy.md']);
    const text = fixture('missing-sections.md');
    const title = text.indexOf('\n') + 1;
    fs.writeFileSync(path.join(dir, 'privacy.md'), text.slice(0, title) + '\n\n' + text.slice(title));
    const after = await report(dir, ['privacy.md']);
    const moved = after.filter((i) => i.location.lines.begin > 2);
    assert.ok(moved.length > 0);
    const old = new Set(before.map((i) => i.fingerprint));
    for (const i of moved)
      assert.ok(old.has(i.fingerprint), `${i.check_name} at line ${i.location.lines.begin} changed its fingerprint`);
  });
});
