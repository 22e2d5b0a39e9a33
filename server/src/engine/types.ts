// Public types of the policylint engine. The engine is pure: text and config in,
// checklist, diagnostics and fixes out. Nothing here may import vscode or touch the disk.

import type { Root } from 'mdast';
import type { AnalysisCache, Memo } from './incremental.js';

/** A point in the source text. `line` and `column` are 1-based; `offset` is a 0-based UTF-16 index. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Range {
  start: Point;
  end: Point;
}

/**
 * Files named *.policy.md are in the privacy-policy language: declared policies, linted
 * as policies even while they are short drafts (LintOptions.assumePolicy).
 */
export const POLICY_FILE_PATTERN = /\.policy\.md$/i;

/** Replace the text in [start, end) (UTF-16 offsets into the original text) with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * What a fix does: a text fix rewrites words in place (SSL → TLS, a date line); a section
 * fix inserts a whole section from a template. `--fix` and fix-all apply safe text fixes
 * only; section fixes need an explicit choice (`--fix-type section`, a quick-fix, Insert
 * Missing Sections).
 */
export type FixKind = 'text' | 'section';

/** A fix is data: a title for menus and the edits that carry it out. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Safe to apply without asking within its kind (the preferred quick-fix; for text fixes, --fix and fix-all). */
  safe: boolean;
  /** 'text' when absent. */
  kind?: FixKind;
}

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = 'off' | 'warn' | 'error' | 'info';

export const CHECKLIST_IDS = [
  'children',
  'change-notification',
  'contact',
  'effective-date',
  'collection',
  'use',
  'sharing',
  'cookies',
  'security',
  'access-rights',
  'retention',
  'opt-out',
  'third-party-links',
  'do-not-track',
  'international-transfer',
  'california-rights',
] as const;
/** The items of the corpus checklist (derived from corpus/, in the `recommended` profile by coverage). */
export type CoreItemId = (typeof CHECKLIST_IDS)[number];

/**
 * The items of the law profiles (server/src/engine/laws/, one file each): declared from the
 * provisions, not derived. server/src/engine/profiles.ts says which profile asks for which.
 */
export const LAW_ITEM_IDS = [
  'gdpr-dpo',
  'gdpr-legal-basis',
  'gdpr-rights',
  'gdpr-retention',
  'gdpr-transfers',
  'gdpr-complaint',
  'ccpa-rights',
  'ccpa-last-updated',
  'coppa-parental-consent',
] as const;
export type LawItemId = (typeof LAW_ITEM_IDS)[number];

/** Any checklist item: a corpus item or a law item. */
export type ChecklistId = CoreItemId | LawItemId;

export type ChecklistStatus = 'present' | 'incomplete' | 'missing';

// ---------------------------------------------------------------- document model

export type SectionKind =
  | 'heading' // an ATX or setext Markdown heading
  | 'bold-lead' // a paragraph that opens with a bold title: **Title.** Body…
  | 'bold-list-item' // a list item that opens with a bold title
  | 'bold-line' // a paragraph that is only a short bold line
  | 'caps-line' // a short line in capitals: CHILDREN'S PRIVACY
  | 'numbered-line' // a short numbered plain line: 4. Sharing / IV. SHARING
  | 'plain-line'; // a short plain line in title case (Data Security), or one ending in a colon before a line break

export interface Section {
  /** Position in `PolicyDocument.sections` (document order). */
  index: number;
  /** The title as a reader sees it, Markdown removed, trailing ".", ":" or "|" removed: "14. Changes to this Privacy Policy". */
  title: string;
  /** The title without its numbering: "Changes to this Privacy Policy". */
  name: string;
  /** The numbering, if any: "14", "II.D", "B". */
  number?: string;
  /** Outline depth: Markdown heading depth, or the depth a pseudo-heading takes under its parent. */
  level: number;
  kind: SectionKind;
  /** The title's own range. */
  titleRange: Range;
  /** The whole section: from the title to the start of the next section at the same or a higher level. */
  range: Range;
  /** The body: from after the title to the end of the section (excludes child sections' titles? no: includes children). */
  bodyRange: Range;
  /** Text of the body as plain text (children included). */
  bodyText: string;
  parent?: Section;
  children: Section[];
}

/** A block of prose (paragraph, heading, list item paragraph, table cell) as plain text with a map back to source offsets. */
export interface TextBlock {
  text: string;
  /**
   * offsets[i] is the source offset of text[i]; offsets[text.length] is the end offset. A typed
   * array: one number per character of every open document, half the memory of a plain array.
   */
  offsets: Int32Array;
  range: Range;
  kind: 'heading' | 'paragraph' | 'table-cell' | 'html';
  /** The innermost section that contains this block (undefined before the first section). */
  section?: Section;
}

export interface Sentence {
  text: string;
  range: Range;
  block: TextBlock;
  /** Index of the sentence's first character in `block.text`. */
  start: number;
  section?: Section;
}

export interface AgeFact {
  age: number;
  range: Range;
  /** The sentence it was stated in. */
  sentence: string;
  /** What the age is a threshold for, as far as the sentence tells: 'children' | 'consent' | 'contest' | 'sale' | 'other'. */
  concept: string;
}
export interface EmailFact {
  email: string;
  range: Range;
  /** How it was written: plain, mailto link, or obfuscated ((at) / [at]). */
  form: 'plain' | 'mailto' | 'obfuscated';
  /** True when the sentence gives it as a third party's contact (a seal program, a dispute service). */
  thirdParty: boolean;
  /** Written as a format example ("username@domain.name"), not as a way to reach anyone. */
  example?: boolean;
}
export interface PostalFact {
  text: string;
  range: Range;
  region: 'US' | 'UK' | 'EU' | 'CA' | 'AU' | 'PO' | 'other';
  thirdParty: boolean;
}
export interface PhoneFact {
  text: string;
  range: Range;
  thirdParty: boolean;
}
export interface DateFact {
  /** ISO date: YYYY-MM-DD, YYYY-MM or YYYY. */
  iso: string;
  text: string;
  range: Range;
  /** True when the sentence labels it as an effective / updated / revised date. */
  effective: boolean;
}
export type NotificationMethod = 'email' | 'site-notice' | 'post-page' | 'revised-date';
export interface MethodFact {
  method: NotificationMethod;
  range: Range;
}
export interface LinkFact {
  url: string;
  text: string;
  range: Range;
}
export interface FormFact {
  text: string;
  range: Range;
  thirdParty: boolean;
}

export interface Facts {
  ages: AgeFact[];
  emails: EmailFact[];
  postal: PostalFact[];
  phones: PhoneFact[];
  dates: DateFact[];
  methods: MethodFact[];
  forms: FormFact[];
  links: LinkFact[];
}

/** An inline configuration comment: <!-- policylint-disable RULE -- reason -->. */
export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line' | 'disable-file';
  /** Rule ids; empty means every rule. */
  rules: string[];
  /** Where each of `rules` is written: its offset from the start of the comment. */
  ruleAt: number[];
  reason?: string;
  range: Range;
}

export interface PolicyDocument {
  text: string;
  mdast: Root;
  /** Every section, pseudo-headings included, in document order. */
  sections: Section[];
  /** Top-level sections (a tree through `children`). */
  outline: Section[];
  /** The document title (the first level-1 heading), when there is one. */
  title?: Section;
  blocks: TextBlock[];
  sentences: Sentence[];
  facts: Facts;
  directives: Directive[];
  /** [start, end) offsets of code blocks and inline code. */
  code: [number, number][];
  /** Where a fenced code block, comment or raw HTML block left open to the end of the text starts. */
  openTail?: number;
  /**
   * Memoizes a result computed from a piece of text (a sentence, a block) under a
   * namespace: with an AnalysisCache, results carry over to the next version of the
   * document. `compute` must depend on nothing but `key`.
   */
  memo: Memo;
  /** Offsets where each line starts (0-based index = line - 1). */
  lineStarts: number[];
  /** "\r\n", "\r" or "\n", whichever the text uses most. */
  eol: string;
  pointAt(offset: number): Point;
  rangeOf(start: number, end: number): Range;
  /** 1-based line of an offset. */
  lineOf(offset: number): number;
}

// ---------------------------------------------------------------- checklist

export interface ChecklistEntry {
  id: ChecklistId;
  title: string;
  status: ChecklistStatus;
  /** 1-based line of the evidence; null when missing. */
  line: number | null;
  range?: Range;
  /** The section that covers the item, if one does. */
  section?: string;
  /** The evidence line's text, trimmed, for display. */
  evidence?: string;
  /** Why it is incomplete, when it is. */
  reason?: string;
  facts: Record<string, unknown>;
  /** The active profiles that ask for the item (law items only; corpus items: none). */
  profiles?: string[];
}

/** A checklist item as derived from a corpus and shipped in corpus/checklist.json. */
export interface DerivedItem {
  id: CoreItemId;
  title: string;
  /** Documents that cover the item (status present). */
  covered: number;
  total: number;
  coverage: number;
  /** Heading variants seen for the item across the corpus. */
  headings: string[];
  evidence: { file: string; line: number; text: string }[];
  /** In the recommended profile (coverage >= minCoverage). */
  recommended: boolean;
  severity: 'error' | 'warn';
}

export interface DerivedChecklist {
  version: 1;
  minCoverage: number;
  documents: string[];
  items: DerivedItem[];
}

// ---------------------------------------------------------------- config

export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>?];

/** The contents of a .policylintrc.json. */
export interface ConfigData {
  $schema?: string;
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  company?: string;
  contactEmail?: string;
  postalAddress?: string;
  /** Bytes, or text such as "5 MB", "500 KB", "2 MiB". */
  maxFileSize?: number | string;
  /** The day date checks judge against instead of today (YYYY-MM-DD), e.g. ccpa-last-updated. */
  asOf?: string;
  /** Glob patterns (relative to the config's folder) of files not to lint. */
  ignores?: string[];
  /** Other profiles or rule settings for the files that match `files`, applied in order. */
  overrides?: ConfigOverride[];
}

/** One entry of a config's `overrides`. */
export interface ConfigOverride {
  /** Glob patterns relative to the config's folder: "legal/eu/**". */
  files: string[];
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
}

export interface ConfigError {
  /** The config file, when there is one. */
  file?: string;
  /** JSON path of the offending key: "rules.children-age". */
  key?: string;
  message: string;
  /** 1-based line in the config file where known. */
  line?: number;
  /** 1-based column in the config file where known. */
  column?: number;
  /** A problem that changes nothing (two config files in one folder): a warning, not an error. */
  severity?: 'warning';
}

export interface ResolvedRule {
  severity: Severity;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  rules: Map<string, ResolvedRule>;
  company?: string;
  contactEmail?: string;
  postalAddress?: string;
  profiles: string[];
  /** `asOf` from the config: the day date checks judge against instead of today. */
  asOf?: string;
  /** Documents larger than this many bytes (UTF-8) are not linted (resolveConfig sets it; default 5 MB). */
  maxFileSize?: number;
}

// ---------------------------------------------------------------- rules and results

export interface RelatedInfo {
  message: string;
  range: Range;
}

export interface LintMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  /** The checklist item this message is about, if any. */
  item?: ChecklistId;
  /** The fix to apply with --fix / fix-all / preferred quick-fix. */
  fix?: Fix;
  /** Further fixes offered as quick-fixes only. */
  suggestions?: Fix[];
  related?: RelatedInfo[];
  tags?: ('deprecated' | 'unnecessary')[];
  /** Link to the rule's documentation page. */
  docsUrl: string;
  /** Set when the rule itself failed (threw) on this document: the message reports the failure. */
  ruleError?: boolean;
  /** About the document as a whole (a missing section), not the line it is shown on. */
  documentLevel?: boolean;
}

export interface RuleMeta {
  id: string;
  description: string;
  /**
   * Severity in the recommended profile. A content rule states its own; an item's rule takes
   * it from the corpus coverage in corpus/checklist.json (rules/presence.ts reads it there), and a
   * law item's is 'off' (its law profiles turn it on). profiles.ts says where each one comes from.
   */
  severity: 'error' | 'warn' | 'info' | 'off';
  fixable: boolean;
  /** What the rule's fix does: 'section' inserts a missing section (never applied by --fix alone); a text fix when absent. */
  fixKind?: FixKind;
  /** The checklist item the rule is about, if any. */
  item?: ChecklistId;
  /**
   * While this rule is on, it reports that item's "incomplete" state itself (children-age
   * points at the mention that gives no age), so the item's own rule does not repeat it. Off,
   * the item's rule reports it: turning this rule off never silences the finding.
   */
  reportsIncompleteOf?: ChecklistId;
  /** Option names and their JSON types, for config validation and the schema. */
  options?: Record<string, { type: 'string' | 'number' | 'boolean' | 'string[]'; description: string }>;
}

export interface ReportInput {
  message: string;
  /** 'info' reports a note rather than a problem, whatever severity the rule is configured at. */
  severity?: 'info';
  /** Source offsets. */
  start: number;
  end: number;
  fix?: Fix;
  suggestions?: Fix[];
  related?: { message: string; start: number; end: number }[];
  tags?: ('deprecated' | 'unnecessary')[];
  item?: ChecklistId;
  /** About the document as a whole (a missing section): shown on the title, not about that line. */
  documentLevel?: boolean;
}

export interface RuleContext {
  doc: PolicyDocument;
  checklist: ChecklistEntry[];
  config: ResolvedConfig;
  options: Record<string, unknown>;
  /** The date to judge "in the future" against. */
  now: Date;
  /** The version to compare with, when the front end has one (LintOptions.baseline). */
  baseline?: Baseline;
  report(input: ReportInput): void;
}

export interface Rule {
  meta: RuleMeta;
  /**
   * Reports through `ctx.report`. A rule whose work grows with the document may be a generator:
   * each `yield` is a point where the lint may pause so an editor's event loop keeps turning.
   */
  check(ctx: RuleContext): void | Generator<void, void>;
}

/**
 * An earlier version of the document, read by the front end (the committed text from git):
 * the engine only compares texts, it never reads them.
 */
export interface Baseline {
  text: string;
  /** Where it came from, for messages: "HEAD", "main", "v2.1". */
  ref: string;
}

export interface LintOptions {
  /** Resolved config; defaults to the recommended profile. */
  config?: ResolvedConfig;
  /** The path shown in messages; never read. */
  filePath?: string;
  now?: Date;
  /** Lint even when the text does not read like a privacy policy (rule examples, snippets). */
  assumePolicy?: boolean;
  /**
   * Carries analysis over from the previous lint of the same document (the language server
   * keeps one per open document): unchanged chunks are not parsed again. The result is the
   * same with or without it.
   */
  cache?: AnalysisCache;
  /** The previous version of the document, for stale-effective-date. */
  baseline?: Baseline;
}

export interface LintResult {
  looksLikePolicy: boolean;
  checklist: ChecklistEntry[];
  messages: LintMessage[];
  doc: PolicyDocument;
  /** Milliseconds spent in the engine. */
  elapsedMs: number;
}
