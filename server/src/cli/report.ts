// What a lint run produced, independent of how it is printed.
import { fixType } from '../engine/fix-kinds.js';
import { lawProfilesOn, profileCounts, type ProfileCount } from '../engine/profiles.js';
import type { ChecklistEntry, LintMessage, ResolvedConfig, Severity } from '../engine/types.js';

export interface FileReport {
  /** The path as given ("<stdin>" for standard input). */
  file: string;
  abs?: string;
  looksLikePolicy: boolean;
  checklist: ChecklistEntry[];
  /** The checklist counted per active profile, when a law profile is on (the config's profiles otherwise group nothing). */
  groups?: ProfileCount[];
  /** The messages, their fixes and suggestions without edits (no report prints one). */
  messages: LintMessage[];
  /** The text the messages refer to (after fixes). */
  text: string;
  /** Messages whose fixes --fix applied. */
  fixed: LintMessage[];
}

export interface RunReport {
  results: FileReport[];
  /** Files that could not be read or written, and arguments that named nothing. */
  errors: { file: string; error: string }[];
  /** Files skipped with a warning (empty files). */
  skipped: { file: string; reason: string }[];
  fix: boolean;
  /** --quiet: errors only; the human report names only files that have some. */
  quiet?: boolean;
  cwd: string;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
  /** Problems a safe text fix solves (--fix). */
  fixable: number;
  /** Missing sections --fix --fix-type section inserts. */
  insertable: number;
}

export function countMessages(results: readonly FileReport[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0, fixable: 0, insertable: 0 };
  for (const r of results) {
    for (const m of r.messages) {
      counts[m.severity]++;
      const type = fixType(m.fix);
      if (type === 'safe') counts.fixable++;
      else if (type === 'section') counts.insertable++;
    }
  }
  return counts;
}

/** A file's checklist groups for its report: per profile when a law profile is on, none otherwise. */
export function checklistGroups(
  checklist: readonly ChecklistEntry[],
  config: Pick<ResolvedConfig, 'profiles'>,
): ProfileCount[] | undefined {
  return lawProfilesOn(config.profiles) ? profileCounts(checklist, config) : undefined;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];
