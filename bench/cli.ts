// CLI throughput: whole-process wall time and peak RSS of policylint, remark-cli (with
// remark-preset-lint-recommended) and markdownlint-cli2 over the same 2,000 generated
// policies, interleaved, median of 3 runs each. Nothing is written next to the files and
// nothing goes to the network.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FILES, writePolicies } from './generate.js';
import { heading, mb, median, ratio, table } from './stats.js';

const RUNS = 3;

interface Tool {
  name: string;
  args: (dir: string) => string[];
  cwd: (root: string) => string;
  /** Run once before the timed runs (not recorded): fills policylint's --cache. */
  warm?: boolean;
}

const TOOLS: Tool[] = [
  {
    name: 'policylint',
    // Exit code 1 (lint errors found) is expected; 2 would be a usage or file error.
    args: (dir) => [resolve('server/bin/policylint.js'), dir, '--format', 'json'],
    cwd: () => process.cwd(),
  },
  {
    name: 'policylint --cache, unchanged re-run',
    // The cache sits next to the policies (in the temp root), filled by one untimed run.
    args: (dir) => [
      resolve('server/bin/policylint.js'),
      dir,
      '--format',
      'json',
      '--cache',
      '--cache-location',
      join(dir, '..', 'lint-cache.json'),
    ],
    cwd: () => process.cwd(),
    warm: true,
  },
  {
    name: 'remark-cli',
    // --no-stdout: never echo the processed files; --no-config / --no-ignore: read no rc or
    // ignore files, only the preset given here; --quiet: report only files with messages.
    args: (dir) => [
      resolve('node_modules/remark-cli/cli.js'),
      '--use',
      'remark-preset-lint-recommended',
      '--quiet',
      '--no-stdout',
      '--no-config',
      '--no-ignore',
      dir,
    ],
    cwd: () => process.cwd(),
  },
  {
    name: 'markdownlint-cli2',
    // Run from the temp root with its own config (every default rule), so it never reads ours.
    args: () => [
      resolve('node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs'),
      '--config',
      'bench.markdownlint-cli2.jsonc',
      'policies/**/*.md',
    ],
    cwd: (root) => root,
  },
];

interface Run {
  wallMs: number;
  peakRssBytes: number;
  processes: number;
  exitCode: number | null;
  outputBytes: number;
}

function measure(tool: Tool, root: string, dir: string, rssDir: string): Promise<Run> {
  rmSync(rssDir, { recursive: true, force: true });
  mkdirSync(rssDir);
  const preload = `--require=${resolve('bench/peak-rss.cjs')}`;
  return new Promise((res, rej) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, tool.args(dir), {
      cwd: tool.cwd(root),
      env: {
        ...process.env,
        NODE_OPTIONS: [process.env.NODE_OPTIONS, preload].filter(Boolean).join(' '),
        PEAK_RSS_DIR: rssDir,
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let outputBytes = 0;
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (outputBytes += d.length));
    child.stderr.on('data', (d: Buffer) => {
      outputBytes += d.length;
      stderr = (stderr + d.toString()).slice(-2000);
    });
    child.once('error', rej);
    child.once('close', (exitCode) => {
      const wallMs = performance.now() - t0;
      if (exitCode !== 0 && exitCode !== 1)
        return rej(new Error(`${tool.name} exited with ${exitCode}: ${stderr.trim().slice(-600)}`));
      const peaks = readdirSync(rssDir).map(
        (f) => (JSON.parse(readFileSync(join(rssDir, f), 'utf8')) as { maxRssKb: number }).maxRssKb * 1024,
      );
      res({
        wallMs,
        peakRssBytes: peaks.length ? peaks.reduce((a, b) => a + b, 0) : NaN,
        processes: peaks.length,
        exitCode,
        outputBytes,
      });
    });
  });
}

export async function cliThroughput(): Promise<Record<string, unknown>> {
  const root = mkdtempSync(join(tmpdir(), 'policylint-bench-'));
  try {
    const dir = join(root, 'policies');
    const t0 = performance.now();
    const generated = writePolicies(dir, FILES);
    const generateMs = performance.now() - t0;
    writeFileSync(
      join(root, 'bench.markdownlint-cli2.jsonc'),
      JSON.stringify({ config: { default: true }, noProgress: true, noBanner: true }) + '\n',
    );
    const runs = new Map<string, Run[]>(TOOLS.map((t) => [t.name, []]));
    for (const tool of TOOLS) if (tool.warm) await measure(tool, root, dir, join(root, 'rss'));
    for (let r = 0; r < RUNS; r++) {
      for (const tool of TOOLS) runs.get(tool.name)!.push(await measure(tool, root, dir, join(root, 'rss')));
    }
    const rows = TOOLS.map((t) => {
      const rs = runs.get(t.name)!;
      return {
        tool: t.name,
        wallMs: median(rs.map((x) => x.wallMs)),
        peakRssBytes: median(rs.map((x) => x.peakRssBytes)),
        processes: Math.max(...rs.map((x) => x.processes)),
        runs: rs,
      };
    });
    const [pl, cached, remark, mdl] = rows;
    const ratios = {
      cachedVsRemark: cached.wallMs / remark.wallMs,
      wallVsRemark: pl.wallMs / remark.wallMs,
      wallVsMarkdownlint: pl.wallMs / mdl.wallMs,
      rssVsRemark: pl.peakRssBytes / remark.peakRssBytes,
      rssVsMarkdownlint: pl.peakRssBytes / mdl.peakRssBytes,
    };
    heading(
      'CLI throughput',
      `${generated.files.toLocaleString('en')} generated policies, ${mb(generated.bytes)} MB (generated in ${(generateMs / 1000).toFixed(1)} s). Whole-process wall time and peak RSS (maxRSS recorded by a preload), median of ${RUNS} interleaved runs.`,
    );
    table(
      ['tool', 'wall s', 'files/s', 'peak RSS MB', 'processes', 'runs (s)'],
      rows.map((r) => [
        r.tool,
        (r.wallMs / 1000).toFixed(2),
        (generated.files / (r.wallMs / 1000)).toFixed(0),
        mb(r.peakRssBytes),
        r.processes,
        r.runs.map((x) => (x.wallMs / 1000).toFixed(2)).join(', '),
      ]),
    );
    table(
      ['ratio', 'wall time', 'peak RSS'],
      [
        ['policylint / remark-cli', ratio(ratios.wallVsRemark), ratio(ratios.rssVsRemark)],
        ['policylint / markdownlint-cli2', ratio(ratios.wallVsMarkdownlint), ratio(ratios.rssVsMarkdownlint)],
        [
          'policylint --cache re-run / remark-cli',
          ratio(ratios.cachedVsRemark),
          ratio(cached.peakRssBytes / remark.peakRssBytes),
        ],
      ],
    );
    return { files: generated.files, bytes: generated.bytes, generateMs, tools: rows, ratios };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
