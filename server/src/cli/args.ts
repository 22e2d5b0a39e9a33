// Command-line parsing. Hand-written so that every mistake gets one plain sentence and the
// options of one subcommand are refused, by name, on another.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseSize } from '../engine/config.js';
import { FIX_TYPES, type FixType } from '../engine/fix-kinds.js';

export type Command = 'lint' | 'derive' | 'init' | 'report';
export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'gitlab'] as const;
export type Format = (typeof FORMATS)[number];
export const REPORT_FORMATS = ['html', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface CliArgs {
  command: Command;
  paths: string[];
  format: Format;
  /** policylint report --format */
  reportFormat: ReportFormat;
  /** --since REF: the git ref stale-effective-date compares with (default HEAD). */
  since?: string;
  fix: boolean;
  /** --fix-type: which kinds of fix --fix applies (default: safe text fixes only). */
  fixTypes?: FixType[];
  profile?: string;
  config?: string;
  maxWarnings?: number;
  quiet: boolean;
  /** false for --no-color, true for --color, undefined to decide from the terminal. */
  color?: boolean;
  listRules: boolean;
  help: boolean;
  version: boolean;
  minCoverage: number;
  output?: string;
  /** --max-file-size in bytes: overrides every config's `maxFileSize`. */
  maxFileSize?: number;
  /** --jobs: how many files to lint at once (undefined: one per core). */
  jobs?: number;
  /** --cache: reuse the results of files that did not change since the last run. */
  cache: boolean;
  /** --cache-location: the cache file, or a directory for it. */
  cacheLocation?: string;
  /** false for --no-ignore: lint what .policylintignore, .gitignore and `ignores` would leave out. */
  ignore: boolean;
}

export class UsageError extends Error {}

interface OptionSpec {
  names: string[];
  /** Takes a value (`--format json` or `--format=json`). */
  value?: string;
  commands: Command[];
  help: string;
  apply(args: CliArgs, value: string): void;
}

const ALL: Command[] = ['lint', 'derive', 'init', 'report'];

function parseNumber(option: string, value: string, check: (n: number) => boolean, expected: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || !check(n)) {
    throw new UsageError(`${option} expects ${expected}, got ${JSON.stringify(value)}`);
  }
  return n;
}

export const OPTIONS: OptionSpec[] = [
  {
    names: ['--format', '-f'],
    value: 'NAME',
    commands: ['lint', 'report'],
    help: 'output format: stylish (default), json, sarif, github (Actions annotations) or gitlab (Code Quality); for report: html (default) or markdown',
    apply(args, v) {
      if (args.command === 'report') {
        if (!(REPORT_FORMATS as readonly string[]).includes(v)) {
          throw new UsageError(
            `--format expects one of ${REPORT_FORMATS.join(', ')} with policylint report, got ${JSON.stringify(v)}`,
          );
        }
        args.reportFormat = v as ReportFormat;
        return;
      }
      if (!(FORMATS as readonly string[]).includes(v)) {
        throw new UsageError(`--format expects one of ${FORMATS.join(', ')}, got ${JSON.stringify(v)}`);
      }
      args.format = v as Format;
    },
  },
  {
    names: ['--fix'],
    commands: ['lint'],
    help: 'apply every safe text fix and write the files back (never inserts a section)',
    apply: (a) => void (a.fix = true),
  },
  {
    names: ['--fix-type'],
    value: 'TYPES',
    commands: ['lint'],
    help: 'with --fix: the kinds of fix to apply, comma-separated: safe (text fixes, the default), section (insert missing sections)',
    apply(a, v) {
      const types = v
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
      const bad = types.find((t) => !(FIX_TYPES as readonly string[]).includes(t));
      if (!types.length || bad !== undefined)
        throw new UsageError(
          `--fix-type expects ${FIX_TYPES.join(', ')} or both comma-separated, got ${JSON.stringify(v)}`,
        );
      a.fixTypes = [...new Set([...(a.fixTypes ?? []), ...(types as FixType[])])];
    },
  },
  {
    names: ['--profile'],
    value: 'NAME',
    commands: ['lint', 'report', 'init'],
    help: 'use these profiles instead of the config\'s "extends" (init: write them into it), comma-separated (recommended, all, plain-language, gdpr, uk-gdpr, ccpa, caloppa, coppa, us-states, pipeda, lgpd)',
    apply: (a, v) => void (a.profile = v),
  },
  {
    names: ['--config', '-c'],
    value: 'FILE',
    commands: ['lint', 'report'],
    help: 'use this config file instead of the nearest .policylintrc.json',
    apply: (a, v) => void (a.config = v),
  },
  {
    names: ['--max-warnings'],
    value: 'N',
    commands: ['lint'],
    help: 'exit with 1 when there are more than N warnings',
    apply(a, v) {
      a.maxWarnings = parseNumber(
        '--max-warnings',
        v,
        (n) => Number.isInteger(n) && n >= -1,
        'a whole number (0 or more)',
      );
    },
  },
  {
    names: ['--max-file-size'],
    value: 'SIZE',
    commands: ['lint'],
    help: "refuse files larger than SIZE (bytes, or e.g. 5MB, 500KB; default: the config's maxFileSize, else 5MB)",
    apply(a, v) {
      const bytes = parseSize(v);
      if (bytes === undefined)
        throw new UsageError(
          `--max-file-size expects a size such as 5MB, 500KB or 2000000 (bytes), got ${JSON.stringify(v)}`,
        );
      a.maxFileSize = bytes;
    },
  },
  {
    names: ['--jobs', '-j'],
    value: 'N',
    commands: ['lint'],
    help: 'lint N files at once on worker threads (default: one per core, for 16 files or more; 1: no threads)',
    apply(a, v) {
      a.jobs = parseNumber(
        '--jobs',
        v,
        (n) => Number.isInteger(n) && n >= 1 && n <= 256,
        'a whole number from 1 to 256',
      );
    },
  },
  {
    names: ['--cache'],
    commands: ['lint'],
    help: 'skip files unchanged since the last run with the same config (results kept in .policylintcache; not with --fix)',
    apply: (a) => void (a.cache = true),
  },
  {
    names: ['--cache-location'],
    value: 'PATH',
    commands: ['lint'],
    help: 'the cache file, or a directory to keep .policylintcache in (implies --cache)',
    apply: (a, v) => {
      a.cache = true;
      a.cacheLocation = v;
    },
  },
  {
    names: ['--no-ignore'],
    commands: ['lint', 'report', 'derive'],
    help: 'take in what .policylintignore, .gitignore and the config\'s "ignores" leave out (folders still skip node_modules and dot-folders)',
    apply: (a) => void (a.ignore = false),
  },
  {
    names: ['--quiet', '-q'],
    commands: ['lint'],
    help: 'report errors only (warnings are not shown or counted)',
    apply: (a) => void (a.quiet = true),
  },
  {
    names: ['--no-color'],
    commands: ALL,
    help: 'never colour the output (NO_COLOR works too)',
    apply: (a) => void (a.color = false),
  },
  {
    names: ['--color'],
    commands: ALL,
    help: 'colour the output even when it is not a terminal',
    apply: (a) => void (a.color = true),
  },
  {
    names: ['--list-rules'],
    commands: ['lint'],
    help: 'list every rule with its severity in recommended (or --profile) and where that comes from',
    apply: (a) => void (a.listRules = true),
  },
  {
    names: ['--min-coverage'],
    value: 'RATIO',
    commands: ['derive'],
    help: 'derive: share of documents an item needs to enter the recommended profile (default 0.6)',
    apply(a, v) {
      a.minCoverage = parseNumber('--min-coverage', v, (n) => n >= 0 && n <= 1, 'a number from 0 to 1');
    },
  },
  {
    names: ['--since'],
    value: 'REF',
    commands: ['lint', 'report'],
    help: 'stale-effective-date compares with the file at this git ref (default: HEAD, the last commit)',
    apply(a, v) {
      if (!/^[A-Za-z0-9_][\w./@{}~^-]*$/.test(v) || v.includes('..'))
        throw new UsageError(`--since expects a git ref such as HEAD~1, main or v2.0, got ${JSON.stringify(v)}`);
      a.since = v;
    },
  },
  {
    names: ['--output', '-o'],
    value: 'FILE',
    commands: ['derive', 'report'],
    help: 'derive, report: write to FILE instead of standard output',
    apply: (a, v) => void (a.output = v),
  },
  { names: ['--help', '-h'], commands: ALL, help: 'show this help', apply: (a) => void (a.help = true) },
  { names: ['--version', '-v'], commands: ALL, help: 'print the version', apply: (a) => void (a.version = true) },
];

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = {
    command: 'lint',
    paths: [],
    format: 'stylish',
    reportFormat: 'html',
    fix: false,
    quiet: false,
    cache: false,
    ignore: true,
    listRules: false,
    help: false,
    version: false,
    minCoverage: 0.6,
  };
  let rest = [...argv];
  if (rest[0] === 'derive' || rest[0] === 'init' || rest[0] === 'report') {
    args.command = rest[0];
    rest = rest.slice(1);
  }
  const seen: { spec: OptionSpec; name: string }[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--') {
      args.paths.push(...rest.slice(i + 1));
      break;
    }
    if (arg === '-' || !arg.startsWith('-')) {
      args.paths.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const spec = OPTIONS.find((o) => o.names.includes(name));
    if (!spec) throw new UsageError(`unknown option ${name}`);
    let value = '';
    if (spec.value) {
      if (eq > 0) value = arg.slice(eq + 1);
      else if (i + 1 < rest.length) value = rest[++i];
      else throw new UsageError(`${name} needs a value (${spec.value})`);
    } else if (eq > 0) {
      throw new UsageError(`${name} takes no value`);
    }
    spec.apply(args, value);
    seen.push({ spec, name });
  }
  for (const { spec, name } of seen) {
    if (!spec.commands.includes(args.command)) {
      const where = args.command === 'lint' ? 'when linting' : `with policylint ${args.command}`;
      throw new UsageError(`${name} cannot be used ${where}`);
    }
  }
  if (args.command === 'init' && args.paths.length > 1)
    throw new UsageError('policylint init takes at most one draft policy to guess the profiles from');
  if (args.fixTypes && !args.fix) throw new UsageError('--fix-type needs --fix');
  return args;
}

/**
 * The one line to print when --config names no file (nothing is linted then), or undefined.
 * Other problems with the file (unreadable, bad JSON) are reported where it is read.
 */
export function configOptionProblem(args: Pick<CliArgs, 'config'>, cwd: string): string | undefined {
  if (args.config === undefined) return undefined;
  let stat: fs.Stats;
  try {
    stat = fs.statSync(path.resolve(cwd, args.config));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      return `the config file given with --config does not exist: ${args.config}`;
    return undefined;
  }
  return stat.isDirectory() ? `--config names a folder, not a config file: ${args.config}` : undefined;
}

export function usage(): string {
  const optionLines = OPTIONS.map((o) => {
    const names = o.names.slice().reverse().join(', ') + (o.value ? ` ${o.value}` : '');
    return `  ${names.padEnd(24)} ${o.help}`;
  });
  return [
    'Usage: policylint [options] <files | directories | globs | ->',
    '       policylint derive <files…> [--min-coverage 0.6] [-o checklist.json]',
    '       policylint init [draft.md] [--profile recommended,gdpr]',
    '       policylint report <files…> [--format html|markdown] [-o report.html] [--since REF]',
    '',
    'Lints privacy policies written in Markdown. Directories are searched for *.md and',
    '*.markdown files; "-" reads standard input. `policylint corpus` lints the sample corpus.',
    'With "-" and --fix the fixed text goes to standard output and the report to standard error.',
    '',
    'Options:',
    ...optionLines,
    '',
    'Exit codes: 0 no errors, 1 lint errors (or more warnings than --max-warnings),',
    '            2 usage, config or file errors.',
    '',
  ].join('\n');
}
