// Entry of the single-file `policylint-language-server` command (dist/policylint-language-server.cjs):
// answers --help and --version itself, refuses a start without a transport with one line, and
// otherwise starts the language server, which takes its transport from argv.
import { packageVersion } from '../cli/io.js';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket=', '--pipe=', '--clientProcessId='];

const SERVER_USAGE = `Usage: policylint-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME

The policylint language server, for any editor that speaks the Language Server Protocol.
It lints privacy policies written in Markdown and offers their quick-fixes, outline,
hover, completion and checklist.

Options:
  --stdio           talk LSP over standard input and output (what most editors use)
  --node-ipc        talk LSP over a Node.js IPC channel
  --socket=PORT     talk LSP over a TCP socket on PORT
  --pipe=NAME       talk LSP over a named pipe
  --help, -h        print this help
  --version, -v     print the version
`;

/** What to do with the arguments `argv`: print help or the version, refuse, or start the server. */
function serverAction(argv: readonly string[]): 'help' | 'version' | 'no-transport' | 'start' {
  if (argv.includes('--help') || argv.includes('-h')) return 'help';
  if (argv.includes('--version') || argv.includes('-v')) return 'version';
  if (!argv.some((a) => TRANSPORTS.some((t) => (t.endsWith('=') ? a.startsWith(t) : a === t)))) return 'no-transport';
  return 'start';
}

const action = serverAction(process.argv.slice(2));
if (action === 'help') process.stdout.write(SERVER_USAGE);
else if (action === 'version') process.stdout.write(`${packageVersion()}\n`);
else if (action === 'no-transport') {
  process.stderr.write(
    'policylint-language-server: no transport given; start it with --stdio (or --node-ipc, --socket=PORT, --pipe=NAME). See --help.\n',
  );
  process.exitCode = 2;
} else {
  import('../server.js').catch((err: unknown) => {
    process.stderr.write(`policylint-language-server: could not start: ${(err as Error)?.message ?? String(err)}\n`);
    process.exitCode = 1;
  });
}
