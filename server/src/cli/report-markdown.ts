// The review report as Markdown (for a pull request or a ticket): the same content as the
// HTML page, with the readability chart as a table of text bars.
import type { ReviewDocument } from './report-data.js';
import { DEFAULT_GRADE_TARGET, groupItems } from './report-data.js';

const MARK = { present: '✓', incomplete: '◐', missing: '✗' } as const;

/** Text for a table cell: no line breaks, pipes escaped. */
function cell(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

function lineLink(doc: ReviewDocument, line: number | null): string {
  return line === null ? '—' : `[${line}](${encodeURI(doc.uri)}#L${line})`;
}

/** A bar of █ for a grade, up to 24. */
function bar(grade: number): string {
  return '█'.repeat(Math.max(0, Math.min(24, Math.round(grade))));
}

function documentPart(doc: ReviewDocument, target: number): string {
  const out: string[] = [];
  const present = doc.checklist.filter((c) => c.status === 'present').length;
  out.push(`## ${cell(doc.title)} (${cell(doc.file)})`, '');
  out.push(
    `Checklist ${present}/${doc.checklist.length} · ${doc.findings.length} findings · reading grade ${doc.grade === undefined ? '—' : doc.grade.toFixed(1)} · ${doc.words} words`,
    '',
  );
  for (const group of doc.groups) {
    const items = groupItems(doc, group);
    out.push(`### ${cell(group.label)} (${group.met}/${group.total})`, '');
    out.push('| item | status | line | evidence |', '| --- | --- | ---: | --- |');
    for (const c of items) {
      const evidence = [
        c.evidence ? `“${c.evidence}”` : '',
        c.reason ?? '',
        c.status !== 'present' && c.provision ? `Rests on: ${c.provision}` : '',
      ]
        .filter(Boolean)
        .join(' — ');
      out.push(`| ${cell(c.title)} | ${MARK[c.status]} ${c.status} | ${lineLink(doc, c.line)} | ${cell(evidence)} |`);
    }
    out.push('');
  }
  const missing = doc.checklist.filter((c) => c.status !== 'present');
  out.push('### Missing or incomplete, with the provision each rests on', '');
  out.push(
    ...(missing.length ? missing.map((c) => `- **${c.title}** (${c.status}) — ${c.provision}`) : ['Nothing missing.']),
    '',
  );
  out.push('### Findings', '');
  if (doc.findings.length) {
    out.push('| line | severity | rule | finding |', '| ---: | --- | --- | --- |');
    for (const f of doc.findings)
      out.push(
        `| ${lineLink(doc, f.line)} | ${f.severity} | \`${f.ruleId}\` | ${cell(f.message)}${f.quote ? ` — “${cell(f.quote)}”` : ''} |`,
      );
  } else {
    out.push('No findings.');
  }
  out.push('', `### Readability per section (Flesch–Kincaid grade; target ${target})`, '');
  if (doc.sections.length) {
    out.push('| section | line | words | grade | |', '| --- | ---: | ---: | ---: | --- |');
    for (const s of doc.sections) {
      const g = s.grade === undefined ? '—' : `${s.grade.toFixed(1)}${s.grade > target ? ' ⚠' : ''}`;
      out.push(
        `| ${cell(s.title)} | ${lineLink(doc, s.line)} | ${s.words} | ${g} | \`${s.grade === undefined ? '' : bar(s.grade)}\` |`,
      );
    }
  } else {
    out.push('No prose to grade.');
  }
  out.push('');
  return out.join('\n');
}

export function formatReportMarkdown(
  docs: readonly ReviewDocument[],
  opts: { gradeTarget?: number; generated?: Date } = {},
): string {
  const target = opts.gradeTarget ?? DEFAULT_GRADE_TARGET;
  const out: string[] = [
    `# Review report${docs.length === 1 ? `: ${cell(docs[0].title)}` : `: ${docs.length} documents`}`,
    '',
  ];
  out.push(
    `Made by policylint${opts.generated ? ` on ${opts.generated.toISOString().slice(0, 10)}` : ''}. Not legal advice.`,
    '',
  );
  if (docs.length > 1) {
    out.push('## Coverage matrix', '');
    out.push(
      `| item | ${docs.map((d) => cell(d.file)).join(' | ')} |`,
      `| --- | ${docs.map(() => ':---:').join(' | ')} |`,
    );
    for (const c of docs[0].checklist) {
      out.push(
        `| ${cell(c.title)} | ${docs.map((d) => MARK[d.checklist.find((x) => x.id === c.id)?.status ?? 'missing']).join(' | ')} |`,
      );
    }
    out.push(
      `| **reading grade** | ${docs.map((d) => (d.grade === undefined ? '—' : d.grade.toFixed(1))).join(' | ')} |`,
      '',
    );
    out.push('✓ present · ◐ incomplete · ✗ missing', '');
  }
  for (const d of docs) out.push(documentPart(d, target));
  return out.join('\n');
}
