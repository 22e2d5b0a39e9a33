// The machine-readable report. The shape is public interface (issue 2): version, results
// with file, looksLikePolicy, checklist and diagnostics; more fields may be added.
import { fixType, isSafeTextFix } from '../engine/fix-kinds.js';
import { provisionsOf } from '../engine/profiles.js';
import type { ChecklistEntry, LintMessage } from '../engine/types.js';
import type { FileReport, RunReport } from './report.js';

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

function resultJson(r: FileReport, fix: boolean) {
  return {
    file: r.file,
    looksLikePolicy: r.looksLikePolicy,
    checklist: r.checklist.map(checklistJson),
    ...(r.groups && { groups: r.groups.map(({ profile, label, met, total }) => ({ profile, label, met, total })) }),
    diagnostics: r.messages.map(diagnosticJson),
    ...(fix && { fixed: r.fixed.length }),
  };
}

/** `JSON.stringify(value, null, 2)` as it reads nested `depth` levels deep (every line after the first indented). */
function nested(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

/**
 * The JSON report written as it is made, one file's result at a time, so a run of thousands
 * of files never holds them all (nor the whole text). `result` is called in report order,
 * `end` once; the text is byte for byte what `formatJson` gives for the same report.
 */
export class JsonWriter {
  private count = 0;

  constructor(
    private readonly write: (text: string) => void,
    private readonly fix: boolean,
  ) {}

  result(r: FileReport): void {
    this.write(
      `${this.count++ ? ',\n' : '{\n  "version": 1,\n  "results": [\n'}    ${nested(resultJson(r, this.fix), 2)}`,
    );
  }

  end(errors: RunReport['errors'], skipped: RunReport['skipped']): void {
    const results = this.count ? '\n  ]' : '{\n  "version": 1,\n  "results": []';
    this.write(`${results},\n  "errors": ${nested(errors, 1)},\n  "skipped": ${nested(skipped, 1)}\n}\n`);
  }
}

export function formatJson(report: RunReport): string {
  let text = '';
  const writer = new JsonWriter((t) => {
    text += t;
  }, report.fix);
  for (const r of report.results) writer.result(r);
  writer.end(report.errors, report.skipped);
  return text;
}
