// Incremental analysis must be invisible: the model built chunk by chunk (with or without an
// AnalysisCache) equals the one built from the whole text, and a lint that reuses the
// previous version's chunks and memos returns exactly what a fresh lint returns. The
// generator below favours the constructs that could carry block structure across a chunk
// boundary: fences (closed and not), HTML blocks of every kind, lists across blank lines,
// block quotes, tables, definitions and references, footnotes, setext headings.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import {
  AnalysisCache,
  lint,
  lintSteps,
  parsePolicy,
  resolveConfig,
  type LintResult,
  type PolicyDocument,
} from '../../server/src/engine/index.js';

const SEED = Number(process.env.FC_SEED ?? 4242);
const RUNS = Number(process.env.FC_RUNS ?? 60);
const now = new Date('2026-11-22');
const config = resolveConfig({ extends: 'all' }).config;

const FILES = [
  ...readdirSync('corpus')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `corpus/${f}`),
  ...readdirSync('test/fixtures/policies')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `test/fixtures/policies/${f}`),
];

/** Everything rules read from the model, as one comparable value. */
function modelSummary(d: PolicyDocument): unknown {
  return {
    sections: d.sections.map((s) => [
      s.title,
      s.name,
      s.number,
      s.level,
      s.kind,
      s.range,
      s.titleRange,
      s.bodyRange,
      s.bodyText,
      s.parent?.index,
      s.children.map((c) => c.index),
    ]),
    title: d.title?.index,
    blocks: d.blocks.map((b) => [b.kind, b.text, b.offsets, b.range, b.section?.index]),
    sentences: d.sentences.map((s) => [s.text, s.range, s.start, s.section?.index]),
    facts: d.facts,
    directives: d.directives,
    code: d.code,
  };
}

function lintSummary(r: LintResult): unknown {
  return {
    looksLikePolicy: r.looksLikePolicy,
    checklist: r.checklist,
    messages: r.messages.map((m) => ({ ...m, fix: m.fix, suggestions: m.suggestions })),
  };
}

function assertSameModels(text: string): void {
  const whole = modelSummary(parsePolicy(text, { whole: true }));
  assert.deepEqual(modelSummary(parsePolicy(text)), whole, 'heading chunks differ from the whole parse');
  assert.deepEqual(
    modelSummary(parsePolicy(text, { cache: new AnalysisCache() })),
    whole,
    'fine chunks differ from the whole parse',
  );
}

const word = fc.constantFrom(
  'privacy',
  'data',
  'we',
  'collect',
  'Cookies',
  'contact',
  'children',
  'under 13',
  'SSL',
  'section 4',
  'privacy@example.org',
  '[Company]',
  'share',
  'retain',
);
const line = fc.array(word, { minLength: 1, maxLength: 8 }).map((ws) => ws.join(' '));
const sentence = line.map((l) => `${l[0].toUpperCase()}${l.slice(1)}.`);
const BLOCKS = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 4 }), line).map(([n, l]) => `${'#'.repeat(n)} ${l}`),
  sentence,
  fc.array(sentence, { minLength: 2, maxLength: 3 }).map((s) => s.join('\n')),
  line.map((l) => `**${l}.** We collect data.`),
  line.map((l) => l.toUpperCase()),
  fc.tuple(fc.integer({ min: 1, max: 12 }), line).map(([n, l]) => `${n}. ${l}`),
  fc.array(line, { minLength: 1, maxLength: 3 }).map((ls) => ls.map((l) => `- ${l}`).join('\n')),
  line.map((l) => `- ${l}\n\n  continued ${l}`),
  line.map((l) => `- item\n  \`\`\`\n  ${l}`),
  line.map((l) => `> ${l}\n> # quoted heading`),
  fc.constantFrom('```', '~~~~', '```js', '``` `x`', '    indented code'),
  line.map((l) => `\`\`\`\n# not a heading ${l}\n\`\`\``),
  fc.constantFrom(
    '<!--',
    '-->',
    '<!-- policylint-disable cookies -->',
    '<div>',
    '</div>',
    '<pre>',
    '</pre>',
    '<?php',
    '?>',
    '<![CDATA[',
    ']]>',
    '<span>x</span>',
  ),
  line.map((l) => `| a | b |\n|---|---|\n| ${l} | 1 |`),
  fc.constantFrom(
    '[terms]: https://example.org/terms',
    '[^1]: A note.',
    'See the [terms][terms] and a note[^1].',
    'Read [our terms].',
    '[our terms]: #terms',
  ),
  // A footnote definition straight before a reference definition, empty or not.
  fc.constantFrom(
    '[^1]:\n[x]: mailto:privacy@example.org',
    '[^2]: A note.\n\n[x]: mailto:privacy@example.org',
    'Write to [x].',
    'See [x]\n=',
  ),
  line.map((l) => `${l}\n===`),
  line.map((l) => `${l}\n---`),
  fc.constantFrom('***', '', ' ', '\t'),
);
const document = fc
  .array(fc.tuple(BLOCKS, fc.constantFrom('\n', '\n\n', '\n\n\n', '\r\n\r\n', '\r\r')), { minLength: 1, maxLength: 40 })
  .map((parts) => parts.map(([b, sep]) => b + sep).join(''));

describe('incremental analysis', function () {
  this.timeout(120_000);

  describe('chunked parsing equals the whole parse', () => {
    for (const file of FILES) {
      it(file, () => assertSameModels(readFileSync(file, 'utf8')));
    }

    it(`on ${RUNS} generated documents full of boundary hazards (seed ${SEED})`, () => {
      fc.assert(
        fc.property(document, (text) => assertSameModels(text)),
        { seed: SEED, numRuns: RUNS },
      );
    });
  });

  describe('a lint with a cache equals a fresh lint', () => {
    /** Applies edits one by one, linting with one cache throughout, and compares each result with a fresh lint. */
    function replay(text: string, edits: { at: number; remove: number; insert: string }[]): void {
      const cache = new AnalysisCache();
      let current = text;
      assert.deepEqual(lintSummary(lint(current, { config, now, cache })), lintSummary(lint(current, { config, now })));
      for (const e of edits) {
        const at = Math.floor(e.at * current.length);
        current = current.slice(0, at) + e.insert + current.slice(Math.min(current.length, at + e.remove));
        assert.deepEqual(
          lintSummary(lint(current, { config, now, cache })),
          lintSummary(lint(current, { config, now })),
          `after an edit at ${at}`,
        );
      }
    }
    const edit = fc.record({
      at: fc.double({ min: 0, max: 1, noNaN: true }),
      remove: fc.integer({ min: 0, max: 40 }),
      insert: fc.oneof(
        fc.constantFrom(
          '',
          'x',
          '\n',
          '\n\n',
          '# New heading\n',
          '```\n',
          '<!--',
          '-->',
          '- ',
          '**Bold.** ',
          'Contact privacy@example.org.',
          '[terms]: #x\n',
        ),
        BLOCKS,
      ),
    });

    it('a reference definition after a footnote definition holds in every chunk, as in the whole text', () => {
      // The chunks' copy of the definitions once let a footnote's body swallow the next definition.
      replay('[^1]:\n[x]: h\nSee [x]\n=\n', [{ at: 1, remove: 0, insert: 'x' }]);
      replay(
        '# Privacy Policy\n\nWe collect data.\n\n[^1]: a note\n\n[x]: mailto:privacy@example.com\n\nEmail [x].\n',
        [
          { at: 0.99, remove: 0, insert: ' Thanks.' },
          { at: 0.5, remove: 0, insert: '\n\n# More\n\n' },
        ],
      );
    });

    it(`over random edit sequences on generated documents (seed ${SEED})`, () => {
      fc.assert(
        fc.property(document, fc.array(edit, { minLength: 1, maxLength: 8 }), (text, edits) => replay(text, edits)),
        { seed: SEED, numRuns: Math.ceil(RUNS / 2) },
      );
    });

    it(`over random edit sequences on the seeds (seed ${SEED})`, () => {
      const seeds = FILES.filter((f) => f.startsWith('corpus/')).map((f) => readFileSync(f, 'utf8'));
      fc.assert(
        fc.property(fc.constantFrom(...seeds), fc.array(edit, { minLength: 1, maxLength: 4 }), (text, edits) =>
          replay(text, edits),
        ),
        { seed: SEED, numRuns: 10 },
      );
    });
  });

  describe('what an edit costs', () => {
    const seeds = FILES.filter((f) => f.startsWith('corpus/')).map((f) => readFileSync(f, 'utf8'));
    const long = seeds.join('\n\n');

    it('re-parses only the chunk an edit falls in', () => {
      const cache = new AnalysisCache();
      lint(long, { config, now, cache });
      const first = { ...cache.stats };
      assert.ok(first.parsed > 50, `expected many chunks, got ${first.parsed}`);
      const at = long.indexOf('cookies', long.length / 2);
      lint(`${long.slice(0, at)}x${long.slice(at)}`, { config, now, cache });
      assert.equal(cache.stats.parsed - first.parsed, 1, 'one typed character should re-parse one chunk');
      assert.ok(cache.stats.reused - first.reused >= first.parsed + first.reused - 2);
    });

    it('keeps memory to the current version: the cache does not grow with the number of edits', () => {
      const cache = new AnalysisCache();
      lint(long, { config, now, cache });
      const base = cache.size;
      let text = long;
      for (let i = 0; i < 30; i++) {
        const at = Math.floor(((i + 0.5) / 30) * text.length);
        text = `${text.slice(0, at)}Edit ${i}. ${text.slice(at)}`;
        lint(text, { config, now, cache });
      }
      assert.ok(
        cache.size.chunks <= 2 * base.chunks + 64,
        `chunks held: ${cache.size.chunks}, after the first lint: ${base.chunks}`,
      );
      assert.ok(
        cache.size.memos <= 2 * base.memos + 256,
        `memo entries held: ${cache.size.memos}, after the first lint: ${base.memos}`,
      );
    });

    it('elapsedMs counts the engine’s own work, not the time a caller spends elsewhere between steps', () => {
      // The server interleaves the lints of many documents; the debounce reads elapsedMs.
      const steps = lintSteps(long, { config, now });
      const started = performance.now();
      let away = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) {
        const left = performance.now();
        while (performance.now() - left < 2); // another document's work
        away += performance.now() - left;
      }
      const wall = performance.now() - started;
      assert.ok(away > 0, 'the lint paused at least once');
      assert.ok(
        step.value.elapsedMs <= wall - away + 1,
        `elapsed ${step.value.elapsedMs} ms, wall ${wall} ms, away ${away} ms`,
      );
    });

    it('elapsedMs under a fake clock: the same whether the caller is away 0 ms or 10 s between steps (issue 18, finding 6)', () => {
      // The clock moves 1 ms each time anyone reads it, and 10 s more each time the lint pauses.
      const realNow = performance.now;
      let t = 0;
      performance.now = () => ++t;
      const measure = (awayPerPause: number) => {
        let pauses = 0;
        const steps = lintSteps(long, { config, now });
        let step = steps.next();
        for (; !step.done; step = steps.next()) {
          pauses++;
          t += awayPerPause;
        }
        return { elapsed: step.value.elapsedMs, pauses };
      };
      try {
        const alone = measure(0);
        const interleaved = measure(10_000);
        assert.ok(alone.pauses > 0, 'the lint paused at least once');
        assert.equal(interleaved.pauses, alone.pauses);
        assert.equal(interleaved.elapsed, alone.elapsed, "time spent away counted as the lint's own");
        assert.ok(alone.elapsed > 0 && alone.elapsed < 10_000, `elapsed ${alone.elapsed} fake ms`);
      } finally {
        performance.now = realNow;
      }
    });

    it('a lint abandoned between steps leaves the cache usable', () => {
      const cache = new AnalysisCache();
      lint(long, { config, now, cache });
      const edited = `# A new first heading\n\n${long}`;
      const steps = lintSteps(edited, { config, now, cache });
      steps.next();
      steps.return(undefined as never);
      assert.deepEqual(lintSummary(lint(edited, { config, now, cache })), lintSummary(lint(edited, { config, now })));
    });
  });
});
