// policylint report: the structure of the HTML page (not its bytes) against what the engine
// finds in the same documents, the Markdown variant, and the page's self-containment.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, profileGroups, resolveConfig } from '../../server/src/engine/index.js';
import { sectionReadability } from '../../server/src/engine/readability.js';
import { REPO_ROOT, run, tempDir } from './helpers.js';

const SEEDS = ['corpus/act-on.com.md', 'corpus/rs6.net.md', 'corpus/manycontacts.com.md'];

/** Counts of the report's parts: what a reader would check the page has. */
function structure(html: string) {
  const documents = html.split('<section class="document"').slice(1);
  return {
    matrixRows: (
      /<table class="matrix coverage-matrix">([\s\S]*?)<\/table>/.exec(html)?.[1].match(/<tr data-item=/g) ?? []
    ).length,
    matrixColumns:
      (/<table class="matrix coverage-matrix"><thead><tr>([\s\S]*?)<\/tr>/.exec(html)?.[1].match(/<th/g) ?? []).length -
      1,
    documents: documents.map((d) => ({
      file: /data-file="([^"]*)"/.exec(d)?.[1],
      checklistRows: (d.match(/<tr class="item"/g) ?? []).length,
      profiles: [...d.matchAll(/<table class="checklist" data-profile="([^"]+)"/g)].map((m) => m[1]),
      findings: (d.match(/<tr class="finding"/g) ?? []).length,
      chartBars: (d.match(/<g class="section-bar">/g) ?? []).length,
      gradeRows: (d.match(/<tr class="section-grade">/g) ?? []).length,
    })),
  };
}

function expected(file: string) {
  const text = fs.readFileSync(path.join(REPO_ROOT, file), 'utf8');
  const r = lint(text, { config: resolveConfig(undefined).config });
  const sections = sectionReadability(r.doc);
  return {
    file,
    checklistRows: r.checklist.length,
    profiles: ['recommended', 'none'],
    findings: r.messages.length,
    chartBars: sections.filter((s) => s.grade !== undefined).length,
    gradeRows: sections.length,
  };
}

describe('policylint report', () => {
  it('writes one HTML page with a matrix, and per document the checklist, findings and chart', async () => {
    const dir = tempDir();
    const out = path.join(dir, 'review.html');
    const r = await run(['report', ...SEEDS, '-o', out]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /wrote .*review\.html \(3 documents\)/);
    const html = fs.readFileSync(out, 'utf8');
    const s = structure(html);
    assert.equal(s.matrixRows, 16);
    assert.equal(s.matrixColumns, SEEDS.length);
    assert.deepEqual(s.documents, SEEDS.map(expected));
  });

  it('is self-contained: a CSP, no script, nothing loaded from anywhere', async () => {
    const r = await run(['report', SEEDS[0]]);
    assert.equal(r.code, 0, r.stderr);
    const html = r.stdout;
    assert.match(
      html,
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">/,
    );
    assert.doesNotMatch(html, /<script|<link |<img |<iframe|@import|url\(/i);
    assert.doesNotMatch(html, /\ssrc="/);
    // A single document has no matrix; its line links point into the file beside the report.
    assert.doesNotMatch(html, /coverage-matrix/);
    assert.match(html, /<a class="line" href="corpus\/act-on\.com\.md#L\d+">/);
  });

  it('escapes the document’s text', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'privacy.policy.md');
    fs.writeFileSync(
      file,
      '# Privacy <script>alert(1)</script> Policy\n\nWe collect your email address & name. Write to privacy@example.com.\n',
    );
    const r = await run(['report', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /<script>/);
    assert.match(r.stdout, /&lt;script&gt;/);
  });

  it('writes Markdown with the same parts', async () => {
    const r = await run(['report', SEEDS[0], SEEDS[1], '--format', 'markdown']);
    assert.equal(r.code, 0, r.stderr);
    for (const heading of ['## Coverage matrix', '### Checklist (', '### Findings', '### Readability per section']) {
      assert.ok(r.stdout.includes(heading), heading);
    }
    const matrix = r.stdout.split('## Coverage matrix')[1].split('\n\n')[1].split('\n');
    assert.equal(matrix.length, 2 + 16 + 1); // header, rule, items, reading grade
    assert.match(r.stdout, /\| \[\d+\]\(corpus\/act-on\.com\.md#L\d+\) \|/);
  });

  it("groups the checklist under each profile's label, with its count, when law profiles are on", async () => {
    const r = await run(['report', SEEDS[0], '--profile', 'recommended,gdpr,ccpa']);
    assert.equal(r.code, 0, r.stderr);
    const config = resolveConfig(undefined, { profile: 'recommended,gdpr,ccpa' }).config;
    const result = lint(fs.readFileSync(path.join(REPO_ROOT, SEEDS[0]), 'utf8'), { config });
    const groups = profileGroups(result.checklist, config);
    const headings = [
      ...r.stdout.matchAll(
        /<h3>([^<]+) <span class="muted">(\d+)\/(\d+)<\/span><\/h3>\s*<table class="checklist" data-profile="([^"]+)">/g,
      ),
    ];
    assert.deepEqual(
      headings.map((m) => [m[4], m[1], Number(m[2]), Number(m[3])]),
      groups.map((g) => [g.profile, g.label, g.met, g.total]),
    );
    assert.deepEqual(headings.map((m) => m[1]).slice(0, 3), ['Checklist', 'GDPR', 'CCPA']);
    // contact is in the corpus checklist and both laws: a row in each of their tables.
    assert.equal((r.stdout.match(/<tr class="item" data-item="contact"/g) ?? []).length, 3);
    const md = await run(['report', SEEDS[0], '--profile', 'recommended,gdpr', '--format', 'markdown']);
    const gdpr = groups.find((g) => g.profile === 'gdpr')!;
    assert.ok(md.stdout.includes(`### GDPR (${gdpr.met}/${gdpr.total})`), md.stdout);
  });

  it('refuses a lint format and exits 2 with no documents', async () => {
    const bad = await run(['report', SEEDS[0], '--format', 'sarif']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format expects one of html, markdown with policylint report/);
    const none = await run(['report']);
    assert.equal(none.code, 2);
  });
});
