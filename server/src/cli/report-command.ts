// `policylint report <files…> [--format html|markdown] [-o FILE]`: lints each document and
// writes one review report: per document the checklist, evidence, missing items with their
// provisions, findings and readability per section; several documents also get a coverage
// matrix. The report goes to standard output unless -o names a file.
import * as path from 'node:path';
import { lint } from '../engine/index.js';
import { maxFileSizeOf } from '../engine/config.js';
import type { CliArgs } from './args.js';
import { discoverTargets, reportDiscovery } from './discover.js';
import { packageVersion, relativePath, type CliIO } from './io.js';
import { EXIT_OK, EXIT_TROUBLE, readStdin } from './lint-command.js';
import { ConfigCache, configPathOf, formatConfigError, lintOptionsFor } from './lint-file.js';
import { describeFsError, readPolicyFile } from '../node/read-file.js';
import { DEFAULT_GRADE_TARGET, reviewDocument, type ReviewDocument } from './report-data.js';
import { formatReportHtml } from './report-html.js';
import { formatReportMarkdown } from './report-markdown.js';
import { writeFileAtomic } from './write.js';

export async function runReport(args: CliArgs, io: CliIO): Promise<number> {
  if (!args.paths.length) {
    io.stderr('policylint report needs the policies to report on, e.g. policylint report privacy.md -o review.html\n');
    return EXIT_TROUBLE;
  }
  const configs = new ConfigCache(io.cwd, args.config, args.profile);
  const found = discoverTargets(args, io.cwd, configs);
  const targets = found.targets;
  let trouble = reportDiscovery(found, io);
  const out = args.output ? path.resolve(io.cwd, args.output) : undefined;
  const docs: ReviewDocument[] = [];
  let gradeTarget = DEFAULT_GRADE_TARGET;
  for (const target of targets) {
    const { config } = configs.for(configPathOf(target, io.cwd));
    const limit = args.maxFileSize ?? maxFileSizeOf(config);
    const read = target.abs ? readPolicyFile(target.abs, limit) : await readStdin(io, limit);
    if (!read.ok) {
      io.stderr(`${target.display}: ${read.kind === 'skip' ? 'warning' : 'error'}: ${read.message}\n`);
      trouble ||= read.kind === 'error';
      continue;
    }
    const result = lint(read.text, lintOptionsFor(target, config, { since: args.since }));
    // Links are relative to where the report is written, so they work when the report sits beside the policies.
    const uri = target.abs
      ? relativePath(out ? path.dirname(out) : io.cwd, target.abs)
          .split(path.sep)
          .join('/')
      : target.display;
    docs.push(reviewDocument(target.display, uri, result, config));
    const target12 = config.rules.get('reading-grade')?.options.target;
    if (typeof target12 === 'number') gradeTarget = target12;
  }
  for (const e of configs.errors) io.stderr(formatConfigError(e, io.cwd) + '\n');
  trouble ||= configs.errors.some((e) => e.severity !== 'warning');
  if (!docs.length) {
    io.stderr('policylint report: no readable documents, no report written\n');
    return EXIT_TROUBLE;
  }
  const generated = new Date();
  const text =
    args.reportFormat === 'markdown'
      ? formatReportMarkdown(docs, { gradeTarget, generated })
      : formatReportHtml(docs, {
          gradeTarget,
          generated,
          version: packageVersion(),
          lineHref: (d, line) => (d.uri.startsWith('<') ? undefined : `${encodeURI(d.uri)}#L${line}`),
        });
  if (!out) {
    io.stdout(text);
    return trouble ? EXIT_TROUBLE : EXIT_OK;
  }
  try {
    writeFileAtomic(out, text);
  } catch (err) {
    io.stderr(`${args.output}: error: could not write: ${describeFsError(err)}\n`);
    return EXIT_TROUBLE;
  }
  io.stderr(`wrote ${args.output} (${docs.length} document${docs.length === 1 ? '' : 's'})\n`);
  return trouble ? EXIT_TROUBLE : EXIT_OK;
}
