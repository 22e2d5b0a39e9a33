// A worker thread of `policylint --jobs N`: reads, lints (and with --fix writes) the files
// the main thread sends, one at a time, and answers each with its FileOutcome.
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigCache, lintFile } from './lint-file.js';
import type { WorkerData, WorkerReply, WorkerRequest } from './pool.js';
import { readPolicyFile } from '../node/read-file.js';

const data = workerData as WorkerData;
const configs = new ConfigCache(data.settings.cwd, data.settings.configPath, data.settings.profile);
const port = parentPort!;

port.on('message', (request: WorkerRequest) => {
  const { task } = request;
  if (data.crashOn && task.display.includes(data.crashOn)) {
    // For the tests of the pool: a worker that dies (outside any try) while holding this file.
    setImmediate(() => {
      throw new Error(`test crash on ${task.display}`);
    });
    return;
  }
  const target = { display: task.display, abs: task.abs };
  const outcome = lintFile(
    target,
    readPolicyFile(task.abs, task.limit),
    configs.for(task.abs).config,
    data.settings,
    undefined,
    task.known,
  );
  port.postMessage({ index: task.index, outcome } satisfies WorkerReply);
});
port.postMessage({ ready: true } satisfies WorkerReply);
