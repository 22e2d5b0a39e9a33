// With a law profile on, the server counts the checklist per profile: the code lens title, the
// policylint/checklist groups and the checklistChanged notification carry "Checklist 7/14 · GDPR 4/10 · …".
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeLensRequest } from 'vscode-languageserver-protocol';
import {
  formatProfileCounts,
  lint,
  profileCounts,
  profileGroups,
  resolveConfig,
} from '../../server/src/engine/index.js';
import { ChecklistRequest } from '../../server/src/protocol.js';
import { fileUri, Harness } from './harness.js';

const TEXT = fs.readFileSync(path.resolve('test/cli/fixtures/missing-sections.md'), 'utf8');

describe('language server: the checklist per profile', function () {
  this.timeout(30_000);
  let tmp: string;
  let h: Harness;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-groups-'));
    h = await Harness.start({ settings: { debounceMs: 0, profile: 'recommended,gdpr,ccpa' } });
  });
  after(async () => {
    await h?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** What the engine counts for the text with these profiles. */
  function expected(profile: string) {
    const config = resolveConfig(undefined, { profile }).config;
    const r = lint(TEXT, { config });
    return {
      counts: profileCounts(r.checklist, config),
      groups: profileGroups(r.checklist, config),
      checklist: r.checklist,
    };
  }

  it('titles the code lens with the counts per profile, and sends them in the checklist and its notification', async () => {
    const file = path.join(tmp, 'privacy.md');
    fs.writeFileSync(file, TEXT);
    const uri = fileUri(file);
    await h.open(uri, TEXT);
    const changed = await h.waitFor('checklistChanged', (e) =>
      e.kind === 'checklistChanged' && e.params.uri === uri ? e.params : undefined,
    );
    const want = expected('recommended,gdpr,ccpa');
    const line = formatProfileCounts(want.counts);
    assert.match(line, /^Checklist \d+\/\d+ · GDPR \d+\/10 · CCPA \d+\/7$/);
    assert.equal(changed.grouped, line);

    const lenses = (await h.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    assert.equal(lenses.length, 1);
    assert.ok(lenses[0].command!.title.startsWith(`${line} · missing: `), lenses[0].command!.title);

    const response = await h.conn.sendRequest(ChecklistRequest, { uri });
    assert.ok(response);
    assert.equal(response.grouped, line);
    assert.deepEqual(response.groups, want.groups);
    assert.deepEqual(
      response.groups!.at(-1)?.items,
      ['do-not-track', 'california-rights'],
      'last, the items no active profile asks for',
    );
    const contact = response.groups!.filter((g) => g.items.includes('contact')).map((g) => g.profile);
    assert.deepEqual(contact, ['recommended', 'gdpr', 'ccpa']);
  });

  it('keeps the one count with recommended alone', async () => {
    const file = path.join(tmp, 'alone', 'privacy.md');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, TEXT);
    fs.writeFileSync(path.join(tmp, 'alone', '.policylintrc.json'), '{ "extends": ["recommended"] }\n');
    const uri = fileUri(file);
    await h.open(uri, TEXT);
    const changed = await h.waitFor('checklistChanged', (e) =>
      e.kind === 'checklistChanged' && e.params.uri === uri ? e.params : undefined,
    );
    assert.equal(changed.grouped, undefined);
    const { checklist } = expected('recommended');
    const present = checklist.filter((e) => e.status === 'present').length;
    const lenses = (await h.conn.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    assert.ok(
      lenses[0].command!.title.startsWith(`Checklist ${present}/${checklist.length} · `),
      lenses[0].command!.title,
    );
    const response = await h.conn.sendRequest(ChecklistRequest, { uri });
    assert.equal(response?.groups, undefined);
  });
});
