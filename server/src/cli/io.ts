// The CLI's view of the outside world. `main` takes these as a parameter so tests run the
// whole command in-process with captured output, a fake stdin and any working directory.
import * as path from 'node:path';
import * as readline from 'node:readline';

export interface CliIO {
  stdout(text: string): void;
  /** Resolves once what was written to stdout has gone out (at once when nothing waits): a streamed report waits for a slow reader instead of piling up in memory. */
  stdoutDrained?: () => Promise<void>;
  stderr(text: string): void;
  /** Reads standard input to its end, or stops once it has more than `limit` bytes. */
  readStdin(limit?: number): Promise<Buffer>;
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Width of the terminal behind stderr, for the progress line. */
  stderrColumns?: number;
  /**
   * Asks a question on the terminal and resolves to the answer (undefined at end of input).
   * Only there when standard input and output are a terminal: nothing asks otherwise.
   */
  ask?: (question: string) => Promise<string | undefined>;
}

/** What a caller may pass to `main`: any part of CliIO, or `stdin` as plain text or bytes. */
export type CliIOInput = Partial<CliIO> & { stdin?: string | Buffer };

/**
 * A writer for a real stream that goes quiet once the reader has gone away (EPIPE, as when
 * piping into `head`): the rest of the output is dropped, with no error and no stack trace.
 */
function streamWriter(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  // EPIPE is the usual cause; for any other stream error there is nowhere left to report it.
  stream.on('error', () => {
    closed = true;
  });
  return (text: string) => {
    if (closed || !text) return;
    try {
      stream.write(text);
    } catch {
      closed = true;
    }
  };
}

/** Resolves when the stream has nothing waiting to be written, or is gone. */
function drained(stream: NodeJS.WriteStream): () => Promise<void> {
  return () =>
    !stream.writableNeedDrain || stream.destroyed
      ? Promise.resolve()
      : new Promise((resolve) => {
          const done = () => {
            stream.off('drain', done);
            stream.off('close', done);
            stream.off('error', done);
            resolve();
          };
          stream.on('drain', done);
          stream.on('close', done);
          stream.on('error', done);
        });
}

/** Reads a stream to its end, or until it has given more than `limit` bytes (the rest is left unread). */
export async function readAll(stream: NodeJS.ReadableStream, limit = Infinity): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(bytes);
    total += bytes.length;
    if (total > limit) break; // leaving the loop stops the stream
  }
  return Buffer.concat(chunks, total);
}

export function resolveIO(input: CliIOInput = {}): CliIO {
  const stdinValue = input.stdin;
  return {
    stdout: input.stdout ?? streamWriter(process.stdout),
    stdoutDrained: input.stdout ? undefined : drained(process.stdout),
    stderr: input.stderr ?? streamWriter(process.stderr),
    readStdin:
      input.readStdin ??
      (stdinValue !== undefined
        ? async () => (typeof stdinValue === 'string' ? Buffer.from(stdinValue, 'utf8') : stdinValue)
        : (limit?: number) => readAll(process.stdin, limit)),
    cwd: input.cwd ?? process.cwd(),
    env: input.env ?? process.env,
    stdoutIsTTY: input.stdoutIsTTY ?? (input.stdout ? false : Boolean(process.stdout.isTTY)),
    stderrIsTTY: input.stderrIsTTY ?? (input.stderr ? false : Boolean(process.stderr.isTTY)),
    stderrColumns: input.stderrColumns ?? (input.stderr ? undefined : process.stderr.columns),
    ask:
      input.ask ??
      (stdinValue === undefined && !input.stdout && process.stdin.isTTY && process.stdout.isTTY
        ? askTerminal
        : undefined),
  };
}

/** One question on the terminal (readline), answered by a line or ended by end of input. */
function askTerminal(question: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
    let answered = false;
    rl.on('close', () => {
      if (!answered) resolve(undefined);
    });
    rl.question(question, (answer) => {
      answered = true;
      rl.close();
      resolve(answer);
    });
  });
}

export { packageRoot, packageVersion } from '../node/package.js';

/** A path for display and for SARIF: relative to `cwd` when inside it, with forward slashes. */
export function relativePath(cwd: string, absPath: string): string {
  const rel = path.relative(cwd, absPath);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : absPath;
  return shown.split(path.sep).join('/');
}
