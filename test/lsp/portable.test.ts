// Portable code actions for any LSP client: a client that advertises no VS Code commands
// gets only workspace edits and commands the server executes itself; documentation opens
// with window/showDocument on a page that exists; the code lens works; Diagnostic.data
// sent back is checked against the document; language ids other editors send; settings
// garbage and requests after shutdown.
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  CodeActionRequest,
  CodeLensRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  ExecuteCommandRequest,
  ShutdownRequest,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver-protocol';
import { applyTextEdits, editsFor, fileUri, Harness } from './harness.js';

// A short draft of our own: missing sections (insertable), an incomplete contact and a placeholder.
const DRAFT = [
  '# Privacy Policy',
  '',
  'We collect your email address when you create an account, and we use it to send receipts.',
  '',
  '## Contact',
  '',
  'Write to us at [email address].',
  '',
].join('\n');

const A = fileUri('test-work/portable/privacy.md');
const B = fileUri('test-work/portable/other-privacy.md');

async function actionsFor(h: Harness, uri: string, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
  const end = { line: Math.max(0, h.doc(uri).text.split('\n').length - 1), character: 0 };
  const result = await h.conn.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end },
    context: { diagnostics },
  });
  return (result ?? []) as CodeAction[];
}

describe('language server: portable actions for any client', function () {
  this.timeout(30_000);

  describe('a client with window/showDocument and no VS Code commands', () => {
    let h: Harness;
    let diagnostics: Diagnostic[];
    before(async () => {
      h = await Harness.start({ showDocument: true });
      await h.open(A, DRAFT, 'markdown');
      diagnostics = await h.diagnostics(A, 1);
    });
    after(async () => {
      await h?.stop();
    });

    it('offers only workspace edits and commands the server declares', async () => {
      const served = new Set(h.initializeResult!.capabilities.executeCommandProvider!.commands);
      const actions = await actionsFor(h, A, diagnostics);
      assert.ok(actions.length > diagnostics.length, 'actions for the diagnostics');
      for (const a of actions) {
        assert.ok(a.edit || a.command, `${a.title}: neither an edit nor a command`);
        if (a.command)
          assert.ok(served.has(a.command.command), `${a.title}: ${a.command.command} is not a server command`);
      }
      const lenses = (await h.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri: A } })) ?? [];
      assert.equal(lenses.length, 1);
      assert.ok(served.has(lenses[0].command!.command), `the code lens runs ${lenses[0].command!.command}`);
    });

    it('disables a rule for the file with a plain default reason (no prompt, no snippet syntax)', async () => {
      const d = diagnostics.find((x) => x.code === 'no-placeholders')!;
      assert.ok(d, 'a no-placeholders diagnostic');
      const action = (await actionsFor(h, A, [d])).find((a) =>
        a.title.startsWith('Disable no-placeholders for this file with a reason'),
      );
      assert.ok(action?.edit, 'an edit');
      const after = applyTextEdits(DRAFT, editsFor(action.edit, A));
      assert.match(after, /<!-- policylint-disable-file no-placeholders -- [^$]+ -->/);
      assert.ok(!after.includes('${'), after);
    });

    it('opens the bundled documentation page with window/showDocument', async () => {
      const d = diagnostics.find((x) => x.code === 'contact')!;
      const action = (await actionsFor(h, A, [d])).find((a) => a.title === 'Show documentation for contact');
      assert.ok(action?.command);
      const from = h.events.length;
      const ok = await h.conn.sendRequest(ExecuteCommandRequest.type, action.command);
      assert.equal(ok, true);
      const shown = await h.waitFor('showDocument', (e) => (e.kind === 'showDocument' ? e.params : undefined), from);
      assert.ok(shown.uri.startsWith('file:'), shown.uri);
      assert.equal(shown.external, false);
      assert.ok(existsSync(fileURLToPath(shown.uri)), `${shown.uri} does not exist`);
      assert.equal(d.codeDescription?.href, shown.uri);
    });

    it('runs the code lens on the server: the checklist summary as a message', async () => {
      const lens = ((await h.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri: A } })) ?? [])[0];
      const from = h.events.length;
      await h.conn.sendRequest(ExecuteCommandRequest.type, lens.command!);
      const message = await h.waitFor(
        'showMessage',
        (e) => (e.kind === 'showMessage' ? e.params.message : undefined),
        from,
      );
      assert.match(message, /checklist: \d+\/\d+ present; missing: .*children/);
    });

    it('applies the insert quick-fix of a missing section: the diagnostic goes away', async () => {
      const d = diagnostics.find((x) => x.code === 'children')!;
      const fix = (await actionsFor(h, A, [d])).find(
        (a) => a.edit && a.isPreferred !== undefined && !a.title.startsWith('Disable'),
      );
      assert.ok(fix?.edit, 'an insert fix');
      const { version } = await h.applyAndSend(A, fix.edit);
      const now = await h.diagnostics(A, version);
      assert.ok(!now.some((x) => x.code === 'children'), 'children is still reported');
    });
  });

  describe('Diagnostic.data sent back by the client', () => {
    let h: Harness;
    before(async () => {
      h = await Harness.start();
      await h.open(A, DRAFT, 'markdown');
      await h.open(B, `${DRAFT}\nMore text at the end.\n`, 'markdown');
    });
    after(async () => {
      await h?.stop();
    });

    it('turns no fix of another document into an edit', async () => {
      const ofB = await h.diagnostics(B, 1);
      const actions = await actionsFor(
        h,
        A,
        ofB.filter((d) => d.range.start.line < 5),
      );
      assert.ok(ofB.length > 0);
      assert.deepEqual(
        actions.map((a) => a.title),
        [],
        'actions on A for the diagnostics of B',
      );
    });

    it('turns no fix computed for other text under the same version number into an edit (issue 18, finding 4)', async () => {
      const C = fileUri('test-work/portable/reopened-privacy.md');
      await h.open(C, DRAFT, 'markdown');
      const stale = (await h.diagnostics(C, 1)).filter((d) => (d.data as { fix?: unknown }).fix);
      assert.ok(stale.length > 0, 'the draft has diagnostics with fixes');
      const fixTitles = (ds: Diagnostic[]) => ds.map((d) => (d.data as { fix: { title: string } }).fix.title);
      // Without a change, the fixes become edits.
      const before = await actionsFor(h, C, stale);
      for (const title of fixTitles(stale))
        assert.ok(
          before.some((a) => a.title === title && a.edit),
          `no action "${title}" before the reopen`,
        );
      // A second didOpen, version 1 again, with other text: every old range is still inside it.
      const from = h.events.length;
      await h.open(
        C,
        `# Privacy Policy\n\nA first paragraph that moves everything down.\n\n${DRAFT.split('\n').slice(2).join('\n')}`,
        'markdown',
      );
      const fresh = (await h.diagnostics(C, 1, from)).filter((d) => (d.data as { fix?: unknown }).fix);
      const after = await actionsFor(h, C, stale);
      const staleTitles = fixTitles(stale);
      assert.deepEqual(
        after.filter((a) => staleTitles.includes(a.title)).map((a) => a.title),
        [],
        'stale fixes that became edits',
      );
      // The diagnostics of the new text still give their fixes.
      const current = await actionsFor(h, C, fresh);
      for (const title of fixTitles(fresh))
        assert.ok(
          current.some((a) => a.title === title && a.edit),
          `no action "${title}" for the new text`,
        );
      await h.close(C);
    });

    it('refuses malformed fix data and ranges outside the text, and keeps serving', async () => {
      const [d] = await h.diagnostics(A, 1);
      const data = d.data as { fix?: unknown };
      const bad: Diagnostic[] = [
        {
          ...d,
          data: {
            ...data,
            fix: {
              title: 'broken',
              safe: true,
              edits: [
                { range: { start: { line: 999, character: 0 }, end: { line: 999, character: 0 } }, newText: 'x' },
              ],
            },
          },
        },
        { ...d, data: { ...data, fix: { title: 'broken', safe: true, edits: [{ range: d.range, newText: 42 }] } } },
        { ...d, data: { ...data, fix: 'not a fix' } },
        { ...d, range: { start: { line: 500, character: 0 }, end: { line: 500, character: 3 } } },
      ];
      const actions = await actionsFor(h, A, bad);
      assert.ok(!actions.some((a) => a.title === 'broken'), 'malformed fix echoed back');
      assert.ok(
        !actions.some((a) => a.diagnostics?.some((x) => x.range.start.line === 500)),
        'an action for a range outside the text',
      );
      const symbols = await h.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: A } });
      assert.ok(symbols?.length, 'still serving');
    });
  });

  describe('language ids, settings and shutdown', () => {
    let h: Harness;
    before(async () => {
      h = await Harness.start({ settings: { docsUrl: 'https://docs.example.test/rules/{rule}.html' } });
    });
    after(async () => {
      await h?.stop();
    });

    for (const languageId of ['', 'plaintext']) {
      it(`lints a document opened with language id ${JSON.stringify(languageId)} when its name matches policylint.files`, async () => {
        const uri = fileUri(`test-work/portable/lang${languageId || 'empty'}-privacy.md`);
        await h.open(uri, DRAFT, languageId);
        const got = await h.diagnostics(uri, 1);
        assert.ok(
          got.some((d) => d.code === 'contact'),
          'not linted',
        );
        assert.equal(
          got.find((d) => d.code === 'contact')?.codeDescription?.href,
          'https://docs.example.test/rules/contact.html',
        );
      });
    }

    it('does not lint a plaintext document whose name does not match', async () => {
      const uri = fileUri('test-work/portable/notes.txt');
      await h.open(uri, DRAFT, 'plaintext');
      // A round trip: whatever the server would publish for it has arrived by then.
      assert.deepEqual(await h.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), []);
      assert.ok(
        h.publications(uri).every((p) => p.diagnostics.length === 0),
        'diagnostics for a non-policy text file',
      );
    });

    it('lints nothing in a resource whose policylint.enable is false', async () => {
      const uri = fileUri('test-work/portable/off/privacy.md');
      h.scoped.set(uri, { enable: false });
      await h.open(uri, DRAFT, 'markdown');
      assert.deepEqual(await h.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), []);
      assert.ok(
        h.publications(uri).every((p) => p.diagnostics.length === 0),
        'diagnostics with enable: false',
      );
    });

    it('logs one clear line for garbage settings and no stack', async () => {
      const from = h.events.length;
      await h.changeSettings(42 as unknown as Record<string, unknown>);
      await h.conn.sendNotification('workspace/didChangeConfiguration', { settings: { policylint: 'nonsense' } });
      await h.conn.sendNotification('workspace/didChangeConfiguration', null);
      await h.waitFor(
        'a warning about the settings',
        (e) => (e.kind === 'log' && /must be an object/.test(e.params.message) ? true : undefined),
        from,
      );
      await h.conn.sendRequest(DocumentSymbolRequest.type, {
        textDocument: { uri: fileUri('test-work/portable/langempty-privacy.md') },
      });
      const logs = h.events.slice(from).flatMap((e) => (e.kind === 'log' ? [e.params.message] : []));
      assert.ok(!logs.some((l) => /TypeError|\n\s+at /.test(l)), logs.join('\n'));
    });

    it('refuses requests after shutdown with InvalidRequest', async () => {
      await h.conn.sendRequest(ShutdownRequest.type);
      await assert.rejects(
        h.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: A } }),
        (err: { code?: number }) => err.code === ErrorCodes.InvalidRequest,
      );
    });
  });
});
