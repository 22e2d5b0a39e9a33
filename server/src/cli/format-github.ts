// `--format github`: GitHub Actions workflow commands, one line per finding, which the runner
// turns into annotations on the pull request:
//   ::error file=docs/privacy.md,line=3,endLine=3,col=1,endColumn=9,title=contact::message
// Levels: error, warning, notice (for info). Values are escaped as the runner expects: in
// the message %, CR and LF; in the properties also ":" and ",". Files that could not be
// linted are one `::error` each.
import type { Severity } from '../engine/index.js';
import { relativePath } from './io.js';
import type { RunReport } from './report.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes the message part of a workflow command. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: RunReport): string {
  const lines: string[] = [];
  for (const r of report.results) {
    const file = r.abs ? relativePath(report.cwd, r.abs) : r.file;
    for (const m of r.messages) {
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${m.range.start.line}`,
        `endLine=${m.range.end.line}`,
        `col=${m.range.start.column}`,
        `endColumn=${m.range.end.column}`,
        `title=${escapeProperty(m.ruleId)}`,
      ];
      lines.push(`::${COMMAND[m.severity]} ${props.join(',')}::${escapeData(m.message)}`);
    }
  }
  for (const e of report.errors) lines.push(`::error title=policylint::${escapeData(`${e.file}: ${e.error}`)}`);
  return lines.length ? lines.join('\n') + '\n' : '';
}
