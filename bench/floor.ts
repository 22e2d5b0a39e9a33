// Cost over the parse floor: the engine's full lint (config `extends: all`) against the bare
// CommonMark parse of the same text by mdast-util-from-markdown (no extensions), timed
// interleaved (lint, parse, lint, parse…) in one process so both see the same machine state.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { lint, resolveConfig } from '../server/src/engine/index.js';
import { corpus, synthetic } from './documents.js';
import { heading, median, ms, ratio, table, wordCount } from './stats.js';

const WARMUP = 3;
const NOW = new Date('2026-11-22');

export function parseFloor(): Record<string, unknown> {
  const runs = Math.max(1, Number(process.env.BENCH_FLOOR_RUNS ?? 20));
  const config = resolveConfig({ extends: 'all' }).config;
  const rows: {
    document: string;
    words: number;
    bytes: number;
    lintMs: number;
    parseMs: number;
    ratio: number;
    runs: number;
  }[] = [];
  for (const d of [...corpus(), ...synthetic()]) {
    const lintTimes: number[] = [];
    const parseTimes: number[] = [];
    for (let i = 0; i < WARMUP + runs; i++) {
      let t0 = performance.now();
      lint(d.text, { config, now: NOW });
      const l = performance.now() - t0;
      t0 = performance.now();
      fromMarkdown(d.text);
      const p = performance.now() - t0;
      if (i >= WARMUP) {
        lintTimes.push(l);
        parseTimes.push(p);
      }
    }
    const [lintMs, parseMs] = [median(lintTimes), median(parseTimes)];
    rows.push({
      document: d.name,
      words: wordCount(d.text),
      bytes: Buffer.byteLength(d.text),
      lintMs,
      parseMs,
      ratio: lintMs / parseMs,
      runs,
    });
  }
  const corpusRows = rows.filter((r) => r.document.startsWith('corpus/'));
  const corpusRatio = median(corpusRows.map((r) => r.ratio));
  const corpusTotal = corpusRows.reduce((n, r) => n + r.lintMs, 0) / corpusRows.reduce((n, r) => n + r.parseMs, 0);

  heading(
    'Cost over the parse floor',
    `Engine \`lint()\` (extends: all) against bare \`fromMarkdown(text)\`; medians of ${runs} interleaved runs after ${WARMUP} warm-ups.`,
  );
  table(
    ['document', 'words', 'size', 'lint ms', 'parse ms', 'lint / parse'],
    rows.map((r) => [
      r.document,
      r.words.toLocaleString('en'),
      `${(r.bytes / 1024).toFixed(0)} KB`,
      ms(r.lintMs),
      ms(r.parseMs),
      ratio(r.ratio),
    ]),
  );
  console.log(
    `Corpus: median ratio ${ratio(corpusRatio)}; summed lint time over summed parse time ${ratio(corpusTotal)}.\n`,
  );
  return { runs, warmup: WARMUP, documents: rows, corpusMedianRatio: corpusRatio, corpusTotalRatio: corpusTotal };
}
