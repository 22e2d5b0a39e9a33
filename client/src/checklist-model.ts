// Builds the checklist view's rows from a ChecklistResponse. Pure: checklist-view.ts turns
// these plain objects into vscode.TreeItems.
import type { ChecklistGroupInfo, ChecklistItemInfo, ChecklistResponse } from '../../server/src/protocol.js';

/** The server's group of the items no active profile asks for. */
const UNASKED = 'none';

/** Context value of a missing item that the server can insert (the inline action's `when`). */
export const MISSING_INSERTABLE = 'policylint.item.missing.insertable';

export interface ChecklistNode {
  /** Stable across refreshes, so the tree keeps its selection. */
  id: string;
  uri: string;
  itemId: string;
  label: string;
  description: string;
  /** Markdown. */
  tooltip: string;
  icon: { id: string; color: string };
  contextValue: string;
  /** Where a click takes you (LSP range, 0-based), when the item has evidence. */
  reveal?: ChecklistItemInfo['range'];
  /** A profile's node ("GDPR", "4/10"): its items. Item rows have none. */
  children?: ChecklistNode[];
}

/** Context value of a profile's node. */
export const GROUP_NODE = 'policylint.group';

const MAX_EVIDENCE = 80;

/** "12/16" for the view's description; with a law profile on, the counts per profile: "Checklist 12/14 · GDPR 9/10". */
export function checklistSummary(resp: ChecklistResponse | null | undefined): string {
  return resp?.looksLikePolicy && resp.total ? (resp.grouped ?? `${resp.present}/${resp.total}`) : '';
}

/** The message the view shows instead of rows, or undefined when there are rows. */
export function checklistMessage(
  resp: ChecklistResponse | null | undefined,
  hasPolicyEditor: boolean,
): string | undefined {
  if (!hasPolicyEditor) return 'Open a privacy policy to see its checklist.';
  if (resp === undefined) return 'Waiting for the language server…';
  if (resp === null) return 'The language server has no checklist for this document.';
  if (!resp.looksLikePolicy) return 'This document does not read like a privacy policy, so it has no checklist.';
  if (!resp.items.length) return 'No checklist items apply to this document.';
  return undefined;
}

/**
 * The view's rows: one per item, in the server's order; with a law profile on (the response
 * has groups), one node per group the server sent: per profile with its count, holding its
 * items (an item two laws ask for is under both), then the items no active profile asks for.
 */
export function checklistNodes(resp: ChecklistResponse | null | undefined): ChecklistNode[] {
  if (!resp?.looksLikePolicy) return [];
  if (!resp.groups?.length) return resp.items.map((item) => toNode(resp.uri, item));
  return resp.groups.map((g) => groupNode(resp, g));
}

function groupNode(resp: ChecklistResponse, g: ChecklistGroupInfo): ChecklistNode {
  const id = `${resp.uri}#profile:${g.profile}`;
  const items = g.items.flatMap((itemId) => resp.items.filter((i) => i.id === itemId));
  const about = g.profile === UNASKED ? 'items no active profile asks for' : `what the ${g.profile} profile asks for`;
  return {
    id,
    uri: resp.uri,
    itemId: '',
    label: g.label,
    description: `${g.met}/${g.total}`,
    tooltip: `**${escapeMarkdown(g.label)}**: ${g.met} of ${g.total} present (${about})`,
    icon: g.met === g.total ? { id: 'pass', color: 'testing.iconPassed' } : { id: 'checklist', color: 'foreground' },
    contextValue: GROUP_NODE,
    children: items.map((item) => toNode(resp.uri, item, id)),
  };
}

function toNode(uri: string, item: ChecklistItemInfo, parent = uri): ChecklistNode {
  const status = statusLabel(item);
  const detail = item.evidence ? quote(item.evidence) : (item.reason ?? '');
  return {
    id: `${parent}#${item.id}`,
    uri,
    itemId: item.id,
    label: item.title,
    description: detail ? `${status} · ${detail}` : status,
    tooltip: tooltip(item, status),
    icon: icon(item),
    contextValue: item.status === 'missing' && item.insertable ? MISSING_INSERTABLE : `policylint.item.${item.status}`,
    reveal: item.status !== 'missing' ? item.range : undefined,
  };
}

function statusLabel(item: ChecklistItemInfo): string {
  return item.status === 'missing' && !item.required ? 'missing (optional)' : item.status;
}

function icon(item: ChecklistItemInfo): ChecklistNode['icon'] {
  switch (item.status) {
    case 'present':
      return { id: 'pass', color: 'testing.iconPassed' };
    case 'incomplete':
      return { id: 'warning', color: 'problemsWarningIcon.foreground' };
    default:
      return item.required
        ? { id: 'error', color: 'problemsErrorIcon.foreground' }
        : { id: 'circle-large-outline', color: 'disabledForeground' };
  }
}

function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `“${oneLine.length > MAX_EVIDENCE ? `${oneLine.slice(0, MAX_EVIDENCE - 1).trimEnd()}…` : oneLine}”`;
}

/** Escapes text for a Markdown tooltip, so evidence like "[Company]" or "*" shows as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}

function tooltip(item: ChecklistItemInfo, status: string): string {
  const lines = [`**${escapeMarkdown(item.title)}** — ${status}`];
  if (item.reason) lines.push('', escapeMarkdown(item.reason));
  if (item.section) lines.push('', `Section: ${escapeMarkdown(item.section)}`);
  if (item.evidence) {
    const where = item.range ? ` (line ${item.range.start.line + 1})` : '';
    lines.push('', `Evidence${where}:`, '', `> ${escapeMarkdown(item.evidence.replace(/\s+/g, ' ').trim())}`);
  }
  const facts = formatFacts(item.facts);
  if (facts.length) lines.push('', 'Facts:', '', ...facts.map((f) => `- ${f}`));
  const { covered, total } = item.coverage;
  if (total > 0) lines.push('', `Sample policies: in ${covered} of ${total}`);
  lines.push('', item.required ? 'Required by the active profile.' : 'Not required by the active profile.');
  if (item.status === 'missing' && item.insertable) lines.push('', 'Use the + action to insert the section.');
  return lines.join('\n');
}

/** One line per fact: "ages: 13, 16". Empty lists and undefined values are left out. */
export function formatFacts(facts: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(facts ?? {})) {
    const text = formatValue(value);
    if (text) out.push(`${escapeMarkdown(key)}: ${escapeMarkdown(text)}`);
  }
  return out;
}

function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(formatValue).filter(Boolean).join(', ');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    // Facts from the engine carry a readable field next to their range.
    for (const k of ['text', 'email', 'iso', 'age', 'method', 'url']) if (o[k] !== undefined) return String(o[k]);
    return JSON.stringify(value);
  }
  return String(value);
}
