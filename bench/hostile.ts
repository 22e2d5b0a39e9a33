// Long hostile documents: a generated policy of many numbered sections, each with references
// that resolve nowhere, at growing sizes. Shows that the lint stays linear in the length
// (milliseconds per MB roughly constant) and that it pauses often (the longest stretch
// between two pauses), which is what keeps the language server answering other requests.
import { lintSteps, resolveConfig, type ResolvedConfig } from '../server/src/engine/index.js';
import { heading, mb, ms, table } from './stats.js';

const SIZES_MB = [0.5, 1, 2, 4];

/** About `bytes` of numbered sections with quoted and numbered references, half of them broken. */
export function manySections(bytes: number): string {
  const parts = ['# Privacy Policy', ''];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const section = [
      `## ${i + 1}. Records of kind ${i}`,
      '',
      `We keep records of kind ${i} as the “Records of kind ${i + 1}” section below explains, and as the “Recrds of knd ${i}” section says. See section ${i + 3} and the links below.`,
      '',
    ].join('\n');
    parts.push(section);
    size += section.length + 1;
  }
  return parts.join('\n');
}

function only(ruleIds: string[] | 'all'): ResolvedConfig {
  const config = resolveConfig(undefined).config;
  if (ruleIds !== 'all') for (const id of [...config.rules.keys()]) if (!ruleIds.includes(id)) config.rules.delete(id);
  return config;
}

/** Total time of a lint, and the longest time it ran without pausing. */
function timeSteps(text: string, config: ResolvedConfig): { totalMs: number; longestStepMs: number } {
  const steps = lintSteps(text, { config, assumePolicy: true });
  let longest = 0;
  const t0 = performance.now();
  let last = t0;
  for (let s = steps.next(); !s.done; s = steps.next()) {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }
  const end = performance.now();
  return { totalMs: end - t0, longestStepMs: Math.max(longest, end - last) };
}

export function hostileDocuments(): Record<string, unknown> {
  const rows: (string | number)[][] = [];
  const out: Record<string, unknown>[] = [];
  for (const size of SIZES_MB) {
    const text = manySections(size * 1024 * 1024);
    const all = timeSteps(text, only('all'));
    const none = timeSteps(text, only([]));
    const xref = timeSteps(text, only(['cross-reference']));
    const perMb = (v: number) => v / (Buffer.byteLength(text) / 1024 / 1024);
    rows.push([
      mb(Buffer.byteLength(text)),
      ms(all.totalMs),
      ms(perMb(all.totalMs)),
      ms(xref.totalMs - none.totalMs),
      ms(all.longestStepMs),
    ]);
    out.push({
      bytes: Buffer.byteLength(text),
      lintMs: all.totalMs,
      crossReferenceMs: xref.totalMs - none.totalMs,
      longestStepMs: all.longestStepMs,
    });
  }
  heading(
    'Long hostile documents',
    'Generated policies of numbered sections whose references resolve nowhere; recommended rules, one lint each. Linear means the ms per MB column stays flat.',
  );
  table(['size MB', 'lint ms', 'ms per MB', 'cross-reference ms', 'longest step ms'], rows);
  return { documents: out };
}
