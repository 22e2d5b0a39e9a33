// Editor latency over the real protocol: the bundled server (dist/server.cjs --stdio) with the
// debounce set to 0, timed from didChange to the publishDiagnostics of that version.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Position,
  type ProtocolConnection,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node.js';
import { LARGE_WORDS, policyOfWords, SMALL_WORDS } from './documents.js';
import { heading, median, ms, spread, table, wordCount, type Spread } from './stats.js';

/** Longest wait for one version's diagnostics before the section gives up. */
const PUBLISH_TIMEOUT_MS = 120_000;

export interface Server {
  proc: ChildProcess;
  conn: ProtocolConnection;
  /** Resolves with the performance.now() at which diagnostics for (uri, version) arrived. */
  published(uri: string, version: number): Promise<number>;
  open(uri: string, text: string, version?: number): Promise<void>;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void>;
  stop(): Promise<void>;
}

/** A uri in the privacy-policy language, so the server lints it as a policy whatever its text. */
export function policyUri(name: string): string {
  return pathToFileURL(resolve('bench', `${name}.policy.md`)).href;
}

/** Spawns the bundled server over stdio and initialises it (settings: debounce 0, lint on type). */
export async function startServer(): Promise<Server> {
  const proc = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROF}`] : []),
      // Node options for the server process only (e.g. V8 heap flags, --heapsnapshot-signal).
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      resolve('dist/server.cjs'),
      '--stdio',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const waiting = new Map<
    string,
    { resolve: (at: number) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }
  >();
  let exited: Error | undefined;
  proc.once('exit', (code, signal) => {
    exited = new Error(`server exited (code ${code}, signal ${signal}); stderr: ${stderr.trim().slice(-1000)}`);
    for (const w of waiting.values()) w.reject(exited);
    waiting.clear();
  });
  proc.once('error', (e) => {
    exited = e;
    for (const w of waiting.values()) w.reject(e);
  });
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const at = performance.now();
    const key = `${p.uri}#${p.version}`;
    const w = waiting.get(key);
    if (!w) return;
    clearTimeout(w.timer);
    waiting.delete(key);
    w.resolve(at);
  });
  conn.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => ({ debounceMs: 0, run: 'onType' })));
  conn.listen();
  // A server that dies before answering initialize fails the section instead of hanging it.
  const died = new Promise<never>((_, rej) => proc.once('exit', () => rej(exited)));
  died.catch(() => undefined);
  await Promise.race([
    conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: { workspace: { configuration: true } },
      workspaceFolders: null,
    }),
    died,
  ]);
  await conn.sendNotification(InitializedNotification.type, {});

  const published = (uri: string, version: number) =>
    new Promise<number>((res, rej) => {
      if (exited) return rej(exited);
      const key = `${uri}#${version}`;
      const timer = setTimeout(() => {
        waiting.delete(key);
        rej(new Error(`no diagnostics for ${uri} version ${version} within ${PUBLISH_TIMEOUT_MS / 1000} s`));
      }, PUBLISH_TIMEOUT_MS);
      waiting.set(key, { resolve: res, reject: rej, timer });
    });
  return {
    proc,
    conn,
    published,
    open: (uri, text, version = 1) =>
      conn.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'privacy-policy', version, text },
      }),
    change: (uri, version, contentChanges) =>
      conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges }),
    async stop() {
      if (!exited) {
        const gone = new Promise((res) => proc.once('exit', res));
        await conn.sendRequest(ShutdownRequest.type).catch(() => undefined);
        await conn.sendNotification(ExitNotification.type).catch(() => undefined);
        const timer = setTimeout(() => proc.kill(), 5000);
        await gone;
        clearTimeout(timer);
      }
      conn.dispose();
    },
  };
}

function positionAt(text: string, offset: number): Position {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

/**
 * `count` single-character incremental edits spread evenly over the text, alternating an
 * insert and the delete of the character just inserted, so every other version is the
 * original text again and the document stays the same policy throughout.
 */
export function editPlan(text: string, count: number): TextDocumentContentChangeEvent[] {
  const pairs = Math.ceil(count / 2);
  const edits: TextDocumentContentChangeEvent[] = [];
  for (let k = 0; k < pairs; k++) {
    let offset = Math.floor(((k + 0.5) * text.length) / pairs);
    // Never split a CRLF or a surrogate pair.
    while (offset < text.length && (text[offset - 1] === '\r' || /[\uDC00-\uDFFF]/.test(text[offset] ?? ''))) offset++;
    const at = positionAt(text, offset);
    edits.push({ range: { start: at, end: at }, text: 'x' });
    if (edits.length < count)
      edits.push({ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' });
  }
  return edits;
}

/** Opens `text`, then times each edit from didChange to the diagnostics of its version. */
async function timeEdits(
  server: Server,
  name: string,
  text: string,
  count: number,
): Promise<{ open: number; edits: Spread }> {
  const uri = policyUri(name);
  const opened = server.published(uri, 1);
  const t0 = performance.now();
  await server.open(uri, text);
  const open = (await opened) - t0;
  const times: number[] = [];
  let version = 1;
  for (const edit of editPlan(text, count)) {
    version++;
    const done = server.published(uri, version);
    const start = performance.now();
    await server.change(uri, version, [edit]);
    times.push((await done) - start);
  }
  return { open, edits: spread(times) };
}

/** Spawn → initialize → didOpen of the policy → its first diagnostics, in a fresh process each time. */
async function coldStart(text: string, spawns: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < spawns; i++) {
    const t0 = performance.now();
    const server = await startServer();
    try {
      const uri = policyUri('cold-start');
      const first = server.published(uri, 1);
      await server.open(uri, text);
      times.push((await first) - t0);
    } finally {
      await server.stop();
    }
  }
  return times;
}

export async function lspLatency(): Promise<Record<string, unknown>> {
  const largeEdits = Number(process.env.BENCH_LARGE_EDITS ?? 200);
  const small = policyOfWords(SMALL_WORDS);
  const large = policyOfWords(LARGE_WORDS);
  const server = await startServer();
  let rows: { document: string; words: number; bytes: number; open: number; edits: Spread }[];
  try {
    rows = [
      {
        document: 'policy',
        words: wordCount(small),
        bytes: Buffer.byteLength(small),
        ...(await timeEdits(server, 'small', small, 200)),
      },
      {
        document: 'long document',
        words: wordCount(large),
        bytes: Buffer.byteLength(large),
        ...(await timeEdits(server, 'large', large, largeEdits)),
      },
    ];
  } finally {
    await server.stop();
  }
  const cold = await coldStart(small, 5);

  heading(
    'Editor latency over LSP',
    'Bundled server over stdio, debounce 0, default profile. Single-character incremental edits spread evenly over the text (insert, then delete it), each timed from didChange to the publishDiagnostics of its version.',
  );
  table(
    ['document', 'words', 'size', 'edits', 'open → diagnostics ms', 'p50 ms', 'p95 ms', 'max ms'],
    rows.map((r) => [
      r.document,
      r.words.toLocaleString('en'),
      `${(r.bytes / 1024).toFixed(0)} KB`,
      r.edits.n,
      ms(r.open),
      ms(r.edits.p50),
      ms(r.edits.p95),
      ms(r.edits.max),
    ]),
  );
  table(
    ['cold start (spawn → initialize → didOpen → first diagnostics), 5,000 words', 'median ms', 'runs ms'],
    [['5 fresh spawns', ms(median(cold)), cold.map(ms).join(', ')]],
  );
  return {
    small: rows[0],
    large: rows[1],
    coldStart: { medianMs: median(cold), runsMs: cold },
  };
}
