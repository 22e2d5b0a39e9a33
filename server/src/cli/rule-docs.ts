// The rule pages in docs/rules/<id>.md, read for the SARIF rule descriptions: the first
// paragraph says what the rule flags, the rest is the help (why, examples, fix, options).
// They ship beside the bundles (the repository, the .vsix and the npm tarball).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageRoot } from './io.js';

export interface RuleDoc {
  /** The first sentence of the first paragraph, shortened at its first clause: a full sentence. */
  summary: string;
  /** The first paragraph, as plain text. */
  description: string;
  /** The page without its title, as Markdown. */
  markdown: string;
}

/** Markdown inline syntax removed: links keep their text, code and emphasis lose their marks. */
export function plainText(md: string): string {
  return md
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first sentence of `text`, cut at its first colon, parenthesis or comma after five words, ending in a full stop. */
export function summarySentence(text: string): string {
  const first = /^(.+?[.!?])(?:\s|$)/.exec(text)?.[1] ?? text;
  const body = first.replace(/[.!?]$/, '');
  const re = /:\s|\s\(|,\s|\s—\s|;\s/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const head = body.slice(0, m.index);
    if (head.split(/\s+/).length >= 5) return `${head}.`;
  }
  return `${body}.`;
}

/** Splits a rule page into its parts; undefined when it has no paragraph under its title. */
export function parseRuleDoc(page: string): RuleDoc | undefined {
  const lines = page.replace(/\r\n?/g, '\n').split('\n');
  const start = lines.findIndex((l) => /^#\s/.test(l));
  const body = lines
    .slice(start + 1)
    .join('\n')
    .trim();
  const para = body.split(/\n\s*\n/)[0] ?? '';
  if (!para || para.startsWith('#')) return undefined;
  const description = plainText(para);
  return { summary: summarySentence(description), description, markdown: body };
}

const cache = new Map<string, RuleDoc | undefined>();

/** The page of rule `id`, or undefined when it cannot be read (the caller falls back to the rule's metadata). */
export function ruleDoc(id: string, dir = path.join(packageRoot(), 'docs', 'rules')): RuleDoc | undefined {
  const key = path.join(dir, `${id}.md`);
  if (!cache.has(key)) {
    let doc: RuleDoc | undefined;
    try {
      if (/^[a-z0-9-]+$/.test(id)) doc = parseRuleDoc(fs.readFileSync(key, 'utf8'));
    } catch {
      doc = undefined;
    }
    cache.set(key, doc);
  }
  return cache.get(key);
}
