import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { isSubsequence, SEED_LINES } from './arbitraries.js';
import {
  applyEdits,
  disableCommentEdit,
  parsePolicy,
  type LintMessage,
  type PolicyDocument,
} from '../../server/src/engine/index.js';
import { filterByDirectives } from '../../server/src/engine/directives.js';

/** The Markdown structure without HTML comments and positions: what a disable comment must not change. */
function shape(text: string | PolicyDocument): unknown {
  const strip = (node: any): any => {
    const out: any = { type: node.type };
    if (typeof node.value === 'string') out.value = node.value;
    if (node.depth !== undefined) out.depth = node.depth;
    if (node.ordered !== undefined) out.ordered = node.ordered;
    if (node.start !== undefined && node.start !== null) out.start = node.start;
    if (node.spread !== undefined && node.spread !== null) out.spread = node.spread;
    if (node.children) out.children = node.children.filter((c: any) => c.type !== 'html').map(strip);
    return out;
  };
  return strip((typeof text === 'string' ? parsePolicy(text) : text).mdast);
}

/** A message on the line holding `marker` (at the marker itself). */
function messageAt(doc: PolicyDocument, marker: string, ruleId = 'some-rule'): LintMessage {
  const at = doc.text.indexOf(marker);
  assert.ok(at >= 0, `marker ${marker} not in text`);
  return { ruleId, severity: 'warning', message: 'm', range: doc.rangeOf(at, at + marker.length), docsUrl: '' };
}

function isDisabled(text: string, marker: string, ruleId = 'some-rule'): boolean {
  const doc = parsePolicy(text);
  return filterByDirectives([messageAt(doc, marker, ruleId)], doc).length === 0;
}

/** Applies the disable edit for the line holding `marker` and checks the invariants every placement keeps. */
function disableAt(text: string, marker: string, ruleId = 'some-rule', reason?: string): string {
  const doc = parsePolicy(text);
  const line = messageAt(doc, marker).range.start.line;
  assert.equal(isDisabled(text, marker, ruleId), false, 'disabled before the edit');
  const out = applyEdits(text, [disableCommentEdit(doc, ruleId, 'line', line, reason)]);
  assert.equal(isDisabled(out, marker, ruleId), true, `not disabled after the edit:\n${out}`);
  assert.deepEqual(shape(out), shape(text), `Markdown structure changed:\n${out}`);
  assert.deepEqual(
    parsePolicy(out).sections.map((s) => s.title),
    doc.sections.map((s) => s.title),
  );
  return out;
}

/** True when `out` is `text` with only whole lines inserted (nothing existing was changed). */
function onlyLinesInserted(text: string, out: string): boolean {
  const a = text.split('\n');
  const b = out.split('\n');
  let i = 0;
  for (const line of b) if (i < a.length && line === a[i]) i++;
  return i === a.length;
}

describe('disableCommentEdit', () => {
  describe('line scope', () => {
    it('puts disable-next-line on its own line before a heading', () => {
      const text = '# Title\n\nIntro.\n\n## Sharing FLAG\n\nWe share.\n';
      const out = disableAt(text, 'FLAG');
      assert.equal(
        out,
        '# Title\n\nIntro.\n\n<!-- policylint-disable-next-line some-rule -->\n## Sharing FLAG\n\nWe share.\n',
      );
    });

    it('uses disable-next-line for the first line of a paragraph', () => {
      const text = 'Para one.\n\nFLAG starts here\nand goes on.\n';
      const out = disableAt(text, 'FLAG');
      assert.match(out, /<!-- policylint-disable-next-line some-rule -->\nFLAG/);
    });

    it('wraps a paragraph in disable/enable for a line that is not its first, without splitting it', () => {
      const text = '# T\n\nFirst line of the paragraph\nsecond FLAG line\nthird line.\n\nAfter.\n';
      const out = disableAt(text, 'FLAG');
      assert.equal(
        out,
        '# T\n\n<!-- policylint-disable some-rule -->\nFirst line of the paragraph\nsecond FLAG line\nthird line.\n<!-- policylint-enable some-rule -->\n\nAfter.\n',
      );
      assert.ok(onlyLinesInserted(text, out));
      // The rule is on again after the paragraph.
      assert.equal(isDisabled(out, 'After.'), false);
    });

    it('keeps a later list item in the same list, indented to the item content', () => {
      const text = 'Intro:\n\n- first item\n- second FLAG item\n- third item\n';
      const out = disableAt(text, 'FLAG');
      assert.equal(
        out,
        'Intro:\n\n- first item\n  <!-- policylint-disable-next-line some-rule -->\n- second FLAG item\n- third item\n',
      );
    });

    it('puts the comment before the list for its first item, at the list indentation', () => {
      const text = 'Intro:\n\n  * FLAG first\n  * second\n';
      const out = disableAt(text, 'FLAG');
      assert.equal(out, 'Intro:\n\n  <!-- policylint-disable-next-line some-rule -->\n  * FLAG first\n  * second\n');
    });

    it('never writes into a lazy continuation of a list item (bold title, hard break, lazy body)', () => {
      const text = '# P\n\n  * **Sharing**  \nWe share FLAG data with partners.\n  * **Cookies**  \nWe use cookies.\n';
      const out = disableAt(text, 'FLAG');
      assert.ok(onlyLinesInserted(text, out), out);
      assert.equal(isDisabled(out, 'We use cookies'), false);
      // The comments are inside the item, at its content column, not flush left between lazy lines.
      assert.match(out, /\n {4}<!-- policylint-enable some-rule -->\n {2}\* \*\*Cookies/);
    });

    it('handles nested list items', () => {
      const text = '- outer one\n  - inner one\n  - inner FLAG two\n- outer two\n';
      const out = disableAt(text, 'FLAG');
      assert.match(out, /\n {4}<!-- policylint-disable-next-line some-rule -->\n {2}- inner FLAG two/);
    });

    it('handles the second paragraph of a list item', () => {
      const text = '- item\n\n  second paragraph FLAG\n\n- next\n';
      const out = disableAt(text, 'FLAG');
      assert.match(out, /\n {2}<!-- policylint-disable-next-line some-rule -->\n {2}second paragraph FLAG/);
    });

    it('wraps a table for a row inside it, never writing inside the table', () => {
      const text = '# T\n\n| a | b |\n| --- | --- |\n| 1 | FLAG |\n| 3 | 4 |\n\nAfter.\n';
      const out = disableAt(text, 'FLAG');
      assert.match(
        out,
        /<!-- policylint-disable some-rule -->\n\| a \| b \|[\s\S]*\| 3 \| 4 \|\n<!-- policylint-enable some-rule -->\n/,
      );
    });

    it('wraps a block quote for a line inside it', () => {
      const text = '> quoted line one\n> quoted FLAG two\n\nAfter.\n';
      const out = disableAt(text, 'FLAG');
      assert.ok(out.startsWith('<!-- policylint-disable some-rule -->\n> quoted'));
    });

    it('adds a line ending before the enable when the block ends the text without one', () => {
      const text = 'Line one\nline FLAG two';
      const out = disableAt(text, 'FLAG');
      assert.equal(
        out,
        '<!-- policylint-disable some-rule -->\nLine one\nline FLAG two\n<!-- policylint-enable some-rule -->',
      );
    });

    it('merges with a disable-next-line comment already there', () => {
      const text = '# T\n\n<!-- policylint-disable-next-line other-rule -->\n## Heading FLAG\n';
      const out = disableAt(text, 'FLAG');
      assert.equal(out, '# T\n\n<!-- policylint-disable-next-line other-rule, some-rule -->\n## Heading FLAG\n');
      assert.equal(isDisabled(out, 'FLAG', 'other-rule'), true);
    });

    it('merges twice into one disable/enable pair', () => {
      const text = 'Para start\nmiddle FLAG line\n';
      const once = disableAt(text, 'FLAG', 'rule-a');
      const twice = disableAt(once, 'FLAG', 'rule-b');
      assert.equal((twice.match(/policylint-disable /g) ?? []).length, 1, twice);
      assert.equal((twice.match(/policylint-enable /g) ?? []).length, 1, twice);
      assert.match(twice, /policylint-disable rule-a, rule-b -->/);
      assert.match(twice, /policylint-enable rule-a, rule-b -->/);
    });

    it('returns an empty edit when a directive there already covers the rule', () => {
      const text = '<!-- policylint-disable-next-line -->\n# Heading FLAG\n';
      const doc = parsePolicy(text);
      assert.deepEqual(disableCommentEdit(doc, 'some-rule', 'line', 2), { start: 0, end: 0, text: '' });
    });

    it('writes a reason, and keeps a reason from ending the comment', () => {
      const text = '# Heading FLAG\n';
      const out = disableAt(text, 'FLAG', 'some-rule', 'legal --> approved\nit');
      assert.equal(out, '<!-- policylint-disable-next-line some-rule -- legal - approved it -->\n# Heading FLAG\n');
      const doc = parsePolicy(out);
      assert.equal(doc.directives[0].reason, 'legal - approved it');
    });

    it('uses the document line ending (CRLF)', () => {
      const text = '# T\r\n\r\nOne\r\ntwo FLAG\r\n';
      const out = disableAt(text, 'FLAG');
      assert.equal(
        out,
        '# T\r\n\r\n<!-- policylint-disable some-rule -->\r\nOne\r\ntwo FLAG\r\n<!-- policylint-enable some-rule -->\r\n',
      );
    });

    it('keeps the lines of CR-only text apart (enable after the block, a blank line turned into a comment)', () => {
      const text = '# P\r\rFirst line\rsecond FLAG line\r\rNext.\r';
      assert.equal(
        disableAt(text, 'FLAG'),
        '# P\r\r<!-- policylint-disable some-rule -->\rFirst line\rsecond FLAG line\r<!-- policylint-enable some-rule -->\r\rNext.\r',
      );
      const list = '# P\r\r- a\r\r- b\r';
      const out = applyEdits(list, [disableCommentEdit(parsePolicy(list), 'some-rule', 'line', 4)]);
      assert.equal(out, '# P\r\r- a\r  <!-- policylint-disable-line some-rule -->\r- b\r');
    });

    it('turns a blank line into a disable-line comment', () => {
      const text = '# T\n\nBody.\n';
      const doc = parsePolicy(text);
      const out = applyEdits(text, [disableCommentEdit(doc, 'some-rule', 'line', 2)]);
      assert.equal(out, '# T\n<!-- policylint-disable-line some-rule -->\nBody.\n');
      const after = parsePolicy(out);
      const msg: LintMessage = {
        ruleId: 'some-rule',
        severity: 'info',
        message: '',
        range: after.rangeOf(4, 4),
        docsUrl: '',
      };
      assert.equal(filterByDirectives([msg], after).length, 0);
    });

    it('clamps a line past the end', () => {
      const text = '# T\n';
      const doc = parsePolicy(text);
      const edit = disableCommentEdit(doc, 'r', 'line', 99);
      assert.doesNotThrow(() => applyEdits(text, [edit]));
    });
  });

  describe('file scope', () => {
    it('writes disable-file at the top with a reason', () => {
      const text = '# Policy\n\nBody FLAG.\n';
      const doc = parsePolicy(text);
      const out = applyEdits(text, [disableCommentEdit(doc, 'some-rule', 'file', 3, 'not for this product')]);
      assert.equal(out, '<!-- policylint-disable-file some-rule -- not for this product -->\n# Policy\n\nBody FLAG.\n');
      assert.equal(isDisabled(out, 'FLAG'), true);
      assert.deepEqual(shape(out), shape(text));
    });

    it('goes after YAML front matter', () => {
      const text = '---\ntitle: x\n---\n# Policy\n';
      const doc = parsePolicy(text);
      const out = applyEdits(text, [disableCommentEdit(doc, 'r', 'file', 1)]);
      assert.equal(out, '---\ntitle: x\n---\n<!-- policylint-disable-file r -->\n# Policy\n');
    });

    it('starts a new line after front matter that ends the text without a line ending', () => {
      for (const eol of ['\n', '\r\n', '\r']) {
        const text = ['---', 'title: x', '---'].join(eol);
        const out = applyEdits(text, [disableCommentEdit(parsePolicy(text), 'r', 'file', 1)]);
        assert.equal(out, `${text}${eol}<!-- policylint-disable-file r -->${eol}`, JSON.stringify(eol));
        assert.deepEqual(
          parsePolicy(out).directives.map((d) => [d.kind, d.rules]),
          [['disable-file', ['r']]],
        );
      }
    });

    it('goes after front matter with CR-only line endings', () => {
      const text = '---\rtitle: x\r---\r# Policy\r\rBody FLAG.\r';
      const out = applyEdits(text, [disableCommentEdit(parsePolicy(text), 'r', 'file', 5)]);
      assert.equal(out, '---\rtitle: x\r---\r<!-- policylint-disable-file r -->\r# Policy\r\rBody FLAG.\r');
      assert.equal(isDisabled(out, 'FLAG', 'r'), true);
    });

    it('goes after a byte-order mark', () => {
      const text = '\uFEFF# Policy\n';
      const out = applyEdits(text, [disableCommentEdit(parsePolicy(text), 'r', 'file', 1)]);
      assert.equal(out, '\uFEFF<!-- policylint-disable-file r -->\n# Policy\n');
    });

    it('merges into an existing disable-file comment, keeping its reason', () => {
      const text = '# Policy\n\n<!-- policylint-disable-file a -- why -->\n\nBody FLAG.\n';
      const doc = parsePolicy(text);
      const out = applyEdits(text, [disableCommentEdit(doc, 'b', 'file', 5)]);
      assert.equal(out, '# Policy\n\n<!-- policylint-disable-file a, b -- why -->\n\nBody FLAG.\n');
      assert.equal(isDisabled(out, 'FLAG', 'a'), true);
      assert.equal(isDisabled(out, 'FLAG', 'b'), true);
      const withReason = applyEdits(text, [disableCommentEdit(doc, 'b', 'file', 5, 'also')]);
      assert.equal(parsePolicy(withReason).directives[0].reason, 'why; also');
    });

    it('is a no-op when the file already disables the rule', () => {
      const text = '<!-- policylint-disable-file r -->\n# Policy\n';
      assert.deepEqual(disableCommentEdit(parsePolicy(text), 'r', 'file', 1), { start: 0, end: 0, text: '' });
    });
  });

  it('disables lines all through the corpus policies without changing their Markdown structure', () => {
    // Every fourth non-blank line (all of them takes ~10 s: three parses per line).
    let lines = 0;
    for (const file of readdirSync('corpus').filter((f) => f.endsWith('.md'))) {
      const text = readFileSync(`corpus/${file}`, 'utf8');
      const doc = parsePolicy(text);
      const before = shape(doc);
      for (let line = 1; line <= doc.lineStarts.length; line++) {
        const start = doc.lineStarts[line - 1];
        const lineText = text.slice(start, doc.lineStarts[line] ?? text.length);
        if (!lineText.trim() || lines++ % 4) continue;
        const edit = disableCommentEdit(doc, 'r', 'line', line);
        const out = applyEdits(text, [edit]);
        // Where the line's first character is now: the edit either comes after it or re-emits it.
        const first = start + lineText.search(/\S/);
        const moved = first < edit.start ? first : out.indexOf(lineText, edit.start) + lineText.search(/\S/);
        const after = parsePolicy(out);
        const msg: LintMessage = {
          ruleId: 'r',
          severity: 'info',
          message: '',
          range: after.rangeOf(moved, moved + 1),
          docsUrl: '',
        };
        assert.equal(filterByDirectives([msg], after).length, 0, `${file}:${line} not disabled`);
        assert.deepEqual(shape(after), before, `${file}:${line} changed the Markdown structure`);
      }
    }
    assert.ok(lines > 200);
  });

  describe('property: every original character kept and the directive in effect', () => {
    const EOLS = { lf: '\n', crlf: '\r\n', cr: '\r' } as const;
    /** A window of a seed policy, in one line ending, maybe after YAML front matter, maybe with no final line break. */
    const documents = fc
      .record({
        seed: fc.nat({ max: SEED_LINES.length - 1 }),
        from: fc.nat({ max: 400 }),
        size: fc.integer({ min: 0, max: 30 }),
        eol: fc.constantFrom<keyof typeof EOLS>('lf', 'crlf', 'cr'),
        frontMatter: fc.boolean(),
        wrap: fc.boolean(),
        finalEol: fc.boolean(),
        line: fc.nat(),
        scope: fc.constantFrom<'line' | 'file'>('line', 'file'),
      })
      .map((r) => {
        const all = SEED_LINES[r.seed];
        const start = r.from % all.length;
        // Long lines wrapped after 40 characters make paragraphs of several lines.
        const body = all
          .slice(start, start + r.size)
          .flatMap((l) => (r.wrap ? l.replace(/^(.{40}\S*) (?=\S)/, '$1\n').split('\n') : [l]));
        const lines = [...(r.frontMatter ? ['---', 'title: Privacy Policy', 'lang: en', '---'] : []), ...body];
        const eol = EOLS[r.eol];
        return { ...r, text: lines.join(eol) + (r.finalEol ? eol : '') };
      });

    it('holds for line and file scope, in LF, CRLF and CR-only text, with front matter that may end the text', function () {
      this.timeout(120_000);
      fc.assert(
        fc.property(documents, ({ text, line: pick, scope }) => {
          const doc = parsePolicy(text);
          const line = (pick % doc.lineStarts.length) + 1;
          const start = doc.lineStarts[line - 1];
          const lineText = text.slice(start, doc.lineStarts[line] ?? text.length).replace(/(?:\r\n|\n|\r)$/, '');
          const edit = disableCommentEdit(doc, 'r', scope, line);
          const out = applyEdits(text, [edit]);
          assert.ok(
            isSubsequence(text, out),
            `an original character was lost:\n${JSON.stringify(text)}\n→ ${JSON.stringify(out)}`,
          );
          // The line's first character, where it is now: before the edit, or re-emitted by it.
          // A blank line becomes the comment itself: a message at its start.
          const lead = Math.max(0, lineText.search(/\S/));
          const first = start + lead;
          const moved =
            first < edit.start || !lineText.trim()
              ? first
              : edit.start === edit.end
                ? first + edit.text.length
                : out.indexOf(lineText, edit.start) + lead;
          const after = parsePolicy(out);
          const msg: LintMessage = {
            ruleId: 'r',
            severity: 'info',
            message: '',
            range: after.rangeOf(moved, moved + 1),
            docsUrl: '',
          };
          assert.equal(
            filterByDirectives([msg], after).length,
            0,
            `line ${line} not disabled (${scope}):\n${JSON.stringify(out)}`,
          );
          assert.equal(after.eol, doc.eol, 'the line ending changed');
          assert.deepEqual(shape(after), shape(doc), `the Markdown structure changed:\n${JSON.stringify(out)}`);
        }),
        { numRuns: Number(process.env.FC_RUNS ?? 300), seed: Number(process.env.FC_SEED ?? 20261122) },
      );
    });
  });
});
