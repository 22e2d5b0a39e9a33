// The machine-readable report. The shape is public interface (issue 2): version, results
// with file, looksLikePolicy, checklist and diagnostics; more fields may be added.
import { fixType, isSafeTextFix } from '../engine/fix-kinds.js';
import { provisionsOf } from '../engine/profiles.js';
import type { ChecklistEntry, LintMessage } from '../engine/types.js';
import type { RunReport } from './report.js';

export function checklistJson(e: ChecklistEntry) {
  return {
    id: e.id,
    title: e.title,
    status: e.status,
    line: e.line ?? null,
    facts: e.facts ?? {},
    ...(e.section !== undefined && { section: e.section }),
    ...(e.evidence !== undefined && { evidence: e.evidence }),
    ...(e.reason !== undefined && { reason: e.reason }),
    ...(e.profiles?.length && { profiles: e.profiles, provisions: provisionsOf(e.id, e.profiles) }),
  };
}

export function diagnosticJson(m: LintMessage) {
  return {
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    line: m.range.start.line,
    column: m.range.start.column,
    endLine: m.range.end.line,
    endColumn: m.range.end.column,
    fixable: isSafeTextFix(m.fix),
    ...(fixType(m.fix) === 'section' && { insertable: true }),
    suggestions: m.suggestions?.length ?? 0,
    ...(m.item !== undefined && { item: m.item }),
    docsUrl: m.docsUrl,
  };
}

export function formatJson(report: RunReport): string {
  const json = {
    version: 1,
    results: report.results.map((r) => ({
      file: r.file,
      looksLikePolicy: r.looksLikePolicy,
      checklist: r.checklist.map(checklistJson),
      ...(r.groups && { groups: r.groups.map(({ profile, label, met, total }) => ({ profile, label, met, total })) }),
      diagnostics: r.messages.map(diagnosticJson),
      ...(report.fix && { fixed: r.fixed.length }),
    })),
    errors: report.errors,
    skipped: report.skipped,
  };
  return JSON.stringify(json, null, 2) + '\n';
}
