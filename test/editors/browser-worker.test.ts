// The web extension's server: dist/browser/server.js loads in chromium as a web worker and
// answers LSP over the worker's message port (initialize, a document opened on a virtual
// file system, its diagnostics, a code action), and applies the config files the web client
// sends (policylint/workspaceFiles). Needs /usr/bin/chromium; skipped without it.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const DRAFT =
  '# Privacy Policy\n\nWe collect your email address when you create an account, and we use it to send receipts.\n\n## Contact\n\nWrite to us at [email address].\n';

// Page-side globals (the project builds without the DOM types).
declare const Worker: new (
  url: string,
) => {
  postMessage(message: unknown): void;
  onmessage: ((e: { data: any }) => void) | null;
  onerror: ((e: { message: string }) => void) | null;
};

/** One publishDiagnostics or logMessage the page saw, numbered in order of arrival. */
interface Seen {
  index: number;
  method: string;
  uri?: string;
  codes: string[];
  message?: string;
}

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
              worker.postMessage({
                jsonrpc: '2.0',
                id: m.id,
                result: m.method === 'workspace/configuration' ? m.params.items.map(() => null) : null,
              });
            } else if (m.id !== undefined) {
              pending.get(m.id)?.(m.result ?? m.error);
            } else if (
              m.method === 'textDocument/publishDiagnostics' &&
              m.params.uri === uri &&
              m.params.diagnostics.length
            ) {
              clearTimeout(timer);
              const diagnostics = m.params.diagnostics;
              const actions = await request('textDocument/codeAction', {
                textDocument: { uri },
                range: diagnostics[0].range,
                context: { diagnostics: [diagnostics[0]] },
              });
              resolve({
                capabilities,
                codes: diagnostics.map((d: { code: string }) => d.code),
                actions: (actions ?? []).map((a: { title: string }) => a.title),
              });
            }
          };
          void request('initialize', {
            processId: null,
            rootUri: null,
            capabilities: { workspace: { configuration: true } },
          }).then((r) => {
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
    assert.ok(
      outcome.actions.some((t) => t.startsWith('Disable')),
      outcome.actions.join(', '),
    );
  });
  it('reads the config files the client sends: a rule turned off in a parent folder, a broken file, a deleted one', async () => {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const doc = 'vscode-vfs://github/example/site/legal/privacy.md';
    const config = 'vscode-vfs://github/example/site/.policylintrc.json';
    // The page keeps the worker and every notification it sent; `next` waits for the first one after `after` that fits.
    await page.evaluate(
      (source) => {
        const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
        const seen: Seen[] = [];
        const waiting: (() => void)[] = [];
        let id = 0;
        const pending = new Map<number, (result: unknown) => void>();
        worker.onmessage = (e) => {
          const m = e.data;
          if (m.id !== undefined && m.method) {
            worker.postMessage({
              jsonrpc: '2.0',
              id: m.id,
              result: m.method === 'workspace/configuration' ? m.params.items.map(() => null) : null,
            });
          } else if (m.id !== undefined) {
            pending.get(m.id)?.(m.result ?? m.error);
          } else if (m.method === 'textDocument/publishDiagnostics' || m.method === 'window/logMessage') {
            const codes = (m.params.diagnostics ?? []).map((d: { code: string }) => d.code);
            seen.push({ index: seen.length, method: m.method, uri: m.params.uri, codes, message: m.params.message });
            for (const wake of waiting.splice(0)) wake();
          }
        };
        const lsp = {
          request: (method: string, params: unknown) =>
            new Promise<any>((res) => {
              pending.set(++id, res);
              worker.postMessage({ jsonrpc: '2.0', id, method, params });
            }),
          notify: (method: string, params: unknown) => worker.postMessage({ jsonrpc: '2.0', method, params }),
          next: (method: string, uri: string | undefined, after: number) =>
            new Promise<Seen>((resolve, reject) => {
              const timer = setTimeout(
                () => reject(new Error(`no ${method} for ${uri ?? 'the server'} within 30 s`)),
                30_000,
              );
              const look = () => {
                const hit = seen.find(
                  (n) => n.index > after && n.method === method && (uri === undefined || n.uri === uri),
                );
                if (!hit) return void waiting.push(look);
                clearTimeout(timer);
                resolve(hit);
              };
              look();
            }),
        };
        (globalThis as unknown as { lsp: typeof lsp }).lsp = lsp;
      },
      readFileSync(path.resolve('dist/browser/server.js'), 'utf8'),
    );

    type Lsp = {
      request(m: string, p: unknown): Promise<unknown>;
      notify(m: string, p: unknown): void;
      next(m: string, uri: string | undefined, after: number): Promise<Seen>;
    };
    const call = <R>(fn: (lsp: Lsp, arg: any) => R | Promise<R>, arg?: unknown) =>
      page.evaluate(
        ({ fn, arg }) =>
          new Function('lsp', 'arg', `return (${fn})(lsp, arg)`)((globalThis as unknown as { lsp: Lsp }).lsp, arg),
        { fn: fn.toString(), arg },
      ) as Promise<R>;
    /** The first notification after `after` of `method` on `uri` for which `fits` holds (waiting for each in turn). */
    const until = async (
      method: string,
      uri: string | undefined,
      after: number,
      fits: (n: Seen) => boolean,
    ): Promise<Seen> => {
      for (;;) {
        const n = await call((lsp, a) => lsp.next(a.method, a.uri, a.after), { method, uri, after });
        if (fits(n)) return n;
        after = n.index;
      }
    };
    const sendFiles = (files: unknown) =>
      call((lsp, files) => lsp.notify('policylint/workspaceFiles', { files }), files);

    await call((lsp) =>
      lsp.request('initialize', {
        processId: null,
        rootUri: null,
        capabilities: { workspace: { configuration: true } },
      }),
    );
    await call(
      (lsp, a) => {
        lsp.notify('initialized', {});
        lsp.notify('textDocument/didOpen', {
          textDocument: { uri: a.doc, languageId: 'markdown', version: 1, text: a.text },
        });
      },
      { doc, text: DRAFT },
    );
    const defaults = await until('textDocument/publishDiagnostics', doc, -1, (n) => n.codes.length > 0);
    assert.ok(defaults.codes.includes('children'), defaults.codes.join(', '));

    // A config one folder up turns `children` off: the document is linted again without it.
    await sendFiles([{ uri: config, text: '{ "rules": { "children": "off" } }\n' }]);
    const off = await until(
      'textDocument/publishDiagnostics',
      doc,
      defaults.index,
      (n) => !n.codes.includes('children'),
    );
    assert.ok(off.codes.includes('contact'), off.codes.join(', '));

    // A broken config: its problem is published on the URI the client sent it as.
    await sendFiles([{ uri: config, text: '{ "rules": { "children": "of" } }\n' }]);
    const broken = await until('textDocument/publishDiagnostics', config, off.index, (n) => n.codes.length > 0);
    assert.deepEqual(broken.codes, ['invalid-config']);

    // Deleted: its diagnostics are cleared and the defaults are back.
    await sendFiles([{ uri: config, text: null }]);
    await until('textDocument/publishDiagnostics', config, broken.index, (n) => n.codes.length === 0);
    const back = await until('textDocument/publishDiagnostics', doc, broken.index, (n) => n.codes.includes('children'));
    assert.ok(back.codes.includes('contact'), back.codes.join(', '));

    // Params of the wrong shape are ignored with one warning; the server goes on.
    await sendFiles('not a list');
    const warned = await until('window/logMessage', undefined, back.index, (n) =>
      /ignored policylint\/workspaceFiles/.test(n.message ?? ''),
    );
    assert.match(warned.message!, /params\.files must be an array/);
    assert.deepEqual(errors, []);
  });
});
