// Entry of the single-file `policylint` command in the npm tarball (dist/policylint.cjs,
// bundled by scripts/bundle.mjs): runs the CLI with the process's own arguments and I/O.
import { main } from '../cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`policylint: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    process.exitCode = 2;
  },
);
