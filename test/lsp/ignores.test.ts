// The server honours the ignores (issue 15): an open document whose file .policylintignore,
// .gitignore or a config's `ignores` leave out gets an empty diagnostics list, Lint Workspace
// (policylint/lintDocuments) reports such a file as ignored, and a change to a watched
// ignore file is picked up.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileChangeType } from 'vscode-languageserver-protocol';
import { LintDocumentsRequest } from '../../server/src/protocol.js';
import { CORPUS } from './expect.js';
import { fileUri, Harness } from './harness.js';

const TEXT = fs.readFileSync(CORPUS.find((f) => f.includes('manycontacts'))!, 'utf8');

describe('language server: ignores', function () {
  this.timeout(30_000);
  let h: Harness;
  let tmp: string;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-lsp-ignores-'));
    for (const dir of ['.git', 'drafts', 'archive', 'build']) fs.mkdirSync(path.join(tmp, dir));
    fs.writeFileSync(path.join(tmp, '.policylintignore'), 'drafts/\n');
    fs.writeFileSync(path.join(tmp, '.gitignore'), 'build/\n');
    fs.writeFileSync(path.join(tmp, '.policylintrc.json'), JSON.stringify({ ignores: ['archive'] }));
    for (const dir of ['', 'drafts', 'archive', 'build'])
      fs.writeFileSync(path.join(tmp, dir, 'Privacy-Policy.md'), TEXT);
    h = await Harness.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await h?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const uriOf = (dir: string) => fileUri(path.join(tmp, dir, 'Privacy-Policy.md'));

  it('publishes no diagnostics for an open document that .policylintignore, .gitignore or "ignores" leave out, and logs why', async () => {
    await h.open(uriOf(''), TEXT, 'markdown');
    assert.ok((await h.diagnostics(uriOf(''))).length > 0, 'the document that is not ignored is linted');
    for (const dir of ['drafts', 'build', 'archive']) {
      await h.open(uriOf(dir), TEXT, 'markdown');
      assert.deepEqual(await h.diagnostics(uriOf(dir)), [], `${dir}/Privacy-Policy.md got diagnostics`);
      await h.close(uriOf(dir));
    }
    const logs = h.logs().join('\n');
    assert.match(logs, /drafts.Privacy-Policy\.md is ignored by the pattern "drafts\/" at .*\.policylintignore:1/);
    assert.match(
      logs,
      /archive.Privacy-Policy\.md is ignored by the pattern "archive" in "ignores" of .*\.policylintrc\.json/,
    );
  });

  it('Lint Workspace: an ignored file comes back as ignored, not linted, and nothing is published for it', async () => {
    const res = await h.conn.sendRequest(LintDocumentsRequest, { documents: [{ uri: uriOf('build'), text: TEXT }] });
    assert.equal(res.results.length, 1);
    assert.match(res.results[0].ignored ?? '', /the pattern "build\/" at .*\.gitignore:1/);
    assert.equal(res.results[0].problem, undefined);
    assert.ok(
      !h.publications(uriOf('build')).some((p) => p.diagnostics.length),
      'diagnostics were published for an ignored file',
    );
  });

  it('lints the document again when a watched .policylintignore changes', async () => {
    await h.open(uriOf('drafts'), TEXT, 'markdown');
    assert.deepEqual(await h.diagnostics(uriOf('drafts')), []);
    const ignoreFile = path.join(tmp, '.policylintignore');
    fs.writeFileSync(ignoreFile, '# nothing ignored now\n');
    const from = h.events.length;
    await h.configFileChanged(ignoreFile, FileChangeType.Changed);
    const after = await h.waitFor(
      'diagnostics for the no longer ignored draft',
      (e) =>
        e.kind === 'diagnostics' && e.params.uri === uriOf('drafts') && e.params.diagnostics.length
          ? e.params.diagnostics
          : undefined,
      from,
    );
    assert.ok(after.length > 0);
  });
});
