// Delivery and robustness: pull vs push, version-tied results under a burst of changes,
// on-save mode, untitled and non-policy documents, a rule that throws, huge documents,
// Lint Workspace.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionRequest,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  HoverRequest,
  type CodeAction,
  type DocumentDiagnosticReport,
  type TextDocumentEdit,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { RULES } from '../../server/src/engine/index.js';
import { withFaults } from '../../server/src/engine/faults.js';
import { packageRoot } from '../../server/src/node/package.js';
import { ChecklistRequest, LintDocumentsRequest } from '../../server/src/protocol.js';
import { CORPUS, engineLint, summarizeDiagnostics, summarizeMessages } from './expect.js';
import { editsFor, fileUri, Harness } from './harness.js';

const POLICY = CORPUS.find((f) => f.includes('rs6'))!;
const TEXT = readFileSync(POLICY, 'utf8');

describe('language server: delivery and robustness', function () {
  this.timeout(30_000);

  describe('push diagnostics', () => {
    let h: Harness;
    before(async () => {
      h = await Harness.start();
    });
    after(async () => {
      await h?.stop();
    });

    it('reports the version in package.json as its serverInfo version', () => {
      const pkg = JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
      assert.equal(h.initializeResult?.serverInfo?.version, pkg.version);
    });

    it('does not declare a pull diagnostic provider to a client without pull support', () => {
      assert.equal(h.initializeResult?.capabilities.diagnosticProvider, undefined);
    });

    it('publishes only the last version after a burst of 50 rapid changes', async () => {
      const uri = fileUri(POLICY);
      await h.open(uri, TEXT);
      await h.diagnostics(uri, 1);
      const from = h.events.length;
      let last = 1;
      for (let i = 0; i < 50; i++) {
        last = await h.edit(uri, {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          newText: i % 2 ? '' : ' ',
        });
      }
      const final = await h.diagnostics(uri, last, from);
      const expected = engineLint(h.doc(uri).text, POLICY);
      assert.deepEqual(summarizeDiagnostics(final), summarizeMessages(h.doc(uri).text, expected.messages));
      // A round trip after the publish: anything the server had queued has arrived by now.
      await h.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      const versions = h.events
        .slice(from)
        .flatMap((e) => (e.kind === 'diagnostics' && e.params.uri === uri ? [e.params.version] : []));
      assert.deepEqual(versions, [last], 'a publish carried an older version after the last change was sent');
      await h.close(uri);
    });

    it('a version number that comes back with other text gets that text’s diagnostics, not the cached ones', async () => {
      const uri = fileUri(POLICY).replace(/\.md$/, '-reused.md');
      const placeholder = `${TEXT}\nThis policy was written by [COMPANY NAME].\n`;
      const expectFor = (text: string) => summarizeMessages(text, engineLint(text, POLICY).messages);
      await h.open(uri, TEXT);
      assert.deepEqual(summarizeDiagnostics(await h.diagnostics(uri, 1)), expectFor(TEXT));
      // A second didOpen with the same version and other text.
      let from = h.events.length;
      await h.open(uri, placeholder);
      assert.deepEqual(summarizeDiagnostics(await h.diagnostics(uri, 1, from)), expectFor(placeholder));
      // A version sent twice, the second time with the original text.
      from = h.events.length;
      const v = await h.setText(uri, `${placeholder}One more line.\n`);
      await h.diagnostics(uri, v, from);
      from = h.events.length;
      h.doc(uri).text = TEXT;
      await h.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: v },
        contentChanges: [{ text: TEXT }],
      });
      assert.deepEqual(summarizeDiagnostics(await h.diagnostics(uri, v, from)), expectFor(TEXT));
      await h.close(uri);
    });

    it('lints an untitled privacy-policy document', async () => {
      const uri = 'untitled:Untitled-1';
      await h.open(uri, TEXT);
      const diagnostics = await h.diagnostics(uri, 1);
      assert.deepEqual(summarizeDiagnostics(diagnostics), summarizeMessages(TEXT, engineLint(TEXT).messages));
      await h.close(uri);
    });

    it('does not lint Markdown that policylint.files does not match', async () => {
      const readme = fileUri(path.resolve('corpus', 'README.md'));
      const policy = fileUri(path.resolve('corpus', 'other-privacy.md'));
      await h.open(readme, TEXT, 'markdown');
      await h.open(policy, TEXT, 'markdown');
      await h.diagnostics(policy, 1);
      assert.equal(await h.conn.sendRequest(ChecklistRequest, { uri: readme }), null);
      assert.equal(
        await h.conn.sendRequest(HoverRequest.type, {
          textDocument: { uri: readme },
          position: { line: 2, character: 3 },
        }),
        null,
      );
      assert.deepEqual(await h.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: readme } }), []);
      assert.equal(h.publications(readme).length, 0);
      await h.close(readme);
      await h.close(policy);
    });

    it('clears a document’s diagnostics when it is closed', async () => {
      const uri = fileUri(POLICY);
      await h.open(uri, TEXT);
      await h.diagnostics(uri, 1);
      const from = h.events.length;
      await h.close(uri);
      assert.deepEqual(await h.diagnostics(uri, undefined, from), []);
    });

    it('gives a document over 5 MB one information diagnostic instead of linting it', async () => {
      const uri = 'untitled:Huge-1';
      const huge = `# Privacy Policy\n\n${'We collect your name. '.repeat(260_000)}\n`;
      assert.ok(huge.length > 5 * 1024 * 1024);
      await h.open(uri, huge);
      const diagnostics = await h.diagnostics(uri, 1);
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0].severity, 3);
      assert.match(diagnostics[0].message, /too large/);
      assert.deepEqual(await h.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), []);
      await h.close(uri);
    });

    it('lints documents sent by Lint Workspace and publishes their diagnostics', async () => {
      const docs = CORPUS.slice(0, 2).map((f) => ({
        uri: fileUri(f.replace(/\.md$/, '.policy.md')),
        text: readFileSync(f, 'utf8'),
      }));
      const from = h.events.length;
      const response = await h.conn.sendRequest(LintDocumentsRequest, { documents: docs });
      assert.equal(response.results.length, docs.length);
      for (const [i, doc] of docs.entries()) {
        const expected = engineLint(doc.text, CORPUS[i]).messages;
        const r = response.results[i];
        assert.equal(r.uri, doc.uri);
        assert.equal(r.errors, expected.filter((m) => m.severity === 'error').length);
        assert.equal(r.warnings, expected.filter((m) => m.severity === 'warning').length);
        assert.equal(r.infos, expected.filter((m) => m.severity === 'info').length);
        const published = await h.diagnostics(doc.uri, undefined, from);
        assert.deepEqual(summarizeDiagnostics(published), summarizeMessages(doc.text, expected));
      }
    });
  });

  for (const [name, options] of [
    [
      'the bin policylint-language-server --stdio',
      { script: path.resolve('server/bin/policylint-language-server.js') },
    ],
    ['the bundled server over IPC (--node-ipc)', { transport: 'ipc' as const }],
  ] as const) {
    it(`starts as ${name} and lints`, async () => {
      const h = await Harness.start({ ...options, settings: { debounceMs: 0 } });
      try {
        const uri = fileUri(POLICY);
        await h.open(uri, TEXT);
        const diagnostics = await h.diagnostics(uri, 1);
        assert.deepEqual(summarizeDiagnostics(diagnostics), summarizeMessages(TEXT, engineLint(TEXT, POLICY).messages));
      } finally {
        await h.stop();
      }
    });
  }

  describe('run on save', () => {
    let h: Harness;
    before(async () => {
      h = await Harness.start({ settings: { run: 'onSave', debounceMs: 0 } });
    });
    after(async () => {
      await h?.stop();
    });

    it('lints on open and on save, not on change', async () => {
      const uri = fileUri(POLICY);
      await h.open(uri, TEXT);
      await h.diagnostics(uri, 1);
      const changed = `${TEXT}\n\nOne more paragraph.\n`;
      const version = await h.setText(uri, changed);
      // A round trip that needs the settings: a change-triggered lint would have been scheduled by now.
      await h.conn.sendRequest(ChecklistRequest, { uri });
      const from = h.events.length;
      await h.save(uri);
      const diagnostics = await h.diagnostics(uri, version, from);
      assert.deepEqual(
        summarizeDiagnostics(diagnostics),
        summarizeMessages(changed, engineLint(changed, POLICY).messages),
      );
      assert.deepEqual(
        h.publications(uri).map((p) => p.version),
        [1, version],
      );
    });
  });

  describe('pull diagnostics', () => {
    let h: Harness;
    before(async () => {
      h = await Harness.start({ pull: true, documentChanges: true, settings: { debounceMs: 0 } });
    });
    after(async () => {
      await h?.stop();
    });

    async function pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
      return h.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
    }

    it('declares a diagnostic provider to a client with pull support', () => {
      assert.deepEqual(h.initializeResult?.capabilities.diagnosticProvider, {
        identifier: 'policylint',
        interFileDependencies: false,
        workspaceDiagnostics: false,
      });
    });

    it('answers textDocument/diagnostic for the current version and never pushes for open documents', async () => {
      const uri = fileUri(POLICY);
      await h.open(uri, TEXT);
      const first = (await pull(uri)) as FullDocumentDiagnosticReport;
      assert.equal(first.kind, 'full');
      assert.deepEqual(summarizeDiagnostics(first.items), summarizeMessages(TEXT, engineLint(TEXT, POLICY).messages));

      const changed = TEXT.replace(/\n/, '\n\nA new first paragraph.\n');
      await h.setText(uri, changed);
      const second = (await pull(uri, first.resultId)) as FullDocumentDiagnosticReport;
      assert.equal(second.kind, 'full');
      assert.notEqual(second.resultId, first.resultId);
      assert.deepEqual(
        summarizeDiagnostics(second.items),
        summarizeMessages(changed, engineLint(changed, POLICY).messages),
      );
      assert.equal(h.publications(uri).length, 0, 'pushed diagnostics to a pull client');
    });

    it('debounces a pull that follows a change, answering for the version current after the pause', async () => {
      const uri = fileUri(POLICY);
      await h.changeSettings({ debounceMs: 400 });
      const v2 = `${TEXT}\nSecond version.\n`;
      const v3 = `${TEXT}\nThird version, with more words in it.\n`;
      await h.setText(uri, v2);
      const pending = pull(uri);
      await h.setText(uri, v3);
      const report = (await pending) as FullDocumentDiagnosticReport;
      assert.deepEqual(summarizeDiagnostics(report.items), summarizeMessages(v3, engineLint(v3, POLICY).messages));
      await h.changeSettings({ debounceMs: 0 });
    });

    it('sends versioned edits (documentChanges) to a client that supports them', async () => {
      const uri = fileUri(POLICY);
      const report = (await pull(uri)) as FullDocumentDiagnosticReport;
      const d = report.items.find((x) => !(x.data as { documentLevel?: boolean }).documentLevel)!;
      const actions = (await h.conn.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d] },
      })) as CodeAction[];
      const disable = actions.find((a) => a.title === `Disable ${d.code} for this line`)!;
      const change = disable.edit!.documentChanges![0] as TextDocumentEdit;
      assert.deepEqual(change.textDocument, { uri, version: h.doc(uri).version });
      assert.equal(editsFor(disable.edit!, uri).length, 1);
    });

    it('asks the client to pull again when settings change', async () => {
      const from = h.events.length;
      await h.changeSettings({ debounceMs: 0, profile: 'all' });
      await h.waitFor(
        'diagnostic refresh',
        (e) => (e.kind === 'refresh' && e.method === 'workspace/diagnostic/refresh' ? true : undefined),
        from,
      );
    });
  });

  describe('a rule that throws', () => {
    const rule = RULES.find((r) => r.meta.id === 'cross-reference')?.meta.id ?? RULES[0]?.meta.id ?? 'no-rule';
    let h: Harness;
    before(async () => {
      h = await Harness.start({ env: { POLICYLINT_TEST_THROW_IN_RULE: rule }, settings: { debounceMs: 0 } });
    });
    after(async () => {
      await h?.stop();
    });

    it('becomes exactly one diagnostic naming the rule, is logged, and the server keeps serving', async () => {
      const uri = fileUri(POLICY);
      await h.open(uri, TEXT);
      const diagnostics = await h.diagnostics(uri, 1);
      const expected = engineLint(TEXT, POLICY, withFaults({}, { throwInRule: rule })).messages;
      assert.deepEqual(summarizeDiagnostics(diagnostics), summarizeMessages(TEXT, expected));
      const named = diagnostics.filter((d) => d.code === rule);
      assert.equal(named.length, 1);
      assert.ok(named[0].message.includes(rule));
      assert.ok(
        h.logs().some((l) => l.includes(rule) && /failed/.test(l)),
        'the failure was not logged',
      );
      const symbols = await h.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      assert.ok(symbols && symbols.length > 0);
      const version = await h.setText(uri, `${TEXT}\nMore.\n`);
      assert.equal((await h.diagnostics(uri, version)).filter((d) => d.code === rule).length, 1);
    });
  });
});
