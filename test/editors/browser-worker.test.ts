// The web extension's server: dist/browser/server.js loads in chromium as a web worker and
// answers LSP over the worker's message port (initialize, a document opened on a virtual
// file system, its diagnostics, a code action). Needs /usr/bin/chromium; skipped without it.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const DRAFT = '# Privacy Policy\n\nWe collect your email address when you create an account, and we use it to send receipts.\n\n## Contact\n\nWrite to us at [email address].\n';

// Page-side globals (the project builds without the DOM types).
declare const Worker: new (url: string) => {
  postMessage(message: unknown): void;
  onmessage: ((e: { data: any }) => void) | null;
  onerror: ((e: { message: string }) => void) | null;
};

interface Outcome {
  capabilities: Record<string, unknown>;
  codes: string[];
  actions: string[];
}

describe('web extension: the server bundle in a chromium web worker', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  before(async function () {
    if (!existsSync(CHROMIUM)) return this.skip();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
  });

  it('answers initialize, publishes the diagnostics of a virtual document and offers its code actions', async () => {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const source = readFileSync(path.resolve('dist/browser/server.js'), 'utf8');
    const outcome = await page.evaluate(
      ({ source, text }) =>
        new Promise<Outcome>((resolve, reject) => {
          const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
          const uri = 'vscode-vfs://github/example/site/privacy.md';
          let id = 0;
          const pending = new Map<number, (result: unknown) => void>();
          const request = (method: string, params: unknown) =>
            new Promise<any>((res) => {
              pending.set(++id, res);
              worker.postMessage({ jsonrpc: '2.0', id, method, params });
            });
          const notify = (method: string, params: unknown) => worker.postMessage({ jsonrpc: '2.0', method, params });
          const timer = setTimeout(() => reject(new Error('no diagnostics within 30 s')), 30_000);
          let capabilities: Record<string, unknown> = {};
          worker.onerror = (e) => reject(new Error(`worker error: ${e.message}`));
          worker.onmessage = async (e) => {
            const m = e.data;
            if (m.id !== undefined && m.method) {
              // A request from the server (configuration, registration): answer with nothing.
              worker.postMessage({ jsonrpc: '2.0', id: m.id, result: m.method === 'workspace/configuration' ? m.params.items.map(() => null) : null });
            } else if (m.id !== undefined) {
              pending.get(m.id)?.(m.result ?? m.error);
            } else if (m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri && m.params.diagnostics.length) {
              clearTimeout(timer);
              const diagnostics = m.params.diagnostics;
              const actions = await request('textDocument/codeAction', {
                textDocument: { uri },
                range: diagnostics[0].range,
                context: { diagnostics: [diagnostics[0]] },
              });
              resolve({ capabilities, codes: diagnostics.map((d: { code: string }) => d.code), actions: (actions ?? []).map((a: { title: string }) => a.title) });
            }
          };
          void request('initialize', { processId: null, rootUri: null, capabilities: { workspace: { configuration: true } } }).then((r) => {
            capabilities = r.capabilities;
            notify('initialized', {});
            notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
          });
        }),
      { source, text: DRAFT },
    );
    assert.deepEqual(errors, []);
    assert.ok(outcome.capabilities.codeActionProvider, 'no code actions declared');
    assert.ok(outcome.codes.includes('contact'), outcome.codes.join(', '));
    assert.ok(outcome.codes.includes('children'), outcome.codes.join(', '));
    assert.ok(outcome.actions.some((t) => t.startsWith('Disable')), outcome.actions.join(', '));
  });
});
