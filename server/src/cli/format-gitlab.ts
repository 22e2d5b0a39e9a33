// `--format gitlab`: a GitLab Code Quality report (artifacts:reports:codequality), a JSON
// array of issues: description, check_name (the rule id), fingerprint (stable across runs:
// the rule, the file and the text of the line, numbered when one line has several), severity
// (info, minor, major, critical or blocker) and location {path, lines: {begin, end}}.
import type { Severity } from '../engine/index.js';
import { lineHash } from './format-sarif.js';
import { relativePath } from './io.js';
import type { RunReport } from './report.js';

/** error → major, warning → minor, info → info (GitLab's scale, as ESLint's formatter maps it). */
export const GITLAB_SEVERITY: Record<Severity, 'major' | 'minor' | 'info'> = {
  error: 'major',
  warning: 'minor',
  info: 'info',
};

export interface CodeQualityIssue {
  type: 'issue';
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  categories: string[];
  location: { path: string; lines: { begin: number; end: number } };
}

export function codeQualityIssues(report: RunReport): CodeQualityIssue[] {
  const issues: CodeQualityIssue[] = [];
  for (const r of report.results) {
    const file = r.abs ? relativePath(report.cwd, r.abs) : r.file;
    const lines = r.text.split(/\r\n|\r|\n/);
    const seen = new Map<string, number>();
    for (const m of r.messages) {
      const hash = lineHash(m.ruleId, file, lines[m.range.start.line - 1] ?? '');
      const nth = (seen.get(hash) ?? 0) + 1;
      seen.set(hash, nth);
      issues.push({
        type: 'issue',
        description: `${m.message} (${m.ruleId})`,
        check_name: m.ruleId,
        fingerprint: nth === 1 ? hash : `${hash}-${nth}`,
        severity: GITLAB_SEVERITY[m.severity],
        categories: ['Compatibility'],
        location: { path: file, lines: { begin: m.range.start.line, end: m.range.end.line } },
      });
    }
  }
  return issues;
}

export function formatGitlab(report: RunReport): string {
  return JSON.stringify(codeQualityIssues(report), null, 2) + '\n';
}
