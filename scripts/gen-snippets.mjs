#!/usr/bin/env node
// Generates snippets/privacy-policy.code-snippets from the engine (compiled by tsc to out/):
// one snippet per checklist item from its section template (templateFor), where every
// [bracketed prompt] becomes a tab stop; a whole-policy skeleton from the same templates in reading
// order; and the inline disable comments, offering the rule ids from RULES.
//
//   node scripts/gen-snippets.mjs           writes the file
//   node scripts/gen-snippets.mjs --check   exits 1 when the committed file is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SNIPPETS_FILE = 'snippets/privacy-policy.code-snippets';
export const ENGINE_MODULE = 'out/server/src/engine/index.js';

/** A [prompt] in a template: letters inside, not a Markdown link, footnote or task box. */
const PROMPT = /\[([^[\]\n]*[A-Za-z][^[\]\n]*)\](?![([:])/g;

/** Escapes literal text for a snippet body: $, } and \ are special there. */
export function escapeSnippet(text) {
  return text.replace(/[\\$}]/g, '\\$&');
}

/**
 * Numbers prompts across one snippet: the same prompt (case and spacing aside) gets the same
 * tab stop, so typing the company name once fills it in everywhere.
 */
class TabStops {
  constructor() {
    this.numbers = new Map();
  }
  stop(prompt) {
    const key = prompt.trim().replace(/\s+/g, ' ').toLowerCase();
    if (!this.numbers.has(key)) this.numbers.set(key, this.numbers.size + 1);
    return `\${${this.numbers.get(key)}:${escapeSnippet(prompt.trim())}}`;
  }
  /** Turns Markdown with [prompts] into snippet text. */
  fill(markdown) {
    let out = '';
    let last = 0;
    for (const m of markdown.matchAll(PROMPT)) {
      out += escapeSnippet(markdown.slice(last, m.index)) + this.stop(m[1]);
      last = m.index + m[0].length;
    }
    return out + escapeSnippet(markdown.slice(last));
  }
}

/** The config the templates see: silent everywhere, so each fill-in value stays a prompt. */
function promptConfig(engine) {
  const { config } = engine.resolveConfig(undefined);
  return { ...config, company: '[company name]' };
}

/** An item's template as { title, body, line }: the prompt version, filled from config alone. */
function templateOf(engine, item, config) {
  const t = engine.templateFor(item.id);
  return {
    title: t.title,
    body: engine.templateBody(t, engine.templateValues(undefined, config)),
    line: Boolean(t.line),
  };
}

/** A template such as "Last updated: …" is a line under the title, not a section. */
function isLine(t) {
  return t.line;
}

function sectionLines(stops, t) {
  const body = stops.fill(t.body.trim()).split(/\r?\n/);
  return isLine(t) ? body : [`## ${stops.fill(t.title.trim())}`, '', ...body];
}

function itemSnippet(engine, item) {
  const stops = new TabStops();
  const t = templateOf(engine, item, promptConfig(engine));
  return {
    prefix: [`pl-${item.id}`, `policy-${item.id}`],
    description: `${item.title}: ${item.description} (policylint checklist item ${item.id})`,
    body: [...sectionLines(stops, t), '$0'],
  };
}

function skeletonSnippet(engine) {
  const stops = new TabStops();
  const config = promptConfig(engine);
  const ordered = [...engine.ITEMS].sort((a, b) => a.order - b.order);
  const lines = [`# ${stops.fill('[company name]')} Privacy Policy`, ''];
  const intro =
    'This policy describes the personal information [company name] collects when you use [our website and apps], ' +
    'what we do with it, who we share it with, and the choices and rights you have.';
  const templates = ordered.map((item) => templateOf(engine, item, config));
  // Lines such as "Last updated: …" go right under the title, before the introduction.
  for (const t of templates.filter(isLine)) lines.push(...sectionLines(stops, t), '');
  lines.push(stops.fill(intro), '');
  for (const t of templates.filter((x) => !isLine(x))) lines.push(...sectionLines(stops, t), '');
  lines[lines.length - 1] = '$0';
  return {
    prefix: ['privacy-policy', 'pl-policy'],
    description:
      'A whole privacy policy: every checklist section in the order readers expect, with the company, contact email, postal address and date as tab stops.',
    body: lines,
  };
}

function directiveSnippets(engine) {
  const ids = engine.RULES.map((r) => r.meta.id);
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a snippet placeholder, not a template
  const rule = ids.length ? `\${1|${ids.join(',')}|}` : '${1:rule-id}';
  const make = (kind, what, withReason = true) => ({
    prefix: [`pl-${kind}`],
    description: `policylint: ${what}. Delete the rule id to mean every rule.`,
    body: [
      withReason
        ? `<!-- policylint-${kind} ${rule} -- \${2:why the rule does not apply here} -->$0`
        : `<!-- policylint-${kind} ${rule} -->$0`,
    ],
  });
  return {
    'Disable a rule from here on': make(
      'disable',
      'turn a rule off from this comment until a matching policylint-enable',
    ),
    'Disable a rule for the next line': make(
      'disable-next-line',
      'turn a rule off for the next line that is not blank',
    ),
    'Disable a rule for this line': make('disable-line', 'turn a rule off for the line the comment is on'),
    'Disable a rule for the whole file': make('disable-file', 'turn a rule off for the whole file'),
    'Enable a rule again': make('enable', 'turn a rule back on after policylint-disable', false),
  };
}

export function buildSnippets(engine) {
  if (!engine.ITEMS?.length)
    throw new Error(`${ENGINE_MODULE} has no checklist ITEMS: build the engine first (npx tsc -p .)`);
  const snippets = { 'Privacy policy skeleton': skeletonSnippet(engine) };
  for (const item of engine.ITEMS) snippets[`Section: ${item.title}`] = itemSnippet(engine, item);
  Object.assign(snippets, directiveSnippets(engine));
  return snippets;
}

export function renderSnippets(engine) {
  return `${JSON.stringify(buildSnippets(engine), null, 2)}\n`;
}

export async function loadEngine() {
  return import(pathToFileURL(`${root}/${ENGINE_MODULE}`).href);
}

async function main() {
  let engine;
  try {
    engine = await loadEngine();
  } catch (err) {
    console.error(`gen-snippets: cannot load ${ENGINE_MODULE} (${err.message}); run npx tsc -p . first`);
    process.exit(2);
  }
  const text = renderSnippets(engine);
  const file = `${root}/${SNIPPETS_FILE}`;
  if (process.argv.includes('--check')) {
    let old = '';
    try {
      old = readFileSync(file, 'utf8');
    } catch {
      // a missing file is out of date
    }
    if (old !== text) {
      console.error(`gen-snippets: ${SNIPPETS_FILE} is out of date; run npm run gen:snippets`);
      process.exit(1);
    }
    console.log(`gen-snippets: ${SNIPPETS_FILE} is up to date`);
    return;
  }
  writeFileSync(file, text);
  console.log(`gen-snippets: wrote ${SNIPPETS_FILE} (${Object.keys(JSON.parse(text)).length} snippets)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
