// Checklist as data: derive each item's coverage across a corpus (documents covering it,
// the heading variants they use, evidence lines) and the recommended profile from it.
import { evaluateChecklist, titledSections } from './checklist.js';
import { ITEMS } from './items/index.js';
import { parsePolicy } from './model.js';
import { SHIPPED_CHECKLIST } from './shipped.js';
import type { ChecklistId, CoreItemId, DerivedChecklist, DerivedItem } from './types.js';

/** The items the product names first: errors in the recommended profile, the rest warnings. */
export const PRIMARY_ITEMS: readonly ChecklistId[] = ['children', 'change-notification', 'contact'];
export const DEFAULT_MIN_COVERAGE = 0.6;

export { SHIPPED_CHECKLIST };

export function deriveChecklist(
  docs: { file: string; text: string }[],
  opts: { minCoverage?: number } = {},
): DerivedChecklist {
  const minCoverage = opts.minCoverage ?? DEFAULT_MIN_COVERAGE;
  const parsed = docs.map((d) => {
    const doc = parsePolicy(d.text);
    return { file: d.file, doc, checklist: evaluateChecklist(doc) };
  });
  const items: DerivedItem[] = ITEMS.map((item) => {
    const headings = new Map<string, number>();
    const evidence: DerivedItem['evidence'] = [];
    let covered = 0;
    for (const p of parsed) {
      const entry = p.checklist.find((c) => c.id === item.id)!;
      if (entry.status !== 'present') continue;
      covered++;
      for (const s of titledSections(p.doc, item)) headings.set(s.name, (headings.get(s.name) ?? 0) + 1);
      if (entry.line !== null) evidence.push({ file: p.file, line: entry.line, text: entry.evidence ?? '' });
    }
    const coverage = parsed.length ? Math.round((covered / parsed.length) * 1000) / 1000 : 0;
    return {
      id: item.id as CoreItemId,
      title: item.title,
      covered,
      total: parsed.length,
      coverage,
      headings: [...headings.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([h]) => h),
      evidence,
      recommended: parsed.length > 0 && coverage >= minCoverage,
      severity: PRIMARY_ITEMS.includes(item.id) ? 'error' : 'warn',
    };
  });
  return { version: 1, minCoverage, documents: parsed.map((p) => p.file), items };
}
