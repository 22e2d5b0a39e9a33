// The human report: per file a header, one aligned line per message, the checklist line
// (and when a law profile is on, the counts per profile), then a summary.
import { formatProfileCounts } from '../engine/profiles.js';
import type { ChecklistEntry, LintMessage } from '../engine/types.js';
import type { Colors } from './color.js';
import { countMessages, plural, type RunReport } from './report.js';

export function checklistLine(checklist: readonly ChecklistEntry[]): string {
  const present = checklist.filter((c) => c.status === 'present').length;
  const missing = checklist.filter((c) => c.status === 'missing').map((c) => c.id);
  const incomplete = checklist.filter((c) => c.status === 'incomplete').map((c) => c.id);
  const parts: string[] = [];
  if (missing.length) parts.push(`missing: ${missing.join(', ')}`);
  if (incomplete.length) parts.push(`incomplete: ${incomplete.join(', ')}`);
  return `checklist ${present}/${checklist.length}${parts.length ? ` — ${parts.join('; ')}` : ''}`;
}

function severityText(m: LintMessage, c: Colors): string {
  return m.severity === 'error' ? c.red('error') : m.severity === 'warning' ? c.yellow('warning') : c.cyan('info');
}

export function formatStylish(report: RunReport, c: Colors): string {
  const out: string[] = [];
  for (const r of report.results) {
    if (r.fixed.length) out.push(c.green(`fixed ${plural(r.fixed.length, 'problem')} in ${r.file}`));
  }
  if (out.length) out.push('');

  for (const r of report.results) {
    // --quiet: a clean file gets no header (nor checklist line), only the summary counts it.
    if (report.quiet && !r.messages.length) continue;
    out.push(c.underline(r.file));
    const pos = r.messages.map((m) => `${m.range.start.line}:${m.range.start.column}`);
    const posWidth = Math.max(0, ...pos.map((p) => p.length));
    const sevWidth = Math.max(0, ...r.messages.map((m) => m.severity.length));
    const msgWidth = Math.min(100, Math.max(0, ...r.messages.map((m) => m.message.length)));
    r.messages.forEach((m, i) => {
      const sev = severityText(m, c) + ' '.repeat(sevWidth - m.severity.length);
      out.push(`  ${c.dim(pos[i].padEnd(posWidth))}  ${sev}  ${m.message.padEnd(msgWidth)}  ${c.dim(m.ruleId)}`);
    });
    if (r.looksLikePolicy && r.checklist.length) {
      const missing = r.checklist.some((e) => e.status !== 'present');
      const line = checklistLine(r.checklist);
      out.push(`  ${missing ? line : c.green(line)}`);
      if (r.groups?.length) out.push(`  ${formatProfileCounts(r.groups)}`);
    }
    out.push('');
  }

  const n = countMessages(report.results);
  const problems = n.error + n.warning;
  const files = plural(report.results.length, 'file');
  if (problems) {
    const detail = `${plural(n.error, 'error')}, ${plural(n.warning, 'warning')}${n.info ? `, ${n.info} info` : ''}`;
    const summary = `✖ ${plural(problems, 'problem')} (${detail}) in ${files}`;
    out.push(n.error ? c.red(c.bold(summary)) : c.yellow(c.bold(summary)));
    if (n.fixable && !report.fix) out.push(`  ${plural(n.fixable, 'problem')} can be fixed with --fix`);
    if (n.insertable)
      out.push(`  ${plural(n.insertable, 'missing section')} can be inserted with --fix --fix-type section`);
  } else {
    out.push(c.green(`✔ no problems in ${files}${n.info ? ` (${n.info} info)` : ''}`));
  }
  return out.join('\n') + '\n';
}
