// The review report as one self-contained HTML page: inline CSS, inline SVG, no script and
// nothing fetched (its content security policy forbids both). `policylint report` writes
// it; the editor's *Open Review Report* shows it in a webview with command links to lines.
import type { ReviewDocument, ReviewItem } from './report-data.js';
import { DEFAULT_GRADE_TARGET, groupItems } from './report-data.js';

export interface HtmlOptions {
  /** Where a link to a line of a document goes; undefined: the line is shown without a link. */
  lineHref?: (doc: ReviewDocument, line: number) => string | undefined;
  /** The grade the readability chart marks as the target. */
  gradeTarget?: number;
  /** When the report was made (shown in the header). */
  generated?: Date;
  version?: string;
}

/** The content security policy of the page: styles inline, images only as data, nothing else. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const STATUS_MARK: Record<ReviewItem['status'], string> = { present: '✓', incomplete: '◐', missing: '✗' };

const CSS = `
:root { color-scheme: light dark; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --line: #d1d9e0; --ok: #1a7f37; --warn: #9a6700; --bad: #cf222e; --bar: #0969da; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --line: #3d444d; --ok: #3fb950; --warn: #d29922; --bad: #f85149; --bar: #4493f8; } }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 0 auto; padding: 24px; max-width: 1100px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; } h3 { font-size: 15px; margin: 20px 0 6px; }
.meta, .muted { color: var(--muted); } table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--line); } th { font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; } .present { color: var(--ok); } .incomplete { color: var(--warn); } .missing { color: var(--bad); }
.error { color: var(--bad); } .warning { color: var(--warn); } .info { color: var(--muted); }
.status { white-space: nowrap; font-weight: 600; } q { font-style: italic; } code { font-size: 13px; }
.matrix td, .matrix th { text-align: center; } .matrix td:first-child, .matrix th:first-child { text-align: left; white-space: nowrap; }
.summary { display: flex; gap: 24px; flex-wrap: wrap; margin: 8px 0; } .summary div { min-width: 120px; } .summary b { display: block; font-size: 20px; }
svg text { fill: var(--fg); font: 12px system-ui, sans-serif; } svg .target { stroke: var(--bad); stroke-dasharray: 4 3; } svg .bar { fill: var(--bar); } svg .bar.over { fill: var(--bad); }
a { color: var(--bar); }
`;

function lineCell(doc: ReviewDocument, line: number | null, opts: HtmlOptions): string {
  if (line === null) return '<td class="num">—</td>';
  const href = opts.lineHref?.(doc, line);
  return href
    ? `<td class="num"><a class="line" href="${escapeHtml(href)}">${line}</a></td>`
    : `<td class="num">${line}</td>`;
}

/** A horizontal bar per section: its grade, the target as a dashed line. */
export function readabilityChart(doc: ReviewDocument, target: number): string {
  const rows = doc.sections.filter((s) => s.grade !== undefined);
  if (!rows.length) return '<p class="muted">No prose to grade.</p>';
  const label = 260;
  const width = 460;
  const row = 22;
  const max = Math.max(20, target + 4, ...rows.map((s) => Math.ceil(s.grade!)));
  const x = (g: number) => label + (Math.max(0, g) / max) * width;
  const height = rows.length * row + 24;
  const bars = rows
    .map((s, i) => {
      const y = i * row;
      const name = s.title.length > 38 ? `${s.title.slice(0, 37)}…` : s.title;
      const over = s.grade! > target ? ' over' : '';
      return (
        `<g class="section-bar"><title>${escapeHtml(s.title)}: grade ${s.grade!.toFixed(1)}, ${s.words} words</title>` +
        `<text x="${label - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(name)}</text>` +
        `<rect class="bar${over}" x="${label}" y="${y + 4}" width="${(x(s.grade!) - label).toFixed(1)}" height="${row - 8}"></rect>` +
        `<text x="${(x(s.grade!) + 4).toFixed(1)}" y="${y + 15}">${s.grade!.toFixed(1)}</text></g>`
      );
    })
    .join('');
  const tx = x(target).toFixed(1);
  return (
    `<svg class="readability-chart" role="img" aria-label="Flesch–Kincaid grade per section" width="${label + width + 40}" height="${height}" viewBox="0 0 ${label + width + 40} ${height}">` +
    bars +
    `<line class="target" x1="${tx}" x2="${tx}" y1="0" y2="${rows.length * row}"></line>` +
    `<text x="${tx}" y="${rows.length * row + 16}" text-anchor="middle">target ${target}</text></svg>`
  );
}

function documentSection(doc: ReviewDocument, index: number, opts: HtmlOptions): string {
  const target = opts.gradeTarget ?? DEFAULT_GRADE_TARGET;
  const present = doc.checklist.filter((c) => c.status === 'present').length;
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of doc.findings) counts[f.severity]++;
  const checklist = doc.groups
    .map((group) => {
      const items = groupItems(doc, group);
      const rows = items
        .map(
          (c) =>
            `<tr class="item" data-item="${c.id}" data-status="${c.status}"><td>${escapeHtml(c.title)}</td>` +
            `<td class="status ${c.status}">${STATUS_MARK[c.status]} ${c.status}</td>${lineCell(doc, c.line, opts)}` +
            `<td>${c.evidence ? `<q>${escapeHtml(c.evidence)}</q>` : ''}${c.reason ? `<div class="incomplete">${escapeHtml(c.reason)}</div>` : ''}` +
            `${c.status !== 'present' && c.provision ? `<div class="muted">Rests on: ${escapeHtml(c.provision)}</div>` : ''}</td></tr>`,
        )
        .join('');
      return (
        `<h3>${escapeHtml(group.label)} <span class="muted">${group.met}/${group.total}</span></h3>` +
        `<table class="checklist" data-profile="${escapeHtml(group.profile)}"><thead><tr><th>item</th><th>status</th><th class="num">line</th><th>evidence</th></tr></thead><tbody>${rows}</tbody></table>`
      );
    })
    .join('');
  const missing = doc.checklist.filter((c) => c.status !== 'present');
  const missingList = missing.length
    ? `<ul class="missing-items">${missing.map((c) => `<li><b>${escapeHtml(c.title)}</b> (${c.status}) — ${escapeHtml(c.provision || 'no provision recorded')}</li>`).join('')}</ul>`
    : '<p class="muted">Nothing missing.</p>';
  const findings = doc.findings.length
    ? `<table class="findings"><thead><tr><th class="num">line</th><th>severity</th><th>rule</th><th>finding</th></tr></thead><tbody>${doc.findings
        .map(
          (f) =>
            `<tr class="finding" data-rule="${escapeHtml(f.ruleId)}">${lineCell(doc, f.line, opts)}<td class="${f.severity}">${f.severity}</td>` +
            `<td><code>${escapeHtml(f.ruleId)}</code></td><td>${escapeHtml(f.message)}${f.quote ? `<div class="muted"><q>${escapeHtml(f.quote)}</q></div>` : ''}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '<p class="muted">No findings.</p>';
  const sections = doc.sections.length
    ? `<table class="readability"><thead><tr><th>section</th><th class="num">line</th><th class="num">words</th><th class="num">grade</th></tr></thead><tbody>${doc.sections
        .map(
          (s) =>
            `<tr class="section-grade">${`<td>${escapeHtml(s.title)}</td>`}${lineCell(doc, s.line, opts)}<td class="num">${s.words}</td>` +
            `<td class="num${s.grade !== undefined && s.grade > target ? ' error' : ''}">${s.grade === undefined ? '—' : s.grade.toFixed(1)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  return (
    `<section class="document" id="doc-${index + 1}" data-file="${escapeHtml(doc.file)}">` +
    `<h2>${escapeHtml(doc.title)} <span class="muted">${escapeHtml(doc.file)}</span></h2>` +
    (doc.looksLikePolicy
      ? ''
      : '<p class="warning">This file does not read like a privacy policy; the findings below are the ones policylint makes on any text.</p>') +
    `<div class="summary"><div><b>${present}/${doc.checklist.length}</b>checklist items present</div>` +
    `<div><b>${counts.error} · ${counts.warning} · ${counts.info}</b>errors · warnings · notes</div>` +
    `<div><b>${doc.grade === undefined ? '—' : doc.grade.toFixed(1)}</b>reading grade (Flesch–Kincaid)</div><div><b>${doc.words}</b>words of prose</div></div>` +
    checklist +
    `<h3>Missing or incomplete, with the provision each rests on</h3>${missingList}` +
    `<h3>Findings</h3>${findings}` +
    `<h3>Readability per section</h3>${readabilityChart(doc, target)}${sections}` +
    '</section>'
  );
}

/** Several documents side by side: one row per checklist item, one column per document. */
export function coverageMatrix(docs: readonly ReviewDocument[]): string {
  const ids = docs[0]?.checklist.map((c) => ({ id: c.id, title: c.title })) ?? [];
  const head = docs
    .map(
      (d, i) =>
        `<th title="${escapeHtml(d.file)}"><a href="#doc-${i + 1}">${escapeHtml(d.file.split(/[\\/]/).pop()!)}</a></th>`,
    )
    .join('');
  const rows = ids
    .map(({ id, title }) => {
      const cells = docs
        .map((d) => {
          const c = d.checklist.find((x) => x.id === id);
          return c ? `<td class="${c.status}" title="${c.status}">${STATUS_MARK[c.status]}</td>` : '<td>—</td>';
        })
        .join('');
      return `<tr data-item="${id}"><td>${escapeHtml(title)}</td>${cells}</tr>`;
    })
    .join('');
  const grades = docs.map((d) => `<td>${d.grade === undefined ? '—' : d.grade.toFixed(1)}</td>`).join('');
  return (
    `<h2>Coverage matrix</h2><table class="matrix coverage-matrix"><thead><tr><th>item</th>${head}</tr></thead><tbody>${rows}` +
    `<tr class="grade-row"><td><b>reading grade</b></td>${grades}</tr></tbody></table>` +
    '<p class="muted">✓ present · ◐ incomplete (addressed, but missing what the item requires) · ✗ missing</p>'
  );
}

/** The whole page. */
export function formatReportHtml(docs: readonly ReviewDocument[], opts: HtmlOptions = {}): string {
  const when = opts.generated ? ` on ${opts.generated.toISOString().slice(0, 10)}` : '';
  const title = docs.length === 1 ? `Review report: ${docs[0].title}` : `Review report: ${docs.length} documents`;
  return (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(title)}</title><style>${CSS}</style></head><body>` +
    `<header><h1>${escapeHtml(title)}</h1><p class="meta">Made by policylint${opts.version ? ` ${escapeHtml(opts.version)}` : ''}${when}. ` +
    'A checklist and findings for legal review: each item links to the line it rests on. It is not legal advice.</p></header>' +
    (docs.length > 1 ? coverageMatrix(docs) : '') +
    docs.map((d, i) => documentSection(d, i, opts)).join('') +
    '</body></html>\n'
  );
}
