// Docs as tests: every rule's page in docs/rules/ has the same sections, and its failing
// example must make the rule report while its passing example must not. Every rule in
// RULES has a page and every page names a rule in RULES.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { lint, resolveConfig, RULES, SHIPPED_CHECKLIST } from '../../server/src/engine/index.js';

const DOCS_DIR = 'docs/rules';
/** The index of all rules: not a rule page, checked against RULES below. */
const INDEX = 'README.md';
const SECTIONS = ['Why', 'Failing example', 'Passing example', 'Fix', 'Options'];

interface Page {
  id: string;
  file: string;
  text: string;
}

function pages(): Page[] {
  return readdirSync(DOCS_DIR)
    .filter((f) => f.endsWith('.md') && f !== INDEX)
    .sort()
    .map((f) => ({
      id: f.replace(/\.md$/, ''),
      file: `${DOCS_DIR}/${f}`,
      text: readFileSync(`${DOCS_DIR}/${f}`, 'utf8'),
    }));
}

/** Line numbers (0-based) of the page's "## " headings, skipping fenced code (examples have headings too). */
function headingLines(lines: string[]): number[] {
  const out: number[] = [];
  let fence: string | undefined;
  lines.forEach((line, i) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (f && (!fence || (f[0] === fence[0] && f.length >= fence.length && !line.trim().slice(f.length)))) {
      fence = fence ? undefined : f;
      return;
    }
    if (!fence && /^## /.test(line)) out.push(i);
  });
  return out;
}

/** The body of a "## Title" section: from after its heading to the next "## " heading outside a fence. */
export function sectionBody(markdown: string, title: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const headings = headingLines(lines);
  const at = headings.findIndex((i) => lines[i].trim() === `## ${title}`);
  if (at < 0) return undefined;
  const end = headings[at + 1] ?? lines.length;
  return lines.slice(headings[at] + 1, end).join('\n');
}

/** The first ```markdown fenced block of a section's body. */
export function firstMarkdownFence(body: string): string | undefined {
  return markdownFences(body)[0];
}

/** Every ```markdown fenced block of a section's body, in order. */
export function markdownFences(body: string): string[] {
  return [...body.matchAll(/^(`{3,})markdown[ \t]*\r?\n([\s\S]*?)\r?\n\1[ \t]*$/gm)].map((m) => m[2]);
}

const config = resolveConfig({ extends: 'all' }).config;
const recommended = resolveConfig(undefined).config;
const now = new Date('2026-11-22T00:00:00Z');

/**
 * Lints an example as a policy, so that short snippets get every check. The exception is
 * not-a-policy: it reports the decision that a text is not a policy, which assuming one skips.
 */
function reports(ruleId: string, text: string, baseline?: string) {
  // suggest-profile notes laws whose profile is off: under `all` every one is on.
  const options = {
    assumePolicy: ruleId !== 'not-a-policy',
    config: ruleId === 'suggest-profile' ? recommended : config,
    now,
    baseline: baseline === undefined ? undefined : { text: baseline, ref: 'HEAD' },
  };
  return lint(text, options).messages.filter((m) => m.ruleId === ruleId);
}

/**
 * The example's text and, for rules that compare with an earlier version
 * (stale-effective-date), the committed version: the section's second ```markdown block.
 */
function example(page: Page, title: string): { text?: string; baseline?: string } {
  const [text, baseline] = markdownFences(sectionBody(page.text, title) ?? '');
  return { text, baseline };
}

describe('rule docs', () => {
  const all = pages();
  const ruleIds = RULES.map((r) => r.meta.id);

  it('every rule in RULES has a page', () => {
    const missing = ruleIds.filter((id) => !all.some((p) => p.id === id));
    assert.deepEqual(missing, [], `rules without a page in ${DOCS_DIR}/`);
  });

  it('every page names a rule in RULES', () => {
    const orphans = all.filter((p) => !ruleIds.includes(p.id)).map((p) => p.file);
    assert.deepEqual(orphans, [], 'pages for rules that do not exist');
  });

  it('the harness reads sections and fences', () => {
    const sample = '# x\n\n## Failing example\n\n```markdown\n## A\n\nA [B]\n```\n\n## Passing example\n\ntext\n';
    assert.equal(firstMarkdownFence(sectionBody(sample, 'Failing example')!), '## A\n\nA [B]');
    assert.equal(firstMarkdownFence(sectionBody(sample, 'Passing example')!), undefined);
    assert.equal(sectionBody(sample, 'Why'), undefined);
  });

  for (const page of all) {
    describe(page.file, () => {
      it(`starts with "# ${page.id}" and a description`, () => {
        const lines = page.text.split(/\r?\n/);
        assert.equal(lines[0], `# ${page.id}`);
        const description = page.text.slice(lines[0].length).split(/^## /m)[0].trim();
        assert.ok(description.length >= 40, 'a one-paragraph description under the title');
      });

      for (const title of SECTIONS) {
        it(`has a non-empty "## ${title}" section`, () => {
          const body = sectionBody(page.text, title);
          assert.ok(body !== undefined, `missing "## ${title}"`);
          assert.ok(body.trim().length > 0, `"## ${title}" is empty`);
        });
      }

      it('sections come in the documented order', () => {
        const lines = page.text.split(/\r?\n/);
        const positions = SECTIONS.map((t) => headingLines(lines).find((i) => lines[i].trim() === `## ${t}`) ?? -1);
        assert.deepEqual(
          [...positions].sort((a, b) => a - b),
          positions,
        );
      });

      it('the failing example makes the rule report', () => {
        const { text, baseline } = example(page, 'Failing example');
        assert.ok(text, 'no ```markdown fence under "## Failing example"');
        const found = reports(page.id, text, baseline);
        assert.ok(found.length >= 1, `${page.id} reported nothing on its failing example`);
      });

      it('the passing example does not', () => {
        const { text, baseline } = example(page, 'Passing example');
        assert.ok(text, 'no ```markdown fence under "## Passing example"');
        const found = reports(page.id, text, baseline);
        assert.deepEqual(
          found.map((m) => `${m.range.start.line}: ${m.message}`),
          [],
          `${page.id} reported on its passing example`,
        );
      });
    });
  }
});

describe('rule docs index (docs/rules/README.md)', () => {
  const recommended = resolveConfig(undefined).config;
  // "| [id](id.md) | severity | yes/no/section | description |"
  const rows = readFileSync(`${DOCS_DIR}/${INDEX}`, 'utf8')
    .split(/\r?\n/)
    .map((line) =>
      /^\|\s*\[([\w-]+)\]\(([\w-]+)\.md\)\s*\|\s*(\w+)\s*\|\s*(yes|no|section)\s*\|\s*(.*?)\s*\|$/.exec(line),
    )
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ id: m[1], link: m[2], severity: m[3], fixable: m[4], description: m[5] }));

  it('lists every rule in RULES once, in the order of RULES', () => {
    assert.deepEqual(
      rows.map((r) => r.id),
      RULES.map((r) => r.meta.id),
    );
  });

  it("links each row to the rule's own page and describes it", () => {
    for (const r of rows) {
      assert.equal(r.link, r.id);
      assert.ok(r.description.length >= 20, `${r.id}: a one-line description`);
    }
  });

  it('gives each rule its severity in the recommended profile', () => {
    const spelled = { error: 'error', warning: 'warn', info: 'info' } as const;
    for (const r of rows) {
      const setting = recommended.rules.get(r.id);
      assert.equal(r.severity, setting ? spelled[setting.severity] : 'off', r.id);
    }
  });

  it('says which rules are fixable as their metadata does', () => {
    for (const r of rows) {
      const meta = RULES.find((x) => x.meta.id === r.id)!.meta;
      assert.equal(r.fixable, meta.fixable ? (meta.fixKind === 'section' ? 'section' : 'yes') : 'no', r.id);
    }
  });
});

describe('checklist rule pages state the corpus coverage of corpus/checklist.json', () => {
  for (const item of SHIPPED_CHECKLIST.items) {
    it(`docs/rules/${item.id}.md`, () => {
      const why = sectionBody(readFileSync(`${DOCS_DIR}/${item.id}.md`, 'utf8'), 'Why') ?? '';
      const m = /covered by (?:all (\d+)|(?:only )?(\d+) of the (\d+)) sample policies/.exec(why);
      assert.ok(m, 'a sentence "covered by N of the M sample policies" under "## Why"');
      const [covered, total] = m[1] ? [Number(m[1]), Number(m[1])] : [Number(m[2]), Number(m[3])];
      assert.deepEqual({ covered, total }, { covered: item.covered, total: item.total });
      const level = item.severity === 'error' ? 'as an error' : 'as a warning';
      if (item.recommended) assert.match(why, new RegExp(`part of the \`recommended\` profile, ${level}`));
      else assert.match(why, /off in `recommended`/);
    });
  }
});
