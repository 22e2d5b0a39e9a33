// The language server over stdio, driven like an editor would, on the five corpus policies.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import {
  CodeActionRequest,
  DiagnosticTag,
  CodeLensRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  HoverRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type MarkupContent,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import {
  applyEdits,
  fixText,
  getItem,
  parsePolicy,
  SHIPPED_CHECKLIST,
  templateBody,
  templateFor,
  templateValues,
  type LintResult,
} from '../../server/src/engine/index.js';
import { loadConfigFor } from '../../server/src/node/config-files.js';
import { ChecklistRequest, Commands } from '../../server/src/protocol.js';
import { applyTextEdits, editsFor, fileUri, Harness, positionAt } from './harness.js';
import {
  assertChangedOnlyAt,
  CORPUS,
  countLike,
  dataOf,
  engineLint,
  summarizeDiagnostics,
  summarizeMessages,
  symbolNames,
} from './expect.js';

const FIX_ALL_TITLE = 'Fix all policylint problems';

describe('language server: features on the corpus (push diagnostics)', function () {
  this.timeout(30_000);
  let h: Harness;
  before(async () => {
    // No debounce here (the burst test covers it): each change is linted at once.
    h = await Harness.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await h?.stop();
  });

  async function codeActionsFor(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await h.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics, only },
    });
    return (actions ?? []) as CodeAction[];
  }

  /** Applies a workspace edit to the open document, sends the change and returns the new diagnostics. */
  async function applyAndRelint(uri: string, edit: WorkspaceEdit) {
    const change = await h.applyAndSend(uri, edit);
    const diagnostics = await h.diagnostics(uri, change.version);
    return { ...change, diagnostics, edits: editsFor(edit, uri) };
  }

  /** Puts the original text back and waits for its diagnostics. */
  async function restore(uri: string, text: string): Promise<Diagnostic[]> {
    const version = await h.setText(uri, text);
    return h.diagnostics(uri, version);
  }

  for (const file of CORPUS) {
    describe(path.basename(file), () => {
      const uri = fileUri(file);
      const text = readFileSync(file, 'utf8');
      let expected: LintResult;
      let diagnostics: Diagnostic[];

      before(async () => {
        expected = engineLint(text, file);
        await h.open(uri, text);
        diagnostics = await h.diagnostics(uri, 1);
      });

      it('publishes exactly the engine findings, for version 1, with rule code, docs link, source and fix data', () => {
        assert.deepEqual(summarizeDiagnostics(diagnostics), summarizeMessages(text, expected.messages));
        diagnostics.forEach((d, i) => {
          const m = expected.messages[i];
          assert.equal(d.source, 'policylint');
          assert.equal(d.codeDescription?.href, pathToFileURL(path.resolve('docs/rules', `${m.ruleId}.md`)).href);
          assert.equal(dataOf(d).uri, uri);
          assert.equal(dataOf(d).ruleId, m.ruleId);
          assert.equal(dataOf(d).version, 1);
          assert.equal(
            (d.tags ?? []).includes(DiagnosticTag.Deprecated),
            !!m.tags?.includes('deprecated'),
            `deprecated tag of ${m.ruleId}`,
          );
          assert.equal(d.relatedInformation?.length ?? 0, m.related?.length ?? 0);
          if (m.fix?.edits.length) {
            // The serialized fix, applied as LSP edits, does what the engine's fix does.
            assert.equal(applyTextEdits(text, dataOf(d).fix!.edits), applyEdits(text, m.fix.edits));
            assert.equal(dataOf(d).fix!.safe, m.fix.safe);
          } else {
            assert.equal(dataOf(d).fix, undefined);
          }
        });
      });

      it('sends checklistChanged and answers policylint/checklist with the engine checklist', async () => {
        await h.waitFor('checklistChanged', (e) =>
          e.kind === 'checklistChanged' && e.params.uri === uri ? true : undefined,
        );
        const response = await h.conn.sendRequest(ChecklistRequest, { uri });
        assert.ok(response);
        assert.equal(response.version, 1);
        assert.equal(response.looksLikePolicy, expected.looksLikePolicy);
        assert.deepEqual(
          response.items.map((i) => [i.id, i.status]),
          expected.checklist.map((e) => [e.id, e.status]),
        );
        assert.equal(response.present, expected.checklist.filter((e) => e.status === 'present').length);
        assert.equal(response.total, expected.checklist.length);
        for (const item of response.items) {
          const derived = SHIPPED_CHECKLIST.items.find((i) => i.id === item.id);
          assert.deepEqual(item.coverage, {
            covered: derived?.covered ?? 0,
            total: derived?.total ?? SHIPPED_CHECKLIST.documents.length,
          });
          assert.equal(item.insertable, item.status === 'missing' && !!getItem(item.id));
        }
      });

      it('gives the outline as document symbols, pseudo-headings included', async () => {
        const symbols = (await h.conn.sendRequest(DocumentSymbolRequest.type, {
          textDocument: { uri },
        })) as DocumentSymbol[];
        const sections = parsePolicy(text).sections;
        assert.deepEqual(
          symbolNames(symbols),
          sections.map((s) => s.title),
        );
        const check = (s: DocumentSymbol) => {
          const inside = (p: { line: number; character: number }) =>
            (p.line > s.range.start.line ||
              (p.line === s.range.start.line && p.character >= s.range.start.character)) &&
            (p.line < s.range.end.line || (p.line === s.range.end.line && p.character <= s.range.end.character));
          assert.ok(
            inside(s.selectionRange.start) && inside(s.selectionRange.end),
            `selection range of ${s.name} outside its range`,
          );
          s.children?.forEach(check);
        };
        symbols.forEach(check);
      });

      it('folds each section from its title to its last non-blank line', async () => {
        const ranges = (await h.conn.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) ?? [];
        const lines = text.split('\n');
        const expectedFolds = parsePolicy(text).sections.flatMap((s) => {
          const startLine = s.titleRange.start.line - 1;
          // The section's last line (0-based): the line before the next section when it ends at a line start.
          let endLine =
            s.range.end.column === 1 && s.range.end.line > s.range.start.line
              ? s.range.end.line - 2
              : s.range.end.line - 1;
          while (endLine > startLine && !lines[endLine]?.trim()) endLine--;
          return endLine > startLine ? [`${startLine}-${endLine}`] : [];
        });
        assert.deepEqual(ranges.map((r) => `${r.startLine}-${r.endLine}`).sort(), expectedFolds.sort());
        for (const r of ranges) assert.ok(lines[r.endLine].trim(), 'a fold ends on a blank line');
      });

      it('shows a code lens with the checklist coverage on the title line', async () => {
        const lenses = (await h.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
        const present = expected.checklist.filter((e) => e.status === 'present').length;
        const missing = expected.checklist.filter((e) => e.status === 'missing').map((e) => e.id);
        if (!expected.checklist.length) return assert.equal(lenses.length, 0);
        assert.equal(lenses.length, 1);
        const lens = lenses[0];
        assert.ok(
          lens.command!.title.startsWith(`Checklist ${present}/${expected.checklist.length}`),
          lens.command!.title,
        );
        for (const id of missing.slice(0, 5)) assert.ok(lens.command!.title.includes(id), `lens does not name ${id}`);
        if (!missing.length) assert.ok(lens.command!.title.endsWith('complete'));
        assert.equal(lens.command!.command, Commands.showChecklist);
        assert.deepEqual(lens.command!.arguments, [uri]);
        const anchor = expected.doc.title ?? expected.doc.sections[0];
        assert.equal(lens.range.start.line, anchor ? anchor.titleRange.start.line - 1 : 0);
      });

      it('hovers on a section title with the checklist items it covers and their corpus coverage', async () => {
        const entry = expected.checklist.find((e) => e.range);
        assert.ok(entry, 'a checklist entry with evidence');
        // The innermost section holding the evidence.
        const section = [...expected.doc.sections]
          .reverse()
          .find(
            (s) => s.range.start.offset <= entry.range!.start.offset && entry.range!.start.offset < s.range.end.offset,
          );
        assert.ok(section, 'a section around the evidence');
        const hover = await h.conn.sendRequest(HoverRequest.type, {
          textDocument: { uri },
          position: positionAt(text, section.titleRange.start.offset),
        });
        assert.ok(hover, `no hover on ${section.title}`);
        const value = (hover.contents as MarkupContent).value;
        const derived = SHIPPED_CHECKLIST.items.find((i) => i.id === entry.id);
        assert.ok(value.includes(`**${entry.id}**`), value);
        if (derived) assert.ok(value.includes(`in ${derived.covered} of ${derived.total} sample policies`), value);
      });

      it('hovers on a flagged range with the rule and a documentation link', async () => {
        const m = expected.messages.find((x) => x.range.end.offset > x.range.start.offset);
        assert.ok(m, 'a message with a non-empty range');
        const mid = Math.floor((m.range.start.offset + m.range.end.offset) / 2);
        const hover = await h.conn.sendRequest(HoverRequest.type, {
          textDocument: { uri },
          position: positionAt(text, mid),
        });
        const value = (hover!.contents as MarkupContent).value;
        assert.ok(value.includes(`**${m.ruleId}**`), value);
        // The bundled page (the server runs from dist/, beside docs/rules): offline.
        assert.ok(value.includes(`](${pathToFileURL(path.resolve('docs/rules', `${m.ruleId}.md`)).href})`), value);
      });

      it('offers show-documentation and disable actions for each diagnostic', async () => {
        const d = diagnostics[0];
        assert.ok(d, 'a diagnostic to act on');
        const actions = await codeActionsFor(uri, [d]);
        const rule = String(d.code);
        const docs = actions.find((a) => a.title === `Show documentation for ${rule}`);
        assert.equal(docs?.command?.command, Commands.showDocumentation);
        assert.deepEqual(docs?.command?.arguments, [rule, uri]);
        const reason = actions.find((a) => a.title.startsWith(`Disable ${rule} for this file with a reason`));
        assert.ok(reason?.edit, 'the disable-with-a-reason action is an edit');
        // A missing section is about the document, not the title line it is shown on.
        assert.equal(
          actions.some((a) => a.title === `Disable ${rule} for this line` && a.edit),
          !dataOf(d).documentLevel,
        );
        assert.ok(actions.some((a) => a.title === `Disable ${rule} for this file` && a.edit));
        assert.ok(
          actions.every((a) => !/for this line with a reason/.test(a.title)),
          'a reason is asked for file-wide disables only',
        );
      });

      it('applies each quick-fix: the diagnostic goes away and only the edited span changes', async () => {
        const fixable = diagnostics.filter((d) => dataOf(d).fix);
        let current = diagnostics;
        for (const original of fixable.slice(0, 2)) {
          // Fixes are tied to the version they were computed for: take the diagnostic of the current version.
          const d = current.find((x) => x.code === original.code && x.message === original.message)!;
          const actions = await codeActionsFor(uri, [d]);
          const fix = actions.find((a) => a.title === dataOf(d).fix!.title && a.edit);
          assert.ok(fix, `no quick-fix for ${d.code}`);
          assert.equal(fix.isPreferred, dataOf(d).fix!.safe);
          const out = await applyAndRelint(uri, fix.edit!);
          assertChangedOnlyAt(out.before, out.after, out.edits);
          assert.ok(
            countLike(out.diagnostics, d) < countLike(diagnostics, d),
            `${d.code} still reported after its fix`,
          );
          assert.deepEqual(
            summarizeDiagnostics(out.diagnostics),
            summarizeMessages(out.after, engineLint(out.after, file).messages),
          );
          current = await restore(uri, text);
        }
      });

      it('does not offer a fix carried by a diagnostic of an older version', async () => {
        const stale = diagnostics.find((d) => dataOf(d).fix);
        if (!stale) return;
        const version = await h.setText(uri, text);
        await h.diagnostics(uri, version);
        assert.notEqual(version, dataOf(stale).version);
        const actions = await codeActionsFor(uri, [stale]);
        assert.equal(actions.filter((a) => a.title === dataOf(stale).fix!.title).length, 0);
        assert.ok(actions.some((a) => a.title === `Show documentation for ${stale.code}`));
      });

      it('fixes all safe problems as source.fixAll.policylint, in one minimal edit equal to the engine fixText', async () => {
        const safe = diagnostics.filter((d) => dataOf(d).fix?.safe && dataOf(d).fix?.kind !== 'section');
        const actions = await codeActionsFor(uri, [], ['source.fixAll.policylint']);
        if (!safe.length) return assert.equal(actions.length, 0);
        assert.equal(actions.length, 1);
        assert.equal(actions[0].kind, 'source.fixAll.policylint');
        const edits = editsFor(actions[0].edit!, uri);
        assert.equal(edits.length, 1);
        const out = await applyAndRelint(uri, actions[0].edit!);
        assert.equal(out.after, fixText(text, { config: loadConfigFor(file).config }).text);
        assertChangedOnlyAt(out.before, out.after, edits);
        for (const d of safe)
          assert.ok(
            countLike(out.diagnostics, d) < countLike(diagnostics, d),
            `${d.code} still reported after fix all`,
          );
        await restore(uri, text);
      });

      it('offers "Fix all" among the quick-fixes when two or more problems are fixable', async () => {
        const safe = diagnostics.filter((d) => dataOf(d).fix?.safe && dataOf(d).fix?.kind !== 'section');
        const actions = await codeActionsFor(uri, diagnostics.slice(0, 1));
        const fixAll = actions.filter((a) => a.title === FIX_ALL_TITLE);
        assert.equal(fixAll.length, safe.length >= 2 ? 1 : 0);
        if (fixAll.length) assert.equal(fixAll[0].kind, 'quickfix');
      });

      it('disables a rule for one line: that diagnostic goes away, the outline is unchanged', async () => {
        const d = diagnostics[diagnostics.length - 1];
        assert.ok(d, 'a diagnostic to act on');
        const actions = await codeActionsFor(uri, [d]);
        const disable = actions.find((a) => a.title === `Disable ${d.code} for this line`)!;
        const out = await applyAndRelint(uri, disable.edit!);
        assertChangedOnlyAt(out.before, out.after, out.edits);
        assert.equal(
          countLike(out.diagnostics, d),
          countLike(diagnostics, d) -
            diagnostics.filter(
              (x) => x.code === d.code && x.message === d.message && x.range.start.line === d.range.start.line,
            ).length,
        );
        assert.match(out.after, new RegExp(`policylint-(disable|disable-next-line) ${d.code}`));
        assert.deepEqual(
          parsePolicy(out.after).sections.map((s) => s.title),
          parsePolicy(out.before).sections.map((s) => s.title),
        );
        assert.equal(out.diagnostics.length, engineLint(out.after, file).messages.length);
        await restore(uri, text);
      });

      it('disables a rule for the file: all its diagnostics go away, the outline is unchanged', async () => {
        const d = diagnostics[0];
        assert.ok(d, 'a diagnostic to act on');
        const actions = await codeActionsFor(uri, [d]);
        const disable = actions.find((a) => a.title === `Disable ${d.code} for this file`)!;
        const out = await applyAndRelint(uri, disable.edit!);
        assertChangedOnlyAt(out.before, out.after, out.edits);
        assert.equal(out.diagnostics.filter((x) => x.code === d.code).length, 0);
        assert.equal(out.diagnostics.length, diagnostics.filter((x) => x.code !== d.code).length);
        assert.deepEqual(
          parsePolicy(out.after).sections.map((s) => s.title),
          parsePolicy(out.before).sections.map((s) => s.title),
        );
        await restore(uri, text);
      });
    });
  }

  describe('completion and commands (manycontacts)', () => {
    const file = CORPUS.find((f) => f.includes('manycontacts'))!;
    const uri = fileUri(file);
    const text = readFileSync(file, 'utf8');

    async function completionsAtEnd(
      prefix: string,
    ): Promise<{ items: CompletionItem[]; body: string; result: LintResult }> {
      const body = `${text.replace(/\s*$/, '')}\n\n${prefix}`;
      const version = await h.setText(uri, body);
      await h.diagnostics(uri, version);
      const position = positionAt(body, body.length);
      const list = await h.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
      const items = Array.isArray(list) ? list : (list?.items ?? []);
      return { items, body, result: engineLint(body, file) };
    }

    it('offers the missing checklist sections on an empty line, each inserting its template', async () => {
      const { items, body, result } = await completionsAtEnd('');
      const missing = result.checklist.filter((e) => e.status === 'missing' && getItem(e.id));
      const config = loadConfigFor(file).config;
      assert.deepEqual(items.map((i) => i.label).sort(), missing.map((e) => templateFor(e.id)!.title).sort());
      assert.ok(items.length > 0, 'manycontacts misses sections');
      // Insert the first one: it is no longer missing.
      const item = items[0];
      const edit = item.textEdit as { range: never; newText: string };
      const t = templateFor((item.data as { itemId: string }).itemId)!;
      assert.ok(edit.newText.includes(templateBody(t, templateValues(result.doc, config)).trim().split('\n')[0]));
      const out = applyTextEdits(body, [edit as never]);
      const version = await h.setText(uri, out);
      await h.diagnostics(uri, version);
      const checklist = await h.conn.sendRequest(ChecklistRequest, { uri });
      const id = (item.data as { itemId: string }).itemId;
      assert.notEqual(
        checklist!.items.find((i) => i.id === id)!.status,
        'missing',
        `${id} still missing after inserting its template`,
      );
    });

    it('keeps the heading level typed after "#"', async () => {
      const { items } = await completionsAtEnd('###');
      assert.ok(items.length > 0);
      for (const item of items) assert.match((item.textEdit as { newText: string }).newText, /^### \S/);
    });

    it('offers nothing in the middle of a paragraph line', async () => {
      const { items } = await completionsAtEnd('Some words');
      assert.equal(items.length, 0);
    });

    it('inserts every missing section through workspace/executeCommand and workspace/applyEdit', async () => {
      const version = await h.setText(uri, text);
      await h.diagnostics(uri, version);
      const from = h.events.length;
      const applied = await h.conn.sendRequest(ExecuteCommandRequest.type, {
        command: Commands.insertMissingSections,
        arguments: [uri],
      });
      assert.equal(applied, true);
      const edit = await h.waitFor('applyEdit', (e) => (e.kind === 'applyEdit' ? e.edit : undefined), from);
      const out = await applyAndRelint(uri, edit);
      const checklist = await h.conn.sendRequest(ChecklistRequest, { uri });
      const before = engineLint(text, file).checklist;
      for (const e of before.filter((x) => x.status === 'missing')) {
        const insertable = engineLint(text, file).messages.some((m) => m.item === e.id && m.fix);
        if (insertable)
          assert.notEqual(checklist!.items.find((i) => i.id === e.id)?.status, 'missing', `${e.id} still missing`);
      }
      assertChangedOnlyAt(out.before, out.after, out.edits);
      await restore(uri, text);
    });

    it('writes a disable comment with a reason through the disableRule command', async () => {
      const diagnostics = await h.diagnostics(uri);
      const d = diagnostics.find((x) => x.range.start.line > 2)!;
      const from = h.events.length;
      const applied = await h.conn.sendRequest(ExecuteCommandRequest.type, {
        command: Commands.disableRule,
        arguments: [uri, d.code, 'line', d.range.start.line, 'reviewed by counsel'],
      });
      assert.equal(applied, true);
      const edit = await h.waitFor('applyEdit', (e) => (e.kind === 'applyEdit' ? e.edit : undefined), from);
      const out = await applyAndRelint(uri, edit);
      assert.match(out.after, new RegExp(`policylint-[a-z-]+ ${d.code} -- reviewed by counsel -->`));
      assert.ok(countLike(out.diagnostics, d) < countLike(diagnostics, d));
      await restore(uri, text);
    });

    it('rejects a command with bad arguments and keeps serving', async () => {
      await assert.rejects(
        h.conn.sendRequest(ExecuteCommandRequest.type, { command: Commands.disableRule, arguments: [uri] }),
        /expects arguments/,
      );
      const symbols = await h.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
      assert.ok(symbols && symbols.length > 0);
    });
  });
});
