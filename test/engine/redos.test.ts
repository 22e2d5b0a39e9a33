// ReDoS: every regular expression the engine uses goes through the recheck checker, and
// what it calls vulnerable is replayed in V8 with its attack string at two sizes; then
// documents of 100,000 repeated characters must lint in time proportional to a benign
// document of the same size. REDOS_FULL=1 gives recheck its default (slower, stronger) budget.
import assert from 'node:assert/strict';
import { check, type Diagnostics, type Parameters } from 'recheck';
import { lint, resolveConfig } from '../../server/src/engine/index.js';
import { SEED_LINES } from './arbitraries.js';
import { distinct, literalRegexes, probeRegexes, type FoundRegex } from './regexes.js';

const FULL = process.env.REDOS_FULL === '1';
/** A short budget per pattern, so the whole check fits in `npm test` on two cores. */
const PARAMS: Parameters = FULL
  ? { timeout: 10_000 }
  : { timeout: 600, maxNFASize: 2000, maxIteration: 2, maxInitialGenerationSize: 50, maxGenerationSize: 30, crossoverSize: 5, mutationSize: 10, incubationTimeout: 25, attackTimeout: 200, maxAttackStringSize: 30_000, maxGeneStringSize: 400, seedingTimeout: 20 };

/** Runs `fn` over `items`, `width` at a time. */
async function pool<T, R>(items: readonly T[], width: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return out;
}

function timeOf(fn: () => void, runs = 1): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/** Every match of `re` in `text`, as the engine scans (exec until the last one). */
function scan(re: RegExp, text: string): void {
  re.lastIndex = 0;
  if (!re.global && !re.sticky) return void re.exec(text);
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0] === '') re.lastIndex++;
}

/**
 * Replays recheck's attack in V8: grows the pump until one scan takes 2 ms (or the input
 * 64,000 characters), then times 4 × the pump. Linear work grows about 4 ×; quadratic 16 ×.
 */
export function replay(r: FoundRegex, d: Diagnostics & { status: 'vulnerable' }): { ratio: number; ms: number; length: number } {
  const re = new RegExp(r.source, r.flags);
  const build = (k: number) => d.attack.pumps.map((p) => p.prefix + p.pump.repeat(k)).join('') + d.attack.suffix;
  const unit = Math.max(1, d.attack.pumps.reduce((n, p) => n + p.pump.length, 0));
  let k = Math.max(1, Math.floor(256 / unit));
  let small = timeOf(() => scan(re, build(k)), 2);
  while (small < 2 && k * unit < 64_000) {
    k *= 2;
    small = timeOf(() => scan(re, build(k)), 2);
  }
  const big = timeOf(() => scan(re, build(4 * k)), 2);
  return { ratio: big / Math.max(small, 0.05), ms: big, length: build(4 * k).length };
}

describe('ReDoS', () => {
  let regexes: FoundRegex[] = [];

  before(async function () {
    this.timeout(60_000);
    regexes = distinct([...literalRegexes(), ...(await probeRegexes())]);
  });

  it('finds the regular expressions the engine writes and builds', () => {
    const files = new Set(regexes.map((r) => r.where.replace(/:\d+$/, '')));
    assert.ok(regexes.length > 200, `only ${regexes.length} patterns found`);
    for (const f of ['server/src/engine/facts.ts', 'server/src/engine/text.ts', 'server/src/engine/rules/cross-reference.ts']) assert.ok(files.has(f), f);
    // Built at run time from pieces: only the probe sees them whole.
    assert.ok(regexes.some((r) => r.where.startsWith('server/src/engine/facts.ts') && r.source.includes('twenty-one')), 'the age patterns built with new RegExp');
  });

  it('no pattern is vulnerable (recheck, confirmed by replaying its attack in V8)', async function () {
    this.timeout(FULL ? 600_000 : 120_000);
    const results = await pool(regexes, 2, (r) => check(r.source, r.flags, PARAMS));
    const offenders: string[] = [];
    const unconfirmed: string[] = [];
    let unknown = 0;
    results.forEach((d, i) => {
      const r = regexes[i];
      if (d.status === 'unknown') unknown++;
      if (d.status !== 'vulnerable') return;
      const { ratio, ms, length } = replay(r, d);
      const line = `${r.where} /${r.source.length > 120 ? `${r.source.slice(0, 120)}…` : r.source}/${r.flags}: ${d.complexity.summary}, attack ${JSON.stringify(d.attack.pattern)}; V8: ${ms.toFixed(0)} ms at ${length} chars, ${ratio.toFixed(1)} × for 4 × the input`;
      // A bounded repeat ({0,90}) looks polynomial to the fuzzer on short inputs but is linear.
      if (ratio > 10 && ms > 20) offenders.push(line);
      else unconfirmed.push(line);
    });
    if (process.env.REDOS_VERBOSE) console.log(`recheck: ${regexes.length} patterns, ${unknown} unknown (timeout), not reproduced in V8:\n  ${unconfirmed.join('\n  ')}`);
    assert.deepEqual(offenders, [], `${offenders.length} super-linear patterns:\n  ${offenders.join('\n  ')}\n`);
  });

  describe('adversarial documents lint in time proportional to a benign one', () => {
    const SIZE = 100_000;
    const config = resolveConfig({ extends: 'all' }).config;
    const options = { config, assumePolicy: true, now: new Date('2026-11-22') };
    let benign = 0;

    before(function () {
      this.timeout(60_000);
      const corpus = SEED_LINES.map((l) => l.join('\n')).join('\n\n');
      const text = corpus.repeat(Math.ceil(SIZE / corpus.length)).slice(0, SIZE);
      lint(text, options); // warm up
      const runs = [0, 1, 2].map(() => timeOf(() => lint(text, options))).sort((a, b) => a - b);
      benign = runs[1];
    });

    const repeats: [string, string][] = [
      ['digits', '1'], ['spaces', ' '], ['letters', 'a'], ['at signs', '@'], ['dots', '.'], ['open brackets', '['],
      ['asterisks', '*'], ['hashes', '#'], ['hyphens', '-'], ['open parentheses', '('], ['tabs', '\t'], ['quotes', '"'],
      ['braces', '{'], ['angle brackets', '<'], ['closing parentheses', ')'],
      ['"under "', 'under '], ['"a@a"', 'a@'], ['"1 "', '1 '], ['"SSL "', 'SSL '], ['"section "', 'section '], ['"{{ "', '{{ '],
      ['"a.b."', 'a.b.'], ['"(at) "', '(at) '], ['"> - "', '> - '], ['words and newlines', 'We collect\n'],
    ];
    for (const [name, unit] of repeats) {
      it(`${name}`, function () {
        this.timeout(120_000);
        const text = unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
        // A second try before failing, so one noisy run on a busy machine does not count.
        const once = () => {
          try {
            lint(text, options);
          } catch (e) {
            assert.fail(`${SIZE} × ${JSON.stringify(unit)}: lint threw ${String(e)}`);
          }
        };
        let ms = timeOf(once);
        if (ms >= 20 * benign) ms = Math.min(ms, timeOf(once));
        assert.ok(ms < 20 * benign, `${SIZE} × ${JSON.stringify(unit)}: ${ms.toFixed(0)} ms, benign ${benign.toFixed(0)} ms (limit 20 ×)`);
      });
    }
  });
});

