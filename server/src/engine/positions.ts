// Positions: offsets in the text as line and column, for the whole document and for a chunk
// parsed alone (whose positions count from the chunk's first line).
import type { Point, Range } from './types.js';

/** Offsets where the text's lines start: after CR LF, LF or a lone CR, as remark and LSP read lines. */
export function computeLineStarts(text: string): number[] {
  const lineStarts = [0];
  if (!text.includes('\r')) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    return lineStarts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
  }
  return lineStarts;
}

/** The line ending the text uses most: "\r\n", a lone "\r" or "\n". */
function dominantEol(text: string, breaks: number): string {
  if (!text.includes('\r')) return '\n';
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const cr = (text.match(/\r(?!\n)/g) ?? []).length;
  const lf = breaks - crlf - cr;
  return cr > lf && cr > crlf ? '\r' : crlf * 2 > breaks ? '\r\n' : '\n';
}

/** 0-based index of the line holding `offset`. */
export function lineIndex(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** How offsets in the whole document map to lines and columns, and its usual line ending. */
export interface Positioning {
  lineStarts: number[];
  eol: string;
  pointAt(offset: number): Point;
  rangeOf(start: number, end: number): Range;
  lineOf(offset: number): number;
}

/** The document's positioning: offsets clamp to the text; lines end at LF, CR LF or a lone CR; the line ending most lines use. */
export function positioning(text: string): Positioning {
  const lineStarts = computeLineStarts(text);
  const eol = dominantEol(text, lineStarts.length - 1);

  const lineOf = (offset: number) => lineIndex(lineStarts, offset) + 1;
  const pointAt = (offset: number): Point => {
    const o = Math.max(0, Math.min(offset, text.length));
    const line = lineOf(o);
    return { line, column: o - lineStarts[line - 1] + 1, offset: o };
  };
  const rangeOf = (start: number, end: number): Range => ({
    start: pointAt(start),
    end: pointAt(Math.max(start, end)),
  });
  return { lineStarts, eol, pointAt, rangeOf, lineOf };
}

/**
 * Ranges in a chunk parsed after a prefix of `prefixLength` characters: an offset into the
 * parsed source becomes a position in the chunk (line 1 is the chunk's first line).
 */
export function chunkRanges(chunkText: string, prefixLength: number): (start: number, end: number) => Range {
  const ls = computeLineStarts(chunkText);
  const rel = (offset: number): Point => {
    const o = Math.max(0, Math.min(offset - prefixLength, chunkText.length));
    const li = lineIndex(ls, o);
    return { line: li + 1, column: o - ls[li] + 1, offset: o };
  };
  return (start: number, end: number): Range => ({ start: rel(start), end: rel(Math.max(start, end)) });
}
