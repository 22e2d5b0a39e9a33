// The files a command works on: the paths it was given, walked, with what the ignores leave
// out (node/ignores.ts: node_modules and .git, .gitignore, .policylintignore and the
// config's `ignores`) skipped; --no-ignore turns the ignores off. lint, report and derive
// all find their files here.
import type { CliArgs } from './args.js';
import type { ConfigCache } from './lint-file.js';
import { type Discovery, discover } from './files.js';
import { relativePath } from './io.js';
import { describeIgnore, Ignores } from '../node/ignores.js';

export interface Targets extends Discovery {
  /** The ignore files that could not be read, each with why: errors of the run. */
  ignoreErrors: Discovery['errors'];
}

export function discoverTargets(
  args: Pick<CliArgs, 'paths' | 'ignore'>,
  cwd: string,
  configs: ConfigCache,
  fallbacks: Record<string, string> = {},
): Targets {
  const ignores = args.ignore ? new Ignores() : undefined;
  const ignored =
    ignores &&
    ((abs: string, isDir: boolean) => {
      const reason = ignores.check(abs, isDir, isDir ? undefined : configs.source(abs));
      return reason && describeIgnore(reason, (f) => relativePath(cwd, f));
    });
  const found = discover(args.paths, cwd, fallbacks, ignored);
  const ignoreErrors = (ignores?.problems ?? []).map((p) => ({ file: relativePath(cwd, p.file), message: p.message }));
  return { ...found, ignoreErrors };
}

/** Prints what discovery found wrong (errors) or left out (warnings); true when there were errors. */
export function reportDiscovery(found: Targets, io: { stderr(text: string): void }): boolean {
  const errors = [...found.errors, ...found.ignoreErrors];
  for (const e of errors) io.stderr(`${e.file}: error: ${e.message}\n`);
  for (const w of found.warnings) io.stderr(`${w.file}: warning: ${w.message}\n`);
  return errors.length > 0;
}
