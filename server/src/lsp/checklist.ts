// The checklist as the client sees it (policylint/checklist), and the code lens on the
// title that summarises it.
import type { CodeLens } from 'vscode-languageserver';
import {
  formatProfileCounts,
  getItem,
  lawProfilesOn,
  profileGroups,
  RULES,
  SHIPPED_CHECKLIST,
  type ChecklistEntry,
  type ProfileCount,
} from '../engine/index.js';
import { Commands, type ChecklistItemInfo, type ChecklistResponse } from '../protocol.js';
import type { Analysis } from './analysis.js';
import { toLspRange } from './convert.js';

/** How many sample policies cover an item (from the shipped, derived checklist). */
export function corpusCoverage(id: string): { covered: number; total: number } {
  const item = SHIPPED_CHECKLIST.items.find((i) => i.id === id);
  return item
    ? { covered: item.covered, total: item.total }
    : { covered: 0, total: SHIPPED_CHECKLIST.documents.length };
}

/** The checklist grouped per active profile (then the items none asks for), when the document's config turns a law profile on. */
export function checklistGroups(a: Analysis): ProfileCount[] | undefined {
  const checklist = a.result?.checklist;
  return checklist && a.config && lawProfilesOn(a.config.profiles) ? profileGroups(checklist, a.config) : undefined;
}

/** "Checklist 12/14 · GDPR 9/10" when the checklist has groups. */
export function groupedCounts(a: Analysis): string | undefined {
  const groups = checklistGroups(a);
  return groups?.length ? formatProfileCounts(groups) : undefined;
}

export function checklistResponse(a: Analysis): ChecklistResponse {
  const result = a.result;
  const entries = result?.checklist ?? [];
  const items = entries.map((e) => itemInfo(a, e));
  const groups = checklistGroups(a);
  return {
    uri: a.uri,
    version: a.version,
    looksLikePolicy: result?.looksLikePolicy ?? false,
    items,
    present: entries.filter((e) => e.status === 'present').length,
    total: entries.length,
    ...(groups?.length && { groups, grouped: formatProfileCounts(groups) }),
    elapsedMs: result?.elapsedMs ?? 0,
  };
}

function itemInfo(a: Analysis, e: ChecklistEntry): ChecklistItemInfo {
  const required = RULES.some((r) => r.meta.item === e.id && a.config?.rules.has(r.meta.id));
  return {
    id: e.id,
    title: e.title,
    status: e.status,
    range: e.range ? toLspRange(a.text, e.range) : undefined,
    evidence: e.evidence,
    section: e.section,
    reason: e.reason,
    facts: e.facts,
    coverage: corpusCoverage(e.id),
    required,
    insertable: e.status === 'missing' && getItem(e.id) !== undefined,
  };
}

/** At most this many missing items are named in the lens; the rest are counted. */
const LENS_MISSING = 5;

/**
 * `Checklist 12/16 · missing: children, effective-date` on the title line, opening the checklist;
 * with a law profile on, the counts per profile instead: `Checklist 12/14 · GDPR 9/10 · missing: …`.
 */
export function codeLenses(a: Analysis): CodeLens[] {
  const result = a.result;
  if (!result?.looksLikePolicy || !result.checklist.length) return [];
  const entries = result.checklist;
  const present = entries.filter((e) => e.status === 'present').length;
  const missing = entries.filter((e) => e.status === 'missing').map((e) => e.id as string);
  const named =
    missing.slice(0, LENS_MISSING).join(', ') +
    (missing.length > LENS_MISSING ? ` +${missing.length - LENS_MISSING} more` : '');
  const counts = groupedCounts(a) ?? `Checklist ${present}/${entries.length}`;
  const title = `${counts}${missing.length ? ` · missing: ${named}` : ' · complete'}`;
  const anchor = result.doc.title ?? result.doc.sections[0];
  const start = anchor ? anchor.titleRange.start.offset : 0;
  const range = toLspRange(a.text, { start, end: start });
  return [{ range, command: { title, command: Commands.showChecklist, arguments: [a.uri] } }];
}
