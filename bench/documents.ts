// The inputs every section shares: the sample corpus and the synthetic policies built from
// it deterministically (the same text on every run and every machine).
import { readFileSync, readdirSync } from 'node:fs';

export interface Doc {
  name: string;
  text: string;
}

let cached: Doc[] | undefined;

/** The seed policies in corpus/, in file-name order. */
export function corpus(): Doc[] {
  cached ??= readdirSync('corpus')
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ name: `corpus/${f}`, text: readFileSync(`corpus/${f}`, 'utf8') }));
  return cached;
}

/**
 * A policy of exactly `words` words (whitespace-separated tokens): the seeds concatenated in
 * turn, starting with seed `rotate` and skipping the first `skip` words, cut after the last
 * word. The cut may fall inside a sentence; the text stays Markdown.
 */
export function policyOfWords(words: number, rotate = 0, skip = 0, title?: string): string {
  const seeds = corpus();
  const head = title ? `# ${title}\n\n` : '';
  let want = words - (title ? title.split(/\s+/).length + 1 : 0) + skip;
  let out = '';
  for (let i = 0; want > 0; i++) {
    const seed = seeds[(rotate + i) % seeds.length].text;
    const re = /\S+/g;
    let end = 0;
    let m: RegExpExecArray | null;
    while (want > 0 && (m = re.exec(seed))) {
      end = m.index + m[0].length;
      want--;
    }
    out += (out ? '\n\n' : '') + seed.slice(0, want > 0 ? seed.length : end).trimEnd();
  }
  return head + dropWords(out, skip) + '\n';
}

function dropWords(text: string, n: number): string {
  if (n === 0) return text;
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  let left = n;
  while (left > 0 && (m = re.exec(text))) left--;
  return text.slice(re.lastIndex).trimStart();
}

/** The 5,000-word policy the latency and cold-start sections open. */
export const SMALL_WORDS = 5_000;
/** The long document of the latency section. */
export const LARGE_WORDS = 100_000;

export function synthetic(): Doc[] {
  return [
    { name: `synthetic ${SMALL_WORDS.toLocaleString('en')} words`, text: policyOfWords(SMALL_WORDS) },
    { name: `synthetic ${LARGE_WORDS.toLocaleString('en')} words`, text: policyOfWords(LARGE_WORDS) },
  ];
}

/** The i-th of many distinct 5,000-word policies: another first seed, another start and its own title. */
export function policyVariant(i: number): string {
  return policyOfWords(SMALL_WORDS, i, Math.floor(i / corpus().length) * 40, `Privacy Policy, draft ${i + 1}`);
}
