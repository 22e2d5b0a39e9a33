// The worker-thread pool of `policylint --jobs N`. Files go out one at a time (each worker
// holds at most two: the one it lints and the next), outcomes come back by index, so the
// report is assembled in the same order as a sequential run. A worker that dies is reported
// as an error on the file it was linting; the files it had not started go to the others.
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { KnownBaseline } from './lint-file.js';
import { failedOutcome, type FileOutcome, type LintSettings } from './lint-setup.js';

/** Runs with fewer files than this lint in-process: starting workers costs more than it saves. */
export const PARALLEL_MIN_FILES = 16;
/** Files a worker holds at once: one being linted and one waiting, so it never idles for a round trip. */
const HOLD = 2;

export interface PoolTask {
  /** Position in the run's targets. */
  index: number;
  display: string;
  abs: string;
  /** Size limit in bytes. */
  limit: number;
  /** The committed text, when the main thread read it (added as the task is sent). */
  known?: KnownBaseline;
}

export interface WorkerData {
  settings: LintSettings;
  /** Tests only: the worker dies when it is given a file whose name contains this. */
  crashOn?: string;
}
export type WorkerRequest = { task: PoolTask };
export type WorkerReply = { ready: true } | { index: number; outcome: FileOutcome };

/** The worker's entry, next to this module (in out/ after tsc; the bin runs the CLI from there). */
const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Whether the worker entry exists (it does not where the CLI was bundled into one file). */
export function workerAvailable(): boolean {
  try {
    return WORKER_URL.protocol === 'file:' && fs.existsSync(fileURLToPath(WORKER_URL));
  } catch {
    return false;
  }
}

/**
 * Lints `tasks` on `size` worker threads, calling `onOutcome` once per task (in completion
 * order). Resolves when every task has an outcome and every worker has exited. Never hangs
 * on a dead worker: what it had not started is handed on, and when no worker is left the
 * rest is linted here with `lintHere`.
 */
export function runPool(
  tasks: readonly PoolTask[],
  size: number,
  data: WorkerData,
  onOutcome: (task: PoolTask, outcome: FileOutcome) => void,
  lintHere: (task: PoolTask) => FileOutcome,
  prepare: (task: PoolTask) => PoolTask = (task) => task,
): Promise<void> {
  return new Promise<void>((resolve) => {
    const queue = [...tasks];
    let live = 0;
    let replacements = size;
    let finished = false;

    const settle = () => {
      if (finished || live > 0) return;
      for (const task of queue.splice(0)) onOutcome(task, lintHere(task));
      finished = true;
      resolve();
    };

    const start = () => {
      let worker: Worker;
      try {
        worker = new Worker(WORKER_URL, { workerData: data });
      } catch {
        return; // no thread to be had: settle() lints what is left here
      }
      live++;
      const held: PoolTask[] = [];
      let ready = false;
      let failure: string | undefined;
      const feed = () => {
        while (held.length < HOLD && queue.length) {
          const task = prepare(queue.shift()!);
          held.push(task);
          worker.postMessage({ task } satisfies WorkerRequest);
        }
        if (!held.length) void worker.terminate();
      };
      worker.on('message', (reply: WorkerReply) => {
        if ('ready' in reply) {
          ready = true;
          return;
        }
        const at = held.findIndex((t) => t.index === reply.index);
        if (at < 0) return;
        const [task] = held.splice(at, 1);
        onOutcome(task, reply.outcome);
        feed();
      });
      worker.on('error', (err) => {
        failure ??= err?.message ?? String(err);
      });
      worker.on('messageerror', (err) => {
        failure ??= `a message could not be read: ${err.message}`;
        void worker.terminate();
      });
      worker.on('exit', (code) => {
        live--;
        if (held.length && ready) {
          // The first file held is the one being linted: it gets the blame; the rest go back in the queue.
          const [culprit, ...waiting] = held.splice(0);
          const why = failure ?? `exit code ${code}`;
          onOutcome(
            culprit,
            failedOutcome(culprit, `internal error: the worker thread linting this file stopped (${why})`),
          );
          queue.unshift(...waiting);
          if (queue.length && replacements-- > 0) start();
        } else if (held.length) {
          // It died before it could take work (it failed to load): no file to blame, no replacement.
          queue.unshift(...held.splice(0));
        }
        settle();
      });
      feed();
    };

    const count = Math.min(size, tasks.length);
    for (let i = 0; i < count; i++) start();
    settle();
  });
}
