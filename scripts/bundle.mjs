// Bundles the extension client and the language server (esbuild), separately, as CommonJS.
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';

mkdirSync('out', { recursive: true });
// tsc output is ESM; the root package.json stays CommonJS for VS Code.
writeFileSync('out/package.json', '{ "type": "module" }\n');
