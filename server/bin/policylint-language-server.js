#!/usr/bin/env node
// The standalone policylint language server for any LSP editor:
//   policylint-language-server --stdio
// It loads the bundled server (CommonJS) built by `npm run build`.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  require('../../dist/server.cjs');
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes('dist/server.cjs')) {
    console.error('policylint-language-server: dist/server.cjs is missing; run `npm run build` first.');
    process.exit(1);
  }
  throw err;
}
