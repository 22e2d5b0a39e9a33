// The outline of each seed, as a reader sees it: Markdown headings and pseudo-headings
// (bold lead-ins, bold list items, numbered bold titles). Indentation marks nesting
// below the document's top sections.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parsePolicy, type Section } from '../../server/src/engine/index.js';

const expected = JSON.parse(readFileSync('test/fixtures/outlines.json', 'utf8')) as Record<string, string[]>;

/** Titles with two spaces per level below the shallowest section that is not the document title. */
function outline(text: string): string[] {
  const doc = parsePolicy(text);
  const top = doc.sections.filter((s) => s !== doc.title);
  const base = Math.min(...top.map((s) => depth(s, doc.title)));
  return doc.sections.map((s) => (s === doc.title ? s.title : '  '.repeat(depth(s, doc.title) - base) + s.title));
}

function depth(s: Section, title?: Section): number {
  let d = 0;
  for (let p = s.parent; p && p !== title; p = p.parent) d++;
  return d;
}

describe('document outline of the sample corpus', () => {
  for (const [file, titles] of Object.entries(expected)) {
    it(`reads the outline of ${file}`, () => {
      assert.deepEqual(outline(readFileSync(`corpus/${file}`, 'utf8')), titles);
    });
  }

  it('splits numbering from titles', () => {
    const doc = parsePolicy(readFileSync('corpus/outboundengine.com.md', 'utf8'));
    const s = doc.sections.find((x) => x.number === '14');
    assert.equal(s?.name, 'Changes to this Privacy Policy');
    assert.equal(s?.kind, 'heading');
  });

  it('gives each section a range that ends where the next one at its level starts', () => {
    const doc = parsePolicy(readFileSync('corpus/rs6.net.md', 'utf8'));
    const top = doc.sections.filter((s) => s.level === 2);
    for (let i = 0; i + 1 < top.length; i++) assert.equal(top[i].range.end.offset, top[i + 1].range.start.offset);
    assert.equal(top[top.length - 1].range.end.offset, doc.text.length);
  });
});
