// The `policylint.*` settings, asked per resource through workspace/configuration
// (never one global copy) and cached per document until didChangeConfiguration.
import type { Connection } from 'vscode-languageserver';

export interface Settings {
  /** policylint.enable: false turns linting off for the resource (nothing is reported). */
  enable: boolean;
  /** Globs of Markdown files to lint (matched case-insensitively). */
  files: string[];
  /** Lint as you type, or only on save. */
  run: 'onType' | 'onSave';
  /** Delay after the last change before linting, in milliseconds. */
  debounceMs: number;
  /** The profile used where a .policylintrc.json does not set `extends`. */
  profile: string;
  /**
   * Where rule documentation lives: a base URL (`<base><rule>.md`) or a template with
   * `{rule}`. Empty: the pages bundled with the server (a file: URI), which work offline.
   */
  docsUrl: string;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enable: true,
  files: ['**/*privacy*.md', '**/*Privacy*.md', '**/*PRIVACY*.md', '**/*.policy.md'],
  run: 'onType',
  debounceMs: 200,
  profile: 'recommended',
  docsUrl: '',
});

/**
 * The debounce for a document: the setting, or, for a long policy whose last lint took more
 * than a quarter of a second of the engine's own work (`elapsedMs`, which leaves out the time
 * the server spent on other documents between the lint's steps), as long as that lint took
 * (up to 2 s), so that typing in it is not slowed by linting after every pause.
 */
export function adaptiveDebounce(configured: number, lastElapsedMs: number): number {
  return lastElapsedMs > 250 ? Math.max(configured, Math.min(2000, Math.round(lastElapsedMs))) : configured;
}

/** Settings from whatever the client sends; anything malformed falls back to its default. */
export function normalizeSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const files =
    Array.isArray(r.files) && r.files.every((f) => typeof f === 'string')
      ? (r.files as string[])
      : DEFAULT_SETTINGS.files;
  const debounce =
    typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs)
      ? Math.min(Math.max(0, r.debounceMs), 10_000)
      : DEFAULT_SETTINGS.debounceMs;
  return {
    enable: r.enable !== false,
    files: [...files],
    run: r.run === 'onSave' ? 'onSave' : 'onType',
    debounceMs: debounce,
    profile: typeof r.profile === 'string' && r.profile.trim() ? r.profile.trim() : DEFAULT_SETTINGS.profile,
    docsUrl:
      typeof r.docsUrl === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(r.docsUrl.trim())
        ? r.docsUrl.trim()
        : DEFAULT_SETTINGS.docsUrl,
  };
}

export class SettingsStore {
  private readonly perResource = new Map<string, Promise<Settings>>();
  /** Used when the client cannot answer workspace/configuration: the last didChangeConfiguration payload. */
  private pushed: Settings = normalizeSettings(undefined);

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
  ) {}

  get(uri: string): Promise<Settings> {
    if (!this.canPull()) return Promise.resolve(this.pushed);
    let settings = this.perResource.get(uri);
    if (!settings) {
      settings = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'policylint' })
        .then(normalizeSettings, (err: unknown) => {
          this.connection.console.warn(
            `policylint: could not read settings for ${uri}: ${String(err)}; using defaults`,
          );
          return normalizeSettings(undefined);
        });
      this.perResource.set(uri, settings);
    }
    return settings;
  }

  /**
   * didChangeConfiguration: forget every cached copy. Returns what was wrong with a pushed
   * `policylint` section that is not an object (it is ignored, the defaults apply), for one log line.
   */
  changed(payload: unknown): string | undefined {
    this.perResource.clear();
    const section =
      payload && typeof payload === 'object' ? (payload as Record<string, unknown>).policylint : undefined;
    if (section === undefined || section === null) return undefined;
    this.pushed = normalizeSettings(section);
    if (typeof section !== 'object' || Array.isArray(section))
      return `the "policylint" settings must be an object, got ${Array.isArray(section) ? 'an array' : typeof section}; using the defaults`;
    return undefined;
  }

  forget(uri: string): void {
    this.perResource.delete(uri);
  }
}
