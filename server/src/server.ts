// The policylint language server for Node: LSP wiring is in ./lsp/run.ts. The transport
// comes from argv (--stdio, --node-ipc, --socket=N).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { findBundledDocs } from './lsp/docs-node.js';
import { setBundledDocsBase } from './lsp/docs.js';
import { runServer } from './lsp/run.js';
import { packageVersion } from './node/package.js';

setBundledDocsBase(findBundledDocs(import.meta.url));
// For the tests of the front ends only (engine/faults.ts): the rule to make throw.
const throwInRule = process.env.POLICYLINT_TEST_THROW_IN_RULE || undefined;
const service = runServer(createConnection(ProposedFeatures.all), {
  version: packageVersion(),
  faults: throwInRule ? { throwInRule } : undefined,
});
process.on('uncaughtException', (err) => service.logError('uncaught exception', err));
process.on('unhandledRejection', (err) => service.logError('unhandled rejection', err));
