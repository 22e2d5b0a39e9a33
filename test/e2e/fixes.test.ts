// End-to-end: the two kinds of fix in the real VS Code workbench (code-server). A choice
// quick-fix ("We do not use cookies") on a numbered draft inserts that answer as section 3
// and renumbers what follows; fix-on-save with the generic "source.fixAll" applies the safe
// text fix and inserts no section. Run alone with
//   npm run package && npx mocha --no-config --timeout 120000 out/test/e2e/fixes.test.js
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { CHECKLIST_IDS, LAW_ITEM_IDS, fixText } from '../../server/src/engine/index.js';
import { loadConfigFor } from '../../server/src/node/config-files.js';
import { lintFile, textAfterFix } from './expected.js';
import {
  checkPrerequisites,
  CodeServer,
  groupAlive,
  installExtension,
  launchBrowser,
  makeWorkspace,
  removeTemp,
  screenshot,
  tempDir,
  userSettings,
} from './harness.js';
import { eventually, Workbench, type FileProblems } from './workbench.js';

/** Numbered drafts written for this test, in a folder whose config turns every rule on. */
const NUMBERED = `# Privacy Policy

## 1. Information We Collect

We ask for your name and email address when you open an account.

## 2. How We Share Information

We give your information to nobody outside the company.

## 3. Contact Us

Write to privacy@lantern.example with any question (see Section 3).
`;

const ON_SAVE = `# Privacy Policy

## 1. Information We Collect

We ask for your name and email address when you open an account.

## 2. Security

Your data travels over SSL encryption between the app and our servers.

## 3. Contact Us

Write to privacy@lantern.example with any question.
`;

interface Session {
  base: string;
  workspace: string;
  server: CodeServer;
  browser: Browser;
  wb: Workbench;
}

const codes = (p: FileProblems | undefined) => (p?.markers ?? []).map((m) => m.code ?? '');

describe('the two kinds of fix in VS Code (code-server)', function () {
  const s: Partial<Session> = {};

  before(async function () {
    checkPrerequisites();
    s.base = tempDir('fixes');
    const userDataDir = join(s.base, 'user-data');
    const extensionsDir = join(s.base, 'extensions');
    s.workspace = join(s.base, 'workspace');
    makeWorkspace(s.workspace);
    // One folder where only the cookies item is checked (the quick-fix menu lists one missing section), one with every rule.
    const only = join(s.workspace, 'numbered');
    mkdirSync(only);
    const off = Object.fromEntries(
      [...CHECKLIST_IDS, ...LAW_ITEM_IDS].filter((id) => id !== 'cookies').map((id) => [id, 'off']),
    );
    writeFileSync(join(only, '.policylintrc.json'), JSON.stringify({ extends: 'all', rules: off }));
    writeFileSync(join(only, 'cookies.policy.md'), NUMBERED);
    const every = join(s.workspace, 'onsave');
    mkdirSync(every);
    writeFileSync(join(every, '.policylintrc.json'), JSON.stringify({ extends: 'all' }));
    writeFileSync(join(every, 'save.policy.md'), ON_SAVE);
    mkdirSync(extensionsDir);
    installExtension(userDataDir, extensionsDir);
    // Fix-on-save as many users have it for ESLint: the generic source.fixAll.
    mkdirSync(join(userDataDir, 'User'), { recursive: true });
    const settings = { ...userSettings(false), 'editor.codeActionsOnSave': { 'source.fixAll': 'explicit' } };
    writeFileSync(join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
    s.server = await CodeServer.start({ userDataDir, extensionsDir, workspace: s.workspace, disableTrust: true });
    s.browser = await launchBrowser();
    s.wb = await Workbench.open(s.browser, s.server.url);
  });

  afterEach(async function () {
    if (s.wb && this.currentTest?.state === 'failed') {
      const file = await screenshot(s.wb.page, `failed-${this.currentTest.fullTitle()}`).catch(
        (err: Error) => `none (${err.message})`,
      );
      console.log(`      screenshot of the failure: ${file}`);
    }
  });

  after(async function () {
    await s.browser?.close().catch(() => undefined);
    if (s.server) {
      await s.server.stop();
      assert.equal(groupAlive(s.server.pid), false, "code-server's processes are still running");
    }
    removeTemp(s.base);
  });

  it('inserts "We do not use cookies" as section 3 of a numbered draft from its quick-fix, and renumbers what follows', async function () {
    const wb = s.wb!;
    const file = join(s.workspace!, 'numbered', 'cookies.policy.md');
    const title = 'Insert the "Cookies and Similar Technologies" section as 3: We do not use cookies';
    const expected = textAfterFix(file, 'cookies', title);
    assert.match(expected, /## 3\. Cookies and Similar Technologies\n\nWe do not use cookies/);
    assert.match(
      expected,
      /## 4\. Contact Us\n\nWrite to privacy@lantern\.example with any question \(see Section 4\)\./,
    );
    const cookies = lintFile(file).messages.find((m) => m.ruleId === 'cookies')!;
    await wb.openFile('numbered/cookies.policy.md');
    await eventually(
      'the cookies finding',
      () => wb.problemsOf('cookies.policy.md', 'numbered'),
      (p) => codes(p).includes('cookies'),
    );
    await wb.goTo(cookies.range.start.line, cookies.range.start.column);
    const titles = await wb.openCodeActions();
    assert.ok(titles.includes(title), `the quick-fix menu offers ${title}; it offers: ${titles.join(' | ')}`);
    assert.ok(titles.includes('Insert the "Cookies and Similar Technologies" section as 3: We use cookies'));
    await wb.page.mouse.move(0, 0);
    await wb.pickCodeAction(title);
    await eventually(
      'the cookies finding to go away',
      () => wb.problemsOf('cookies.policy.md', 'numbered'),
      (p) => !!p && !codes(p).includes('cookies'),
    );
    await wb.save();
    const onDisk = await eventually(
      'the saved file',
      async () => readFileSync(file, 'utf8'),
      (t) => t !== NUMBERED,
    );
    assert.equal(onDisk, expected);
  });

  it('fix-on-save (source.fixAll) applies the safe text fix and inserts no section', async function () {
    const wb = s.wb!;
    const file = join(s.workspace!, 'onsave', 'save.policy.md');
    await wb.openFile('onsave/save.policy.md');
    await eventually(
      'the findings of save.policy.md',
      () => wb.problemsOf('save.policy.md', 'onsave'),
      (p) => codes(p).includes('outdated-framework'),
    );
    const before = await wb.problemsOf('save.policy.md', 'onsave');
    assert.ok(
      codes(before).some((c) => ['cookies', 'sharing', 'children'].includes(c)),
      'sections are missing',
    );
    const lastLine = ON_SAVE.split('\n').length;
    await wb.goTo(lastLine, 1);
    await wb.page.keyboard.type('Replies come within a week.');
    await wb.save();
    const typed = `${ON_SAVE}Replies come within a week.`;
    const expected = fixText(typed, { config: loadConfigFor(file).config, assumePolicy: true }).text;
    assert.match(expected, /over TLS encryption/);
    const onDisk = await eventually(
      'the saved file',
      async () => readFileSync(file, 'utf8'),
      (t) => t.includes('Replies come within a week.'),
    );
    assert.equal(onDisk, expected);
    assert.equal((onDisk.match(/^## /gm) ?? []).length, 3, 'no section was inserted on save');
    assert.doesNotMatch(onDisk, /\[State /);
  });
});
