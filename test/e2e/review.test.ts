// End to end: the review report in chromium. The page `policylint report` writes renders with
// its coverage matrix and readability chart (and is the README's screenshot), and the
// command *Privacy Policy: Open Review Report* shows it in a webview whose line links move
// the editor's cursor.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import {
  checkPrerequisites,
  CodeServer,
  installExtension,
  launchBrowser,
  makeWorkspace,
  removeTemp,
  RESULTS_DIR,
  ROOT,
  screenshot,
  tempDir,
  writeUserSettings,
} from './harness.js';
import { eventually, Workbench } from './workbench.js';

const SEEDS = ['act-on.com.md', 'manycontacts.com.md', 'rs6.net.md'].map((f) => `corpus/${f}`);

describe('the review report in chromium', function () {
  let base: string | undefined;
  let browser: Browser | undefined;
  let server: CodeServer | undefined;
  before(async () => {
    checkPrerequisites();
    base = tempDir('review');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    removeTemp(base);
  });

  it('renders the page policylint report writes: the coverage matrix and the readability chart', async function () {
    const out = join(base!, 'review.html');
    execFileSync(process.execPath, [join(ROOT, 'server/bin/policylint.js'), 'report', ...SEEDS, '-o', out], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    const page = await browser!.newPage({ viewport: { width: 1200, height: 900 } });
    const blocked: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) blocked.push(r.url());
    });
    await page.goto(`file://${out}`);
    assert.equal(await page.locator('table.coverage-matrix tr[data-item]').count(), 16);
    assert.equal(await page.locator('table.coverage-matrix thead th').count(), SEEDS.length + 1);
    assert.equal(await page.locator('section.document').count(), SEEDS.length);
    const bars = page.locator('section.document').first().locator('svg.readability-chart g.section-bar rect');
    assert.ok((await bars.count()) > 0, 'the chart has bars');
    const box = await bars.first().boundingBox();
    assert.ok(box && box.width > 0 && box.height > 0, 'the bars are drawn');
    assert.deepEqual(blocked, [], 'nothing is loaded from anywhere');
    const shot = await screenshot(page, 'review-report');
    const chart = join(RESULTS_DIR, 'review-report-chart.png');
    await page.locator('section.document').first().locator('svg.readability-chart').screenshot({ path: chart });
    if (process.env.POLICYLINT_E2E_README_SCREENSHOT) {
      mkdirSync(join(ROOT, 'docs', 'images'), { recursive: true });
      copyFileSync(shot, join(ROOT, 'docs', 'images', 'review-report.png'));
      copyFileSync(chart, join(ROOT, 'docs', 'images', 'review-report-chart.png'));
    }
    await page.close();
  });

  it('opens in a VS Code webview with Privacy Policy: Open Review Report, and its line links reveal the line', async function () {
    const userDataDir = join(base!, 'user-data');
    const extensionsDir = join(base!, 'extensions');
    const workspace = join(base!, 'workspace');
    makeWorkspace(workspace);
    mkdirSync(extensionsDir);
    installExtension(userDataDir, extensionsDir);
    writeUserSettings(userDataDir, false);
    server = await CodeServer.start({ userDataDir, extensionsDir, workspace, disableTrust: true });
    const wb = await Workbench.open(browser!, server.url);
    try {
      await wb.openFile('rs6.privacy.md');
      await eventually(
        'the findings of rs6.privacy.md',
        () => wb.problemsOf('rs6.privacy.md'),
        (p) => !!p,
      );
      await wb.runCommand('Privacy Policy: Open Review Report');
      const frame = wb.page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
      await frame.locator('svg.readability-chart').waitFor({ state: 'visible', timeout: 30_000 });
      assert.ok((await frame.locator('table.checklist tr.item').count()) >= 16);
      // A line link of a finding, far from where the cursor is (line 1).
      const link = frame.locator('tr.finding a.line').last();
      const line = Number(await link.innerText());
      assert.ok(line > 1);
      await link.click();
      await eventually(
        `the cursor on line ${line}`,
        () => wb.statusText('status.editor.selection'),
        (t) => t.startsWith(`Ln ${line},`),
      );
      await screenshot(wb.page, 'review-report-webview');
    } catch (err) {
      await screenshot(wb.page, 'failed-review-webview').catch(() => undefined);
      throw err;
    } finally {
      await wb.close();
    }
  });
});
