// Bundles the extension client and the language server separately with esbuild, as
// CommonJS for VS Code's extension host; the two commands of the npm tarball (policylint and
// policylint-language-server) as single-file executables with no runtime dependencies;
// writes the config JSON schema.
import * as esbuild from 'esbuild';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

mkdirSync('out', { recursive: true });
// tsc's output is ESM; the root package.json stays CommonJS for VS Code.
writeFileSync('out/package.json', '{ "type": "module" }\n');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  // import.meta.url is used by a few ESM dependencies; map it for CJS bundles.
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
  // jsonc-parser's "main" is a UMD build whose require() calls esbuild cannot follow; its ESM build bundles.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.cjs' }),
  esbuild.build({
    ...common,
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.cjs',
    external: ['vscode'],
  }),
  ...[
    ['server/src/bin/policylint.ts', 'dist/policylint.cjs'],
    ['server/src/bin/language-server.ts', 'dist/policylint-language-server.cjs'],
  ].map(([entry, outfile]) =>
    esbuild.build({
      ...common,
      entryPoints: [entry],
      outfile,
      sourcemap: false,
      banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
    }),
  ),
]);
for (const bin of ['dist/policylint.cjs', 'dist/policylint-language-server.cjs']) chmodSync(bin, 0o755);

// The web extension (vscode.dev, github.dev): the client for the browser extension host and
// the server for a web worker, with the same engine. node:fs/path/url/child_process and the global
// Buffer are small shims there (scripts/browser-shims): documents come from the client, and so do
// config files (an in-memory file system, filled by policylint/workspaceFiles).
const shims = {
  name: 'browser-shims',
  setup(build) {
    // Its browser build decodes through the DOM, which a web worker has not.
    build.onResolve({ filter: /^decode-named-character-reference$/ }, () => ({
      path: fileURLToPath(new URL('../node_modules/decode-named-character-reference/index.js', import.meta.url)),
    }));
    build.onResolve({ filter: /^node:(fs|path|url|child_process)$/ }, (args) => ({
      path: fileURLToPath(new URL(`./browser-shims/${args.path.slice(5)}.mjs`, import.meta.url)),
    }));
  },
};
const browser = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [shims],
  alias: common.alias,
  // A worker has no `process`: the few Node-side reads of it get fixed values.
  define: {
    __POLICYLINT_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version),
    'process.platform': '"browser"',
    'process.env': '{}',
  },
  // The engine lets the event loop turn with setImmediate; a worker has setTimeout.
  banner: { js: 'globalThis.setImmediate ??= (fn, ...args) => setTimeout(fn, 0, ...args);' },
};
await Promise.all([
  esbuild.build({
    ...browser,
    entryPoints: ['server/src/server-browser.ts'],
    outfile: 'dist/browser/server.js',
    format: 'iife',
    // The shared file reader and size check name the global Buffer, which a worker has not.
    inject: [fileURLToPath(new URL('./browser-shims/buffer.mjs', import.meta.url))],
  }),
  esbuild.build({
    ...browser,
    entryPoints: ['client/src/browser.ts'],
    outfile: 'dist/browser/client.js',
    format: 'cjs',
    external: ['vscode'],
  }),
]);

const { configSchema } = await import('../out/server/src/engine/index.js');
mkdirSync('schema', { recursive: true });
writeFileSync('schema/policylintrc.schema.json', JSON.stringify(configSchema(), null, 2) + '\n');
