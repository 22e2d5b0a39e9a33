// Editor latency, measured over the real protocol: the bundled server over stdio, with the
// debounce set to 0, so what is measured is the time from a change to its diagnostics.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
} from 'vscode-languageserver-protocol/node.js';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export async function lspLatency(files: string[], changes = 20): Promise<void> {
  const proc = spawn(process.execPath, [...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/sprof'] : []), resolve('dist/server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const waiting = new Map<string, (at: number) => void>();
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    const key = `${p.uri}#${p.version}`;
    waiting.get(key)?.(performance.now());
    waiting.delete(key);
  });
  conn.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => ({ debounceMs: 0, run: 'onType' })));
  conn.listen();
  await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, workspaceFolders: null });
  await conn.sendNotification(InitializedNotification.type, {});

  const published = (uri: string, version: number) => new Promise<number>((res) => waiting.set(`${uri}#${version}`, res));
  console.log(`\n## Editor latency over LSP (bundled server, stdio, debounce 0): change → diagnostics, ${changes} changes\n`);
  console.log('| document | open → diagnostics ms | change p50 ms | change p95 ms |');
  console.log('|---|---:|---:|---:|');
  for (const file of files) {
    const uri = pathToFileURL(resolve(file)).href.replace(/\.md$/, '.policy.md');
    let text = readFileSync(file, 'utf8');
    const opened = published(uri, 1);
    const t0 = performance.now();
    await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'privacy-policy', version: 1, text } });
    const openMs = (await opened) - t0;
    const times: number[] = [];
    for (let v = 2; v < changes + 2; v++) {
      text += v % 2 ? ' ' : '\nA new sentence about [Company Name].\n';
      const done = published(uri, v);
      const start = performance.now();
      await conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: v }, contentChanges: [{ text }] });
      times.push((await done) - start);
    }
    console.log(`| ${file} | ${openMs.toFixed(1)} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |`);
  }
  await conn.sendRequest(ShutdownRequest.type);
  await conn.sendNotification(ExitNotification.type);
  conn.dispose();
  await new Promise((res) => proc.once('exit', res));
}
