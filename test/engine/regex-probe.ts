// Run as a script (by probeRegexes in regexes.ts), never imported by a test: replaces
// globalThis.RegExp with a recording Proxy, imports the engine fresh, lints the corpus and
// prints every pattern the engine constructed as JSON on stdout.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FoundRegex } from './regexes.js';

const Original = globalThis.RegExp;
const found: FoundRegex[] = [];
const ENGINE_FRAME =
  /\((?:file:\/\/)?(\/[^()]*?\/server\/src\/engine\/[^():]+):(\d+):\d+\)|at (?:file:\/\/)?(\/[^()\s]*?\/server\/src\/engine\/[^():]+):(\d+):\d+/;

function record(args: unknown[]): void {
  const [pattern, flags] = args;
  const source = pattern instanceof Original ? pattern.source : String(pattern ?? '(?:)');
  const flagText = flags !== undefined ? String(flags) : pattern instanceof Original ? pattern.flags : '';
  const stack = new Error().stack ?? '';
  const frame = stack
    .split('\n')
    .slice(2)
    .map((l) => ENGINE_FRAME.exec(l))
    .find(Boolean);
  // Patterns built by dependencies (remark, micromark) are theirs, not the engine's.
  if (!frame) return;
  const file = frame[1] ?? frame[3];
  const line = frame[2] ?? frame[4];
  found.push({ where: `${file.slice(file.lastIndexOf('/server/src/engine/') + 1)}:${line}`, source, flags: flagText });
}

Error.stackTraceLimit = 50;
globalThis.RegExp = new Proxy(Original, {
  construct(target, args, newTarget) {
    record(args);
    return Reflect.construct(target, args, newTarget === globalThis.RegExp ? target : newTarget);
  },
  apply(target, thisArg, args) {
    record(args);
    return Reflect.apply(target, thisArg, args);
  },
});

try {
  const engine = await import('../../server/src/engine/index.js');
  const configs = [undefined, engine.resolveConfig({ extends: 'all' }).config];
  const corpus = readdirSync('corpus').filter((f) => f.endsWith('.md'));
  for (const file of corpus) {
    const text = readFileSync(path.join('corpus', file), 'utf8');
    for (const config of configs) {
      engine.lint(text, { config, assumePolicy: true });
      engine.fixText(text, { config, assumePolicy: true });
    }
  }
} finally {
  globalThis.RegExp = Original;
}
process.stdout.write(JSON.stringify(found));
