// npm run bench: every figure issue 5 asks for, as Markdown tables, and bench/results.json.
// Numbers, not assertions: speed is measured here, never in timed tests.
//   node out/bench/run.js                 every section
//   node out/bench/run.js lsp floor       only these sections
// Environment: BENCH_LARGE_EDITS (edits on the 100,000-word document, default 200),
// BENCH_FLOOR_RUNS (timed runs per document in the floor section, default 20).
import { writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { accuracy } from './accuracy.js';
import { cliThroughput } from './cli.js';
import { parseFloor } from './floor.js';
import { lspLatency } from './lsp.js';
import { plainLanguage } from './plain-language.js';
import { lawProfiles } from './profiles.js';
import { hostileDocuments } from './hostile.js';
import { serverMemory } from './memory.js';
import { heading, table } from './stats.js';
import { targets } from './targets.js';

type Section = () => Promise<Record<string, unknown>> | Record<string, unknown>;
const SECTIONS: Record<string, Section> = {
  accuracy,
  profiles: lawProfiles,
  lsp: lspLatency,
  floor: parseFloor,
  cli: cliThroughput,
  memory: serverMemory,
  plain: plainLanguage,
  hostile: hostileDocuments,
};

const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !(a in SECTIONS));
if (unknown.length) {
  console.error(`bench: unknown section ${unknown.join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}
const run = asked.length ? asked : Object.keys(SECTIONS);

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: availableParallelism(),
  cpuModel: cpus()[0]?.model ?? 'unknown',
  sections: {} as Record<string, unknown>,
};
const sections = results.sections as Record<string, unknown>;

console.log(
  `# policylint benchmark\n\nnode ${process.version}, ${results.cpus} CPUs (${results.cpuModel}), ${results.date}`,
);
const started = performance.now();
for (const name of run) {
  const t0 = performance.now();
  try {
    sections[name] = { ...(await SECTIONS[name]()), seconds: Math.round((performance.now() - t0) / 100) / 10 };
  } catch (err) {
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    heading(`${name}: failed`);
    console.log('```\n' + message + '\n```');
    sections[name] = { error: message };
  }
}

const reached = targets(sections);
if (reached.length) {
  heading('Targets');
  table(
    ['figure', 'target', 'reached', 'met'],
    reached.map((t) => [t.figure, t.target, t.reached, t.met === undefined ? '—' : t.met ? 'yes' : '**no**']),
  );
}
results.targets = reached;
results.seconds = Math.round((performance.now() - started) / 100) / 10;
writeFileSync('bench/results.json', JSON.stringify(results, null, 2) + '\n');
console.log(`Written bench/results.json (${results.seconds} s).`);
