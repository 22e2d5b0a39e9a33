// End-to-end tests of the extension in the real VS Code workbench (code-server) driven through
// chromium, with the extension installed from its .vsix. Run with `npm run test:e2e`.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import picomatch from 'picomatch';
import type { Browser } from 'playwright-core';
import { DEFAULT_FILES } from '../../client/src/selector.js';
import { expandSnippet, lintFile, messageKeys, rowKeys, textAfterFix } from './expected.js';
import {
  checkPrerequisites,
  CodeServer,
  groupAlive,
  installExtension,
  launchBrowser,
  makeWorkspace,
  removeTemp,
  ROOT,
  screenshot,
  tempDir,
  writeUserSettings,
} from './harness.js';
import { eventually, Workbench, type FileProblems } from './workbench.js';

/** Saves a screenshot of a failed test under test-results/ (git-ignored). */
async function keepFailure(wb: Workbench | undefined, test: Mocha.Test | undefined): Promise<void> {
  if (!wb || !test || test.state !== 'failed') return;
  const file = await screenshot(wb.page, `failed-${test.fullTitle()}`).catch((err: Error) => `none (${err.message})`);
  console.log(`      screenshot of the failure: ${file}`);
}

/** An installed extension and a running code-server with a fresh fixture workspace. */
interface Session {
  base: string;
  workspace: string;
  server: CodeServer;
  browser: Browser;
  wb: Workbench;
}

async function startSession(label: string, trust: boolean): Promise<Session> {
  checkPrerequisites();
  const base = tempDir(label);
  const userDataDir = join(base, 'user-data');
  const extensionsDir = join(base, 'extensions');
  const workspace = join(base, 'workspace');
  const session: Partial<Session> = { base, workspace };
  try {
    makeWorkspace(workspace);
    mkdirSync(extensionsDir);
    installExtension(userDataDir, extensionsDir);
    writeUserSettings(userDataDir, trust);
    session.server = await CodeServer.start({ userDataDir, extensionsDir, workspace, disableTrust: !trust });
    session.browser = await launchBrowser();
    session.wb = await Workbench.open(session.browser, session.server.url);
    return session as Session;
  } catch (err) {
    await stopSession(session);
    throw err;
  }
}

/** Stops chromium and code-server (its whole process group) and removes the temp folder. */
async function stopSession(s: Partial<Session> | undefined): Promise<void> {
  if (!s) return;
  const problems: string[] = [];
  await s.browser?.close().catch((err: Error) => problems.push(`closing chromium: ${err.message}`));
  if (s.server) {
    await s.server.stop();
    if (groupAlive(s.server.pid)) problems.push(`processes of code-server's group ${s.server.pid} are still running`);
  }
  removeTemp(s.base);
  if (problems.length) throw new Error(problems.join('; '));
}

/** The workspace files the extension lints (policylint.files at its default). */
function policyFiles(workspace: string): string[] {
  const isPolicy = picomatch([...DEFAULT_FILES]);
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(join(dir, e.name), path);
      else if (isPolicy(path)) out.push(path);
    }
  };
  walk(workspace, '');
  return out.sort();
}

/** A short draft for readers in the EU, in our own words; no law profile is on in the fixture's config. */
const EU_DRAFT = [
  '# Privacy Policy',
  '',
  'Last updated: 2 March 2026',
  '',
  '## Information we collect',
  '',
  'We collect the name and email address you give us when you sign up, and the pages you visit.',
  '',
  '## How we use it',
  '',
  'We use this information to run your account and to answer your questions.',
  '',
  '## Where our users are',
  '',
  'Most of our users live in the European Union, and the GDPR governs how we handle their personal data.',
  '',
  '## Contact',
  '',
  'Write to privacy@harbour-maps.example with any question about this policy.',
  '',
].join('\n');

function codes(p: FileProblems | undefined): string[] {
  return (p?.markers ?? []).map((m) => m.code ?? '');
}

/**
 * Registers the hooks of a describe block: one session for its tests, a screenshot of each
 * failure, and the session stopped at the end, however the tests went.
 */
function useSession(label: string, trust: boolean): { readonly current: Session } {
  let session: Session | undefined;
  before(async function () {
    session = await startSession(label, trust);
  });
  afterEach(async function () {
    await keepFailure(session?.wb, this.currentTest);
  });
  after(async function () {
    await stopSession(session);
  });
  return {
    get current() {
      if (!session) throw new Error('the code-server session did not start');
      return session;
    },
  };
}

describe('the extension in VS Code (code-server)', function () {
  const session = useSession('main', false);

  it('shows the findings of an opened seed in the Problems panel, and none for a README that is not a policy', async function () {
    const { wb, workspace } = session.current;
    await wb.openFile('README.md');
    await wb.openFile('manycontacts.privacy.md');
    const expected = lintFile(join(workspace, 'manycontacts.privacy.md'));
    const shown = await eventually(
      'the findings of manycontacts.privacy.md in the Problems panel',
      () => wb.problemsOf('manycontacts.privacy.md'),
      (p) => p?.markers.length === expected.messages.length,
    );
    assert.deepEqual(rowKeys(shown!.markers), messageKeys(expected.messages));
    assert.equal(shown!.count, expected.messages.length);
    for (const m of shown!.markers) assert.equal(m.source, 'policylint', `source of ${m.code}`);
    // The three the issue names: children missing, a contact with no channel, a date label with no date.
    const byCode = (code: string) => shown!.markers.find((m) => m.code === code);
    assert.match(byCode('children')?.message ?? '', /children/i);
    assert.equal(byCode('children')?.severity, 'Error');
    assert.match(byCode('contact')?.message ?? '', /no email address/);
    assert.match(byCode('effective-date')?.message ?? '', /no actual date/);
    // README.md is open too, and mentions a placeholder, but is not in policylint.files.
    const all = await wb.problems();
    assert.deepEqual(
      all.filter((f) => f.file === 'README.md'),
      [],
    );
  });

  it("inserts the missing children's section with the quick-fix (Ctrl+.), clears the finding and saves the file", async function () {
    const { wb, workspace } = session.current;
    const file = join(workspace, 'manycontacts.privacy.md');
    // One of the answers the quick-fix menu offers; its wording gives the config's contactEmail.
    const title = 'Insert the "Children\'s Privacy" section: Not directed to children';
    const expectedText = textAfterFix(file, 'children', title);
    const children = lintFile(file).messages.find((m) => m.ruleId === 'children')!;
    await wb.openFile('manycontacts.privacy.md');
    await eventually(
      'the children finding of manycontacts.privacy.md',
      () => wb.problemsOf('manycontacts.privacy.md'),
      (p) => codes(p).includes('children'),
    );
    await wb.goTo(children.range.start.line, children.range.start.column);
    const titles = await wb.openCodeActions();
    assert.ok(titles.includes(title), `the quick-fix menu offers ${title}; it offers: ${titles.join(' | ')}`);
    await wb.page.mouse.move(0, 0);
    const shot = await screenshot(wb.page, 'vscode-problems');
    if (process.env.POLICYLINT_E2E_README_SCREENSHOT) {
      mkdirSync(join(ROOT, 'docs', 'images'), { recursive: true });
      copyFileSync(shot, join(ROOT, 'docs', 'images', 'vscode-problems.png'));
    }
    await wb.pickCodeAction(title);
    const after = await eventually(
      'the children finding of manycontacts.privacy.md to go away',
      () => wb.problemsOf('manycontacts.privacy.md'),
      (p) => !!p && !codes(p).includes('children'),
    );
    assert.ok(codes(after).includes('contact'), 'the other findings stay');
    assert.equal(await wb.activeTabDirty(), true, 'the fix edits the buffer, not the file');
    await wb.save();
    const onDisk = await eventually(
      'the saved file on disk',
      async () => readFileSync(file, 'utf8'),
      (t) => t !== readFileSync(join(ROOT, 'corpus', 'manycontacts.com.md'), 'utf8'),
    );
    assert.equal(onDisk, expectedText);
    assert.match(onDisk, /Children's Privacy/);
    assert.match(
      onDisk,
      /privacy@lantern\.example/,
      'the inserted section uses the contactEmail of .policylintrc.json',
    );
  });

  it('reports a [Company Name] placeholder typed into a policy, before it is saved', async function () {
    const { wb, workspace } = session.current;
    const file = join(workspace, 'typing.policy.md');
    const lastLine = readFileSync(file, 'utf8').split('\n').length;
    await wb.openFile('typing.policy.md');
    await eventually(
      'the findings of typing.policy.md',
      () => wb.problemsOf('typing.policy.md'),
      (p) => !!p,
    );
    await wb.goTo(lastLine, 1);
    await wb.page.keyboard.type('Questions go to [Company Name].');
    const shown = await eventually(
      'a no-placeholders finding for the typed [Company Name]',
      () => wb.problemsOf('typing.policy.md'),
      (p) => !!p?.markers.some((m) => m.code === 'no-placeholders'),
    );
    const placeholder = shown!.markers.find((m) => m.code === 'no-placeholders')!;
    assert.match(placeholder.message ?? '', /\[Company Name\]/);
    assert.equal(placeholder.line, lastLine);
    assert.equal(placeholder.column, 'Questions go to '.length + 1);
    assert.equal(await wb.activeTabDirty(), true, 'linted while typing, not on save');
  });

  it('fills the Problems panel for files that are not open with Privacy Policy: Lint Workspace, showing its progress', async function () {
    const { wb, workspace } = session.current;
    const unopened = ['act-on.policy.md', 'attendicon.privacy.md', 'outboundengine.policy.md', 'rs6.privacy.md'];
    const before = await wb.problems();
    assert.deepEqual(
      before.filter((f) => unopened.includes(f.file)).map((f) => f.file),
      [],
      'no findings for unopened files yet',
    );
    const files = policyFiles(workspace);
    await wb.runCommand('Privacy Policy: Lint Workspace');
    const summary = await eventually(
      'the Lint Workspace summary notification',
      () => wb.notifications(),
      (seen) => seen.some((n) => n.label.startsWith('policylint: linted')),
    );
    assert.ok(
      summary.some((n) => n.label.startsWith('policylint: Lint Workspace') && n.progress),
      `a progress notification while it runs; seen: ${JSON.stringify(summary)}`,
    );
    assert.ok(
      summary.some((n) => n.label.startsWith(`policylint: linted ${files.length} files:`)),
      `linted ${files.length} files (${files.join(', ')}); seen: ${JSON.stringify(summary)}`,
    );
    const shown = await eventually(
      'findings for every unopened policy',
      () => wb.problems(),
      (all) => unopened.every((name) => all.some((f) => f.file === name)),
    );
    for (const name of unopened) {
      const expected = lintFile(join(workspace, name));
      const row = shown.find((f) => f.file === name)!;
      assert.equal(row.count, expected.messages.length, `${name}: problem count`);
      assert.deepEqual(rowKeys(row.markers), messageKeys(expected.messages), `${name}: findings`);
    }
  });

  it('inserts a section from a snippet typed by its prefix', async function () {
    const { wb, workspace } = session.current;
    const file = join(workspace, 'snippets.policy.md');
    const original = readFileSync(file, 'utf8');
    const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'privacy-policy.code-snippets'), 'utf8')) as Record<
      string,
      { prefix: string | string[]; body: string | string[] }
    >;
    const snippet = Object.values(snippets).find((sn) => [sn.prefix].flat().includes('pl-children'));
    assert.ok(snippet, 'the snippets file has the pl-children prefix');
    await wb.openFile('snippets.policy.md');
    await wb.goTo(original.split('\n').length, 1);
    await wb.page.keyboard.type('pl-children');
    await wb.page
      .locator('.suggest-widget .monaco-list-row.focused[aria-label^="pl-children,"]')
      .waitFor({ state: 'visible' });
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.suggest-widget').waitFor({ state: 'hidden' });
    await eventually(
      'the section heading in the editor',
      () => wb.editorText(),
      (t) => t.includes("## Children's Privacy"),
    );
    await wb.page.keyboard.press('Escape');
    await wb.save();
    assert.equal(readFileSync(file, 'utf8'), original + expandSnippet(snippet!.body));
  });

  it("shows the checklist of the active policy in the Policy Checklist view, with each item's state", async function () {
    const { wb, workspace } = session.current;
    const expected = lintFile(join(workspace, 'draft.policy.md')).checklist;
    await wb.openFile('draft.policy.md');
    await wb.runCommand('Privacy Policy: Show Checklist');
    const present = expected.filter((e) => e.status === 'present').length;
    const view = await eventually(
      'the checklist of draft.policy.md',
      () => wb.checklist(),
      (v) => v.rows.length === expected.length && v.description === `${present}/${expected.length}`,
    );
    for (const item of expected) {
      const row = view.rows.find((r) => r.startsWith(`${item.title}, `));
      assert.ok(row, `a row for ${item.title}; rows: ${view.rows.join(' | ')}`);
      const state = row.slice(item.title.length + 2).split(' · ')[0];
      assert.ok(
        state === item.status || (item.status === 'missing' && state === 'missing (optional)'),
        `${item.title}: ${state}, expected ${item.status}`,
      );
    }
    assert.ok(
      ['present', 'incomplete', 'missing'].every((st) => expected.some((e) => e.status === st)),
      'the draft has items in each state',
    );
  });

  it('colours a placeholder with its own token colour (the grammar)', async function () {
    const { wb } = session.current;
    await wb.openFile('draft.policy.md');
    const tokens = await eventually(
      'the placeholder and plain text tokens of draft.policy.md',
      () => wb.tokens(),
      (ts) => ts.some((t) => t.text === '[DATE]') && ts.some((t) => t.text.startsWith('This draft explains what')),
    );
    const placeholder = tokens.find((t) => t.text === '[DATE]')!;
    const plain = tokens.find((t) => t.text.startsWith('This draft explains what'))!;
    assert.notEqual(placeholder.className, plain.className, 'a token class of its own');
    assert.notEqual(placeholder.color, plain.color, `placeholder ${placeholder.color} vs text ${plain.color}`);
    // Every placeholder of the draft's first lines gets the same colour.
    const company = tokens.find((t) => t.text === '[Company Name]');
    assert.equal(company?.color, placeholder.color);
  });

  it('shows an error for a broken .policylintrc.json and goes on linting', async function () {
    const { wb, workspace } = session.current;
    const dir = join(workspace, 'broken');
    mkdirSync(dir, { recursive: true });
    const config = join(dir, '.policylintrc.json');
    writeFileSync(config, '{\n  "extends": "recommended",\n  "rules": { "children": "error", }\n');
    copyFileSync(join(workspace, 'rs6.privacy.md'), join(dir, 'notice.privacy.md'));
    const expected = lintFile(join(dir, 'notice.privacy.md'));
    await wb.openFile('broken/notice.privacy.md');
    const seen = await eventually(
      'an error notification about the config file',
      () => wb.notifications(),
      (ns) => ns.some((n) => n.label.includes('invalid config')),
    );
    const note = seen.find((n) => n.label.includes('invalid config'))!;
    assert.ok(note.label.includes(config), `the message names the file: ${note.label}`);
    const all = await eventually(
      'the config problem and the policy findings in the Problems panel',
      () => wb.problems(),
      (ps) =>
        ps.some((f) => f.file === '.policylintrc.json' && f.folder === 'broken') &&
        ps.some((f) => f.file === 'notice.privacy.md' && f.folder === 'broken'),
    );
    const configRow = all.find((f) => f.file === '.policylintrc.json')!;
    assert.deepEqual(codes(configRow), ['invalid-config']);
    assert.equal(configRow.markers[0].severity, 'Error');
    const notice = all.find((f) => f.file === 'notice.privacy.md' && f.folder === 'broken')!;
    assert.deepEqual(rowKeys(notice.markers), messageKeys(expected.messages));
  });

  it('adds the gdpr profile to the nearest config from the suggest-profile quick-fix, and the GDPR items appear', async function () {
    const { wb, workspace } = session.current;
    // A folder of its own, with a config of its own: the workspace's config stays as the other tests expect it.
    // A new folder for each attempt (mocha retries), so a retry starts from an untouched config.
    const dir = mkdtempSync(join(workspace, 'eu-'));
    const folder = basename(dir);
    const config = join(dir, '.policylintrc.json');
    // contact off: which config the server reads shows in the findings (the root one reports the address).
    writeFileSync(config, '{\n  "extends": "recommended",\n  "rules": { "contact": "off" }\n}\n');
    const draft = join(dir, 'users.policy.md');
    writeFileSync(draft, EU_DRAFT);
    const before = lintFile(draft).messages.find((m) => m.ruleId === 'suggest-profile');
    assert.ok(before, 'the draft gets the suggest-profile note from the CLI engine too');
    await wb.openFile(`${folder}/users.policy.md`);
    await eventually(
      "the suggest-profile note, under the folder's own config",
      () => wb.problemsOf('users.policy.md', folder),
      (p) => codes(p).includes('suggest-profile') && !codes(p).includes('contact'),
    );
    await wb.goTo(before.range.start.line, before.range.start.column);
    const title = 'Add the gdpr profile to .policylintrc.json';
    const titles = await wb.openCodeActions();
    assert.ok(titles.includes(title), `the quick-fix menu offers ${title}; it offers: ${titles.join(' | ')}`);
    await wb.pickCodeAction(title);
    // VS Code applies the edit to the config in a tab of its own, unsaved; save it once it is there.
    await eventually(
      'the edited config in a tab, unsaved',
      () => wb.page.locator('.tab.dirty', { hasText: '.policylintrc.json' }).count(),
      (n) => n > 0,
    );
    await wb.runCommand('File: Save All Files');
    const saved = await eventually(
      'the config on disk to extend gdpr',
      async () => readFileSync(config, 'utf8'),
      (text) => text.includes('gdpr'),
    );
    let parsed: unknown;
    try {
      parsed = JSON.parse(saved);
    } catch (err) {
      assert.fail(`the config as saved does not parse (${(err as Error).message}): ${JSON.stringify(saved)}`);
    }
    assert.deepEqual(
      parsed,
      { extends: ['recommended', 'gdpr'], rules: { contact: 'off' } },
      `the config as saved: ${saved}`,
    );
    const after = await eventually(
      'GDPR findings in place of the note',
      () => wb.problemsOf('users.policy.md', folder),
      (p) => !!p && !codes(p).includes('suggest-profile') && codes(p).some((c) => c.startsWith('gdpr-')),
    );
    assert.deepEqual(
      rowKeys(after!.markers),
      messageKeys(lintFile(draft).messages),
      'the editor shows what the CLI engine reports with the new config',
    );
  });
});

describe('the extension in a workspace that is not trusted (restricted mode)', function () {
  const session = useSession('untrusted', true);

  it('lints in restricted mode', async function () {
    const { wb, workspace } = session.current;
    await eventually(
      'the Restricted Mode indicator',
      () => wb.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).count(),
      (n) => n > 0,
    );
    await wb.openFile('manycontacts.privacy.md');
    const expected = lintFile(join(workspace, 'manycontacts.privacy.md'));
    const shown = await eventually(
      'the findings of manycontacts.privacy.md',
      () => wb.problemsOf('manycontacts.privacy.md'),
      (p) => p?.markers.length === expected.messages.length,
    );
    assert.deepEqual(rowKeys(shown!.markers), messageKeys(expected.messages));
  });
});
