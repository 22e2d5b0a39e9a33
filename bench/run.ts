// npm run bench: accuracy against the labels, engine latency per document, latency on a
// long policy, throughput over many files, and memory. Numbers, not assertions: speed is
// measured here, never in timed tests.
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fixText, lint, resolveConfig, type LintResult } from '../server/src/engine/index.js';
import { lspLatency } from './lsp.js';
import { isoOfLabel } from '../test/engine/labels.js';

interface Label {
  domain: string;
  is_privacy_policy: boolean;
  items: Record<string, unknown>;
}

const now = new Date();
const corpus = readdirSync('corpus')
  .filter((f) => f.endsWith('.md'))
  .map((f) => ({ file: `corpus/${f}`, text: readFileSync(`corpus/${f}`, 'utf8') }));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function fmt(ms: number): string {
  return ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

// ---------------------------------------------------------------- accuracy
/** Field-by-field agreement with a label: every field counts once. */
function agreement(result: LintResult, label: Label): { agree: number; total: number; misses: string[] } {
  const misses: string[] = [];
  let total = 0;
  const check = (name: string, ok: boolean) => {
    total++;
    if (!ok) misses.push(name);
  };
  check('looksLikePolicy', result.looksLikePolicy === label.is_privacy_policy);
  if (!label.is_privacy_policy) return { agree: total - misses.length, total, misses };
  const get = (id: string) => result.checklist.find((c) => c.id === id)!;
  const items = label.items as Record<string, any>;
  const sameSet = (a: unknown[], b: unknown[]) => JSON.stringify([...a].map(String).sort()) === JSON.stringify([...b].map(String).sort());
  check('children.ages', sameSet(get('children').facts.ages as number[], items.children.ages));
  check('children.present', (get('children').status !== 'missing') === items.children.present);
  check('change.methods', sameSet(get('change-notification').facts.methods as string[], items['change-notification'].methods));
  check('contact.emails', sameSet(get('contact').facts.emails as string[], items.contact.emails.map((e: string) => e.toLowerCase())));
  for (const k of ['postal', 'phone', 'form']) check(`contact.${k}`, get('contact').facts[k] === items.contact[k]);
  check('contact.present', (get('contact').status === 'present') === items.contact.present);
  check('effective-date.present', (get('effective-date').status === 'present') === items['effective-date'].present);
  check('effective-date.value', get('effective-date').facts.date === (items['effective-date'].value ? isoOfLabel(items['effective-date'].value) : null));
  for (const t of ['collection', 'use', 'sharing', 'cookies', 'security', 'access-rights', 'retention', 'opt-out', 'third-party-links', 'do-not-track', 'international-transfer', 'california-rights']) {
    check(t, (get(t).status !== 'missing') === items[t]);
  }
  return { agree: total - misses.length, total, misses };
}

function accuracy(): void {
  const sets: { name: string; docs: { file: string; text: string; label: Label }[] }[] = [
    {
      name: 'seed labels (corpus/)',
      docs: readdirSync('test/fixtures/labels')
        .filter((f) => f.endsWith('.json'))
        .map((f) => {
          const label = JSON.parse(readFileSync(`test/fixtures/labels/${f}`, 'utf8')) as Label;
          const file = `corpus/${label.domain.split(' ')[0]}.md`;
          return { file, text: readFileSync(file, 'utf8'), label };
        }),
    },
    {
      name: 'own fixtures (test/fixtures/policies/)',
      docs: readdirSync('test/fixtures/policies')
        .filter((f) => f.endsWith('.md'))
        .map((f) => ({
          file: f,
          text: readFileSync(`test/fixtures/policies/${f}`, 'utf8'),
          label: JSON.parse(readFileSync(`test/fixtures/policies/${f.replace(/\.md$/, '.json')}`, 'utf8')) as Label,
        })),
    },
  ];
  console.log('\n## Accuracy (label fields reproduced)\n');
  console.log('| set | documents | fields | agree | accuracy |');
  console.log('|---|---:|---:|---:|---:|');
  for (const set of sets) {
    let agree = 0;
    let total = 0;
    const misses: string[] = [];
    for (const d of set.docs) {
      const a = agreement(lint(d.text, { now }), d.label);
      agree += a.agree;
      total += a.total;
      misses.push(...a.misses.map((m) => `${d.file}: ${m}`));
    }
    console.log(`| ${set.name} | ${set.docs.length} | ${total} | ${agree} | ${((100 * agree) / total).toFixed(1)}% |`);
    for (const m of misses) console.log(`|   miss: ${m} | | | | |`);
  }
}

// ---------------------------------------------------------------- latency
function latency(): void {
  console.log('\n## Engine latency per document (parse + checklist + all rules), 30 runs after 5 warm-ups\n');
  console.log('| document | size | p50 ms | p95 ms | max ms |');
  console.log('|---|---:|---:|---:|---:|');
  const config = resolveConfig({ extends: 'all' }).config;
  for (const d of corpus) {
    for (let i = 0; i < 5; i++) lint(d.text, { config, now });
    const times: number[] = [];
    for (let i = 0; i < 30; i++) times.push(lint(d.text, { config, now }).elapsedMs);
    console.log(`| ${d.file} | ${(d.text.length / 1024).toFixed(1)} KB | ${fmt(percentile(times, 50))} | ${fmt(percentile(times, 95))} | ${fmt(Math.max(...times))} |`);
  }
  // A long policy: the five seeds concatenated until it passes 1 MB.
  let long = '';
  while (long.length < 1_000_000) long += corpus.map((d) => d.text).join('\n\n');
  const times: number[] = [];
  for (let i = 0; i < 5; i++) times.push(lint(long, { config, now }).elapsedMs);
  console.log(`| all seeds repeated | ${(long.length / 1024 / 1024).toFixed(2)} MB | ${fmt(percentile(times, 50))} | ${fmt(percentile(times, 95))} | ${fmt(Math.max(...times))} |`);

  const fixTimes: number[] = [];
  for (const d of corpus) {
    const t0 = performance.now();
    fixText(d.text, { config, now });
    fixTimes.push(performance.now() - t0);
  }
  console.log(`\nfixText (every safe fix, re-lint until stable) over the five seeds: mean ${fmt(fixTimes.reduce((a, b) => a + b, 0) / fixTimes.length)} ms, max ${fmt(Math.max(...fixTimes))} ms`);
}

// ---------------------------------------------------------------- throughput and memory
function throughput(): void {
  const n = 500;
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  let bytes = 0;
  let messages = 0;
  for (let i = 0; i < n; i++) {
    const d = corpus[i % corpus.length];
    // Vary the text so no cache could help.
    const text = `${d.text}\n\n<!-- run ${i} -->\n`;
    bytes += text.length;
    messages += lint(text, { now }).messages.length;
  }
  const elapsed = performance.now() - t0;
  const heapAfter = process.memoryUsage().heapUsed;
  console.log('\n## Throughput and memory\n');
  console.log(`${n} documents (${(bytes / 1024 / 1024).toFixed(1)} MB) in ${(elapsed / 1000).toFixed(2)} s: ${(n / (elapsed / 1000)).toFixed(0)} documents/s, ${((bytes / 1024 / 1024) / (elapsed / 1000)).toFixed(2)} MB/s, ${messages} messages`);
  console.log(`heap used: ${(heapBefore / 1024 / 1024).toFixed(1)} MB before, ${(heapAfter / 1024 / 1024).toFixed(1)} MB after; rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
}

console.log(`# policylint benchmark — node ${process.version}, ${new Date().toISOString()}`);
accuracy();
latency();
throughput();
await lspLatency(corpus.map((d) => d.file));
