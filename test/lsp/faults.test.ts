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
import { spawnSync } from 'node:child_process';
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
  LSPErrorCodes,
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
function nextPublication(
  h: Harness,
  uri: string,
  from: number,
  pick: (d: Diagnostic[]) => boolean = () => true,
): Promise<Diagnostic[]> {
  return h.waitFor(
    `diagnostics for ${uri}`,
    (e) =>
      e.kind === 'diagnostics' && e.params.uri === uri && pick(e.params.diagnostics) ? e.params.diagnostics : undefined,
    from,
  );
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
  async function openWithConfig(
    folder: string,
    config: unknown,
    text = TEXT,
  ): Promise<{ uri: string; configFile: string; diagnostics: Diagnostic[] }> {
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
      assert.notDeepEqual(
        summarizeDiagnostics(diagnostics),
        defaults,
        'the "all" profile should differ from the default',
      );
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
      for (const p of h.publications(configUri))
        assert.deepEqual(p.diagnostics, [], `a diagnostic on the deleted config: ${JSON.stringify(p.diagnostics)}`);
      assert.deepEqual(h.showMessages().slice(messagesBefore), []);
      await h.close(uri);
      await assertServing(h);
    });

    it('a config that turns into invalid JSON while the document is open: one diagnostic and one message naming the file and line; linted with defaults', async () => {
      const rule = RULES.find((r) => r.meta.id === 'no-placeholders')?.meta.id ?? RULES[0].meta.id;
      const { uri, configFile } = await openWithConfig('broken-later', { rules: { [rule]: 'off' } });
      const messagesBefore = h.showMessages().length;
      // Line 3 lacks its colon (trailing commas and comments are allowed, this is not).
      fs.writeFileSync(configFile, `{\n  "rules": {\n    "${rule}" "off"\n  }\n}\n`);
      const from = h.events.length;
      await h.configFileChanged(configFile, FileChangeType.Changed);
      const configUri = fileUri(configFile);
      const configDiagnostics = await nextPublication(h, configUri, from, (d) => d.length > 0);
      assert.equal(configDiagnostics.length, 1);
      assert.equal(configDiagnostics[0].severity, 1);
      assert.match(configDiagnostics[0].message, /JSON/);
      const shown = await h.waitFor(
        'a message about the config',
        (e) => (e.kind === 'showMessage' && e.params.message.includes(configFile) ? e.params : undefined),
        from,
      );
      assert.match(
        shown.message,
        new RegExp(`${configFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+`),
        'the message names the file and the line',
      );
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
      assert.deepEqual(
        summarizeDiagnostics(linted),
        summarizeMessages(text, lint(text, { assumePolicy: true }).messages),
      );
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
        const after = h.events
          .slice(from)
          .flatMap((e) => (e.kind === 'diagnostics' && e.params.uri === uri ? [e.params.diagnostics] : []));
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
        const other = (await pull.conn.sendRequest(DocumentDiagnosticRequest.type, {
          textDocument: { uri: 'untitled:Other' },
        })) as FullDocumentDiagnosticReport;
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
        assert.equal(
          (await answerOf(h.conn.sendRequest(HoverRequest.type, { textDocument, position }))).result ?? null,
          null,
        );
        const actions = await answerOf(
          h.conn.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } }),
        );
        assert.ok(actions.error || (actions.result ?? []).length === 0);
        for (const type of [DocumentSymbolRequest.type, FoldingRangeRequest.type, CodeLensRequest.type] as const) {
          const r = await answerOf(h.conn.sendRequest(type as typeof DocumentSymbolRequest.type, { textDocument }));
          assert.ok(r.error || (r.result ?? []).length === 0, `${type.method}: ${JSON.stringify(r.result)}`);
        }
        const completion = await answerOf(h.conn.sendRequest(CompletionRequest.type, { textDocument, position }));
        assert.ok(
          completion.error ||
            !completion.result ||
            (Array.isArray(completion.result) ? completion.result : completion.result.items).length === 0,
        );
        assert.equal((await answerOf(h.conn.sendRequest(ChecklistRequest, { uri }))).result ?? null, null);
        const fixAll = await answerOf(
          h.conn.sendRequest(ExecuteCommandRequest.type, { command: Commands.fixAll, arguments: [uri] }),
        );
        assert.ok(
          fixAll.error || !fixAll.result,
          `fixAll on an unknown document answered ${JSON.stringify(fixAll.result)}`,
        );
        await assertServing(h);
      });
    }
  });

  describe('files that are not open, read from disk', () => {
    /** The checklist of a file that is not open: its error response (the test fails on an answer). */
    async function checklistError(file: string): Promise<ResponseError<unknown>> {
      const { result, error } = await answerOf(h.conn.sendRequest(ChecklistRequest, { uri: fileUri(file) }));
      assert.ok(error, `answered ${JSON.stringify(result)} instead of an error`);
      assert.equal(error.code, LSPErrorCodes.RequestFailed, error.message);
      return error;
    }
    const quoted = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

    it('a regular file within the limit is read and linted (its checklist has no version)', async () => {
      const file = path.join(tmp, 'on-disk.privacy.md');
      fs.writeFileSync(file, TEXT);
      const response = await h.conn.sendRequest(ChecklistRequest, { uri: fileUri(file) });
      assert.ok(response, 'no checklist for a readable policy file');
      assert.equal(response.version, null);
      assert.equal(response.total, engineLint(TEXT).checklist.length);
      assert.equal(response.present, engineLint(TEXT).checklist.filter((e) => e.status === 'present').length);
    });

    it('a FIFO with no writer: an error naming the file and why, at once, and no threadpool thread is held', async function () {
      const fifo = path.join(tmp, 'pipe.privacy.md');
      const made = spawnSync('mkfifo', [fifo]);
      if (made.error || made.status !== 0) this.skip();
      assert.ok(fs.statSync(fifo).isFIFO());
      // More requests than libuv has threadpool threads (4): reading would hold one each, forever.
      const errors = await Promise.all(Array.from({ length: 6 }, () => checklistError(fifo)));
      for (const error of errors) {
        assert.match(
          error.message,
          new RegExp(`cannot lint ${quoted(fifo)}: it is a named pipe \\(FIFO\\), not a regular file`),
        );
      }
      const fixAll = await answerOf(
        h.conn.sendRequest(ExecuteCommandRequest.type, { command: Commands.fixAll, arguments: [fileUri(fifo)] }),
      );
      assert.equal(fixAll.error?.code, LSPErrorCodes.RequestFailed);
      assert.match(fixAll.error.message, /named pipe/);
      // The threadpool is free: a file is still read (fs work runs on those threads).
      const file = path.join(tmp, 'after-pipe.privacy.md');
      fs.writeFileSync(file, TEXT);
      assert.ok(await h.conn.sendRequest(ChecklistRequest, { uri: fileUri(file) }));
      await assertServing(h);
    });

    it('a device (/dev/zero) is refused, never read', async function () {
      if (!fs.existsSync('/dev/zero')) this.skip();
      const error = await checklistError('/dev/zero');
      assert.match(error.message, /cannot lint \/dev\/zero: it is a device, not a regular file/);
      await assertServing(h);
    });

    it('a directory is refused', async () => {
      const dir = path.join(tmp, 'folder.privacy.md');
      fs.mkdirSync(dir, { recursive: true });
      const error = await checklistError(dir);
      assert.match(error.message, new RegExp(`cannot lint ${quoted(dir)}: it is a directory, not a regular file`));
    });

    it('a file over its config’s maxFileSize is refused before it is read, naming size and limit', async () => {
      const dir = path.join(tmp, 'large-on-disk');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, '.policylintrc.json'), JSON.stringify({ maxFileSize: '10 KB' }));
      const file = path.join(dir, 'privacy.md');
      fs.writeFileSync(file, `${TEXT}\n${'More text to pass the limit. '.repeat(1000)}`);
      const size = fs.statSync(file).size;
      assert.ok(size > 10_000);
      const error = await checklistError(file);
      const expected = `cannot lint ${file}: it is ${Number((size / 1000).toFixed(1))} KB, over the 10 KB size limit (raise "maxFileSize" in .policylintrc.json to lint it)`;
      assert.ok(error.message.endsWith(expected), `${error.message}\n  does not end with\n${expected}`);
      // Within the limit once the config allows it.
      fs.writeFileSync(path.join(dir, '.policylintrc.json'), JSON.stringify({ maxFileSize: '1 MB' }));
      await h.configFileChanged(path.join(dir, '.policylintrc.json'));
      assert.ok(await h.conn.sendRequest(ChecklistRequest, { uri: fileUri(file) }));
    });

    it('a file that does not exist: an error naming it', async () => {
      const gone = path.join(tmp, 'no-such.privacy.md');
      const error = await checklistError(gone);
      assert.match(error.message, new RegExp(`cannot lint ${quoted(gone)}: no such file or directory`));
    });
  });

  describe('malformed requests', () => {
    it('an unknown method is a MethodNotFound error response', async () => {
      const r = await answerOf(h.conn.sendRequest('policylint/noSuchRequest', { uri: HEALTHY }));
      assert.equal(r.error?.code, ErrorCodes.MethodNotFound);
      // An unknown notification is dropped.
      await h.conn.sendNotification('policylint/noSuchNotification', { anything: true });
      await assertServing(h);
    });

    const hover = { textDocument: { uri: HEALTHY }, position: { line: 0, character: 0 } };
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    /** What is sent, and what the InvalidParams message must say (after the method's name, or the command's). */
    const malformed: [string, string, unknown, RegExp][] = [
      [
        'hover without a document',
        HoverRequest.method,
        { position: hover.position },
        /params\.textDocument must be an object, got nothing/,
      ],
      [
        'hover with a number for the document',
        HoverRequest.method,
        { textDocument: 42, position: 'top' },
        /params\.textDocument must be an object, got a number/,
      ],
      [
        'hover with an empty uri',
        HoverRequest.method,
        { ...hover, textDocument: { uri: '' } },
        /params\.textDocument\.uri must be a non-empty string, got an empty string/,
      ],
      [
        'hover with a negative line',
        HoverRequest.method,
        { ...hover, position: { line: -1, character: 0 } },
        /params\.position\.line must be a whole number/,
      ],
      [
        'symbols with no params',
        DocumentSymbolRequest.method,
        null,
        /^textDocument\/documentSymbol: params must be an object, got null|parameters by name but received parameters by position/,
      ],
      [
        'folding with an array for the document',
        FoldingRangeRequest.method,
        { textDocument: [HEALTHY] },
        /params\.textDocument must be an object, got an array/,
      ],
      [
        'code lens with a number for the uri',
        CodeLensRequest.method,
        { textDocument: { uri: 3 } },
        /params\.textDocument\.uri must be a non-empty string, got a number/,
      ],
      [
        'code action without a range or context',
        CodeActionRequest.method,
        { textDocument: { uri: HEALTHY } },
        /params\.range must be an object, got nothing/,
      ],
      [
        'code action without a context',
        CodeActionRequest.method,
        { textDocument: { uri: HEALTHY }, range },
        /params\.context must be an object, got nothing/,
      ],
      [
        'code action with diagnostics that are not an array',
        CodeActionRequest.method,
        { textDocument: { uri: HEALTHY }, range, context: { diagnostics: 'none' } },
        /params\.context\.diagnostics must be an array, got a string/,
      ],
      [
        'code action with a diagnostic without a range',
        CodeActionRequest.method,
        { textDocument: { uri: HEALTHY }, range, context: { diagnostics: [{ message: 'x' }] } },
        /params\.context\.diagnostics\[0\]\.range must be an object, got nothing/,
      ],
      [
        'completion at a position that is not one',
        CompletionRequest.method,
        { textDocument: { uri: HEALTHY }, position: { line: 'x' } },
        /params\.position\.line must be a whole number \(0 or more\), got a string/,
      ],
      [
        'pulled diagnostics without a document',
        DocumentDiagnosticRequest.method,
        { previousResultId: 'x' },
        /params\.textDocument must be an object, got nothing/,
      ],
      [
        'checklist with a number for the uri',
        ChecklistRequest.method,
        { uri: 5 },
        /params\.uri must be a non-empty string, got a number/,
      ],
      [
        'lint documents with a string for the list',
        LintDocumentsRequest.method,
        { documents: 'all of them' },
        /params\.documents must be an array, got a string/,
      ],
      [
        'lint documents with entries of the wrong shape',
        LintDocumentsRequest.method,
        { documents: [{ uri: 7 }, null, { uri: 'untitled:x', text: 12 }] },
        /params\.documents\[0\]\.uri must be a non-empty string, got a number/,
      ],
      [
        'lint documents with an entry without text',
        LintDocumentsRequest.method,
        { documents: [{ uri: 'untitled:No-Text' }] },
        /params\.documents\[0\]\.text must be a string, got nothing/,
      ],
      [
        'a command with a number for its name',
        ExecuteCommandRequest.method,
        { command: 12 },
        /params\.command must be a non-empty string, got a number/,
      ],
      [
        'a command with an object for its arguments',
        ExecuteCommandRequest.method,
        { command: Commands.fixAll, arguments: { uri: HEALTHY } },
        /params\.arguments must be an array, got an object/,
      ],
      ['a command with no arguments', Commands.fixAll, { command: Commands.fixAll }, /expects arguments \[uri\]/],
      [
        'a command that does not exist',
        'policylint.noSuchCommand',
        { command: 'policylint.noSuchCommand', arguments: [] },
        /no such command/,
      ],
    ];
    for (const [what, method, params, says] of malformed) {
      it(`${what}: an InvalidParams error naming the problem, no stack trace logged, and the server keeps serving`, async () => {
        const from = h.events.length;
        // Commands are sent as workspace/executeCommand; the error names the command.
        const sent = method.startsWith('policylint.') ? ExecuteCommandRequest.method : method;
        const { result, error } = await answerOf(h.conn.sendRequest(sent, params));
        assert.ok(error, `answered ${JSON.stringify(result)} instead of an error`);
        assert.equal(error.code, ErrorCodes.InvalidParams, error.message);
        // (Params that are not an object at all are refused by the JSON-RPC layer, naming the method.)
        assert.ok(error.message.includes(method), `the message does not name ${method}: ${error.message}`);
        assert.match(error.message, says);
        // Log messages sent before the answer have arrived before it.
        const logged = h.events.slice(from).flatMap((e) => (e.kind === 'log' ? [e.params.message] : []));
        assert.deepEqual(logged, [], 'a malformed request is the client’s fault: nothing to log');
        if (sent === LintDocumentsRequest.method) {
          const published = h.events.slice(from).filter((e) => e.kind === 'diagnostics' && e.params.uri !== HEALTHY);
          assert.deepEqual(published, [], 'a rejected lintDocuments published diagnostics');
        }
        await assertServing(h);
      });
    }

    it('malformed notifications (open without text, change of a document never opened) change nothing', async () => {
      const from = h.events.length;
      await h.conn.sendNotification('textDocument/didOpen', {
        textDocument: { uri: 'untitled:No-Text', languageId: 'privacy-policy', version: 1 },
      });
      await h.conn.sendNotification('textDocument/didChange', {
        textDocument: { uri: 'untitled:Never', version: 2 },
        contentChanges: [{ text: 'x' }],
      });
      await h.conn.sendNotification('textDocument/didClose', { textDocument: {} });
      await h.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: 'none' });
      const noText = await h.waitFor(
        'a warning about the open without text',
        (e) => (e.kind === 'log' && e.params.message.includes('untitled:No-Text') ? e.params : undefined),
        from,
      );
      assert.equal(
        noText.message,
        'policylint: untitled:No-Text was opened without its text (got undefined); taken as empty',
      );
      const warning = await h.waitFor(
        'a warning about the watched-files params',
        (e) => (e.kind === 'log' && e.params.message.includes('didChangeWatchedFiles') ? e.params : undefined),
        from,
      );
      assert.equal(
        warning.message,
        'policylint: ignored workspace/didChangeWatchedFiles: params.changes must be an array, got a string',
      );
      await assertServing(h);
      const logged = h.events.slice(from).flatMap((e) => (e.kind === 'log' ? [e.params.message] : []));
      for (const message of logged) assert.doesNotMatch(message, /\n\s+at /, `a stack trace was logged: ${message}`);
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
      const actions = await t.conn.sendRequest(CodeActionRequest.type, {
        textDocument,
        range: failed.range,
        context: { diagnostics: [failed] },
      });
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
