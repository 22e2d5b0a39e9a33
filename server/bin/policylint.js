#!/usr/bin/env node
// The policylint command: runs the compiled CLI in out/ (built by `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../../out/server/src/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error(`policylint is not built yet: run \`npm run build\` in ${fileURLToPath(new URL('../..', import.meta.url))}`);
  process.exitCode = 2;
} else {
  const { main } = await import(entry.href);
  process.exitCode = await main(process.argv.slice(2));
}
