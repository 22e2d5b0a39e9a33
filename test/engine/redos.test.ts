// ReDoS: every regular expression the engine uses that repeats something without bound goes
// through the recheck checker, and what it calls vulnerable is replayed in V8 with its attack
// string at two sizes; then documents of 100,000 repeated characters must lint in time
// proportional to a benign document of the same size. REDOS_FULL=1 gives recheck its default
// (slower, stronger) budget and checks every pattern; REDOS_VERBOSE=1 prints what recheck
// flagged that V8 did not reproduce, and how long each phase took.
import assert from 'node:assert/strict';
import { check, type Parameters } from 'recheck';
import { lint, resolveConfig } from '../../server/src/engine/index.js';
import { SEED_LINES } from './arbitraries.js';
import {
  distinct,
  hasUnboundedRepeat,
  literalRegexes,
  pool,
  probeRegexes,
  replay,
  timeOf,
  type FoundRegex,
} from './regexes.js';

const FULL = process.env.REDOS_FULL === '1';
const VERBOSE = Boolean(process.env.REDOS_VERBOSE);
/**
 * A short budget per pattern, so the whole check fits in `npm test` on two cores. Patterns
 * without lookaround or \b and with a small automaton go to the automaton checker, which needs no budget to be sure; the
 * others are fuzzed briefly (a fixed seed: recheck's default).
 */
const PARAMS: Parameters = FULL
  ? { timeout: 10_000 }
  : {
      timeout: 400,
      maxNFASize: 2000,
      maxIteration: 2,
      maxInitialGenerationSize: 50,
      maxGenerationSize: 30,
      crossoverSize: 5,
      mutationSize: 10,
      incubationTimeout: 25,
      attackTimeout: 200,
      maxAttackStringSize: 30_000,
      maxGeneStringSize: 400,
      seedingTimeout: 20,
    };

describe('ReDoS', () => {
  let regexes: FoundRegex[] = [];

  before(async function () {
    this.timeout(120_000);
    regexes = distinct([...literalRegexes(), ...(await probeRegexes())]);
  });

  it('finds the regular expressions the engine writes and builds', () => {
    const files = new Set(regexes.map((r) => r.where.replace(/:\d+$/, '')));
    assert.ok(regexes.length > 200, `only ${regexes.length} patterns found`);
    for (const f of [
      'server/src/engine/facts.ts',
      'server/src/engine/text.ts',
      'server/src/engine/rules/cross-reference.ts',
    ])
      assert.ok(files.has(f), f);
    // Built at run time from pieces: only the probe sees them whole.
    assert.ok(
      regexes.some((r) => r.where.startsWith('server/src/engine/facts.ts') && r.source.includes('twenty-one')),
      'the age patterns built with new RegExp',
    );
  });

  it('no pattern is vulnerable (recheck, confirmed by replaying its attack in V8)', async function () {
    this.timeout(FULL ? 1_800_000 : 300_000);
    const started = performance.now();
    const checked = FULL ? regexes : regexes.filter((r) => hasUnboundedRepeat(r.source));
    const results = await pool(checked, 2, (r) => check(r.source, r.flags, PARAMS));
    const checkMs = performance.now() - started;
    const offenders: string[] = [];
    const unconfirmed: string[] = [];
    let unknown = 0;
    results.forEach((d, i) => {
      const r = checked[i];
      if (d.status === 'unknown') unknown++;
      if (d.status !== 'vulnerable') return;
      const { ratio, ms, length } = replay(r, d);
      const line = `${r.where} /${r.source.length > 120 ? `${r.source.slice(0, 120)}…` : r.source}/${r.flags}: ${d.complexity.summary}, attack ${JSON.stringify(d.attack.pattern)}; V8: ${ms.toFixed(0)} ms at ${length} chars, ${ratio.toFixed(1)} × for 4 × the input`;
      // A bounded repeat ({0,90}) looks polynomial to the fuzzer on short inputs but is linear.
      if (ratio > 10 && ms > 20) offenders.push(line);
      else unconfirmed.push(line);
    });
    if (VERBOSE) {
      const replayMs = performance.now() - started - checkMs;
      console.log(
        `recheck: ${checked.length} of ${regexes.length} patterns in ${checkMs.toFixed(0)} ms, ${unknown} unknown (timeout); V8 replays ${replayMs.toFixed(0)} ms; not reproduced in V8:\n  ${unconfirmed.join('\n  ')}`,
      );
    }
    assert.deepEqual(offenders, [], `${offenders.length} super-linear patterns:\n  ${offenders.join('\n  ')}\n`);
  });

  describe('adversarial documents lint in time proportional to a benign one', () => {
    const SIZE = 100_000;
    const config = resolveConfig({ extends: 'all' }).config;
    const options = { config, assumePolicy: true, now: new Date('2026-11-22') };
    let benign = 0;

    before(function () {
      this.timeout(120_000);
      const corpus = SEED_LINES.map((l) => l.join('\n')).join('\n\n');
      const text = corpus.repeat(Math.ceil(SIZE / corpus.length)).slice(0, SIZE);
      lint(text, options); // warm up
      const runs = [0, 1, 2].map(() => timeOf(() => lint(text, options))).sort((a, b) => a - b);
      benign = runs[1];
    });

    const repeats: [string, string][] = [
      ['digits', '1'],
      ['spaces', ' '],
      ['letters', 'a'],
      ['at signs', '@'],
      ['dots', '.'],
      ['open brackets', '['],
      ['asterisks', '*'],
      ['hashes', '#'],
      ['hyphens', '-'],
      ['open parentheses', '('],
      ['tabs', '\t'],
      ['quotes', '"'],
      ['braces', '{'],
      ['angle brackets', '<'],
      ['closing parentheses', ')'],
      ['"under "', 'under '],
      ['"a@a"', 'a@'],
      ['"1 "', '1 '],
      ['"SSL "', 'SSL '],
      ['"section "', 'section '],
      ['"{{ "', '{{ '],
      ['"a.b."', 'a.b.'],
      ['"(at) "', '(at) '],
      ['"> - "', '> - '],
      ['words and newlines', 'We collect\n'],
    ];
    for (const [name, unit] of repeats) {
      it(`${name}`, function () {
        this.timeout(300_000);
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
        assert.ok(
          ms < 20 * benign,
          `${SIZE} × ${JSON.stringify(unit)}: ${ms.toFixed(0)} ms, benign ${benign.toFixed(0)} ms (limit 20 ×)`,
        );
      });
    }
  });
});
