// The config that applies to each document: the nearest .policylintrc.json (or .jsonc) for file:
// URIs (multi-root works because every document walks up from its own folder), the
// recommended profile (or the `policylint.profile` setting) otherwise. A bad config file
// becomes Error diagnostics on that file and one message per distinct problem; linting
// goes on with defaults for the parts in error.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { resolveConfig, type ConfigData, type ConfigError, type ResolvedConfig } from '../engine/index.js';
import { findConfigFile, pathInConfigDir, readConfigFile } from '../node/config-files.js';
import { fsPathOf } from './selection.js';
import { SOURCE } from './convert.js';
import type { Settings } from './settings.js';

export interface DocConfig {
  config: ResolvedConfig;
  /** The config file used, if any. */
  file?: string;
  /** What the file holds (its `ignores`), if it could be read. */
  data?: ConfigData;
  errors: ConfigError[];
}

export interface ConfigSink {
  publish(uri: string, diagnostics: Diagnostic[]): void;
  showError(message: string): void;
  log(message: string): void;
}

export class ConfigStore {
  private readonly perDocument = new Map<string, DocConfig>();
  /** Config problems already shown in a message (file|line|message). */
  private readonly shown = new Set<string>();
  /** What we last published on each config file (JSON), so an unchanged file is not republished. */
  private readonly published = new Map<string, string>();
  /** The problems found in each config file when it was last read. */
  private readonly fileErrors = new Map<string, ConfigError[]>();

  constructor(private readonly sink: ConfigSink) {}

  get(uri: string, settings: Settings): DocConfig {
    const key = `${uri}\n${settings.profile}`;
    let found = this.perDocument.get(key);
    if (!found) {
      found = this.resolve(uri, settings);
      this.perDocument.set(key, found);
    }
    return found;
  }

  /** Settings or config files changed: resolve again on next use. */
  clear(): void {
    this.perDocument.clear();
  }

  /**
   * A config file's text as on disk, read through the config reader; undefined when it
   * cannot be read. For edits to the file (the suggest-profile quick-fix).
   */
  textOf(file: string): string | undefined {
    const parsed = readConfigFile(file);
    return parsed.errors.some((e) => e.file === file && e.message.startsWith('cannot read')) ? undefined : parsed.text;
  }

  /** A watched config file changed or went away: its problems may be shown again, and its diagnostics refreshed. */
  fileChanged(file: string, deleted: boolean): void {
    for (const k of [...this.shown]) if (k.startsWith(`${file}|`)) this.shown.delete(k);
    if (deleted) this.publishFor(file, []);
    else if (this.published.has(file) || fs.existsSync(file)) this.read(file);
    this.clear();
  }

  private resolve(uri: string, settings: Settings): DocConfig {
    const fsPath = fsPathOf(uri);
    const file = fsPath ? findConfigFile(path.dirname(fsPath)) : undefined;
    const data = file ? this.read(file) : undefined;
    // The setting picks the profile where the config file does not say `extends`.
    const profile = data?.extends === undefined ? settings.profile : undefined;
    const resolved = resolveConfig(data, {
      file,
      profile,
      validate: false,
      path: file && fsPath ? pathInConfigDir(file, fsPath) : undefined,
    });
    // Problems in the file itself were reported by read(); keep the others (the profile setting).
    const settingErrors = resolved.errors.filter((e) => !e.file);
    for (const e of settingErrors)
      this.notify(`policylint: setting policylint.profile: ${e.message}; using "recommended".`, `setting|${e.message}`);
    const errors = file ? [...(this.fileErrors.get(file) ?? []), ...settingErrors] : settingErrors;
    return { config: resolved.config, file, data, errors };
  }

  /** Reads and validates one config file, publishing its diagnostics and showing new problems. */
  private read(file: string): ConfigData | undefined {
    const parsed = readConfigFile(file);
    const text = parsed.text;
    const errors = dedupe(parsed.errors);
    this.fileErrors.set(file, errors);
    this.publishFor(
      file,
      errors.map((e) => configDiagnostic(text, e)),
    );
    for (const e of errors) {
      const where = `${file}${e.line ? `:${e.line}` : ''}`;
      if (e.severity === 'warning') {
        this.sink.log(`policylint: config ${where}: ${e.message}.`);
        continue;
      }
      this.notify(
        `policylint: invalid config ${where}: ${e.message}. Linting goes on with the defaults for that part.`,
        `${file}|${e.line ?? ''}|${e.message}`,
      );
    }
    return parsed.data;
  }

  private notify(message: string, key: string): void {
    this.sink.log(message);
    if (this.shown.has(key)) return;
    this.shown.add(key);
    this.sink.showError(message);
  }

  private publishFor(file: string, diagnostics: Diagnostic[]): void {
    const json = JSON.stringify(diagnostics);
    if ((this.published.get(file) ?? '[]') === json) return;
    this.published.set(file, json);
    this.sink.publish(pathToFileURL(file).href, diagnostics);
  }
}

function dedupe(errors: ConfigError[]): ConfigError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.key ?? ''}|${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** An Error (or Warning) diagnostic on the config file, from the problem's column to the end of its line (line 1 when unknown). */
function configDiagnostic(text: string, e: ConfigError): Diagnostic {
  const lines = text.split(/\r?\n/);
  const line = Math.min(Math.max(1, e.line ?? 1), Math.max(1, lines.length)) - 1;
  const lineText = lines[line] ?? '';
  const first = e.column && e.column - 1 < lineText.length ? e.column - 1 : Math.max(0, lineText.search(/\S/));
  return {
    range: { start: { line, character: first }, end: { line, character: lineText.length } },
    severity: e.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
    source: SOURCE,
    code: 'invalid-config',
    message: e.key ? `${e.key}: ${e.message}` : e.message,
  };
}
