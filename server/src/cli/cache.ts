// `--cache`: the results of the last run, so a re-run over unchanged files reads and hashes
// them but does not lint them again. An entry counts only for the same file, the same text
// (a SHA-256 of it), the same resolved config and profile, and the same policylint version;
// anything else is linted afresh. A cache that cannot be read or parsed is ignored with one
// warning and written anew; it never changes what a run reports.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ChecklistEntry, LintMessage, ResolvedConfig } from '../engine/index.js';
import { readPolicyFile } from '../node/read-file.js';
import { writeFileAtomic } from './write.js';

/** The default cache file, in the working directory (like ESLint's .eslintcache). */
export const DEFAULT_CACHE_FILE = '.policylintcache';
/** Bumped when the stored shape changes. */
const FORMAT = 1;
/** A cache file over this size is not read (it would be a cache of some 10,000 policies). */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/** What a lint of one file produced, as stored. */
export interface CachedResult {
  looksLikePolicy: boolean;
  checklist: ChecklistEntry[];
  messages: LintMessage[];
}

interface Entry extends CachedResult {
  /** SHA-256 of the text, the config and the variant (see `cacheVariant`). */
  key: string;
}

/** What else changes a file's result: whether its name declares a policy, and --quiet (which keeps errors only). */
export function cacheVariant(assumePolicy: boolean, quiet: boolean): string {
  return `${assumePolicy ? 'policy' : 'any'}${quiet ? ' quiet' : ''}`;
}

interface CacheFile {
  format: number;
  version: string;
  entries: Record<string, Entry>;
}

/** Where the cache lives: `--cache-location` as a file, or a directory (existing, or written with a trailing slash) to put it in. */
export function cacheFilePath(cwd: string, location: string | undefined): string {
  if (!location) return path.join(cwd, DEFAULT_CACHE_FILE);
  const abs = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(abs, DEFAULT_CACHE_FILE);
  try {
    if (fs.statSync(abs).isDirectory()) return path.join(abs, DEFAULT_CACHE_FILE);
  } catch {
    // not there yet: a file of that name
  }
  return abs;
}

/** A stable text for everything of a resolved config that can change a result. */
export function configFingerprint(config: ResolvedConfig): string {
  const rules = [...config.rules.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, r]) => [id, r]);
  return JSON.stringify([
    rules,
    config.company,
    config.contactEmail,
    config.postalAddress,
    config.profiles,
    config.maxFileSize,
  ]);
}

export class LintCache {
  private readonly entries: Record<string, Entry>;
  private readonly seen = new Map<ResolvedConfig, string>();
  private changed = false;
  hits = 0;
  misses = 0;

  private constructor(
    readonly file: string,
    private readonly version: string,
    entries: Record<string, Entry>,
    /** Why an existing cache file was not used, for one warning. */
    readonly problem?: string,
  ) {
    this.entries = entries;
  }

  /** Reads the cache file; a missing one is an empty cache, an unusable one an empty cache with a problem to report. */
  static load(file: string, version: string): LintCache {
    if (!fs.existsSync(file)) return new LintCache(file, version, {});
    const read = readPolicyFile(file, MAX_CACHE_BYTES);
    if (!read.ok)
      return new LintCache(file, version, {}, `cannot use the cache (${read.message}); it will be written anew`);
    let data: CacheFile;
    try {
      data = JSON.parse(read.text) as CacheFile;
    } catch {
      return new LintCache(file, version, {}, 'the cache is not valid JSON; it will be written anew');
    }
    if (
      !data ||
      typeof data !== 'object' ||
      data.format !== FORMAT ||
      typeof data.entries !== 'object' ||
      !data.entries
    ) {
      return new LintCache(file, version, {}, 'the cache was written in another format; it will be written anew');
    }
    // Another version of policylint may lint differently: nothing of its cache is reused.
    return new LintCache(file, version, data.version === version ? data.entries : {});
  }

  private keyOf(text: string, config: ResolvedConfig, variant: string): string {
    let fingerprint = this.seen.get(config);
    if (fingerprint === undefined) this.seen.set(config, (fingerprint = configFingerprint(config)));
    return createHash('sha256').update(fingerprint).update(`\u0000${variant}\u0000`).update(text).digest('base64');
  }

  /** The stored result for this file, when it was made from the same text and config. */
  get(abs: string, text: string, config: ResolvedConfig, variant: string): CachedResult | undefined {
    const e = Object.hasOwn(this.entries, abs) ? this.entries[abs] : undefined;
    if (e && e.key === this.keyOf(text, config, variant) && Array.isArray(e.messages) && Array.isArray(e.checklist)) {
      this.hits++;
      return { looksLikePolicy: e.looksLikePolicy, checklist: e.checklist, messages: e.messages };
    }
    this.misses++;
    return undefined;
  }

  set(abs: string, text: string, config: ResolvedConfig, variant: string, result: CachedResult): void {
    this.entries[abs] = {
      key: this.keyOf(text, config, variant),
      looksLikePolicy: result.looksLikePolicy,
      checklist: result.checklist,
      messages: result.messages,
    };
    this.changed = true;
  }

  /** Forgets a file (it could not be read, or no longer lints to a result). */
  delete(abs: string): void {
    if (!Object.hasOwn(this.entries, abs)) return;
    delete this.entries[abs];
    this.changed = true;
  }

  /** Writes the cache when something changed; returns a problem to report, or undefined. */
  save(): string | undefined {
    if (!this.changed && !this.problem) return undefined;
    const data: CacheFile = { format: FORMAT, version: this.version, entries: this.entries };
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      writeFileAtomic(this.file, JSON.stringify(data));
      return undefined;
    } catch (err) {
      return `could not write the cache: ${(err as Error).message}`;
    }
  }
}
