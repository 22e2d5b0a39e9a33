// workspace/executeCommand (Commands in protocol.ts), policylint/checklist and
// policylint/lintDocuments; and the check of every request's params at the boundary.
import * as fs from 'node:fs';
import {
  DiagnosticSeverity,
  MessageType,
  ShowMessageNotification,
  ResponseError,
  ErrorCodes,
  LSPErrorCodes,
  type CancellationToken,
  type ExecuteCommandParams,
  type TextEdit,
} from 'vscode-languageserver';
import { describeFsError } from '../node/read-file.js';
import { maxFileSizeOf, sizeOverLimitText } from '../engine/config.js';
import { Commands, type ChecklistResponse, type LintDocumentsParams, type LintDocumentsResult } from '../protocol.js';
import type { Analysis } from './analysis.js';
import { checklistResponse } from './checklist.js';
import { workspaceEdit } from './convert.js';
import { docsHref } from './docs.js';
import { disableEdits, fixAllEdits, insertMissingEdits, insertSectionEdits } from './edits.js';
import { fsPathOf, languageFromPath } from './selection.js';
import type { PolicyService } from './service.js';

export const COMMAND_IDS: string[] = Object.values(Commands);

// ---------------------------------------------------------------- request params

/** Checks a value; returns what is wrong with it (naming where), or undefined when it fits. */
export type Shape = (value: unknown, where: string) => string | undefined;

/** "a number", "null", "an array", "nothing" — for "expected …, got …". */
function kindOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value ? 'a string' : 'an empty string';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const expect =
  (test: (v: unknown) => boolean, expected: string): Shape =>
  (v, where) =>
    test(v) ? undefined : `${where} must be ${expected}, got ${kindOf(v)}`;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Small combinators for the shapes of LSP params. */
export const is = {
  text: expect((v) => typeof v === 'string', 'a string'),
  nonEmpty: expect((v) => typeof v === 'string' && v.length > 0, 'a non-empty string'),
  count: expect((v) => Number.isSafeInteger(v) && (v as number) >= 0, 'a whole number (0 or more)'),
  boolean: expect((v) => typeof v === 'boolean', 'true or false'),
  any: (() => undefined) as Shape,
  optional:
    (shape: Shape): Shape =>
    (v, where) =>
      v === undefined || v === null ? undefined : shape(v, where),
  array:
    (item: Shape): Shape =>
    (v, where) => {
      if (!Array.isArray(v)) return `${where} must be an array, got ${kindOf(v)}`;
      for (let i = 0; i < v.length; i++) {
        const wrong = item(v[i], `${where}[${i}]`);
        if (wrong) return wrong;
      }
      return undefined;
    },
  object:
    (fields: Record<string, Shape>): Shape =>
    (v, where) => {
      if (!isRecord(v)) return `${where} must be an object, got ${kindOf(v)}`;
      for (const [key, shape] of Object.entries(fields)) {
        const wrong = shape(v[key], where ? `${where}.${key}` : key);
        if (wrong) return wrong;
      }
      return undefined;
    },
};

const position = is.object({ line: is.count, character: is.count });
const range = is.object({ start: position, end: position });
const textDocument = is.object({ uri: is.nonEmpty });

/** The params of each request the server answers: only what the handlers read. */
export const PARAMS = {
  textDocument: is.object({ textDocument }),
  atPosition: is.object({ textDocument, position }),
  codeAction: is.object({
    textDocument,
    range,
    context: is.object({ diagnostics: is.array(is.object({ range })), only: is.optional(is.array(is.nonEmpty)) }),
  }),
  pullDiagnostics: is.object({ textDocument, previousResultId: is.optional(is.text) }),
  checklist: is.object({ uri: is.nonEmpty }),
  trusted: is.object({ trusted: is.boolean }),
  lintDocuments: is.object({ documents: is.array(is.object({ uri: is.nonEmpty, text: is.text })) }),
  executeCommand: is.object({ command: is.nonEmpty, arguments: is.optional(is.array(is.any)) }),
  watchedFiles: is.object({ changes: is.array(is.object({ uri: is.nonEmpty, type: is.count })) }),
} satisfies Record<string, Shape>;

/** An InvalidParams error response for `method`. */
export function invalidParams(method: string, problem: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, `${method}: ${problem}`);
}

/** What is wrong with a request's params ("params.textDocument must be an object, got a number"), or undefined. */
export function paramsProblem(shape: Shape, params: unknown): string | undefined {
  return shape(params, 'params');
}

// ---------------------------------------------------------------- documents not open

/** What a file that is not a regular file is, for a message. */
function fileKind(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** Why a file cannot be linted, from its stat: not a regular file, or over `limit` bytes. */
function refusal(stat: fs.Stats, limit: number): string | undefined {
  if (!stat.isFile()) return `it is ${fileKind(stat)}, not a regular file`;
  if (stat.size > limit) return overLimit(stat.size, limit);
  return undefined;
}

function overLimit(size: number | undefined, limit: number): string {
  const text = sizeOverLimitText(size, limit);
  return `it is ${text.size}, over the ${text.limit} size limit (raise "maxFileSize" in .policylintrc.json to lint it)`;
}

/**
 * Reads a policy file that is not open: only a regular file of at most `limit` bytes. The
 * stat comes first, so a FIFO, a device or a huge file is never read; the file is opened
 * non-blocking (a FIFO swapped in after the stat does not wait for a writer) and checked
 * again, and reading stops past the limit (a file that grows meanwhile).
 */
export async function readLintableFile(fsPath: string, limit: number): Promise<{ text: string } | { problem: string }> {
  let handle: fs.promises.FileHandle | undefined;
  try {
    const problem = refusal(await fs.promises.stat(fsPath), limit);
    if (problem) return { problem };
    handle = await fs.promises.open(fsPath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stat = await handle.stat();
    const again = refusal(stat, limit);
    if (again) return { problem: again };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.max(stat.size + 1 - total, 65_536));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (!bytesRead) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > limit) return { problem: overLimit(undefined, limit) };
    }
    return { text: Buffer.concat(chunks, total).toString('utf8') };
  } catch (err) {
    return { problem: describeFsError(err) };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * The analysis of an open document, or of a file read from disk when it is not open.
 * Undefined for a document that is neither; a file that cannot be read or linted is a
 * RequestFailed error naming the file and the reason.
 */
export async function analysisFor(service: PolicyService, uri: string): Promise<Analysis | undefined> {
  if (service.documents.get(uri)) return service.current(uri);
  const fsPath = fsPathOf(uri);
  if (!fsPath) return undefined;
  const limit = maxFileSizeOf(service.configs.get(uri, await service.settings.get(uri)).config);
  const read = await readLintableFile(fsPath, limit);
  if ('problem' in read) {
    const message = `policylint: cannot lint ${fsPath}: ${read.problem}`;
    service.connection.console.warn(message);
    throw new ResponseError(LSPErrorCodes.RequestFailed, message);
  }
  return service.analyzeText({ uri, languageId: languageFromPath(uri), version: 0, text: read.text });
}

export async function checklist(service: PolicyService, uri: string): Promise<ChecklistResponse | null> {
  const a = await analysisFor(service, uri);
  if (!a?.result) return null;
  const response = checklistResponse(a);
  if (!service.documents.get(uri)) response.version = null;
  return response;
}

function badArgs(command: string, expected: string): ResponseError<void> {
  return invalidParams(command, `expects arguments ${expected}`);
}

const str = (v: unknown): v is string => !is.nonEmpty(v, '');

/** Runs a server command; edits go to the client through workspace/applyEdit. Returns whether an edit was applied. */
export async function executeCommand(service: PolicyService, params: ExecuteCommandParams): Promise<boolean> {
  const args = params.arguments ?? [];
  const [uri] = args;
  if (params.command === Commands.showDocumentation) return showDocumentation(service, args);
  if (params.command === Commands.showChecklist) return showChecklist(service, args);
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
      const [, itemId, choice] = args;
      if (!str(uri) || !str(itemId) || (choice !== undefined && choice !== null && typeof choice !== 'string'))
        throw badArgs(params.command, '[uri, itemId, choice?]');
      label = `Insert the ${itemId} section`;
      compute = (a) => insertSectionEdits(a, itemId, typeof choice === 'string' ? choice : undefined);
      break;
    }
    case Commands.disableRule: {
      const [, ruleId, scope, line, reason] = args;
      if (
        !str(uri) ||
        !str(ruleId) ||
        (scope !== 'line' && scope !== 'file') ||
        (scope === 'line' && typeof line !== 'number')
      ) {
        throw badArgs(params.command, "[uri, ruleId, 'line' | 'file', line (0-based), reason?]");
      }
      label = `Disable ${ruleId} for this ${scope}`;
      compute = (a) =>
        disableEdits(
          a,
          ruleId,
          scope,
          typeof line === 'number' ? line : 0,
          typeof reason === 'string' ? reason : undefined,
        );
      break;
    }
    default:
      throw invalidParams(params.command, 'no such command');
  }
  const a = await analysisFor(service, uri as string);
  if (!a) throw invalidParams(params.command, `no open document or file ${uri as string}`);
  const edits = compute(a);
  if (!edits.length) return false;
  const version = service.documents.get(a.uri) ? a.version : null;
  const response = await service.connection.workspace.applyEdit({
    label,
    edit: workspaceEdit(a.uri, version, edits, service.support.documentChanges),
  });
  if (!response.applied)
    service.connection.console.warn(
      `policylint: ${label} was not applied${response.failureReason ? `: ${response.failureReason}` : ''}`,
    );
  return response.applied;
}

/**
 * Opens a rule's page with window/showDocument: a file: or virtual page inside the editor,
 * a web page externally. A client without showDocument is told where the page is.
 */
async function showDocumentation(service: PolicyService, args: unknown[]): Promise<boolean> {
  const [ruleId, uri] = args;
  if (!str(ruleId) || !/^[a-z][a-z0-9-]{0,63}$/.test(ruleId) || (uri !== undefined && uri !== null && !str(uri))) {
    throw badArgs(Commands.showDocumentation, '[ruleId, uri?]');
  }
  const settings = await service.settings.get(typeof uri === 'string' ? uri : '');
  const href = docsHref(ruleId, settings.docsUrl);
  if (!service.support.showDocument) {
    void service.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Info,
      message: `policylint: the documentation for ${ruleId} is at ${href}`,
    });
    return false;
  }
  const external = /^https?:/i.test(href);
  const response = await service.connection.window.showDocument({ uri: href, external, takeFocus: true });
  if (!response.success) service.connection.console.warn(`policylint: the client did not open ${href}`);
  return response.success;
}

/** The checklist of a document as one message: the code lens's action in clients without the checklist view. */
async function showChecklist(service: PolicyService, args: unknown[]): Promise<boolean> {
  const [uri] = args;
  if (!str(uri)) throw badArgs(Commands.showChecklist, '[uri]');
  const response = await checklist(service, uri);
  if (!response) throw invalidParams(Commands.showChecklist, `no policy document or file ${uri}`);
  const missing = response.items.filter((i) => i.status === 'missing').map((i) => i.id);
  const incomplete = response.items.filter((i) => i.status === 'incomplete').map((i) => i.id);
  const parts = [
    `policylint checklist: ${response.present}/${response.total} present${response.grouped ? ` (${response.grouped})` : ''}`,
  ];
  if (missing.length) parts.push(`missing: ${missing.join(', ')}`);
  if (incomplete.length) parts.push(`incomplete: ${incomplete.join(', ')}`);
  void service.connection.sendNotification(ShowMessageNotification.type, {
    type: MessageType.Info,
    message: parts.join('; '),
  });
  return true;
}

/** Lints texts the client sends (Lint Workspace) and publishes their diagnostics. The params are checked (PARAMS.lintDocuments). */
export async function lintDocuments(
  service: PolicyService,
  params: LintDocumentsParams,
  token: CancellationToken,
): Promise<LintDocumentsResult> {
  const results: LintDocumentsResult['results'] = [];
  for (const { uri, text } of params.documents) {
    if (token.isCancellationRequested) break;
    try {
      // Open documents are linted live: report their current result and leave their diagnostics alone.
      const open = service.documents.get(uri);
      const a = open
        ? await service.current(uri)
        : await service.analyzeText({ uri, languageId: languageFromPath(uri), version: 0, text });
      if (!a) continue;
      if (!open) service.publish(uri, null, a.diagnostics);
      const count = (s: DiagnosticSeverity) => a.diagnostics.filter((d) => d.severity === s).length;
      results.push({
        uri,
        errors: count(DiagnosticSeverity.Error),
        warnings: count(DiagnosticSeverity.Warning),
        infos: count(DiagnosticSeverity.Information),
        looksLikePolicy: a.result?.looksLikePolicy ?? false,
        ...(a.ignored
          ? { ignored: a.ignored }
          : {
              problem: !a.selected
                ? 'not a policy file (policylint.files)'
                : a.tooLarge
                  ? a.diagnostics[0]?.message
                  : undefined,
            }),
      });
    } catch (err) {
      service.logError(`lint of ${uri}`, err);
      results.push({
        uri,
        errors: 0,
        warnings: 0,
        infos: 0,
        looksLikePolicy: false,
        problem: `lint failed: ${(err as Error)?.message ?? String(err)}`,
      });
    }
    // Let cancellation and other requests through between documents.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { results };
}
