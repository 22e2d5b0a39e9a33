// The small subcommands: derive, init and --list-rules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deriveChecklist, resolveConfig, RULES } from '../engine/index.js';
import type { CliArgs } from './args.js';
import { CONFIG_FILE_NAME } from '../node/config-files.js';
import { discover } from './files.js';
import { relativePath, type CliIO } from './io.js';
import { EXIT_OK, EXIT_TROUBLE, readStdin } from './lint-command.js';
import { describeFsError, readPolicyFile } from '../node/read-file.js';
import { writeFileAtomic } from './write.js';

/** `policylint derive <files…>`: the checklist a corpus implies, as pretty JSON. */
export async function runDerive(args: CliArgs, io: CliIO): Promise<number> {
  if (!args.paths.length) {
    io.stderr('policylint derive needs the corpus files, e.g. policylint derive corpus/*.md -o corpus/checklist.json\n');
    return EXIT_TROUBLE;
  }
  const { targets, errors } = discover(args.paths, io.cwd);
  let trouble = errors.length > 0;
  for (const e of errors) io.stderr(`${e.file}: error: ${e.message}\n`);
  const docs: { file: string; text: string }[] = [];
  for (const target of targets) {
    const read = target.abs ? readPolicyFile(target.abs) : await readStdin(io);
    if (!read.ok) {
      io.stderr(`${target.display}: ${read.kind === 'skip' ? 'warning' : 'error'}: ${read.message}\n`);
      trouble ||= read.kind === 'error';
      continue;
    }
    docs.push({ file: target.abs ? relativePath(io.cwd, target.abs) : target.display, text: read.text });
  }
  if (!docs.length) {
    io.stderr('policylint derive: no readable documents, nothing derived\n');
    return EXIT_TROUBLE;
  }
  const json = JSON.stringify(deriveChecklist(docs, { minCoverage: args.minCoverage }), null, 2) + '\n';
  if (!args.output) {
    io.stdout(json);
    return trouble ? EXIT_TROUBLE : EXIT_OK;
  }
  try {
    writeFileAtomic(path.resolve(io.cwd, args.output), json);
  } catch (err) {
    io.stderr(`${args.output}: error: could not write: ${describeFsError(err)}\n`);
    return EXIT_TROUBLE;
  }
  io.stderr(`wrote ${args.output} (${docs.length} documents)\n`);
  return trouble ? EXIT_TROUBLE : EXIT_OK;
}

/** The starter config `policylint init` writes: the recommended profile and the keys that fill inserted sections. */
export function starterConfig(): string {
  const data = {
    extends: 'recommended',
    company: '',
    contactEmail: '',
    postalAddress: '',
    rules: {},
  };
  return JSON.stringify(data, null, 2) + '\n';
}

/** `policylint init`: writes .policylintrc.json in the working directory, never over an existing one. */
export function runInit(io: CliIO): number {
  const file = path.join(io.cwd, CONFIG_FILE_NAME);
  try {
    fs.writeFileSync(file, starterConfig(), { flag: 'wx' });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'EEXIST' ? 'already exists; not overwriting it' : `could not write: ${describeFsError(e)}`;
    io.stderr(`${CONFIG_FILE_NAME}: error: ${why}\n`);
    return EXIT_TROUBLE;
  }
  io.stdout(
    `wrote ${CONFIG_FILE_NAME}: fill in "company", "contactEmail" and "postalAddress" so inserted sections use them.\n`,
  );
  return EXIT_OK;
}

/** `--list-rules`: id, severity in the recommended profile, fixable, description. */
export function listRules(args: CliArgs, io: CliIO): number {
  const recommended = resolveConfig(undefined).config.rules;
  const rows = RULES.map((r) => ({
    id: r.meta.id,
    severity: recommended.get(r.meta.id)?.severity ?? 'off',
    fixable: r.meta.fixable,
    ...(r.meta.fixKind === 'section' && { fixKind: 'section' }),
    description: r.meta.description,
  }));
  if (args.format === 'json') {
    io.stdout(JSON.stringify(rows, null, 2) + '\n');
    return EXIT_OK;
  }
  const idWidth = Math.max(4, ...rows.map((r) => r.id.length));
  const lines = [`${'rule'.padEnd(idWidth)}  severity  fixable  description`];
  for (const r of rows) {
    lines.push(`${r.id.padEnd(idWidth)}  ${r.severity.padEnd(8)}  ${(r.fixable ? (r.fixKind === 'section' ? 'section' : 'yes') : 'no').padEnd(7)}  ${r.description}`);
  }
  io.stdout(lines.join('\n') + '\n');
  return EXIT_OK;
}
