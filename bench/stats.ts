// Shared by every bench section: percentiles, formatting and Markdown tables (one copy).

/** The p-th percentile (0–100) by the nearest-rank method: p50 of [1, 2, 3, 4] is 2. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** The median (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface Spread {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

export function spread(values: readonly number[]): Spread {
  return { p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values), n: values.length };
}

/** Milliseconds with a precision that suits their size. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value < 10 ? value.toFixed(2) : value < 1000 ? value.toFixed(1) : value.toFixed(0);
}

export function mb(bytes: number): string {
  return Number.isFinite(bytes) ? (bytes / 1024 / 1024).toFixed(1) : '—';
}

export function pct(fraction: number): string {
  return Number.isFinite(fraction) ? `${(100 * fraction).toFixed(1)}%` : '—';
}

export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : '—';
}

/** Prints a Markdown table; the first row is the header; numeric-looking columns are right-aligned. */
export function table(header: string[], rows: (string | number)[][]): void {
  const cells = rows.map((r) => r.map(String));
  const numeric = header.map(
    (_, i) =>
      cells.length > 0 &&
      cells.every((r) => /^[-+]?[\d.,]+(%|×| ms| MB| KB| s)?( \(\d+\/\d+\))?$|^—$/.test(r[i] ?? '')),
  );
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${numeric.map((n) => (n ? '---:' : '---')).join('|')}|`);
  for (const r of cells) console.log(`| ${r.join(' | ')} |`);
  console.log('');
}

export function heading(title: string, note?: string): void {
  console.log(`\n## ${title}\n`);
  if (note) console.log(`${note}\n`);
}

/** Counts words as whitespace-separated tokens. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Mulberry32: a small seeded PRNG, so generated inputs are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
