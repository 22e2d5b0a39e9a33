// Section insertion in each document style and line ending, numbered sequences (arabic,
// Roman, lettered, "Section 4.", sub-sections) renumbered with the references to them,
// irregular numbering sent to the end with a title that says so, and a property test on
// generated numbered documents: the fixed text is exactly the document written with the
// section in its place, so nothing else in the text changed.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  fixText,
  lint,
  parsePolicy,
  resolveConfig,
  templateBody,
  templateFor,
  templateValues,
  ITEMS,
} from '../../server/src/engine/index.js';
import { checkInsertion, LINE_ENDINGS, STYLE_CASES, withEol } from './styles.js';

const all = resolveConfig({ extends: 'all' }).config;
const now = new Date('2026-11-22');
const SEED = Number(process.env.FC_SEED ?? 20261207);
const RUNS = Number(process.env.FC_RUNS ?? 60);

const insert = (text: string, only: string[]) =>
  fixText(text, { types: ['section'], config: all, now, assumePolicy: true, only });

describe('section insertion in each document style', () => {
  for (const c of STYLE_CASES) {
    for (const [eolName, eol] of LINE_ENDINGS) {
      it(`${c.name}, ${eolName}: in its place, styled and numbered like its neighbours, once`, () => {
        const text = withEol(c.text, eol);
        const first = insert(text, [c.item]);
        assert.equal(first.fixed.length, 1, first.fixed.map((m) => m.fix!.title).join('; '));
        assert.equal(checkInsertion(c, text, first.text), undefined);
        assert.equal(first.text.replace(/\r\n|\r|\n/g, '').length < first.text.length, true);
        // The document's own line ending, and no other.
        const breaks = first.text.match(/\r\n|\r|\n/g) ?? [];
        assert.ok(
          breaks.every((b) => b === eol),
          `line endings mixed: ${JSON.stringify([...new Set(breaks)])}`,
        );
        const second = insert(first.text, [c.item]);
        assert.equal(second.text, first.text, 'a second run changes nothing');
        assert.notEqual(
          lint(first.text, { config: all, now, assumePolicy: true }).checklist.find((e) => e.id === c.item)?.status,
          'missing',
        );
      });
    }
    it(`${c.name}: --fix alone (safe text fixes) inserts nothing`, () => {
      const { text, fixed } = fixText(c.text, { config: all, now, assumePolicy: true });
      assert.equal(text, c.text);
      assert.deepEqual(fixed, []);
    });
  }
});

describe('numbered sequences', () => {
  it('Roman numerals take the next numeral and the following ones move up', () => {
    const text =
      '# Privacy Policy\n\n## I. Information We Collect\n\nWe collect your name.\n\n## II. How We Use Information\n\nWe use it for receipts.\n\n## III. Contact Us\n\nWrite to us. See Section II.\n';
    const { text: out, fixed } = insert(text, ['sharing']);
    assert.match(fixed[0].fix!.title, /as III$/);
    assert.match(
      out,
      /## II\. How We Use Information[\s\S]*## III\. How We Share Information[\s\S]*## IV\. Contact Us/,
    );
    assert.match(out, /See Section II\./, 'a reference to an earlier section is unchanged');
  });

  it('lettered sub-sections, and references written with the parent number ("I.C")', () => {
    const text =
      '# Privacy Policy\n\n## I. Our Practices\n\n### A. Information We Collect\n\nWe collect your name.\n\n### B. How We Use Information\n\nWe use it.\n\n' +
      '### C. Contact Us\n\nWrite to us (see Section I.C).\n\n## II. Other Terms\n\nSee Section II.\n';
    const { text: out } = insert(text, ['sharing']);
    assert.match(out, /### B\. How We Use Information[\s\S]*### C\. How We Share Information[\s\S]*### D\. Contact Us/);
    assert.match(out, /see Section I\.D\)/);
    assert.match(out, /## II\. Other Terms\n\nSee Section II\./, 'the next top-level section keeps its number');
  });

  it('"Section 4." headings, sub-section numbers and every form of reference follow', () => {
    const text =
      '# Privacy Policy\n\n## Section 1. Information We Collect\n\nWe collect your name. Sections 2 and 3 say more; § 3 says how to reach us.\n\n' +
      '## Section 2. How We Use Information\n\nWe use it, as described in 3 below. Section 5 of the FTC Act and § 230 of the Communications Decency Act are laws. ' +
      'We keep it 30 days; version 2.0 of the app; under 13.\n\n' +
      '## Section 3. Contact Us\n\n### 3.1 By Email\n\nWrite to privacy@harbour-notes.test (Section 3.1).\n\n### 3.2 By Post\n\nSee 3.2 below... or Section 3.2.\n';
    const { text: out } = insert(text, ['sharing']);
    const expected = text
      .replace(
        '## Section 3. Contact Us',
        '## Section 3. How We Share Information\n\n' +
          templateBody(templateFor('sharing')!, templateValues(parsePolicy(text), all)) +
          '\n\n## Section 4. Contact Us',
      )
      .replace('Sections 2 and 3 say more; § 3', 'Sections 2 and 4 say more; § 4')
      .replace('as described in 3 below', 'as described in 4 below')
      .replace('### 3.1 By Email', '### 4.1 By Email')
      .replace('(Section 3.1)', '(Section 4.1)')
      .replace('### 3.2 By Post', '### 4.2 By Post')
      .replace('See 3.2 below... or Section 3.2.', 'See 4.2 below... or Section 4.2.');
    assert.equal(out, expected);
  });

  it('irregular numbering (a gap) puts the section at the end with the next number, and says so', () => {
    const text =
      '# Privacy Policy\n\n## 1. Information We Collect\n\nWe collect your name.\n\n## 2. How We Use Information\n\nWe use it.\n\n## 5. Contact Us\n\nWrite to us.\n';
    const { text: out, fixed } = insert(text, ['sharing']);
    assert.match(fixed[0].fix!.title, /as 6 \(at the end: the numbering is not a plain sequence\)/);
    assert.equal(out.slice(0, text.length), text);
    assert.match(out.slice(text.length), /^\n## 6\. How We Share Information\n\n\[/);
  });

  it('a list numbered "1. 1. 1." keeps the marker Markdown numbers for it', () => {
    const text =
      '# Privacy Policy\n\n1. **Information We Collect.** We collect your name.\n1. **How We Use Information.** We use it.\n1. **Contact Us.** Write to us.\n';
    const { text: out } = insert(text, ['sharing']);
    assert.match(out, /1\. \*\*How We Use Information\.\*\* We use it\.\n1\. \*\*How We Share Information\.\*\* \[/);
    assert.match(out, /\n1\. \*\*Contact Us\.\*\*/);
  });

  it('several missing sections in one run are numbered one after the other', () => {
    const text =
      '# Privacy Policy\n\n## 1. Information We Collect\n\nWe collect your name.\n\n## 2. How We Use Information\n\nWe use it. See Section 3.\n\n## 3. Contact Us\n\nWrite to us.\n';
    const { text: out } = insert(text, ['sharing', 'cookies', 'security']);
    const numbers = parsePolicy(out)
      .sections.filter((s) => s.level === 2)
      .map((s) => s.title);
    assert.deepEqual(numbers, [
      '1. Information We Collect',
      '2. How We Use Information',
      '3. How We Share Information',
      '4. Cookies and Similar Technologies',
      '5. How We Protect Information',
      '6. Contact Us',
    ]);
    assert.match(out, /See Section 6\./);
  });
});

// ---------------------------------------------------------------- property: generated numbered documents

type Style = 'heading' | 'section-word' | 'roman' | 'bold-list' | 'plain-line';

/** Filler that speaks of no checklist item, with numbers that are not references. */
const FILLER = [
  'This part is kept short on purpose.',
  'Nothing here changes the 30 days or the 12 months stated elsewhere.',
  'Section 5 of the FTC Act is a law, not a part of this document.',
  'Version 2.0 of the app behaves the same way.',
  'Paragraph text with 3 apples and 4 pears.',
];

interface Spec {
  style: Style;
  /** Item ids in reading order. */
  items: string[];
  /** Per section: filler sentences, and references to other sections (by index into items). */
  fill: number[][];
  refs: number[][];
  /** Sections with two sub-sections. */
  subs: boolean[];
}

const READING = ITEMS.filter((i) => i.id !== 'effective-date')
  .sort((a, b) => a.order - b.order)
  .map((i) => i.id as string);

function formatNumber(n: number, style: Style): string {
  if (style !== 'roman') return String(n);
  const table: [number, string][] = [
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** Writes the document of a spec; `body(id)` gives a section's body. */
function render(spec: Spec, body: (id: string) => string): string {
  const n = (i: number) => formatNumber(i + 1, spec.style);
  const parts: string[] = ['# Privacy Policy\n\nThis document describes how the service treats what it is told.\n\n'];
  spec.items.forEach((id, i) => {
    const title = templateFor(id)!.title;
    const refs = spec.refs[i].map(
      (r, k) => [`See Section ${n(r)}.`, `Read § ${n(r)}.`, `As described in ${n(r)} below.`][k % 3],
    );
    const text = [body(id), ...spec.fill[i].map((f) => FILLER[f]), ...refs].join(' ');
    if (spec.style === 'bold-list') {
      parts.push(`${n(i)}. **${title}.** ${text}\n`);
      return;
    }
    const line =
      spec.style === 'heading' || spec.style === 'roman'
        ? `## ${n(i)}. ${title}`
        : spec.style === 'section-word'
          ? `## Section ${n(i)}. ${title}`
          : `${n(i)}. ${title}`;
    parts.push(`${line}\n\n${text}\n\n`);
    if (spec.subs[i] && spec.style !== 'plain-line')
      parts.push(`### ${n(i)}.1 First Part\n\nOne.\n\n### ${n(i)}.2 Second Part\n\nTwo.\n\n`);
  });
  return parts.join('').replace(/\n\n$/, '\n');
}

const specs = fc
  .record({
    style: fc.constantFrom<Style>('heading', 'section-word', 'roman', 'bold-list', 'plain-line'),
    chosen: fc.subarray(READING, { minLength: 3, maxLength: 9 }),
    seed: fc.array(fc.nat(1000), { minLength: 40, maxLength: 40 }),
  })
  .map(({ style, chosen, seed }) => {
    const items = READING.filter((id) => chosen.includes(id));
    const pick = (i: number, mod: number) => seed[i % seed.length] % mod;
    return {
      missing: pick(0, items.length),
      spec: {
        style,
        items,
        fill: items.map((_, i) => (pick(i + 1, 3) ? [pick(i + 7, FILLER.length)] : [])),
        refs: items.map((_, i) => (pick(i + 13, 2) ? [pick(i + 19, items.length)] : [])),
        subs: items.map((_, i) => pick(i + 29, 4) === 0),
      } satisfies Spec,
    };
  });

describe('renumbering, property over generated numbered documents', () => {
  it(`the fixed text is the document written with the section in its place (${RUNS} documents, seed ${SEED})`, () => {
    fc.assert(
      fc.property(specs, ({ spec, missing }) => {
        const gone = spec.items[missing];
        const keep = spec.items.map((_, i) => i).filter((i) => i !== missing);
        // Without the missing section: references to it are dropped, the others point at the same sections.
        const remap = (r: number) => keep.indexOf(r);
        const without: Spec = {
          ...spec,
          items: keep.map((i) => spec.items[i]),
          fill: keep.map((i) => spec.fill[i]),
          refs: keep.map((i) => spec.refs[i].filter((r) => r !== missing).map(remap)),
          subs: keep.map((i) => spec.subs[i]),
        };
        const filler = (id: string) => `Text about ${templateFor(id)!.title.toLowerCase()} goes here.`;
        const before = render(without, filler);
        const values = templateValues(parsePolicy(before), all);
        // With it, as policylint inserts it: its prompt body alone, the others as before, numbered in sequence.
        const expectedSpec: Spec = {
          ...spec,
          fill: spec.items.map((_, i) => (i === missing ? [] : spec.fill[i])),
          refs: spec.items.map((_, i) => (i === missing ? [] : without.refs[keep.indexOf(i)].map((r) => keep[r]))),
          subs: spec.items.map((_, i) => i !== missing && spec.subs[i]),
        };
        const expected = render(expectedSpec, (id) =>
          id === gone ? templateBody(templateFor(id)!, values) : filler(id),
        );
        const { text } = insert(before, [gone]);
        assert.equal(text, expected);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
