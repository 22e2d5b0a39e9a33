// One lint of one document version, and a small LRU of them so hover, symbols, code
// lens and code actions reuse the result instead of linting again.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lintSteps, type AnalysisCache, type Baseline, type LintResult, type ResolvedConfig } from '../engine/index.js';
import { maxFileSizeOf, sizeOverLimitText } from '../engine/config.js';
import { withFaults, type Faults } from '../engine/faults.js';
import { SOURCE, toDiagnostic, useEnginePositions } from './convert.js';
import type { DocConfig } from './configs.js';
import type { Settings } from './settings.js';
import { fsPathOf, POLICY_LANGUAGE } from './selection.js';

/**
 * A document's size in UTF-8 bytes when it is over `limit` (the `maxFileSize` of its config),
 * else undefined. Counts bytes only when the length alone cannot tell: a UTF-16 code unit
 * is at most 3 bytes in UTF-8.
 */
export function sizeOverLimit(text: string, limit: number): number | undefined {
  if (text.length * 3 <= limit) return undefined;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > limit ? bytes : undefined;
}

export interface Analysis {
  uri: string;
  version: number;
  /** A snapshot of the text the result belongs to (open documents change under us). */
  text: TextDocument;
  /** Whether the document is a policy to lint (language / policylint.files, and not ignored). */
  selected: boolean;
  /** What ignores the document's file (.policylintignore, .gitignore, `ignores`), in words: it gets no diagnostics. */
  ignored?: string;
  settings: Settings;
  config?: ResolvedConfig;
  /** The engine's result; undefined when not selected or too large. */
  result?: LintResult;
  /** Linted as a policy by declaration (the privacy-policy language): fixes are computed the same way. */
  assumePolicy?: boolean;
  tooLarge: boolean;
  diagnostics: Diagnostic[];
  /** Rules that threw (the engine's messages about them), or the engine's own failure: to log. */
  ruleFailures?: string[];
}

export interface AnalyzeInput {
  uri: string;
  languageId: string;
  version: number;
  text: string;
  selected: boolean;
  settings: Settings;
  docConfig?: DocConfig;
  /** For tests of the front ends (engine/faults.ts): the rule to make throw. */
  faults?: Faults;
  /** The committed text (stale-effective-date), when the server has it. */
  baseline?: Baseline;
}

/** How a lint of an open document runs: with the document's cache, and stopping when a newer version arrives. */
export interface AnalyzeControl {
  cache?: AnalysisCache;
  /** Asked between steps of the lint: true once the result would be of no use (the document changed or closed). */
  superseded?: () => boolean;
}

/** Thrown by `analyze` when `superseded()` turned true: the lint was abandoned. */
export class Superseded extends Error {
  constructor() {
    super('superseded by a newer version');
  }
}

/**
 * Runs the engine's lint steps, letting the event loop turn between them (a long policy
 * never blocks other requests for long), and gives up as soon as the result is superseded.
 */
async function runSteps<T>(steps: Generator<void, T>, superseded?: () => boolean): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (superseded?.()) {
      steps.return(undefined as T);
      throw new Superseded();
    }
  }
}

export async function analyze(input: AnalyzeInput, control: AnalyzeControl = {}): Promise<Analysis> {
  const text = TextDocument.create(input.uri, input.languageId, input.version, input.text);
  const base = {
    uri: input.uri,
    version: input.version,
    text,
    selected: input.selected,
    settings: input.settings,
    config: input.docConfig?.config,
  };
  if (!input.selected) return { ...base, tooLarge: false, diagnostics: [] };
  const limit = maxFileSizeOf(input.docConfig?.config);
  const size = sizeOverLimit(input.text, limit);
  if (size !== undefined) {
    const text = sizeOverLimitText(size, limit);
    const message = `This document is ${text.size}, too large to lint: over the ${text.limit} size limit (raise "maxFileSize" in .policylintrc.json to lint it).`;
    return {
      ...base,
      tooLarge: true,
      diagnostics: [documentDiagnostic('too-large', DiagnosticSeverity.Information, message)],
    };
  }
  const filePath = fsPathOf(input.uri) ?? input.uri;
  let result: LintResult;
  try {
    // A document in the privacy-policy language is a policy by declaration, however short the draft.
    const assumePolicy = input.languageId === POLICY_LANGUAGE;
    const options = withFaults(
      { config: input.docConfig?.config, filePath, assumePolicy, cache: control.cache, baseline: input.baseline },
      input.faults,
    );
    result = await runSteps(lintSteps(input.text, options), control.superseded);
  } catch (err) {
    if (err instanceof Superseded) throw err;
    // The engine never throws by contract; if it does, say so on the document instead of showing nothing.
    const detail = err instanceof Error ? err.message : String(err);
    const diagnostic = documentDiagnostic(
      'internal-error',
      DiagnosticSeverity.Error,
      `policylint failed on this document and could not check it: ${detail}`,
    );
    return {
      ...base,
      tooLarge: false,
      diagnostics: [diagnostic],
      ruleFailures: [err instanceof Error ? (err.stack ?? detail) : detail],
    };
  }
  // The engine turns a rule that throws into one message naming it, flagged ruleError.
  const ruleFailures = result.messages.filter((m) => m.ruleError).map((m) => m.message);
  useEnginePositions(text, result.doc.pointAt);
  return {
    ...base,
    result,
    assumePolicy: input.languageId === POLICY_LANGUAGE,
    tooLarge: false,
    diagnostics: result.messages.map((m) => toDiagnostic(text, m, input.settings.docsUrl)),
    ruleFailures,
  };
}

/** A diagnostic about the whole document, at its start. */
function documentDiagnostic(code: string, severity: DiagnosticSeverity, message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity,
    source: SOURCE,
    code,
    message,
  };
}

/** A least-recently-used map with a fixed capacity. */
export class Lru<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }

  keys(): K[] {
    return [...this.map.keys()];
  }
}
