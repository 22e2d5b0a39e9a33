// Bundles the extension client and the language server separately with esbuild, as
// CommonJS for VS Code's extension host; the two commands of the npm tarball (policylint and
// policylint-language-server) as single-file executables with no runtime dependencies;
// writes the config JSON schema.
import * as esbuild from 'esbuild';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';

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
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.cjs' }),
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.cjs', external: ['vscode'] }),
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

const { configSchema } = await import('../out/server/src/engine/index.js');
mkdirSync('schema', { recursive: true });
writeFileSync('schema/policylintrc.schema.json', JSON.stringify(configSchema(), null, 2) + '\n');
