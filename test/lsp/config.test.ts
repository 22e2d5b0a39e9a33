// Settings per resource, .policylintrc.json files (watched, multi-root) and invalid configs.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileChangeType, type Diagnostic } from 'vscode-languageserver-protocol';
import { resolveConfig } from '../../server/src/engine/index.js';
import { ChecklistRequest } from '../../server/src/protocol.js';
import { CORPUS, engineLint, summarizeDiagnostics, summarizeMessages } from './expect.js';
import { fileUri, Harness } from './harness.js';
import { lint } from '../../server/src/engine/index.js';

const TEXT = fs.readFileSync(CORPUS.find((f) => f.includes('manycontacts'))!, 'utf8');

describe('language server: settings and config files', function () {
  this.timeout(30_000);
  let h: Harness;
  let tmp: string;

  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-lsp-'));
    h = await Harness.start({ settings: { debounceMs: 0 } });
  });
  after(async () => {
    await h?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A folder (a workspace root) with a policy named like a privacy policy, opened as Markdown. */
  async function openPolicy(
    folder: string,
    config?: unknown,
  ): Promise<{ file: string; uri: string; diagnostics: Diagnostic[] }> {
    const dir = path.join(tmp, folder);
    fs.mkdirSync(dir, { recursive: true });
    if (config !== undefined)
      fs.writeFileSync(
        path.join(dir, '.policylintrc.json'),
        typeof config === 'string' ? config : JSON.stringify(config, null, 2),
      );
    const file = path.join(dir, 'Privacy-Policy.md');
    fs.writeFileSync(file, TEXT);
    const uri = fileUri(file);
    const from = h.events.length;
    await h.open(uri, TEXT, 'markdown');
    return { file, uri, diagnostics: await h.diagnostics(uri, 1, from) };
  }

  it('lints Markdown matched by policylint.files, asking settings for that document (scopeUri)', async () => {
    const { uri, file, diagnostics } = await openPolicy('plain');
    assert.deepEqual(summarizeDiagnostics(diagnostics), summarizeMessages(TEXT, engineLint(TEXT, file).messages));
    assert.ok(h.configurationRequests.some((r) => r.scopeUri === uri && r.section === 'policylint'));
  });

  it('turns a rule off when a watched .policylintrc.json appears, and on again when it goes', async () => {
    const { uri, file, diagnostics } = await openPolicy('watched');
    const rule = String(diagnostics[0].code);
    const configFile = path.join(path.dirname(file), '.policylintrc.json');
    fs.writeFileSync(configFile, JSON.stringify({ rules: { [rule]: 'off' } }));
    let from = h.events.length;
    await h.configFileChanged(configFile, FileChangeType.Created);
    const off = await h.diagnostics(uri, 1, from);
    assert.equal(off.filter((d) => d.code === rule).length, 0);
    assert.equal(off.length, diagnostics.filter((d) => d.code !== rule).length);

    fs.rmSync(configFile);
    from = h.events.length;
    await h.configFileChanged(configFile, FileChangeType.Deleted);
    const on = await h.diagnostics(uri, 1, from);
    assert.deepEqual(summarizeDiagnostics(on), summarizeDiagnostics(diagnostics));
  });

  it('re-reads settings on didChangeConfiguration: policylint.files and policylint.profile', async () => {
    const { uri, diagnostics } = await openPolicy('settings');
    const asked = h.configurationRequests.length;

    // No longer matched: its diagnostics are cleared.
    let from = h.events.length;
    await h.changeSettings({ debounceMs: 0, files: ['**/*.policy.md'] });
    assert.deepEqual(await h.diagnostics(uri, undefined, from), []);
    assert.ok(h.configurationRequests.length > asked, 'settings were not asked again');
    assert.equal(await h.conn.sendRequest(ChecklistRequest, { uri }), null);

    // Profile "all": what the engine says with every rule on.
    from = h.events.length;
    await h.changeSettings({ debounceMs: 0, profile: 'all' });
    const all = await h.diagnostics(uri, 1, from);
    const expected = lint(TEXT, { config: resolveConfig(undefined, { profile: 'all' }).config });
    assert.deepEqual(summarizeDiagnostics(all), summarizeMessages(TEXT, expected.messages));
    assert.ok(all.length >= diagnostics.length);

    from = h.events.length;
    await h.changeSettings({ debounceMs: 0 });
    assert.deepEqual(summarizeDiagnostics(await h.diagnostics(uri, 1, from)), summarizeDiagnostics(diagnostics));
  });

  it('uses each document’s nearest config in a multi-root workspace', async () => {
    const plain = await openPolicy('root-b');
    const rule = String(plain.diagnostics[0].code);
    const quiet = await openPolicy('root-a', { rules: { [rule]: 'off' } });
    assert.equal(quiet.diagnostics.filter((d) => d.code === rule).length, 0);
    assert.ok(plain.diagnostics.some((d) => d.code === rule));
    assert.deepEqual(
      summarizeDiagnostics(quiet.diagnostics),
      summarizeMessages(TEXT, engineLint(TEXT, quiet.file).messages),
    );
  });

  it('reports an invalid config on the config file and once in a message, and lints with defaults', async () => {
    const messagesBefore = h.showMessages().length;
    const configText = '{\n  "rules": {\n    "no-such-rule": "warn"\n  }\n}\n';
    const { uri, file, diagnostics } = await openPolicy('invalid', configText);
    const configUri = fileUri(path.join(path.dirname(file), '.policylintrc.json'));
    const configDiagnostics = await h.waitFor('config diagnostics', (e) =>
      e.kind === 'diagnostics' && e.params.uri === configUri && e.params.diagnostics.length
        ? e.params.diagnostics
        : undefined,
    );
    assert.equal(configDiagnostics.length, 1);
    assert.equal(configDiagnostics[0].severity, 1);
    assert.equal(configDiagnostics[0].range.start.line, 2, 'on the line of the bad key');
    assert.match(configDiagnostics[0].message, /no-such-rule/);

    const shown = await h.waitFor('showMessage', (e) =>
      e.kind === 'showMessage' && /no-such-rule/.test(e.params.message) ? e.params : undefined,
    );
    assert.equal(shown.type, 1);
    assert.ok(
      shown.message.includes(path.join(path.dirname(file), '.policylintrc.json')),
      'the message names the file',
    );
    // The document is still linted, with the defaults.
    assert.deepEqual(summarizeDiagnostics(diagnostics), summarizeMessages(TEXT, lint(TEXT).messages));

    // Linting again (a settings change re-reads every config) shows no second message for the same problem.
    const from = h.events.length;
    await h.changeSettings({ debounceMs: 0 });
    await h.diagnostics(uri, 1, from);
    assert.equal(h.showMessages().length - messagesBefore, 1);

    // Fixed: the config file's diagnostics are cleared.
    const configFile = path.join(path.dirname(file), '.policylintrc.json');
    fs.writeFileSync(configFile, '{ "rules": {} }\n');
    const fixedFrom = h.events.length;
    await h.configFileChanged(configFile);
    const cleared = await h.waitFor(
      'cleared config diagnostics',
      (e) => (e.kind === 'diagnostics' && e.params.uri === configUri ? e.params.diagnostics : undefined),
      fixedFrom,
    );
    assert.deepEqual(cleared, []);
  });

  it('reports a config that is not JSON at its line, naming the file, and still lints', async () => {
    const configText = '{\n  "rules": {\n    "children": "off"\n    "cookies": "off"\n  }\n}\n';
    const { file, diagnostics } = await openPolicy('broken-json', configText);
    const configUri = fileUri(path.join(path.dirname(file), '.policylintrc.json'));
    const configDiagnostics = await h.waitFor('config diagnostics', (e) =>
      e.kind === 'diagnostics' && e.params.uri === configUri && e.params.diagnostics.length
        ? e.params.diagnostics
        : undefined,
    );
    assert.equal(configDiagnostics[0].severity, 1);
    assert.match(configDiagnostics[0].message, /JSON/);
    assert.ok(h.showMessages().some((m) => m.message.includes(path.dirname(file)) && /JSON/.test(m.message)));
    assert.deepEqual(summarizeDiagnostics(diagnostics), summarizeMessages(TEXT, lint(TEXT).messages));
  });
});
