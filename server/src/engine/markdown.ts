// The Markdown parser: remark with the parts of GFM a policy uses, behind the parse limits.
import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Root } from 'mdast';
import { limitNesting, MAX_GFM_RUN, runsLongerThan } from './parse-limits.js';
import { computeLineStarts } from './positions.js';

/**
 * remark with the parts of GitHub Flavored Markdown a policy uses: tables, footnotes and
 * strikethrough. Not GFM's literal autolinks: finding bare URLs costs a check at every
 * character (half the time of the whole parse) and leaves text without positions; bare
 * URLs and addresses are found in the prose instead (see bareUrls, facts.ts).
 */
function policyMarkdown(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable(), gfmFootnote(), gfmStrikethrough());
  (data.fromMarkdownExtensions ??= []).push([
    gfmTableFromMarkdown(),
    gfmFootnoteFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
  ]);
}

const parser = unified().use(remarkParse).use(policyMarkdown);
/** CommonMark alone, for texts with a run of prose longer than MAX_GFM_RUN (see runsLongerThan). */
const plainParser = unified().use(remarkParse);

/** Whether the text has a run of prose too long for the GFM extensions (see MAX_GFM_RUN). */
export function needsPlainParse(text: string): boolean {
  return runsLongerThan(text, computeLineStarts(text), MAX_GFM_RUN).length > 0;
}

/** The text's syntax tree; never throws. `plain`: CommonMark alone (see MAX_GFM_RUN). */
export function parseMarkdown(text: string, plain = needsPlainParse(text)): Root {
  try {
    return (plain ? plainParser : parser).parse(limitNesting(text)) as Root;
  } catch {
    // remark does not throw on Markdown, but a model must exist whatever happens.
    return { type: 'root', children: [] };
  }
}
