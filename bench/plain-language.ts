// The plain-language rules: what they add to a lint (the engine with every rule, against the
// same config without the five plain-language rules), and the reading grades they measure
// on the sample corpus and, when it is beside the repository, the dev set
// (../shared/devset/texts, read only). Measured, never asserted.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, parsePolicy, resolveConfig } from '../server/src/engine/index.js';
import { PLAIN_LANGUAGE_RULES } from '../server/src/engine/plain-language.js';
import { documentGrade, sectionReadability } from '../server/src/engine/readability.js';
import { corpus, synthetic, type Doc } from './documents.js';
import { heading, median, ms, table, wordCount } from './stats.js';

const WARMUP = 3;
const NOW = new Date('2026-11-22');
const DEVSET = '../shared/devset/texts';

function devset(): Doc[] {
  if (!existsSync(DEVSET)) return [];
  return readdirSync(DEVSET)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ name: `devset/${f}`, text: readFileSync(join(DEVSET, f), 'utf8') }));
}

/** Min, quartiles and max of some numbers. */
function spread(values: number[]): { min: number; q1: number; median: number; q3: number; max: number } {
  const v = [...values].sort((a, b) => a - b);
  const at = (p: number) => v[Math.min(v.length - 1, Math.floor(p * (v.length - 1) + 0.5))];
  return { min: v[0], q1: at(0.25), median: at(0.5), q3: at(0.75), max: v[v.length - 1] };
}

export function plainLanguage(): Record<string, unknown> {
  const runs = Math.max(1, Number(process.env.BENCH_FLOOR_RUNS ?? 20));
  const all = resolveConfig({ extends: 'all' }).config;
  const without = resolveConfig({
    extends: 'all',
    rules: Object.fromEntries(Object.keys(PLAIN_LANGUAGE_RULES).map((id) => [id, 'off'])),
  }).config;
  const cost: { document: string; words: number; withMs: number; withoutMs: number; addedMs: number; share: number }[] =
    [];
  for (const d of [...corpus(), ...synthetic()]) {
    const w: number[] = [];
    const wo: number[] = [];
    for (let i = 0; i < WARMUP + runs; i++) {
      let t0 = performance.now();
      lint(d.text, { config: all, now: NOW });
      const a = performance.now() - t0;
      t0 = performance.now();
      lint(d.text, { config: without, now: NOW });
      const b = performance.now() - t0;
      if (i >= WARMUP) {
        w.push(a);
        wo.push(b);
      }
    }
    const [withMs, withoutMs] = [median(w), median(wo)];
    cost.push({
      document: d.name,
      words: wordCount(d.text),
      withMs,
      withoutMs,
      addedMs: withMs - withoutMs,
      share: (withMs - withoutMs) / withMs,
    });
  }
  heading(
    'Plain-language rules',
    `Engine \`lint()\` with every rule against the same without the five plain-language rules; medians of ${runs} interleaved runs.`,
  );
  table(
    ['document', 'words', 'with ms', 'without ms', 'added ms', 'share'],
    cost.map((c) => [
      c.document,
      c.words.toLocaleString('en'),
      ms(c.withMs),
      ms(c.withoutMs),
      ms(c.addedMs),
      `${(c.share * 100).toFixed(1)}%`,
    ]),
  );

  const grades = (docs: Doc[]) =>
    docs.map((d) => {
      const doc = parsePolicy(d.text);
      const sections = sectionReadability(doc).filter((s) => s.words >= 60 && s.grade !== undefined);
      return {
        document: d.name,
        grade: documentGrade(doc) ?? NaN,
        sections: sections.length,
        over12: sections.filter((s) => s.grade! > 12).length,
      };
    });
  const sets = { corpus: grades(corpus()), devset: grades(devset()) };
  const rows: string[][] = [];
  const summary: Record<string, unknown> = {};
  for (const [name, list] of Object.entries(sets)) {
    const g = list.map((x) => x.grade).filter(Number.isFinite);
    if (!g.length) continue;
    const s = spread(g);
    const sections = list.reduce((n, x) => n + x.sections, 0);
    const over = list.reduce((n, x) => n + x.over12, 0);
    summary[name] = {
      documents: g.length,
      ...s,
      above12: g.filter((x) => x > 12).length,
      sections,
      sectionsAbove12: over,
    };
    rows.push([
      name,
      String(g.length),
      ...[s.min, s.q1, s.median, s.q3, s.max].map((x) => x.toFixed(1)),
      `${g.filter((x) => x > 12).length}/${g.length}`,
      `${over}/${sections}`,
    ]);
  }
  heading(
    'Reading grade (Flesch–Kincaid) of whole documents',
    'Sections: those with 60 words of prose or more, as reading-grade grades them.',
  );
  table(['set', 'documents', 'min', 'q1', 'median', 'q3', 'max', 'documents above 12', 'sections above 12'], rows);
  return { cost, grades: sets, summary };
}
