// What a review report shows of one linted document, as plain data: the checklist with its
// evidence and the provisions behind missing items, the findings, and readability per
// section. Built from the engine's lint result; the HTML and Markdown writers only format it.
import {
  getItem,
  profileGroups,
  type ChecklistStatus,
  type LintResult,
  type ProfileCount,
  type ResolvedConfig,
  type Severity,
} from '../engine/index.js';
import { fleschKincaidGrade, proseSentences, sectionReadability, totals } from '../engine/readability.js';

export interface ReviewItem {
  id: string;
  title: string;
  status: ChecklistStatus;
  line: number | null;
  evidence?: string;
  reason?: string;
  /** The law or guidance the item rests on, from the item's description. */
  provision: string;
}

export interface ReviewFinding {
  ruleId: string;
  severity: Severity;
  line: number;
  message: string;
  /** The source text the finding covers (shortened). */
  quote: string;
}

export interface ReviewSection {
  title: string;
  line: number;
  words: number;
  grade: number | undefined;
}

export interface ReviewDocument {
  /** The file as the user named it. */
  file: string;
  /** Where links to lines go: a path or URI (the report writer decides how to link). */
  uri: string;
  title: string;
  looksLikePolicy: boolean;
  checklist: ReviewItem[];
  /** The checklist per active profile (the engine's profileGroups), then the items none asks for: the report's tables, headed by each label. */
  groups: ProfileCount[];
  findings: ReviewFinding[];
  sections: ReviewSection[];
  grade: number | undefined;
  words: number;
}

/** The reading-grade target the chart marks (the rule's default, or the config's option). */
export const DEFAULT_GRADE_TARGET = 12;

/** "Whether … (COPPA 16 CFR 312.4(d); GDPR Art. 8)." → "COPPA 16 CFR 312.4(d); GDPR Art. 8". */
export function provisionOf(description: string): string {
  const m = /\(([^()]*(?:\([^()]*\)[^()]*)*)\)\.?\s*$/.exec(description);
  return m ? m[1] : description;
}

function shorten(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The items of one of a document's groups, in its order. */
export function groupItems(doc: ReviewDocument, group: ProfileCount): ReviewItem[] {
  return group.items.flatMap((id) => doc.checklist.filter((c) => c.id === id));
}

/** The review data of one lint result, linted with `config`. */
export function reviewDocument(
  file: string,
  uri: string,
  result: LintResult,
  config: Pick<ResolvedConfig, 'profiles'>,
): ReviewDocument {
  const doc = result.doc;
  const checklist: ReviewItem[] = result.checklist.map((e) => {
    const item = getItem(e.id);
    return {
      id: e.id,
      title: e.title,
      status: e.status,
      line: e.line,
      evidence: e.evidence ? shorten(e.evidence) : undefined,
      reason: e.reason,
      provision: item ? provisionOf(item.description) : '',
    };
  });
  const findings: ReviewFinding[] = result.messages.map((m) => ({
    ruleId: m.ruleId,
    severity: m.severity,
    line: m.range.start.line,
    message: m.message,
    quote: shorten(doc.text.slice(m.range.start.offset, m.range.end.offset), 120),
  }));
  const prose = proseSentences(doc);
  const sections = sectionReadability(doc, prose).map((r) => ({
    title: r.section.title,
    line: r.section.titleRange.start.line,
    words: r.words,
    grade: r.grade,
  }));
  const all = totals(prose);
  return {
    file,
    uri,
    title: doc.title?.title ?? file,
    looksLikePolicy: result.looksLikePolicy,
    checklist,
    groups: profileGroups(result.checklist, config),
    findings,
    sections,
    grade: fleschKincaidGrade(all),
    words: all.words,
  };
}
