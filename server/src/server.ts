// The policylint language server for Node: LSP wiring is in ./lsp/run.ts. The transport
// comes from argv (--stdio, --node-ipc, --socket=N).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { findBundledDocs } from './lsp/docs-node.js';
import { setBundledDocsBase } from './lsp/docs.js';
import { runServer } from './lsp/run.js';
import { packageVersion } from './node/package.js';

setBundledDocsBase(findBundledDocs(import.meta.url));
const service = runServer(createConnection(ProposedFeatures.all), { version: packageVersion(), throwInRule: process.env.POLICYLINT_TEST_THROW_IN_RULE || undefined });
process.on('uncaughtException', (err) => service.logError('uncaught exception', err));
process.on('unhandledRejection', (err) => service.logError('unhandled rejection', err));
