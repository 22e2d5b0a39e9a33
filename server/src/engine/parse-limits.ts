// Limits that keep the parse fast on hostile input no policy looks like: very long runs of
// prose without a blank line, and block quotes or lists nested thousands deep.

/**
 * Longest run of text without a blank line above which the GFM extensions are left out:
 * they make remark's parse of one paragraph grow with the square of its length (150 KB of
 * bracketed prose: 2.5 s with tables against 0.65 s without), and no policy has a
 * paragraph or table that long.
 */
export const MAX_GFM_RUN = 50_000;

/** Stretches of the text without a blank line longer than `limit`, as [start, end). */
export function runsLongerThan(text: string, lineStarts: number[], limit: number): [number, number][] {
  const out: [number, number][] = [];
  let runStart = 0;
  for (let i = 0; i < lineStarts.length; i++) {
    const start = lineStarts[i];
    const end = i + 1 < lineStarts.length ? lineStarts[i + 1] : text.length;
    let blank = true;
    for (let j = start; j < end; j++) {
      const c = text.charCodeAt(j);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) {
        blank = false;
        break;
      }
    }
    if (blank) {
      if (start - runStart > limit) out.push([runStart, start]);
      runStart = end;
    }
  }
  if (text.length - runStart > limit) out.push([runStart, text.length]);
  return out;
}

/** Pieces a run of prose is parsed in, when it has no blank line for longer than MAX_GFM_RUN. */
const RUN_PIECE = 16_000;

/**
 * Cuts runs of prose too long to parse in one go (remark's time grows with the square of a
 * paragraph's length) into pieces of about 16,000 characters, each starting at a sentence: after
 * ". " or a line break, at a capital letter. The pieces read as consecutive paragraphs. This
 * only happens to texts no policy has (tens of thousands of characters without a blank line).
 */
export function splitLongRuns(text: string, starts: number[], runs: [number, number][]): number[] {
  if (!runs.length) return starts;
  const out = new Set(starts);
  const SENTENCE = /(?:[.!?]["'”’)]? +|\n)(?=[A-Z])/g;
  for (const [from, to] of runs) {
    for (let at = from + RUN_PIECE; at < to - RUN_PIECE / 2; ) {
      SENTENCE.lastIndex = at;
      const m = SENTENCE.exec(text);
      if (!m || m.index >= to - RUN_PIECE / 2) break;
      const cut = m.index + m[0].length;
      out.add(cut);
      at = cut + RUN_PIECE;
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** Deepest nesting of block quotes and lists read. */
export const MAX_DEPTH = 100;

/** Most block-quote and list markers read at the start of one line. */
const MAX_MARKERS = 32;

/**
 * The text with container markers past the 32nd on a line ("> - > - > - …") turned into
 * spaces: remark's parser takes time that grows with the square of such nesting (4,000
 * levels, 16 KB: seconds), and no policy nests that deep. Lengths and offsets are kept.
 */
export function limitNesting(text: string): string {
  let out: string[] | undefined;
  let from = 0;
  for (let start = 0; start < text.length; ) {
    let i = start;
    let markers = 0;
    let cut = -1;
    for (;;) {
      while (text[i] === ' ' || text[i] === '\t') i++;
      const c = text[i];
      let end = -1;
      if (c === '>') end = i + 1;
      else if ((c === '-' || c === '+' || c === '*') && (text[i + 1] === ' ' || text[i + 1] === '\t')) end = i + 1;
      else if (c >= '0' && c <= '9') {
        let j = i;
        while (j < i + 9 && text[j] >= '0' && text[j] <= '9') j++;
        if ((text[j] === '.' || text[j] === ')') && (text[j + 1] === ' ' || text[j + 1] === '\t')) end = j + 1;
      }
      if (end < 0) break;
      if (++markers === MAX_MARKERS) cut = end;
      i = end;
    }
    const eol = text.indexOf('\n', i);
    const lineEnd = eol < 0 ? text.length : eol;
    if (cut >= 0) {
      out ??= [];
      out.push(text.slice(from, cut), text.slice(cut, i).replace(/[^ \t]/g, ' '));
      from = i;
    }
    start = lineEnd + 1;
  }
  if (!out) return text;
  out.push(text.slice(from));
  return out.join('');
}
