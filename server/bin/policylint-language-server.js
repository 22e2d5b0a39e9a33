#!/usr/bin/env node
// The standalone policylint language server for any LSP editor:
//   policylint-language-server --stdio
// It loads the bundled server entry (CommonJS) built by `npm run build`, which also answers
// --help and --version.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  require('../../dist/policylint-language-server.cjs');
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes('dist/policylint-language-server.cjs')) {
    console.error('policylint-language-server: dist/policylint-language-server.cjs is missing; run `npm run build` first.');
    process.exit(1);
  }
  throw err;
}
