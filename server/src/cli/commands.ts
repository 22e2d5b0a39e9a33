// The small subcommands: derive, init and --list-rules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  composeProfiles,
  deriveChecklist,
  LAW_PROFILES,
  parsePolicy,
  profileEntries,
  profileSignals,
  PROFILES,
  RULES,
  SHIPPED_CHECKLIST,
  splitProfiles,
} from '../engine/index.js';
import type { CliArgs } from './args.js';
import { CONFIG_FILE_NAME } from '../node/config-files.js';
import { discoverTargets, reportDiscovery } from './discover.js';
import { ConfigCache } from './lint-file.js';
import { relativePath, type CliIO } from './io.js';
import { EXIT_OK, EXIT_TROUBLE, readStdin } from './lint-command.js';
import { describeFsError, readPolicyFile } from '../node/read-file.js';
import { writeFileAtomic } from './write.js';

/** `policylint derive <files…>`: the checklist a corpus implies, as pretty JSON. */
export async function runDerive(args: CliArgs, io: CliIO): Promise<number> {
  if (!args.paths.length) {
    io.stderr(
      'policylint derive needs the corpus files, e.g. policylint derive corpus/*.md -o corpus/checklist.json\n',
    );
    return EXIT_TROUBLE;
  }
  const found = discoverTargets(args, io.cwd, new ConfigCache(io.cwd, args.config, args.profile));
  const targets = found.targets;
  let trouble = reportDiscovery(found, io);
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

/**
 * The starter config `policylint init` writes: the profiles (`recommended` unless told) and
 * the keys that fill inserted sections.
 */
export function starterConfig(profiles: readonly string[] = ['recommended']): string {
  const data = {
    extends: profiles.length === 1 ? profiles[0] : [...profiles],
    company: '',
    contactEmail: '',
    postalAddress: '',
    rules: {},
  };
  return JSON.stringify(data, null, 2) + '\n';
}

const LAW_IDS = LAW_PROFILES.map((p) => p.id);

/** The names in `profiles` that are no profile. */
function unknownProfiles(profiles: readonly string[]): string[] {
  return profiles.filter((p) => !PROFILES.includes(p));
}

/** What `policylint init` asks on a terminal; resolves to the law profiles chosen. */
async function askLaws(ask: NonNullable<CliIO['ask']>, io: CliIO, suggested: readonly string[]): Promise<string[]> {
  const question = `Which laws does the policy answer to? Profiles, comma-separated, from ${LAW_IDS.join(', ')}; "none" for none (Enter: ${suggested.join(', ') || 'none'}): `;
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = await ask(question);
    if (answer === undefined || !answer.trim()) return [...suggested];
    if (/^\s*none\s*$/i.test(answer)) return [];
    const chosen = [...new Set(splitProfiles(answer.toLowerCase()))];
    const unknown = unknownProfiles(chosen);
    if (!unknown.length) return chosen;
    io.stdout(
      `unknown profile ${unknown.map((u) => `"${u}"`).join(', ')}; the law profiles are ${LAW_IDS.join(', ')}\n`,
    );
  }
  return [...suggested];
}

/**
 * `policylint init [draft.md] [--profile …]`: writes .policylintrc.json in the working
 * directory, never over an existing one. Its `extends` is `--profile` when given; else
 * `recommended` and the law profiles a draft speaks of (the suggest-profile rule's detection),
 * asked on a terminal with those as the answer Enter gives.
 */
export async function runInit(args: Pick<CliArgs, 'paths' | 'profile'>, io: CliIO): Promise<number> {
  const file = path.join(io.cwd, CONFIG_FILE_NAME);
  if (fs.existsSync(file)) {
    io.stderr(`${CONFIG_FILE_NAME}: error: already exists; not overwriting it\n`);
    return EXIT_TROUBLE;
  }
  const given = args.profile === undefined ? undefined : [...new Set(splitProfiles(args.profile))];
  if (given) {
    const unknown = unknownProfiles(given);
    if (unknown.length || !given.length) {
      io.stderr(
        `policylint: error: ${given.length ? `unknown profile ${unknown.map((u) => `"${u}"`).join(', ')}` : '--profile names no profile'}; the profiles are ${PROFILES.join(', ')}\n`,
      );
      return EXIT_TROUBLE;
    }
  }
  let guessed: string[] = [];
  const draft = args.paths[0];
  if (draft !== undefined) {
    const read = draft === '-' ? await readStdin(io) : readPolicyFile(path.resolve(io.cwd, draft));
    if (!read.ok && read.kind === 'error') {
      io.stderr(`${draft}: error: ${read.message}\n`);
      return EXIT_TROUBLE;
    }
    if (read.ok) {
      const doc = parsePolicy(read.text);
      const signals = profileSignals(doc);
      guessed = [...new Set(signals.map((s) => s.profile))];
      for (const s of signals)
        io.stdout(`${draft}:${doc.lineOf(s.start)}: speaks of ${s.subject}: the ${s.profile} profile\n`);
      if (!signals.length) io.stdout(`${draft}: names none of the laws a profile checks (${LAW_IDS.join(', ')})\n`);
      const left = given ? guessed.filter((p) => !given.includes(p) && !given.includes('all')) : [];
      if (left.length) io.stdout(`note: --profile leaves out ${left.join(', ')}, which the draft speaks of\n`);
    } else {
      io.stderr(`${draft}: warning: ${read.message}; nothing to guess from\n`);
    }
  }
  const profiles = given ?? ['recommended', ...(io.ask ? await askLaws(io.ask, io, guessed) : guessed)];
  try {
    fs.writeFileSync(file, starterConfig(profiles), { flag: 'wx' });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'EEXIST' ? 'already exists; not overwriting it' : `could not write: ${describeFsError(e)}`;
    io.stderr(`${CONFIG_FILE_NAME}: error: ${why}\n`);
    return EXIT_TROUBLE;
  }
  io.stdout(
    `wrote ${CONFIG_FILE_NAME} with "extends": ${JSON.stringify(profiles.length === 1 ? profiles[0] : profiles)}: fill in "company", "contactEmail" and "postalAddress" so inserted sections use them.\n`,
  );
  return EXIT_OK;
}

/** Why `profiles` leave a rule off, and which other profiles turn it on: "off in recommended (corpus coverage 1/5, below 60%); on in caloppa". */
function offSource(id: string, profiles: readonly string[]): string {
  const derived = SHIPPED_CHECKLIST.items.find((i) => i.id === id);
  const why =
    profiles.includes('recommended') && derived
      ? ` (corpus coverage ${derived.covered}/${derived.total}, below ${Math.round(SHIPPED_CHECKLIST.minCoverage * 100)}%: corpus/checklist.json)`
      : '';
  const others = ['recommended', 'plain-language', ...LAW_PROFILES.map((p) => p.id)].filter(
    (p) => !profiles.includes(p) && profileEntries(p).has(id),
  );
  return `off in ${profiles.join(', ')}${why}; on in ${others.length ? others.join(', ') : 'all'}`;
}

const SPELLED = { error: 'error', warning: 'warn', info: 'info' } as const;

/**
 * `--list-rules`: id, severity in the recommended profile (or the `--profile` ones), fixable,
 * where the severity comes from (the corpus coverage in corpus/checklist.json, the rule's own
 * default, a law's provision), description.
 */
export function listRules(args: CliArgs, io: CliIO): number {
  const profiles = args.profile ? splitProfiles(args.profile) : ['recommended'];
  const unknown = profiles.filter(
    (p) => p !== 'recommended' && p !== 'all' && p !== 'plain-language' && !LAW_PROFILES.some((l) => l.id === p),
  );
  if (unknown.length) {
    io.stderr(`error: unknown profile ${unknown.map((u) => `"${u}"`).join(', ')}\n`);
    return EXIT_TROUBLE;
  }
  const on = composeProfiles(profiles);
  const rows = RULES.map((r) => {
    const setting = on.get(r.meta.id);
    return {
      id: r.meta.id,
      severity: setting ? SPELLED[setting.severity] : 'off',
      fixable: r.meta.fixable,
      ...(r.meta.fixKind === 'section' && { fixKind: 'section' }),
      source: setting ? setting.source : offSource(r.meta.id, profiles),
      description: r.meta.description,
    };
  });
  if (args.format === 'json') {
    io.stdout(JSON.stringify(rows, null, 2) + '\n');
    return EXIT_OK;
  }
  const idWidth = Math.max(4, ...rows.map((r) => r.id.length));
  const sourceWidth = Math.max(6, ...rows.map((r) => r.source.length));
  const lines = [`${'rule'.padEnd(idWidth)}  severity  fixable  ${'source'.padEnd(sourceWidth)}  description`];
  for (const r of rows) {
    const fixable = r.fixable ? (r.fixKind === 'section' ? 'section' : 'yes') : 'no';
    lines.push(
      `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(8)}  ${fixable.padEnd(7)}  ${r.source.padEnd(sourceWidth)}  ${r.description}`,
    );
  }
  io.stdout(lines.join('\n') + '\n');
  return EXIT_OK;
}
