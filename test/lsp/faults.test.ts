// Fault injection over LSP (issue 5): whatever goes wrong on one document or request, the
// server answers or reports, keeps serving the others, and never exits. After each fault a
// normal request on another document must still succeed.
//
// Covered elsewhere, not repeated here:
// - a rule that throws (one diagnostic naming it, logged, later edits still linted):
//   robustness.test.ts, "a rule that throws"; here only the other features on that document.
// - a config that appears and is deleted, turning a rule off and on: config.test.ts,
//   "turns a rule off when a watched .policylintrc.json appears, and on again when it goes".
// - a config that is not JSON when the document is opened: config.test.ts, "reports a
//   config that is not JSON at its line, naming the file, and still lints".
// - a document over 5 MiB with no config: robustness.test.ts, "gives a document over 5 MB one
//   information diagnostic".
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  ExecuteCommandRequest,
  FileChangeType,
  FoldingRangeRequest,
  HoverRequest,
  ResponseError,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { resolveConfig, RULES } from '../../server/src/engine/index.js';
import { Commands, ChecklistRequest, LintDocumentsRequest } from '../../server/src/protocol.js';
import { CORPUS, engineLint, summarizeDiagnostics, summarizeMessages } from './expect.js';
import { fileUri, Harness } from './harness.js';
import { lint } from '../../server/src/engine/index.js';

const POLICY = CORPUS.find((f) => f.includes('manycontacts'))!;
const TEXT = fs.readFileSync(POLICY, 'utf8');
const HEALTHY = 'untitled:Healthy-Policy';

/** The answer to a request, or the error response it got (anything else fails the test). */
async function answerOf<T>(request: Promise<T>): Promise<{ result?: T; error?: ResponseError<unknown> }> {
  try {
    return { result: await request };
  } catch (err) {
    assert.ok(err instanceof ResponseError, `not an error response: ${String(err)}`);
    return { error: err };
  }
}

/** The server is alive and serving: a change to the healthy document is linted, and its outline comes back. */
async function assertServing(h: Harness): Promise<void> {
  assert.equal(h.proc.exitCode, null, 'the server exited');
  assert.equal(h.proc.signalCode, null, 'the server was killed');
  const text = `${h.doc(HEALTHY).text}\nOne more line, version ${h.doc(HEALTHY).version + 1}.\n`;
  const version = await h.setText(HEALTHY, text);
  const diagnostics = await h.diagnostics(HEALTHY, version);
  assert.deepEqual(summarizeDiagnostics(diagnostics), summarizeMessages(text, engineLint(text).messages));
  const symbols = await h.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: HEALTHY } });
  assert.ok(symbols && symbols.length > 0, 'no outline for the healthy document');
}

/** The diagnostics of the first publication for `uri` (any version) from event `from` on that `pick` accepts. */
function nextPublication(h: Harness, uri: string, from: number, pick: (d: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
  return h.waitFor(`diagnostics for ${uri}`, (e) => (e.kind === 'diagnostics' && e.params.uri === uri && pick(e.params.diagnostics) ? e.params.diagnostics : undefined), from);
}

describe('language server: fault injection', function () {
  this.timeout(60_000);
  let h: Harness;
  let tmp: string;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-faults-'));
    h = await Harness.start({ settings: { debounceMs: 0 } });
    await h.open(HEALTHY, TEXT);
    await h.diagnostics(HEALTHY, 1);
  });
  after(async () => {
    await h?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A folder with a config (JSON text or data) and a policy opened in the privacy-policy language. */
  async function openWithConfig(folder: string, config: unknown, text = TEXT): Promise<{ uri: string; configFile: string; diagnostics: Diagnostic[] }> {
    const dir = path.join(tmp, folder);
    fs.mkdirSync(dir, { recursive: true });
    const configFile = path.join(dir, '.policylintrc.json');
    fs.writeFileSync(configFile, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
    const file = path.join(dir, 'policy.md');
    fs.writeFileSync(file, text);
    const uri = fileUri(file);
    await h.open(uri, text);
    return { uri, configFile, diagnostics: await h.diagnostics(uri, 1) };
  }

  describe('config files changing under an open document', () => {
    it('a config deleted while the document is open: diagnostics go back to the default profile', async () => {
      const { uri, configFile, diagnostics } = await openWithConfig('deleted', { extends: 'all' });
      const defaults = summarizeMessages(TEXT, lint(TEXT, { config: resolveConfig(undefined).config }).messages);
      assert.notDeepEqual(summarizeDiagnostics(diagnostics), defaults, 'the "all" profile should differ from the default');
      fs.rmSync(configFile);
      const from = h.events.length;
      await h.configFileChanged(configFile, FileChangeType.Deleted);
      assert.deepEqual(summarizeDiagnostics(await nextPublication(h, uri, from)), defaults);
      await h.close(uri);
      await assertServing(h);
    });

    it('a config deleted but reported as Changed (as some clients do): defaults, and no error about the missing file', async () => {
      const { uri, configFile } = await openWithConfig('deleted-as-changed', { extends: 'all' });
      const messagesBefore = h.showMessages().length;
      fs.rmSync(configFile);
      const from = h.events.length;
      await h.configFileChanged(configFile, FileChangeType.Changed);
      const defaults = summarizeMessages(TEXT, lint(TEXT, { config: resolveConfig(undefined).config }).messages);
      assert.deepEqual(summarizeDiagnostics(await nextPublication(h, uri, from)), defaults);
      const configUri = fileUri(configFile);
      for (const p of h.publications(configUri)) assert.deepEqual(p.diagnostics, [], `a diagnostic on the deleted config: ${JSON.stringify(p.diagnostics)}`);
      assert.deepEqual(h.showMessages().slice(messagesBefore), []);
      await h.close(uri);
      await assertServing(h);
    });

    it('a config that turns into invalid JSON while the document is open: one diagnostic and one message naming the file and line; linted with defaults', async () => {
      const rule = RULES.find((r) => r.meta.id === 'no-placeholders')?.meta.id ?? RULES[0].meta.id;
      const { uri, configFile } = await openWithConfig('broken-later', { rules: { [rule]: 'off' } });
      const messagesBefore = h.showMessages().length;
      // Line 3 has the trailing comma JSON does not allow.
      fs.writeFileSync(configFile, `{\n  "rules": {\n    "${rule}": "off",\n  }\n}\n`);
      const from = h.events.length;
      await h.configFileChanged(configFile, FileChangeType.Changed);
      const configUri = fileUri(configFile);
      const configDiagnostics = await nextPublication(h, configUri, from, (d) => d.length > 0);
      assert.equal(configDiagnostics.length, 1);
      assert.equal(configDiagnostics[0].severity, 1);
      assert.match(configDiagnostics[0].message, /JSON/);
      const shown = await h.waitFor('a message about the config', (e) => (e.kind === 'showMessage' && e.params.message.includes(configFile) ? e.params : undefined), from);
      assert.match(shown.message, new RegExp(`${configFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+`), 'the message names the file and the line');
      assert.equal(h.showMessages().length - messagesBefore, 1);
      // Invalid JSON gives no config at all: the document is linted with the defaults.
      const defaults = summarizeMessages(TEXT, lint(TEXT, { config: resolveConfig(undefined).config }).messages);
      assert.deepEqual(summarizeDiagnostics(await nextPublication(h, uri, from)), defaults);
      await h.close(uri);
      await assertServing(h);
    });
  });

  describe('size limit from the document’s config', () => {
    it('a document over its config’s maxFileSize gets one information diagnostic naming its size and the limit, and nothing else', async () => {
      // 40,000 euro signs: 40,000 UTF-16 code units but 120,000 bytes, over a 100 KB limit.
      const text = `# Privacy Policy\n\n${'€'.repeat(40_000)}\n`;
      const { uri, configFile, diagnostics } = await openWithConfig('limit', { maxFileSize: '100 KB' }, text);
      assert.equal(diagnostics.length, 1);
      assert.equal(diagnostics[0].severity, 3);
      assert.equal(diagnostics[0].code, 'too-large');
      assert.match(diagnostics[0].message, /^This document is 120 KB, too large to lint: over the 100 KB size limit/);
      assert.deepEqual(await h.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), []);
      assert.deepEqual(await h.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }), []);
      assert.deepEqual(await h.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri } }), []);

      // Raised: linted like any document.
      fs.writeFileSync(configFile, JSON.stringify({ maxFileSize: '1 MB' }));
      const from = h.events.length;
      await h.configFileChanged(configFile);
      const linted = await nextPublication(h, uri, from);
      assert.ok(!linted.some((d) => d.code === 'too-large'));
      assert.deepEqual(summarizeDiagnostics(linted), summarizeMessages(text, lint(text, { assumePolicy: true }).messages));
      await h.close(uri);
      await assertServing(h);
    });
  });

  describe('a document closed while its lint is pending', () => {
    it('publishes nothing but an empty list for it after the close, and keeps serving', async () => {
      await h.changeSettings({ debounceMs: 1000 });
      try {
        const uri = 'untitled:Closed-While-Pending';
        await h.open(uri, TEXT);
        await h.setText(uri, `${TEXT}\nA change whose lint is still waiting.\n`);
        const from = h.events.length;
        await h.close(uri);
        // The healthy document's lint is scheduled after the closed one's, with the same pause:
        // once its diagnostics arrive, the closed document's timer would have fired too.
        const version = await h.setText(HEALTHY, `${h.doc(HEALTHY).text}\nA change after the close.\n`);
        await h.diagnostics(HEALTHY, version, from);
        const after = h.events.slice(from).flatMap((e) => (e.kind === 'diagnostics' && e.params.uri === uri ? [e.params.diagnostics] : []));
        for (const d of after) assert.deepEqual(d, [], 'diagnostics published for a closed document');
      } finally {
        await h.changeSettings({ debounceMs: 0 });
      }
      await assertServing(h);
    });

    it('a pull request waiting on the debounce when its document closes is answered', async () => {
      const pull = await Harness.start({ pull: true, settings: { debounceMs: 1000 } });
      try {
        const uri = 'untitled:Pulled-Then-Closed';
        await pull.open(uri, TEXT);
        await pull.setText(uri, `${TEXT}\nChanged.\n`);
        const pending = answerOf(pull.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }));
        await pull.close(uri);
        const { result } = await pending;
        if (result) {
          assert.equal(result.kind, 'full');
          assert.deepEqual((result as FullDocumentDiagnosticReport).items, [], 'diagnostics for a closed document');
        }
        assert.equal(pull.proc.exitCode, null);
        await pull.open('untitled:Other', TEXT);
        const other = (await pull.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: 'untitled:Other' } })) as FullDocumentDiagnosticReport;
        assert.deepEqual(summarizeDiagnostics(other.items), summarizeMessages(TEXT, engineLint(TEXT).messages));
      } finally {
        await pull.stop();
      }
    });
  });

  describe('requests for a document the server does not know', () => {
    const unknown = ['untitled:Never-Opened', fileUri(path.join(os.tmpdir(), 'policylint-no-such-dir', 'gone.md'))];
    const position = { line: 0, character: 0 };
    const range = { start: position, end: position };
    for (const uri of unknown) {
      it(`answers every feature for ${uri.split(':')[0]}: an empty answer, null or an error response`, async () => {
        const textDocument = { uri };
        assert.equal((await answerOf(h.conn.sendRequest(HoverRequest.type, { textDocument, position }))).result ?? null, null);
        const actions = await answerOf(h.conn.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } }));
        assert.ok(actions.error || (actions.result ?? []).length === 0);
        for (const type of [DocumentSymbolRequest.type, FoldingRangeRequest.type, CodeLensRequest.type] as const) {
          const r = await answerOf(h.conn.sendRequest(type as typeof DocumentSymbolRequest.type, { textDocument }));
          assert.ok(r.error || (r.result ?? []).length === 0, `${type.method}: ${JSON.stringify(r.result)}`);
        }
        const completion = await answerOf(h.conn.sendRequest(CompletionRequest.type, { textDocument, position }));
        assert.ok(completion.error || !completion.result || (Array.isArray(completion.result) ? completion.result : completion.result.items).length === 0);
        assert.equal((await answerOf(h.conn.sendRequest(ChecklistRequest, { uri }))).result ?? null, null);
        const fixAll = await answerOf(h.conn.sendRequest(ExecuteCommandRequest.type, { command: Commands.fixAll, arguments: [uri] }));
        assert.ok(fixAll.error || !fixAll.result, `fixAll on an unknown document answered ${JSON.stringify(fixAll.result)}`);
        await assertServing(h);
      });
    }
  });

  describe('malformed requests', () => {
    it('an unknown method is a MethodNotFound error response', async () => {
      const r = await answerOf(h.conn.sendRequest('policylint/noSuchRequest', { uri: HEALTHY }));
      assert.equal(r.error?.code, ErrorCodes.MethodNotFound);
      // An unknown notification is dropped.
      await h.conn.sendNotification('policylint/noSuchNotification', { anything: true });
      await assertServing(h);
    });

    const malformed: [string, string, unknown][] = [
      ['hover without a document', HoverRequest.method, { position: { line: 0, character: 0 } }],
      ['hover with a number for the document', HoverRequest.method, { textDocument: 42, position: 'top' }],
      ['symbols with no params', DocumentSymbolRequest.method, null],
      ['code action without a range or context', CodeActionRequest.method, { textDocument: { uri: HEALTHY } }],
      ['code action with diagnostics that are not an array', CodeActionRequest.method, { textDocument: { uri: HEALTHY }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: 'none' } }],
      ['completion at a position that is not one', CompletionRequest.method, { textDocument: { uri: HEALTHY }, position: { line: 'x' } }],
      ['checklist with a number for the uri', ChecklistRequest.method, { uri: 5 }],
      ['lint documents with a string for the list', LintDocumentsRequest.method, { documents: 'all of them' }],
      ['lint documents with entries of the wrong shape', LintDocumentsRequest.method, { documents: [{ uri: 7 }, null, { uri: 'untitled:x', text: 12 }] }],
      ['a command with no arguments', ExecuteCommandRequest.method, { command: Commands.fixAll }],
      ['a command that does not exist', ExecuteCommandRequest.method, { command: 'policylint.noSuchCommand', arguments: [] }],
    ];
    // Today the server answers most of these with the feature's empty answer (and logs the
    // TypeError), not with an InvalidParams error; either is accepted, a crash or silence is not.
    for (const [what, method, params] of malformed) {
      it(`${what}: an answer or an InvalidParams error, and the server keeps serving`, async () => {
        const { error } = await answerOf(h.conn.sendRequest(method, params));
        if (error) assert.equal(error.code, ErrorCodes.InvalidParams, error.message);
        await assertServing(h);
      });
    }

    it('malformed notifications (open without text, change of a document never opened) change nothing', async () => {
      await h.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'untitled:No-Text', languageId: 'privacy-policy', version: 1 } });
      await h.conn.sendNotification('textDocument/didChange', { textDocument: { uri: 'untitled:Never', version: 2 }, contentChanges: [{ text: 'x' }] });
      await h.conn.sendNotification('textDocument/didClose', { textDocument: {} });
      await h.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: 'none' });
      await assertServing(h);
    });
  });

  describe('a rule that throws: the other features on that document', () => {
    const rule = RULES.find((r) => r.meta.id === 'cross-reference')?.meta.id ?? RULES[0].meta.id;
    let t: Harness;
    before(async () => {
      t = await Harness.start({ env: { POLICYLINT_TEST_THROW_IN_RULE: rule }, settings: { debounceMs: 0 } });
    });
    after(async () => {
      await t?.stop();
    });

    it('hover, code actions, code lens, folding, completion, checklist and fix-all all answer', async () => {
      const uri = fileUri(POLICY);
      await t.open(uri, TEXT);
      const diagnostics = await t.diagnostics(uri, 1);
      const failed = diagnostics.find((d) => d.code === rule);
      assert.ok(failed, 'the failing rule is reported');
      const textDocument = { uri };
      const actions = await t.conn.sendRequest(CodeActionRequest.type, { textDocument, range: failed.range, context: { diagnostics: [failed] } });
      assert.ok(Array.isArray(actions));
      await t.conn.sendRequest(HoverRequest.type, { textDocument, position: failed.range.start });
      assert.ok((await t.conn.sendRequest(CodeLensRequest.type, { textDocument }))?.length);
      assert.ok((await t.conn.sendRequest(FoldingRangeRequest.type, { textDocument }))?.length);
      await t.conn.sendRequest(CompletionRequest.type, { textDocument, position: { line: 0, character: 0 } });
      const list = await t.conn.sendRequest(ChecklistRequest, { uri });
      assert.ok(list && list.items.length > 0);
      await answerOf(t.conn.sendRequest(ExecuteCommandRequest.type, { command: Commands.fixAll, arguments: [uri] }));
      assert.equal(t.proc.exitCode, null);
      const other = 'untitled:Second';
      await t.open(other, TEXT);
      assert.equal((await t.diagnostics(other, 1)).filter((d) => d.code === rule).length, 1);
    });
  });
});
