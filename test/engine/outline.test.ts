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

describe('outline of the structures real policies use (fixtures in our own words)', () => {
  const sections = (file: string) =>
    parsePolicy(readFileSync(`test/fixtures/policies/${file}`, 'utf8')).sections.map((s) => `${s.kind}: ${s.title}`);

  it('reads bare one-line paragraphs in title case as sections', () => {
    assert.deepEqual(sections('plain-lines-app.md'), [
      'plain-line: Privacy Policy',
      'plain-line: Information Collection and Use',
      'plain-line: Data Security',
      'plain-line: Links to Other Sites',
      'plain-line: Contact',
    ]);
  });

  it('reads a plain title ending in a colon before a hard line break as a section', () => {
    assert.deepEqual(sections('plain-colon-break.md').slice(1), [
      'plain-line: Information We Gather',
      'plain-line: How Ride Logs Are Used',
      'plain-line: Sharing With Others',
      'plain-line: Keeping Records',
      'plain-line: Reaching Us',
    ]);
  });

  it('reads a bold title before a hard line break (two spaces or a backslash) as a section', () => {
    assert.deepEqual(sections('bold-break.md').slice(1), [
      'bold-lead: Last updated',
      'bold-lead: What we collect',
      'bold-lead: How we use it',
      'bold-lead: Who sees it',
      'bold-lead: Cookies',
      'bold-lead: Contact',
    ]);
  });

  it('reads the items of a numbered list of titles as sections, and their sub-items as content', () => {
    const doc = parsePolicy(readFileSync('test/fixtures/policies/numbered-list-sections.md', 'utf8'));
    const titles = doc.sections.slice(1).map((s) => `${s.kind}: ${s.title}`);
    assert.deepEqual(titles, [
      'numbered-line: 1. Information We Collect',
      'numbered-line: 2. How We Use Information',
      'numbered-line: 3. Sharing',
      'numbered-line: 4. Security',
      'numbered-line: 5. Contact',
    ]);
    const first = doc.sections[1];
    assert.match(first.bodyText, /volunteered at/, 'the sub-items belong to the first section');
    assert.equal(first.number, '1');
  });

  it('does not read short sentences, dates or addresses on their own line as titles', () => {
    const text =
      '# Policy\n\nIntro text here.\n\nLast updated 3 March 2025\n\nThanks for reading.\n\nhelp@example.com\n\nMore text.\n';
    assert.deepEqual(
      parsePolicy(text).sections.map((s) => s.title),
      ['Policy'],
    );
  });

  it('leaves an ordinary numbered list of sentences alone', () => {
    const text =
      '# Policy\n\n1. We collect your name.\n\n   It is needed.\n\n2. We collect your email.\n\n   It is needed too.\n';
    assert.deepEqual(
      parsePolicy(text).sections.map((s) => s.title),
      ['Policy'],
    );
  });
});
