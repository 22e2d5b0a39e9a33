// The text of the language status item: "Checklist 12/16 · 14 ms", or with a law profile on,
// the server's counts per profile: "Checklist 12/14 · GDPR 9/10 · 14 ms". Pure.

export interface LintStats {
  present: number;
  total: number;
  /** The counts per profile, as the server wrote them, when a law profile is on. */
  grouped?: string;
  elapsedMs: number;
}

/** "14 ms", "<1 ms", "2.4 ms" below 10 ms (rounded), "1.2 s" from a second on. */
export function formatElapsed(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '? ms';
  if (ms < 1) return '<1 ms';
  if (ms < 9.95) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

export interface StatusText {
  text: string;
  detail: string;
  /** True when the policy is missing checklist items. */
  incomplete: boolean;
}

/** What the status item shows for a document; `undefined` stats means it has not been linted yet. */
export function statusText(stats: LintStats | undefined): StatusText {
  if (!stats) return { text: 'Checklist …', detail: 'waiting for the first lint', incomplete: false };
  if (stats.total === 0) {
    return {
      text: `Checklist – · ${formatElapsed(stats.elapsedMs)}`,
      detail: 'no checklist items apply to this document',
      incomplete: false,
    };
  }
  const missing = stats.total - stats.present;
  return {
    text: `${stats.grouped ?? `Checklist ${stats.present}/${stats.total}`} · ${formatElapsed(stats.elapsedMs)}`,
    detail: `${stats.present} of ${stats.total} checklist items present${missing ? `, ${missing} to go` : ''}${stats.grouped ? ` (${stats.grouped})` : ''}; the last lint took ${formatElapsed(stats.elapsedMs)}`,
    incomplete: missing > 0,
  };
}
