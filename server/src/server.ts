// The policylint language server for Node: LSP wiring is in ./lsp/run.ts. The transport
// comes from argv (--stdio, --node-ipc, --socket=N).
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { findBundledDocs } from './lsp/docs-node.js';
import { setBundledDocsBase } from './lsp/docs.js';
import { runServer } from './lsp/run.js';
import { packageVersion } from './node/package.js';

// Memory: the server's live heap with 100 policies open is about 150 MB, but V8 lets the heap
// grow up to several times what survived the last full collection before it collects again,
// and each edit leaves a document model's worth of garbage: 100 policies edited 5 times each
// held 405–418 MB RSS. Growing by at most 20% keeps it near the live size (issue 18, finding 10).
// A --heap-growing-percent given to Node (execArgv, NODE_OPTIONS) wins.
if (![...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => a.includes('heap-growing-percent')))
  setFlagsFromString('--heap-growing-percent=20');
setBundledDocsBase(findBundledDocs(import.meta.url));
// For the tests of the front ends only (engine/faults.ts): the rule to make throw.
const throwInRule = process.env.POLICYLINT_TEST_THROW_IN_RULE || undefined;
const service = runServer(createConnection(ProposedFeatures.all), {
  version: packageVersion(),
  faults: throwInRule ? { throwInRule } : undefined,
});
process.on('uncaughtException', (err) => service.logError('uncaught exception', err));
process.on('unhandledRejection', (err) => service.logError('unhandled rejection', err));
