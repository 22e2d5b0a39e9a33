// Section insertion through the language server: the quick-fix of a missing section lands
// where the CLI puts it, in each document style and line ending, once; the choice
// quick-fixes insert their answer; fix-all (source.fixAll and source.fixAll.policylint)
// never inserts a section; Insert Section goes through the engine even with the item's rule
// off; a CR-only document is reported at the lines the CLI reports.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CompletionRequest,
  ExecuteCommandRequest,
  type CodeAction,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { CHECKLIST_IDS, LAW_ITEM_IDS, fixText, resolveConfig, type ConfigData } from '../../server/src/engine/index.js';
import { Commands } from '../../server/src/protocol.js';
import { checkInsertion, LINE_ENDINGS, STYLE_CASES, withEol } from '../engine/styles.js';
import { applyTextEdits, editsFor, fileUri, Harness } from './harness.js';
import { dataOf } from './expect.js';

const offExcept = (...keep: string[]): ConfigData => ({
  extends: 'all',
  rules: Object.fromEntries(
    [...CHECKLIST_IDS, ...LAW_ITEM_IDS].filter((id) => !keep.includes(id)).map((id) => [id, 'off' as const]),
  ),
});

describe('language server: section insertion', function () {
  this.timeout(30_000);
  let h: Harness;
  let tmp: string;
  let n = 0;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-insert-'));
    h = await Harness.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await h?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** Opens a draft in a folder of its own with this config; returns its URI and first diagnostics. */
  async function open(text: string, config: object): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const dir = path.join(tmp, String(n++));
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, '.policylintrc.json'), JSON.stringify(config));
    const uri = fileUri(path.join(dir, 'draft.policy.md'));
    await h.open(uri, text);
    return { uri, diagnostics: await h.diagnostics(uri, 1) };
  }

  async function actions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return ((await h.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics, only },
    })) ?? []) as CodeAction[];
  }

  async function apply(uri: string, edit: WorkspaceEdit) {
    const change = await h.applyAndSend(uri, edit);
    return { ...change, diagnostics: await h.diagnostics(uri, change.version) };
  }

  for (const c of STYLE_CASES) {
    for (const [eolName, eol] of LINE_ENDINGS) {
      it(`${c.name}, ${eolName}: the quick-fix inserts the section where the CLI does, once`, async () => {
        const text = withEol(c.text, eol);
        const { uri, diagnostics } = await open(text, offExcept('sharing'));
        const missing = diagnostics.find((d) => d.code === 'sharing');
        assert.ok(missing, 'sharing is reported missing');
        const fix = (await actions(uri, [missing])).find((a) => a.title === dataOf(missing).fix?.title && a.edit);
        assert.ok(fix, 'a quick-fix inserts the section');
        assert.equal(dataOf(missing).fix?.kind, 'section');
        const out = await apply(uri, fix.edit!);
        assert.equal(checkInsertion(c, text, out.after), undefined);
        const cli = fixText(text, {
          types: ['section'],
          config: resolveConfig(offExcept('sharing')).config,
          assumePolicy: true,
        });
        assert.equal(out.after, cli.text, 'the editor and the command line insert the same text');
        assert.equal(
          out.diagnostics.some((d) => d.code === 'sharing'),
          false,
        );
        const again = await actions(uri, out.diagnostics);
        assert.equal(
          again.some((a) => /^Insert the/.test(a.title)),
          false,
          'nothing left to insert',
        );
        await h.close(uri);
      });
    }
  }

  it('fix-all, as source.fixAll and source.fixAll.policylint, applies safe text fixes and inserts no section', async () => {
    const text =
      '# Privacy Policy\n\n## 1. Information We Collect\n\nWe collect your name.\n\n## 2. Security\n\nWe protect data in transit with SSL encryption.\n\n## 3. Contact Us\n\nWrite to privacy@harbour-notes.test.\n';
    const { uri, diagnostics } = await open(text, { extends: 'all' });
    assert.ok(
      diagnostics.some((d) => dataOf(d).fix?.kind === 'section'),
      'sections are missing',
    );
    for (const only of [['source.fixAll'], ['source.fixAll.policylint'], ['source']]) {
      const list = await actions(uri, [], only);
      assert.equal(list.length, 1, `one fix-all for ${only}`);
      const after = applyTextEdits(text, editsFor(list[0].edit!, uri));
      assert.equal(
        after,
        text.replace('SSL encryption', 'TLS encryption'),
        `${only}: fix-all did more than the safe text fix`,
      );
    }
    const out = await apply(uri, (await actions(uri, [], ['source.fixAll']))[0].edit!);
    assert.equal(out.after, text.replace('SSL encryption', 'TLS encryption'));
    await h.close(uri);
  });

  it('fix-all of a short draft in the privacy-policy language lints it as a policy, as its diagnostics do', async () => {
    const text = '# Draft\n\nWe send data over SSL encryption.\n';
    const { uri, diagnostics } = await open(text, { extends: 'all' });
    assert.ok(diagnostics.some((d) => d.code === 'outdated-framework'));
    const list = await actions(uri, [], ['source.fixAll']);
    assert.equal(list.length, 1);
    assert.equal(applyTextEdits(text, editsFor(list[0].edit!, uri)), text.replace('SSL', 'TLS'));
    await h.close(uri);
  });

  it('offers one quick-fix per answer on a numbered draft; "We do not use cookies" inserts that answer, numbered', async () => {
    const text =
      '# Privacy Policy\n\n## 1. Information We Collect\n\nWe collect your name.\n\n## 2. How We Share Information\n\nWe give it to nobody.\n\n## 3. Contact Us\n\nWrite to privacy@harbour-notes.test (see Section 3).\n';
    const { uri, diagnostics } = await open(text, offExcept('cookies'));
    const missing = diagnostics.find((d) => d.code === 'cookies')!;
    const list = await actions(uri, [missing]);
    const titles = list.map((a) => a.title);
    assert.ok(titles.includes('Insert the "Cookies and Similar Technologies" section as 3'), titles.join('; '));
    const notUsed = list.find(
      (a) => a.title === 'Insert the "Cookies and Similar Technologies" section as 3: We do not use cookies',
    )!;
    assert.ok(list.some((a) => a.title.endsWith(': We use cookies')));
    assert.equal(notUsed.isPreferred, undefined);
    const out = await apply(uri, notUsed.edit!);
    assert.match(
      out.after,
      /## 3\. Cookies and Similar Technologies\n\nWe do not use cookies or similar tracking technologies\. \[List any embedded service/,
    );
    assert.match(out.after, /## 4\. Contact Us\n\nWrite to privacy@harbour-notes\.test \(see Section 4\)\./);
    assert.equal(
      out.diagnostics.some((d) => d.code === 'cookies'),
      false,
    );
    assert.ok(
      out.diagnostics.some((d) => d.code === 'no-placeholders'),
      'the prompt for the specifics is flagged',
    );
    await h.close(uri);
  });

  it('Insert Section goes through the engine with the rule off: placed, styled and numbered, not appended', async () => {
    const text =
      '# Privacy Policy\n\n1. **Information We Collect.** We collect your name.\n2. **How We Share Information.** We give it to nobody.\n3. **Contact Us.** Write to us.\n';
    const { uri } = await open(text, { extends: 'all', rules: { 'do-not-track': 'off', cookies: 'off' } });
    const from = h.events.length;
    const applied = await h.conn.sendRequest(ExecuteCommandRequest.type, {
      command: Commands.insertSection,
      arguments: [uri, 'cookies', 'not-used'],
    });
    assert.equal(applied, true);
    const edit = await h.waitFor('applyEdit', (e) => (e.kind === 'applyEdit' ? e.edit : undefined), from);
    const out = await apply(uri, edit);
    assert.match(
      out.after,
      /2\. \*\*How We Share Information\.\*\* We give it to nobody\.\n3\. \*\*Cookies and Similar Technologies\.\*\* We do not use cookies/,
    );
    assert.match(out.after, /\n4\. \*\*Contact Us\.\*\* Write to us\.\n$/);
    await h.close(uri);
  });

  async function complete(uri: string, text: string, line: string) {
    const body = `${text}${line}`;
    const version = await h.setText(uri, body);
    await h.diagnostics(uri, version);
    const lines = body.split('\n');
    const position = { line: lines.length - 1, character: lines[lines.length - 1].length };
    const list = await h.conn.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    return { body, items: Array.isArray(list) ? list : (list?.items ?? []) };
  }

  it('completes a missing section in the document\'s own style: "## 4" in a numbered one, "**" in a bold-lead one', async () => {
    const numbered =
      '# Privacy Policy\n\n## 1. Information We Collect\n\nWe collect your name.\n\n## 2. How We Use Information\n\nWe use it.\n\n## 3. Contact Us\n\nWrite to privacy@harbour-notes.test.\n\n';
    const a = await open(numbered, offExcept('cookies'));
    const { body, items } = await complete(a.uri, numbered, '## 4');
    const cookies = items.find((i) => (i.data as { itemId: string }).itemId === 'cookies');
    assert.ok(cookies, items.map((i) => i.label).join('; '));
    assert.match(
      (cookies.textEdit as { newText: string }).newText,
      /^## 4\. Cookies and Similar Technologies\n\n\[State whether you use cookies/,
    );
    assert.equal(
      applyTextEdits(body, [cookies.textEdit as never]).endsWith(
        '## 4. Cookies and Similar Technologies\n\n' +
          '[State whether you use cookies or similar technologies (pixels, local storage, SDKs), which kinds and what for, and how users can refuse or delete them.]\n',
      ),
      true,
    );
    await h.close(a.uri);

    const lead =
      '# Privacy Policy\n\n**Information We Collect.** We collect your name.\n\n**How We Use Information.** We use it.\n\n';
    const b = await open(lead, offExcept('cookies'));
    const typed = await complete(b.uri, lead, '**');
    const item = typed.items.find((i) => (i.data as { itemId: string }).itemId === 'cookies');
    assert.ok(item);
    assert.match(
      (item.textEdit as { newText: string }).newText,
      /^\*\*Cookies and Similar Technologies\.\*\* \[State whether/,
    );
    assert.equal(item.filterText?.startsWith('**'), true);
    await h.close(b.uri);
  });

  it('CR-only: the server reports the lines and columns the CLI reports', async () => {
    const text =
      '# Privacy Policy\r\rLast updated: March 1, 2024\r\r## Security\r\rWe protect data in transit with SSL encryption.\r\r## Contact Us\r\r[Company Name] answers at privacy@harbour-notes.test.\r';
    const { uri, diagnostics } = await open(text, { extends: 'all' });
    const placeholder = diagnostics.find((d) => d.code === 'no-placeholders')!;
    assert.deepEqual(placeholder.range.start, { line: 10, character: 0 }, 'line 11, column 1 as the CLI says');
    const ssl = diagnostics.find((d) => d.code === 'outdated-framework')!;
    assert.equal(ssl.range.start.line, 6);
    await h.close(uri);
  });
});
