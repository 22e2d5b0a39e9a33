// The policylint command. Thin on purpose: parse the arguments and hand over to a
// subcommand. `main` takes its I/O as a parameter so tests run it in-process.
import { type CliArgs, configOptionProblem, parseArgs, usage, UsageError } from './cli/args.js';
import { resolveIO, packageVersion, type CliIOInput } from './cli/io.js';
import { EXIT_OK, EXIT_TROUBLE, runLint } from './cli/lint-command.js';

export type { CliIO, CliIOInput } from './cli/io.js';

/** Runs the command line `argv` (without node and the script) and resolves to the exit code. */
export async function main(argv: readonly string[], ioInput: CliIOInput = {}): Promise<number> {
  const io = resolveIO(ioInput);
  try {
    let args: CliArgs;
    try {
      args = parseArgs(argv);
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      io.stderr(`policylint: ${err.message}\nRun policylint --help for the options.\n`);
      return EXIT_TROUBLE;
    }
    if (args.help) {
      io.stdout(usage());
      return EXIT_OK;
    }
    if (args.version) {
      io.stdout(`${packageVersion()}\n`);
      return EXIT_OK;
    }
    // The subcommands are loaded when run: linting (and a --cache hit) does not load what they need.
    if (args.command === 'init') return await (await import('./cli/commands.js')).runInit(args, io);
    const configProblem = configOptionProblem(args, io.cwd);
    if (configProblem) {
      io.stderr(`policylint: error: ${configProblem}\n`);
      return EXIT_TROUBLE;
    }
    if (args.command === 'derive') return await (await import('./cli/commands.js')).runDerive(args, io);
    if (args.command === 'report') return await (await import('./cli/report-command.js')).runReport(args, io);
    if (args.listRules) return (await import('./cli/commands.js')).listRules(args, io);
    if (!args.paths.length) {
      io.stderr(usage());
      return EXIT_TROUBLE;
    }
    return await runLint(args, io);
  } catch (err) {
    // Nothing should get here; if something does, one line, no stack trace (unless asked for).
    io.stderr(`policylint: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    if (io.env.POLICYLINT_DEBUG) io.stderr(`${(err as Error)?.stack ?? ''}\n`);
    return EXIT_TROUBLE;
  }
}
