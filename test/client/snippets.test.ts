// The committed snippets file is what scripts/gen-snippets.mjs makes from the engine, and
// every snippet body is valid VS Code snippet syntax.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as engine from '../../server/src/engine/index.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const file = `${root}snippets/privacy-policy.code-snippets`;

interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
}

/**
 * Parses a snippet body: `\` escapes `$`, `}` and `\`; `$` starts a tab stop ($1, ${1},
 * ${1:default}, ${1|a,b|}) and nothing else. Returns each tab stop's number and default text.
 */
function parseBody(body: string): { stops: { n: number; text: string }[] } {
  const stops: { n: number; text: string }[] = [];
  let i = 0;
  const fail = (why: string) => {
    throw new Error(`${why} at ${i} in ${JSON.stringify(body.slice(Math.max(0, i - 20), i + 20))}`);
  };
  const parse = (inPlaceholder: boolean): string => {
    let text = '';
    while (i < body.length) {
      const c = body[i];
      if (c === '\\') {
        if (!'$}\\'.includes(body[i + 1] ?? '')) fail('a backslash that escapes nothing');
        text += body[i + 1];
        i += 2;
      } else if (c === '$') {
        const simple = /^\$(\d+)/.exec(body.slice(i));
        if (simple) {
          stops.push({ n: Number(simple[1]), text: '' });
          i += simple[0].length;
          continue;
        }
        const open = /^\$\{(\d+)([:|}])/.exec(body.slice(i));
        if (!open) fail('an unescaped $');
        const n = Number(open![1]);
        i += open![0].length;
        if (open![2] === '}') stops.push({ n, text: '' });
        else if (open![2] === ':') {
          const inner = parse(true);
          stops.push({ n, text: inner });
          text += inner;
        } else {
          const end = body.indexOf('|}', i);
          if (end < 0) fail('an unterminated choice');
          const choices = body.slice(i, end).split(',');
          if (choices.some((x) => !x)) fail('an empty choice');
          stops.push({ n, text: choices[0] });
          text += choices[0];
          i = end + 2;
        }
      } else if (c === '}' && inPlaceholder) {
        i++;
        return text;
      } else if (c === '}') {
        fail('an unescaped }');
      } else {
        text += c;
        i++;
      }
    }
    if (inPlaceholder) fail('an unterminated placeholder');
    return text;
  };
  parse(false);
  return { stops };
}

describe('snippets', () => {
  const committed = readFileSync(file, 'utf8');
  const snippets: Record<string, Snippet> = JSON.parse(committed);

  it('the committed file is what scripts/gen-snippets.mjs generates from the engine', async () => {
    const gen = await import(pathToFileURL(`${root}scripts/gen-snippets.mjs`).href);
    assert.equal(
      committed,
      gen.renderSnippets(engine),
      'snippets/privacy-policy.code-snippets is out of date: run npm run gen:snippets',
    );
  });

  it('has one snippet per checklist item, the skeleton and the disable comments', () => {
    const prefixes = Object.values(snippets).flatMap((s) => s.prefix);
    for (const item of engine.ITEMS) assert.ok(prefixes.includes(`pl-${item.id}`), `no snippet for ${item.id}`);
    for (const p of ['privacy-policy', 'pl-disable', 'pl-disable-next-line', 'pl-disable-file', 'pl-enable'])
      assert.ok(prefixes.includes(p), `no ${p}`);
    assert.equal(engine.ITEMS.length, 16);
    assert.equal(new Set(prefixes).size, prefixes.length, 'a prefix is used twice');
  });

  it('every body is valid snippet syntax with tab stops numbered 1..n and one default per number', () => {
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(s.description && s.body.length, name);
      const { stops } = parseBody(s.body.join('\n'));
      const numbers = [...new Set(stops.map((x) => x.n).filter((n) => n > 0))].sort((a, b) => a - b);
      assert.deepEqual(
        numbers,
        numbers.map((_, k) => k + 1),
        `${name}: tab stops ${numbers.join(',')}`,
      );
      for (const n of numbers) {
        const defaults = new Set(stops.filter((x) => x.n === n && x.text).map((x) => x.text));
        assert.ok(defaults.size <= 1, `${name}: $${n} has different defaults: ${[...defaults].join(' | ')}`);
      }
    }
  });

  it('turns every [prompt] into a tab stop and leaves no bracket behind', () => {
    for (const [name, s] of Object.entries(snippets)) {
      assert.doesNotMatch(s.body.join('\n'), /\[[^\]\n]*[A-Za-z][^\]\n]*\](?![([:])/, name);
    }
    const contact = Object.values(snippets).find((s) => s.prefix.includes('pl-contact'))!;
    assert.match(contact.body.join('\n'), /\$\{\d+:privacy contact email\}/);
  });

  it('the skeleton asks for each value once and offers every section in reading order', () => {
    const skeleton = snippets['Privacy policy skeleton'];
    const text = skeleton.body.join('\n');
    const { stops } = parseBody(text);
    const byText = new Map<string, Set<number>>();
    for (const s of stops.filter((x) => x.text)) byText.set(s.text, (byText.get(s.text) ?? new Set()).add(s.n));
    for (const [t, ns] of byText) assert.equal(ns.size, 1, `"${t}" has several tab stops`);
    assert.match(text, /^# \$\{1:company name\} Privacy Policy/);
    const headings = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    const order = [...engine.ITEMS].sort((a, b) => a.order - b.order);
    const expected = order.map((i) => engine.templateFor(i.id)!.title).filter((t) => headings.includes(t));
    assert.deepEqual(headings, expected);
    assert.ok(headings.length >= engine.ITEMS.length - 1, `only ${headings.length} sections`);
  });

  it('the skeleton, filled in, reads as a policy with every checklist item present', () => {
    const body = snippets['Privacy policy skeleton'].body.join('\n');
    const values: Record<string, string> = {
      'company name': 'Example Co',
      'Month D, YYYY': 'May 1, 2024',
      'privacy contact email': 'privacy@example.com',
      'postal address': '1 Main Street, Springfield, IL 62701',
      'our website and apps': 'example.com',
      'State whether your services are directed to children, the age threshold that applies, and what you do if you learn you hold information about a child.':
        'Our services are not directed to children under 13.',
    };
    const text = body
      .replace(/\$\{\d+:([^}]*)\}/g, (_, p: string) => values[p] ?? p)
      .replace(/\$0/g, '')
      .replace(/\\([$}\\])/g, '$1');
    const result = engine.lint(text, { now: new Date('2024-06-01') });
    assert.ok(result.looksLikePolicy);
    const missing = result.checklist
      .filter((c) => c.status !== 'present')
      .map((c) => `${c.id}: ${c.status} ${c.reason ?? ''}`);
    assert.deepEqual(missing, []);
  });
});
