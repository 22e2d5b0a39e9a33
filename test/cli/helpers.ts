// Shared helpers for the CLI tests: run `main` in-process with captured output, make
// temporary fixture folders, and spawn the real bin for exit codes and pipes.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../server/src/cli.js';

/** out/test/cli → the repository root. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = path.join(REPO_ROOT, 'test/cli/fixtures');
export const BIN = path.join(REPO_ROOT, 'server/bin/policylint.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  stdin?: string | Buffer;
  env?: Record<string, string | undefined>;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
}

/** Runs the CLI in-process. The environment is empty unless given, so the caller's NO_COLOR or FORCE_COLOR cannot leak in. */
export async function run(argv: string[], opts: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    cwd: opts.cwd ?? REPO_ROOT,
    stdin: opts.stdin ?? '',
    env: opts.env ?? {},
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    stdoutIsTTY: opts.stdoutIsTTY ?? false,
    stderrIsTTY: opts.stderrIsTTY ?? false,
  });
  return { code, stdout, stderr };
}

/** Runs the CLI and parses its JSON output. */
export async function runJson(argv: string[], opts: RunOptions = {}) {
  const r = await run([...argv, '--format', 'json'], opts);
  return { ...r, json: JSON.parse(r.stdout) as JsonReport };
}

export interface JsonReport {
  version: number;
  results: {
    file: string;
    looksLikePolicy: boolean;
    checklist: { id: string; status: string; line: number | null; facts: Record<string, unknown>; title?: string }[];
    diagnostics: {
      ruleId: string;
      severity: string;
      message: string;
      line: number;
      column: number;
      endLine: number;
      endColumn: number;
      fixable: boolean;
    }[];
    fixed?: number;
  }[];
  errors: { file: string; error: string }[];
  skipped: { file: string; reason: string }[];
}

const made: string[] = [];

/** A fresh temporary folder, removed after the test run. */
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policylint-cli-'));
  made.push(dir);
  return dir;
}

after(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** Copies fixtures into `dir` (optionally renamed) and returns `dir`. */
export function copyFixtures(dir: string, names: Record<string, string> | string[]): string {
  const pairs = Array.isArray(names) ? names.map((n) => [n, n]) : Object.entries(names);
  for (const [to, from] of pairs) {
    fs.mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
    fs.copyFileSync(path.join(FIXTURES, from), path.join(dir, to));
  }
  return dir;
}

/** Spawns `node server/bin/policylint.js` and waits for it to exit. */
export function spawnCli(
  argv: string[],
  opts: { cwd?: string; input?: string | Buffer; bin?: string; shell?: string } = {},
): Promise<RunResult & { signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.FORCE_COLOR;
    delete env.NO_COLOR;
    const child = opts.shell
      ? spawn('bash', ['-o', 'pipefail', '-c', opts.shell], { cwd: opts.cwd ?? REPO_ROOT, env })
      : spawn(process.execPath, [opts.bin ?? BIN, ...argv], { cwd: opts.cwd ?? REPO_ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

/** Runs git in `cwd` with a fixed author, for tests that make a repository; returns its output. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.com',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.com',
    },
  });
}
