// workspace/executeCommand (Commands in protocol.ts), policylint/checklist and
// policylint/lintDocuments.
import * as fs from 'node:fs';
import { DiagnosticSeverity, ResponseError, ErrorCodes, type CancellationToken, type ExecuteCommandParams, type TextEdit } from 'vscode-languageserver';
import { Commands, type ChecklistResponse, type LintDocumentsParams, type LintDocumentsResult } from '../protocol.js';
import type { Analysis } from './analysis.js';
import { checklistResponse } from './checklist.js';
import { workspaceEdit } from './convert.js';
import { disableEdits, fixAllEdits, insertMissingEdits, insertSectionEdits } from './edits.js';
import { fsPathOf, languageFromPath } from './selection.js';
import type { PolicyService } from './service.js';

export const COMMAND_IDS: string[] = Object.values(Commands);

/** The analysis of an open document, or of a file read from disk when it is not open. */
export async function analysisFor(service: PolicyService, uri: string): Promise<Analysis | undefined> {
  if (service.documents.get(uri)) return service.current(uri);
  const fsPath = fsPathOf(uri);
  if (!fsPath) return undefined;
  let text: string;
  try {
    text = await fs.promises.readFile(fsPath, 'utf8');
  } catch (err) {
    service.connection.console.warn(`policylint: cannot read ${fsPath}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
    return undefined;
  }
  return service.analyzeText({ uri, languageId: languageFromPath(uri), version: 0, text });
}

export async function checklist(service: PolicyService, uri: string): Promise<ChecklistResponse | null> {
  const a = await analysisFor(service, uri);
  if (!a?.result) return null;
  const response = checklistResponse(a);
  if (!service.documents.get(uri)) response.version = null;
  return response;
}

function badArgs(command: string, expected: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `${command} expects arguments ${expected}`);
}

const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** Runs a server command; edits go to the client through workspace/applyEdit. Returns whether an edit was applied. */
export async function executeCommand(service: PolicyService, params: ExecuteCommandParams): Promise<boolean> {
  const args = params.arguments ?? [];
  const [uri] = args;
  let label: string;
  let compute: (a: Analysis) => TextEdit[];
  switch (params.command) {
    case Commands.fixAll:
      if (!str(uri)) throw badArgs(params.command, '[uri]');
      label = 'Fix all policylint problems';
      compute = (a) => fixAllEdits(a);
      break;
    case Commands.insertMissingSections:
      if (!str(uri)) throw badArgs(params.command, '[uri]');
      label = 'Insert missing policy sections';
      compute = (a) => insertMissingEdits(a);
      break;
    case Commands.insertSection: {
      const itemId = args[1];
      if (!str(uri) || !str(itemId)) throw badArgs(params.command, '[uri, itemId]');
      label = `Insert the ${itemId} section`;
      compute = (a) => insertSectionEdits(a, itemId);
      break;
    }
    case Commands.disableRule: {
      const [, ruleId, scope, line, reason] = args;
      if (!str(uri) || !str(ruleId) || (scope !== 'line' && scope !== 'file') || (scope === 'line' && typeof line !== 'number')) {
        throw badArgs(params.command, "[uri, ruleId, 'line' | 'file', line (0-based), reason?]");
      }
      label = `Disable ${ruleId} for this ${scope}`;
      compute = (a) => disableEdits(a, ruleId, scope, typeof line === 'number' ? line : 0, typeof reason === 'string' ? reason : undefined);
      break;
    }
    default:
      throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${params.command}`);
  }
  const a = await analysisFor(service, uri as string);
  if (!a) throw new ResponseError(ErrorCodes.InvalidParams, `${params.command}: no document ${uri as string}`);
  const edits = compute(a);
  if (!edits.length) return false;
  const version = service.documents.get(a.uri) ? a.version : null;
  const response = await service.connection.workspace.applyEdit({ label, edit: workspaceEdit(a.uri, version, edits, service.support.documentChanges) });
  if (!response.applied) service.connection.console.warn(`policylint: ${label} was not applied${response.failureReason ? `: ${response.failureReason}` : ''}`);
  return response.applied;
}

/** Lints texts the client sends (Lint Workspace) and publishes their diagnostics. */
export async function lintDocuments(service: PolicyService, params: LintDocumentsParams, token: CancellationToken): Promise<LintDocumentsResult> {
  const results: LintDocumentsResult['results'] = [];
  for (const { uri, text } of params.documents ?? []) {
    if (token.isCancellationRequested) break;
    try {
      // Open documents are linted live: report their current result and leave their diagnostics alone.
      const open = service.documents.get(uri);
      const a = open
        ? await service.current(uri)
        : await service.analyzeText({ uri, languageId: languageFromPath(uri), version: 0, text: String(text ?? '') });
      if (!a) continue;
      if (!open) service.publish(uri, null, a.diagnostics);
      const count = (s: DiagnosticSeverity) => a.diagnostics.filter((d) => d.severity === s).length;
      results.push({
        uri,
        errors: count(DiagnosticSeverity.Error),
        warnings: count(DiagnosticSeverity.Warning),
        infos: count(DiagnosticSeverity.Information),
        looksLikePolicy: a.result?.looksLikePolicy ?? false,
        problem: !a.selected ? 'not a policy file (policylint.files)' : a.tooLarge ? a.diagnostics[0]?.message : undefined,
      });
    } catch (err) {
      service.logError(`lint of ${uri}`, err);
      results.push({ uri, errors: 0, warnings: 0, infos: 0, looksLikePolicy: false, problem: `lint failed: ${(err as Error)?.message ?? String(err)}` });
    }
    // Let cancellation and other requests through between documents.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { results };
}
