// The targets (issue 5's accuracy, issue 17's speed and memory), checked against the figures of
// the sections that ran.
import { mb, ms, pct, ratio } from './stats.js';

export interface TargetRow {
  figure: string;
  target: string;
  reached: string;
  /** Undefined when the figure could not be measured. */
  met?: boolean;
}

export function targets(sections: Record<string, any>): TargetRow[] {
  const rows: TargetRow[] = [];
  const add = (
    figure: string,
    target: string,
    value: number | undefined,
    limit: number,
    show: (v: number) => string,
    atMost = true,
  ) =>
    rows.push({
      figure,
      target,
      reached: value === undefined || !Number.isFinite(value) ? '—' : show(value),
      met: value === undefined || !Number.isFinite(value) ? undefined : atMost ? value <= limit : value >= limit,
    });
  const lsp = sections.lsp;
  if (lsp && !lsp.error) {
    add('5,000-word policy: p95 per edit', '≤ 15 ms', lsp.small.edits.p95, 15, (v) => `${ms(v)} ms`);
    add('cold start to first diagnostics (5,000 words)', '≤ 300 ms', lsp.coldStart.medianMs, 300, (v) => `${ms(v)} ms`);
    add(
      `100,000-word document: p95 per edit (${lsp.large.edits.n} edits)`,
      '≤ 40 ms',
      lsp.large.edits.p95,
      40,
      (v) => `${ms(v)} ms`,
    );
  }
  const floor = sections.floor;
  if (floor && !floor.error) {
    const large = (floor.documents as any[]).find((d) => d.document.startsWith('synthetic 100,000'));
    add('engine / bare parse, seeds (median file)', '≤ 2.0×', floor.corpusMedianRatio, 2, ratio);
    add('engine / bare parse, 100,000-word document', '≤ 1.5×', large?.ratio, 1.5, ratio);
  }
  const cli = sections.cli;
  if (cli && !cli.error) {
    add('CLI wall time / remark-cli, 2,000 files', '≤ 0.8×', cli.ratios.wallVsRemark, 0.8, ratio);
    add('CLI wall time / markdownlint-cli2, 2,000 files', '≤ 0.8×', cli.ratios.wallVsMarkdownlint, 0.8, ratio);
    add(
      'CLI peak RSS, 2,000 files',
      '≤ 250 MB',
      cli.tools[0].peakRssBytes / 1024 / 1024,
      250,
      (v) => `${v.toFixed(0)} MB`,
    );
    add(
      'CLI re-run with --cache over the unchanged files / remark-cli',
      '≤ 0.1×',
      cli.ratios.cachedVsRemark,
      0.1,
      ratio,
    );
  }
  const memory = sections.memory;
  if (memory && !memory.error) {
    add(
      `server RSS, ${memory.documents} policies open and edited`,
      '≤ 300 MB',
      memory.editedRssBytes / 1024 / 1024,
      300,
      (v) => `${mb(v * 1024 * 1024)} MB`,
    );
  }
  const acc = sections.accuracy;
  if (acc && !acc.error) {
    const [seeds, own] = acc.sets as any[];
    add('accuracy on the seeds', '100%', seeds.accuracy, 1, pct, false);
    add('accuracy on our labelled drafts', '≥ 97%', own.accuracy, 0.97, pct, false);
    add(
      'false "missing" on complete items (both sets)',
      '0',
      seeds.falseMissing.length + own.falseMissing.length,
      0,
      String,
    );
  }
  return rows;
}
