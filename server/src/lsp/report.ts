// policylint/reviewReport: the review report of one document, the same page the command
// line writes, with each line a command link that reveals the line in the editor.
import * as path from 'node:path';
import { ClientCommands } from '../protocol.js';
import { reviewDocument } from '../cli/report-data.js';
import { formatReportHtml } from '../cli/report-html.js';
import { analysisFor } from './commands.js';
import { fsPathOf } from './selection.js';
import type { PolicyService } from './service.js';

/** A command URI that opens `uri` at a 1-based line (policylint.revealEvidence takes an LSP range). */
export function revealLineUri(uri: string, line: number): string {
  const range = { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: 0 } };
  return `command:${ClientCommands.revealEvidence}?${encodeURIComponent(JSON.stringify([uri, range]))}`;
}

export async function reviewReport(
  service: PolicyService,
  uri: string,
  version?: string,
): Promise<{ html: string } | null> {
  const a = await analysisFor(service, uri);
  if (!a?.result) return null;
  const file = fsPathOf(uri);
  const name = file ? path.basename(file) : uri;
  const doc = reviewDocument(name, uri, a.result, a.config ?? { profiles: ['recommended'] });
  const target = a.config?.rules.get('reading-grade')?.options.target;
  const html = formatReportHtml([doc], {
    lineHref: (d, line) => revealLineUri(d.uri, line),
    gradeTarget: typeof target === 'number' ? target : undefined,
    generated: new Date(),
    version,
  });
  return { html };
}
