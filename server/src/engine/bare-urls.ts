// Bare URLs in the prose: the parser leaves GFM's literal autolinks out (see markdown.ts),
// so addresses written without a link are found here.
import { trimTrailing } from './text.js';
import type { LinkFact, Range, TextBlock } from './types.js';

const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>"'`]+/gi;

/** Bare URLs in the prose ("visit https://example.com/contact"), as links whose text is the address. */
export function bareUrls(blocks: TextBlock[], links: LinkFact[], rangeOf: (s: number, e: number) => Range): void {
  const explicit = links.map((l) => [l.range.start.offset, l.range.end.offset]);
  for (const b of blocks) {
    if (b.kind === 'html' || (!b.text.includes('ww') && !b.text.includes('://'))) continue;
    for (const m of b.text.matchAll(BARE_URL)) {
      let text = trimTrailing(m[0], `.,;:!?'"”’*_~`);
      if (text.endsWith(')') && !text.includes('(')) text = trimTrailing(text.slice(0, -1), `.,;:!?'"”’`);
      const start = b.offsets[m.index!];
      if (explicit.some(([s, e]) => s <= start && start < e)) continue;
      const url = /^www\./i.test(text) ? `http://${text}` : text;
      links.push({ url, text, range: rangeOf(start, b.offsets[m.index! + text.length]) });
    }
  }
  links.sort((a, b) => a.range.start.offset - b.range.start.offset);
}
