// The suggest-profile quick-fix: it adds the profile to `extends` in the document's nearest
// config file (keeping the file's comments), or creates .policylintrc.json beside the document.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  type CodeAction,
  type Diagnostic,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { parseConfigText } from '../../server/src/engine/index.js';
import { applyTextEdits, editsFor, fileUri, Harness } from './harness.js';

const POLICY = [
  '# Privacy Policy',
  '',
  'We collect the email address you give us to send you receipts.',
  '',
  'If you live in the European Economic Area, you may ask us for a copy of your data.',
  '',
  'California residents may also ask what we have shared.',
  '',
].join('\n');

describe('language server: the suggest-profile quick-fix', function () {
  this.timeout(30_000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-suggest-'));
  });
  after(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  for (const documentChanges of [true, false]) {
    describe(documentChanges ? 'with documentChanges' : 'with changes only', () => {
      let h: Harness;
      before(async () => {
        h = await Harness.start({ settings: { debounceMs: 0 }, documentChanges });
      });
      after(async () => {
        await h?.stop();
      });

      /** Opens the policy in its own folder (with a config text, or none) and returns the note and its actions. */
      async function actionsIn(
        folder: string,
        config?: string,
      ): Promise<{ dir: string; note: Diagnostic; actions: CodeAction[] }> {
        const dir = path.join(tmp, `${folder}-${documentChanges}`);
        fs.mkdirSync(path.join(dir, 'docs'), { recursive: true });
        if (config !== undefined) fs.writeFileSync(path.join(dir, '.policylintrc.json'), config);
        const file = path.join(dir, 'docs', 'privacy.md');
        fs.writeFileSync(file, POLICY);
        const uri = fileUri(file);
        await h.open(uri, POLICY);
        const diagnostics = await h.diagnostics(uri);
        const notes = diagnostics.filter((d) => d.code === 'suggest-profile');
        assert.equal(notes.length, 1, 'one note');
        const actions = ((await h.conn.sendRequest(CodeActionRequest.type, {
          textDocument: { uri },
          range: notes[0].range,
          context: { diagnostics: notes },
        })) ?? []) as CodeAction[];
        return { dir, note: notes[0], actions };
      }

      /** The config text an action's edit leaves in `file`, given its text before. */
      function editedText(edit: WorkspaceEdit, file: string, before: string): string {
        return applyTextEdits(before, editsFor(edit, fileUri(file)));
      }

      it('edits the nearest config (in a parent folder), keeping its comments', async () => {
        const config =
          '{\n  // the profiles we answer to\n  "extends": ["recommended"],\n  "rules": { "legalese": "off" }\n}\n';
        const { dir, note, actions } = await actionsIn('parent', config);
        const configFile = path.join(dir, '.policylintrc.json');
        const titles = actions.map((a) => a.title);
        for (const t of [
          'Add the gdpr profile to .policylintrc.json',
          'Add the ccpa profile to .policylintrc.json',
          'Add the gdpr and ccpa profiles to .policylintrc.json',
        ]) {
          assert.ok(titles.includes(t), `${t} in ${titles.join(' | ')}`);
        }
        const gdpr = actions.find((a) => a.title === 'Add the gdpr profile to .policylintrc.json')!;
        assert.equal(gdpr.kind, 'quickfix');
        assert.deepEqual(gdpr.diagnostics, [note]);
        const text = editedText(gdpr.edit!, configFile, config);
        assert.deepEqual(parseConfigText(text).data?.extends, ['recommended', 'gdpr']);
        assert.ok(text.includes('// the profiles we answer to') && text.includes('"legalese": "off"'));
        const both = actions.find((a) => a.title.includes('gdpr and ccpa'))!;
        assert.equal(both.isPreferred, true);
        assert.deepEqual(parseConfigText(editedText(both.edit!, configFile, config)).data?.extends, [
          'recommended',
          'gdpr',
          'ccpa',
        ]);
        // The edit is of the config file only: the policy is not touched.
        assert.deepEqual(
          Object.keys(both.edit!.changes ?? {}).concat(
            (both.edit!.documentChanges ?? []).map((c) => ('textDocument' in c ? c.textDocument.uri : c.kind)),
          ),
          [fileUri(configFile)],
        );
      });

      it('turns a config without extends into one that keeps recommended', async () => {
        const config = '{ "rules": { "all-caps": "off" } }';
        const { dir, actions } = await actionsIn('no-extends', config);
        const ccpa = actions.find((a) => a.title === 'Add the ccpa profile to .policylintrc.json');
        assert.ok(ccpa);
        const data = parseConfigText(editedText(ccpa.edit!, path.join(dir, '.policylintrc.json'), config)).data;
        assert.deepEqual(data?.extends, ['recommended', 'ccpa']);
        assert.deepEqual(data?.rules, { 'all-caps': 'off' });
      });

      it('offers no edit of a config that does not parse', async () => {
        const { actions } = await actionsIn('broken', '{ "extends": [ "recommended" ');
        assert.equal(actions.filter((a) => a.title.startsWith('Add the')).length, 0);
        assert.ok(
          actions.some((a) => a.title === 'Disable suggest-profile for this file'),
          'the other actions are still there',
        );
      });

      it(
        documentChanges
          ? 'creates .policylintrc.json beside the document when there is none'
          : 'cannot create a file without documentChanges: no action',
        async () => {
          const { dir, actions } = await actionsIn('none');
          const created = actions.filter((a) => a.title.startsWith('Add the'));
          if (!documentChanges) {
            assert.equal(created.length, 0);
            return;
          }
          const gdpr = created.find((a) => a.title === 'Add the gdpr profile to a new .policylintrc.json');
          assert.ok(gdpr, created.map((a) => a.title).join(' | '));
          const target = fileUri(path.join(dir, 'docs', '.policylintrc.json'));
          const [create, write] = gdpr.edit!.documentChanges!;
          assert.ok('kind' in create && create.kind === 'create' && create.uri === target);
          assert.ok(!('kind' in create && create.options?.overwrite), 'never writes over a file');
          assert.ok('textDocument' in write && write.textDocument.uri === target);
          const text = applyTextEdits('', editsFor(gdpr.edit!, target));
          assert.deepEqual(parseConfigText(text).errors, []);
          assert.deepEqual(parseConfigText(text).data?.extends, ['recommended', 'gdpr']);
        },
      );
    });
  }
});
