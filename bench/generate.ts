// A deterministic generator of many policies for the CLI throughput section: sections of the
// seeds, mutated (sections dropped, reordered, duplicated or borrowed from another seed,
// sentences edited, placeholders and outdated terms injected, headings restyled as bold,
// capitals or numbered lines). A seeded PRNG drives every choice, so the same files come out
// on every run.  Standalone: node out/bench/generate.js <dir> [count]
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpus } from './documents.js';
import { prng } from './stats.js';

export const FILES = 2_000;
/** About 6.5 MB over 2,000 files. */
const MEAN_BYTES = 3_600;

interface Part {
  title: string;
  paragraphs: string[];
}

/** Each seed as its sections (ATX headings), without the archive note and navigation lines. */
function sectionsOf(text: string): Part[] {
  const parts: Part[] = [{ title: 'Privacy Policy', paragraphs: [] }];
  for (const block of text.split(/\r?\n\s*\r?\n/)) {
    const b = block.trim();
    if (
      !b ||
      /^>\s*\*The following text is extracted/.test(b) ||
      /^\s*\*\s+\[[^\]]*\]\([^)]*\)\s*$/.test(b) ||
      /^\[\]\(/.test(b)
    )
      continue;
    const h = /^#{1,6}\s+(.+)$/.exec(b);
    if (h && !b.includes('\n')) parts.push({ title: h[1].replace(/[*_]/g, '').trim(), paragraphs: [] });
    else parts[parts.length - 1].paragraphs.push(b);
  }
  return parts.filter((p) => p.paragraphs.length > 0);
}

// Mutations, in our own words.
const PLACEHOLDERS = [
  '[Company Name]',
  '[insert date]',
  '{{company_email}}',
  'TODO: say how long we keep logs.',
  'XXX',
  '[Your Address Here]',
];
const OUTDATED = [
  'Data sent to our servers is protected with SSL while it travels.',
  'We take part in the EU-U.S. Privacy Shield program for data we receive from Europe.',
  'Transfers from the European Union rely on our Safe Harbor self-certification.',
];
const EDITS: [RegExp, string][] = [
  [/\bwe\b/, 'the company'],
  [/\bpersonal information\b/i, 'personal data'],
  [/\bmay\b/, 'might'],
  [/\bthird parties\b/i, 'outside companies'],
  [/\bour\b/, 'its'],
];
type Style = 'atx' | 'bold' | 'caps' | 'numbered' | 'bold-lead';
const STYLES: Style[] = ['atx', 'atx', 'bold', 'caps', 'numbered', 'bold-lead'];

export function generatePolicies(count = FILES, seed = 0x5eed): string[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const seeds = corpus().map((d) => sectionsOf(d.text));
  const docs: string[] = [];
  for (let n = 0; n < count; n++) {
    const own = seeds[n % seeds.length];
    const budget = MEAN_BYTES * (0.5 + rand());
    const style = pick(STYLES);
    // Sections: the seed's own, some dropped, some borrowed from another seed, then a few moved.
    let parts = own.filter(() => rand() > 0.3).map((p) => (rand() < 0.2 ? pick(pick(seeds)) : p));
    if (parts.length === 0) parts = [pick(own)];
    for (let k = Math.floor(rand() * 3); k > 0; k--) {
      const from = Math.floor(rand() * parts.length);
      const [moved] = parts.splice(from, 1);
      parts.splice(Math.floor(rand() * (parts.length + 1)), 0, moved);
    }
    if (rand() < 0.15) parts.push(pick(parts)); // a duplicated section
    let out = style === 'caps' ? 'PRIVACY POLICY\n\n' : '# Privacy Policy\n\n';
    let number = 0;
    for (const part of parts) {
      if (out.length >= budget) break;
      number++;
      const body: string[] = [];
      for (const paragraph of part.paragraphs) {
        if (out.length + body.join('\n\n').length >= budget || body.length >= 3) break;
        let p = paragraph.length > 900 ? paragraph.slice(0, paragraph.indexOf('. ', 500) + 1 || 900) : paragraph;
        if (rand() < 0.3) {
          const [re, to] = pick(EDITS);
          p = p.replace(re, to);
        }
        if (rand() < 0.15) p = p.replace(/[^.]*\.\s*/, ''); // first sentence deleted
        if (rand() < 0.06) p += ` ${pick(PLACEHOLDERS)}`;
        if (rand() < 0.04) p += ` ${pick(OUTDATED)}`;
        if (p.trim()) body.push(p.trim());
      }
      const title = part.title;
      switch (style) {
        case 'atx':
          out += `## ${title}\n\n${body.join('\n\n')}\n\n`;
          break;
        case 'bold':
          out += `**${title}**\n\n${body.join('\n\n')}\n\n`;
          break;
        case 'caps':
          out += `${title.toUpperCase()}\n\n${body.join('\n\n')}\n\n`;
          break;
        case 'numbered':
          out += `${number}. ${title}\n\n${body.join('\n\n')}\n\n`;
          break;
        case 'bold-lead':
          out += `**${title}.** ${body.join('\n\n')}\n\n`;
          break;
      }
    }
    docs.push(out.trimEnd() + '\n');
  }
  return docs;
}

/** Writes the generated policies to `dir` as policy-0001.md…; returns the file count and bytes. */
export function writePolicies(dir: string, count = FILES): { files: number; bytes: number } {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  generatePolicies(count).forEach((text, i) => {
    writeFileSync(join(dir, `policy-${String(i + 1).padStart(4, '0')}.md`), text);
    bytes += Buffer.byteLength(text);
  });
  return { files: count, bytes };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: node out/bench/generate.js <dir> [count]');
    process.exit(2);
  }
  const r = writePolicies(dir, Number(process.argv[3] ?? FILES));
  console.log(`${r.files} files, ${(r.bytes / 1024 / 1024).toFixed(2)} MB in ${dir}`);
}
