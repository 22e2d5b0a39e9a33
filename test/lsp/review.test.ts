// The language server's side of the review work: stale-effective-date with git read only in
// a trusted workspace (and never blocking a lint), and the review report request.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { ReviewReportRequest } from '../../server/src/protocol.js';
import { fileUri, Harness } from './harness.js';

const POLICY =
  '# Privacy Policy\n\nLast updated: March 3, 2025\n\n## Retention\n\nWe keep your order history for two years.\n';
const CHANGED = POLICY.replace('two years', 'six years');

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', args, {
    cwd,
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  });
}

function repo(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-git-'));
  git(dir, 'init', '-q');
  fs.writeFileSync(path.join(dir, 'privacy.policy.md'), POLICY);
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'first');
  return path.join(dir, 'privacy.policy.md');
}

const staleOf = (ds: { code?: unknown }[]) => ds.filter((d) => d.code === 'stale-effective-date');

describe('language server: stale-effective-date and the review report', function () {
  this.timeout(30_000);

  it('in a trusted workspace: lints at once, then again with the committed text, and warns', async () => {
    const file = repo();
    const h = await Harness.start({ settings: { debounceMs: 0 }, initializationOptions: { workspaceTrusted: true } });
    try {
      const uri = fileUri(file);
      const doc = await h.open(uri, CHANGED);
      // The diagnostics that name the rule come once git has answered; the lint did not wait for it.
      const found = await h.waitFor(
        'a stale-effective-date diagnostic',
        (e) =>
          e.kind === 'diagnostics' && e.params.uri === uri && staleOf(e.params.diagnostics).length
            ? staleOf(e.params.diagnostics)
            : undefined,
        doc.openedAt,
      );
      assert.equal(found.length, 1);
      assert.equal((found[0] as { range: { start: { line: number } } }).range.start.line, 2);
      assert.equal(staleOf(h.publications(uri).at(-1)!.diagnostics).length, 1);
    } finally {
      await h.stop();
    }
  });

  it('a git that hangs does not hold up the lint', async () => {
    const file = repo();
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-fake-git-'));
    fs.writeFileSync(path.join(bin, 'git'), '#!/bin/sh\nsleep 30\n', { mode: 0o755 });
    const h = await Harness.start({
      settings: { debounceMs: 0 },
      initializationOptions: { workspaceTrusted: true },
      env: { PATH: `${bin}${path.delimiter}${process.env.PATH}` },
    });
    try {
      const uri = fileUri(file);
      const doc = await h.open(uri, CHANGED);
      const diagnostics = await h.diagnostics(uri, doc.version);
      assert.ok(diagnostics.length > 0, 'linted while git hangs');
      assert.equal(staleOf(diagnostics).length, 0);
    } finally {
      await h.stop();
    }
  });

  it('whitespace-only changes: no warning', async () => {
    const file = repo();
    const h = await Harness.start({ settings: { debounceMs: 0 }, initializationOptions: { workspaceTrusted: true } });
    try {
      const uri = fileUri(file);
      const rewrapped = POLICY.replace('history for', 'history\nfor') + '\n\n';
      const opened = await h.open(uri, rewrapped);
      await h.diagnostics(uri, opened.version);
      // A second document in the same repository that did change shows git answers (it was asked for the first one earlier).
      const other = path.join(path.dirname(file), 'other.policy.md');
      fs.writeFileSync(other, POLICY);
      git(path.dirname(file), 'add', '.');
      git(path.dirname(file), 'commit', '-q', '-m', 'other');
      const otherUri = fileUri(other);
      const d = await h.open(otherUri, CHANGED);
      await h.waitFor(
        'the other document warned',
        (e) =>
          e.kind === 'diagnostics' && e.params.uri === otherUri && staleOf(e.params.diagnostics).length
            ? true
            : undefined,
        d.openedAt,
      );
      // Another whitespace edit: linted with the committed text known by now.
      const version = await h.setText(uri, rewrapped + '\n');
      await h.diagnostics(uri, version);
      for (const p of h.publications(uri)) assert.equal(staleOf(p.diagnostics).length, 0);
    } finally {
      await h.stop();
    }
  });

  it('in an untrusted workspace: silent, and says so once in the log', async () => {
    const file = repo();
    const h = await Harness.start({ settings: { debounceMs: 0 } });
    try {
      const uri = fileUri(file);
      const doc = await h.open(uri, CHANGED);
      await h.diagnostics(uri, doc.version);
      const second = path.join(path.dirname(file), 'second.policy.md');
      const d2 = await h.open(fileUri(second), CHANGED);
      await h.diagnostics(fileUri(second), d2.version);
      for (const p of h.publications(uri)) assert.equal(staleOf(p.diagnostics).length, 0);
      assert.equal(h.logs().filter((l) => /git is read only in a trusted workspace/.test(l)).length, 1);
    } finally {
      await h.stop();
    }
  });

  it('answers policylint/reviewReport with a self-contained page whose lines are command links', async () => {
    const h = await Harness.start({ settings: { debounceMs: 0 } });
    try {
      const uri = fileUri(path.resolve('corpus/rs6.net.md'));
      await h.open(uri, fs.readFileSync('corpus/rs6.net.md', 'utf8'));
      const report = await h.conn.sendRequest(ReviewReportRequest, { uri });
      assert.ok(report);
      assert.match(report.html, /Content-Security-Policy/);
      assert.doesNotMatch(report.html, /<script/);
      assert.match(report.html, /<svg class="readability-chart"/);
      const link = /<a class="line" href="command:policylint\.revealEvidence\?([^"]+)">(\d+)<\/a>/.exec(report.html);
      assert.ok(link, 'a command link to a line');
      const [target, range] = JSON.parse(decodeURIComponent(link[1].replace(/&amp;/g, '&')));
      assert.equal(target, uri);
      assert.equal(range.start.line, Number(link[2]) - 1);
      // The hover on a section title gives the same grade the report shows for it.
      const row =
        /<tr class="section-grade"><td>([^<]+)<\/td><td class="num"><a class="line" href="[^"]+">(\d+)<\/a><\/td><td class="num">\d+<\/td><td class="num[^"]*">([\d.]+)<\/td>/.exec(
          report.html,
        );
      assert.ok(row, 'a graded section');
      const hover = await h.conn.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: { line: Number(row[2]) - 1, character: 3 },
      });
      assert.ok(hover, 'a hover for the section');
      assert.match(
        (hover.contents as MarkupContent).value,
        new RegExp(`Reading grade ${row[3].replace('.', '\\.')} \\(Flesch–Kincaid`),
      );
    } finally {
      await h.stop();
    }
  });
});
