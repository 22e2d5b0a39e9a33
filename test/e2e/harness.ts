// The end-to-end harness: a fixture workspace, the extension installed from its .vsix the way
// a user installs it, code-server (the real VS Code workbench and extension host) on a free
// port of 127.0.0.1, and Debian's chromium driven by playwright-core. scripts/e2e-setup.sh
// installs code-server and chromium; `npm run test:e2e` runs it, packages the .vsix and runs
// the tests in this folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const CODE_SERVER_DIR = process.env.POLICYLINT_E2E_CACHE ?? join(ROOT, '.cache', 'code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.POLICYLINT_E2E_CHROMIUM ?? '/usr/bin/chromium';
/** Failure screenshots and the README screenshot candidate (git-ignored). */
export const RESULTS_DIR = join(ROOT, 'test-results');
export const FIXTURE_DIR = join(ROOT, 'test', 'e2e', 'fixture');
export const VIEWPORT = { width: 1280, height: 800 };

/** The corpus seeds, renamed so that the extension lints them (a *.policy.md or a *privacy*.md name). */
export const SEEDS: Record<string, string> = {
  'manycontacts.com.md': 'manycontacts.privacy.md',
  'act-on.com.md': 'act-on.policy.md',
  'attendicon.com.md': 'attendicon.privacy.md',
  'outboundengine.com.md': 'outboundengine.policy.md',
  'rs6.net.md': 'rs6.privacy.md',
};

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  publisher: string;
  version: string;
};
export const VSIX = join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
export const EXTENSION_ID = `${pkg.publisher}.${pkg.name}`;

/** Checks that the setup script and the packaging ran, with a message saying what to run. */
export function checkPrerequisites(): void {
  const missing: string[] = [];
  if (!existsSync(CODE_SERVER_ENTRY)) missing.push(`code-server (${CODE_SERVER_ENTRY}): run npm run e2e:setup`);
  if (!existsSync(CHROMIUM)) missing.push(`chromium (${CHROMIUM}): run npm run e2e:setup`);
  if (!existsSync(VSIX)) missing.push(`the extension package (${VSIX}): run npm run package`);
  if (missing.length) throw new Error(`the end-to-end tests cannot start, missing:\n  ${missing.join('\n  ')}`);
}

/** A fresh temporary folder; removed by `removeTemp`. */
export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `policylint-e2e-${label}-`));
}

export function removeTemp(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/**
 * Creates the fixture workspace in `dir`: the files of test/e2e/fixture (a draft with
 * placeholders, a README that is not a policy, a .policylintrc.json, files to type into) and
 * the corpus seeds under names the extension lints.
 */
export function makeWorkspace(dir: string): string {
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  for (const [seed, name] of Object.entries(SEEDS)) cpSync(join(ROOT, 'corpus', seed), join(dir, name));
  return dir;
}

/** User settings that keep the workbench quiet and the same from run to run. */
export function userSettings(trust: boolean): Record<string, unknown> {
  return {
    'security.workspace.trust.enabled': trust,
    'security.workspace.trust.startupPrompt': 'never',
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'workbench.enableExperiments': false,
    'workbench.colorTheme': 'Default Dark Modern',
    'workbench.editor.enablePreview': false,
    'workbench.editor.untitled.hint': 'hidden',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'editor.accessibilitySupport': 'off',
    'editor.minimap.enabled': false,
    'files.autoSave': 'off',
    'git.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    'problems.defaultViewMode': 'tree',
    'workbench.tree.enableStickyScroll': false,
    'chat.commandCenter.enabled': false,
    'window.commandCenter': false,
  };
}

/**
 * code-server's own config file, in the user data folder: the one in ~/.config/code-server
 * (which code-server would create, with a password) is neither read nor written.
 */
function configFile(userDataDir: string): string {
  const file = join(userDataDir, 'code-server.yaml');
  if (!existsSync(file)) {
    mkdirSync(userDataDir, { recursive: true });
    writeFileSync(file, 'auth: none\n');
  }
  return file;
}

export function writeUserSettings(userDataDir: string, trust: boolean): void {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), `${JSON.stringify(userSettings(trust), null, 2)}\n`);
}

/**
 * The environment for code-server: without the variables a surrounding VS Code or code-server
 * sets (with VSCODE_IPC_HOOK_CLI, code-server would hand its arguments to that instance
 * instead of starting) and without a password from the environment.
 */
function codeServerEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (/^(VSCODE_|CODE_SERVER_)/.test(key) || key === 'PASSWORD' || key === 'HASHED_PASSWORD') delete env[key];
  return env;
}

/** Installs the .vsix with code-server's --install-extension, as a user would, and checks it landed. */
export function installExtension(userDataDir: string, extensionsDir: string): void {
  const res = spawnSync(
    process.execPath,
    [
      CODE_SERVER_ENTRY,
      '--config',
      configFile(userDataDir),
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--install-extension',
      VSIX,
    ],
    { encoding: 'utf8', timeout: 120_000, env: codeServerEnv() },
  );
  const output = `${res.stdout ?? ''}${res.stderr ?? ''}`.trim();
  if (res.error || res.status !== 0) {
    throw new Error(
      `code-server --install-extension ${VSIX} failed (${res.error?.message ?? `exit ${res.status}`}):\n${output}`,
    );
  }
  const installed = readdirSync(extensionsDir).filter((d) =>
    d.toLowerCase().startsWith(`${EXTENSION_ID.toLowerCase()}-`),
  );
  if (installed.length !== 1)
    throw new Error(
      `after --install-extension, ${extensionsDir} holds ${JSON.stringify(readdirSync(extensionsDir))}; output:\n${output}`,
    );
}

/** A TCP port of 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export interface CodeServerOptions {
  userDataDir: string;
  extensionsDir: string;
  workspace: string;
  /** Passes --disable-workspace-trust (the default; the trust test starts one without it). */
  disableTrust: boolean;
}

/** A running code-server in its own process group, so that stopping it stops its children too. */
export class CodeServer {
  private exited: Promise<void>;
  private log = '';

  private constructor(
    private readonly proc: ChildProcess,
    readonly port: number,
    readonly workspace: string,
  ) {
    this.exited = new Promise((resolve) => proc.once('exit', () => resolve()));
    proc.stdout?.on('data', (d: Buffer) => (this.log += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (this.log += d.toString()));
    liveGroups.add(proc.pid!);
  }

  get pid(): number {
    return this.proc.pid!;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(this.workspace)}`;
  }

  /** What code-server printed (for failure messages). */
  get output(): string {
    return this.log;
  }

  static async start(opts: CodeServerOptions): Promise<CodeServer> {
    const port = await freePort();
    const args = [
      CODE_SERVER_ENTRY,
      '--config',
      configFile(opts.userDataDir),
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      '--user-data-dir',
      opts.userDataDir,
      '--extensions-dir',
      opts.extensionsDir,
      ...(opts.disableTrust ? ['--disable-workspace-trust'] : []),
      opts.workspace,
    ];
    const proc = spawn(process.execPath, args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: codeServerEnv(),
    });
    const server = new CodeServer(proc, port, opts.workspace);
    await server.waitUntilListening();
    return server;
  }

  /** Resolves when code-server prints that its HTTP server listens; rejects when it exits first. */
  private waitUntilListening(limitMs = 60_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (err?: Error) => {
        clearTimeout(timer);
        this.proc.stdout?.off('data', onData);
        this.proc.stderr?.off('data', onData);
        this.proc.off('exit', onExit);
        if (err) reject(err);
        else resolve();
      };
      const onData = () => {
        if (/HTTP server listening on/.test(this.log)) done();
      };
      const onExit = (code: number | null) =>
        done(new Error(`code-server exited (${code}) before it listened:\n${this.log}`));
      const timer = setTimeout(
        () => done(new Error(`code-server did not listen on port ${this.port} within ${limitMs} ms:\n${this.log}`)),
        limitMs,
      );
      this.proc.stdout?.on('data', onData);
      this.proc.stderr?.on('data', onData);
      this.proc.once('exit', onExit);
      onData();
    });
  }

  /** Stops code-server and everything it started: SIGTERM to the group, SIGKILL when it lingers. */
  async stop(): Promise<void> {
    const pid = this.proc.pid!;
    if (this.proc.exitCode === null && this.proc.signalCode === null) killGroup(pid, 'SIGTERM');
    const timer = setTimeout(() => killGroup(pid, 'SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
    // The extension host and the language server may outlive the main process by a moment.
    killGroup(pid, 'SIGKILL');
    await waitForGroupExit(pid);
    liveGroups.delete(pid);
  }
}

/** Process groups still running, killed when the test process exits however it exits. */
const liveGroups = new Set<number>();
process.on('exit', () => {
  for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
});

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

/** Resolves when no process of the group is left (killed processes are gone once reaped). */
async function waitForGroupExit(pid: number, limitMs = 10_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (let pause = 10; groupAlive(pid) && Date.now() < deadline; pause = Math.min(200, pause * 2)) {
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

/** Whether any process of the group is still alive. */
export function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a screenshot under test-results/ and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, '-').replace(/^-|-$/g, '')}.png`);
  await page.screenshot({ path: file });
  return file;
}
