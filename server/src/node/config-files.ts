// Config discovery on disk, shared by the CLI and the language server. Only JSON is read:
// no code from a workspace is ever loaded.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeBytes, readFileBytes } from './read-file.js';
// The config module and the types only: not the engine's index, which would load the Markdown parser.
import { parseConfigText, resolveConfig } from '../engine/config.js';
import type { ConfigData, ConfigError, ResolvedConfig } from '../engine/types.js';

/** The config file names, in the order they win when a folder has more than one. */
export const CONFIG_FILE_NAMES = ['.policylintrc.json', '.policylintrc.jsonc'] as const;
export const CONFIG_FILE_NAME = CONFIG_FILE_NAMES[0];
const LONGEST_NAME = Math.max(...CONFIG_FILE_NAMES.map((n) => n.length));
/** A config file larger than this is refused (real ones are a few hundred bytes). */
export const MAX_CONFIG_SIZE = 1_048_576;

/**
 * The longest path that can name a file here: a longer candidate cannot exist, so the walk up
 * starts below it (a URI thousands of folders deep costs one pass over its path, not one per folder).
 */
const MAX_PATH = process.platform === 'win32' ? 32_767 : 4_096;

/**
 * Walks up from `startDir` and returns the first config file found (.policylintrc.json,
 * else .policylintrc.jsonc, in the nearest folder that has either), or undefined.
 */
export function findConfigFile(startDir: string): string | undefined {
  for (const dir of ancestors(path.resolve(startDir))) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(dir, name);
      // Anything by that name counts (a FIFO or a folder too): reading it then says what is wrong.
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** The warning for a config file that wins over another one in its folder, if there is one. */
function shadowWarning(file: string): ConfigError | undefined {
  const name = path.basename(file);
  const rank = CONFIG_FILE_NAMES.indexOf(name as (typeof CONFIG_FILE_NAMES)[number]);
  if (rank < 0) return undefined;
  const unused = CONFIG_FILE_NAMES.slice(rank + 1).filter((n) => fs.existsSync(path.join(path.dirname(file), n)));
  if (!unused.length) return undefined;
  return {
    file,
    line: 1,
    severity: 'warning',
    message: `${unused.join(' and ')} in the same folder is not used: ${name} wins when both exist; merge them into one file`,
  };
}

/** `dir` and its parents, nearest first, leaving out those too long to hold a config file. */
function ancestors(dir: string): string[] {
  const root = path.parse(dir).root;
  const parts = dir.slice(root.length).split(path.sep).filter(Boolean);
  const dirs: string[] = [];
  let current = root;
  for (const part of parts) {
    const next = current.endsWith(path.sep) ? current + part : current + path.sep + part;
    if (next.length + LONGEST_NAME + 1 > MAX_PATH) break;
    dirs.push(next);
    current = next;
  }
  return [...dirs.reverse(), root];
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The file the config came from, if any. */
  file?: string;
  /** What the file holds (its valid parts are used), if it could be read. */
  data?: ConfigData;
  /** Problems found; the config falls back to defaults for the keys in error. */
  errors: ConfigError[];
}

/**
 * Reads and validates one config file, through the one file reader (a FIFO, a device or a
 * huge file is refused, never waited on or read whole). I/O, encoding and JSON errors become
 * ConfigErrors naming the file. `text` is what was read ('' when nothing could be).
 */
export function readConfigFile(file: string): { data?: ConfigData; errors: ConfigError[]; text: string } {
  const read = readFileBytes(file, MAX_CONFIG_SIZE);
  const decoded = read.ok ? decodeBytes(read.bytes, MAX_CONFIG_SIZE, read.complete) : read;
  if (!decoded.ok && decoded.kind === 'error') {
    const why = decoded.message.startsWith('too large') ? `too large (over ${MAX_CONFIG_SIZE} bytes)` : decoded.message;
    return { errors: [{ file, message: `cannot read config file: ${why}` }], text: '' };
  }
  const shadow = shadowWarning(file);
  const warnings = shadow ? [shadow] : [];
  // A blank file is read as it is: the JSON parser says what is wrong with it.
  const text = decoded.ok ? decoded.text : '';
  const parsed = parseConfigText(text, file);
  return { data: parsed.data, errors: [...warnings, ...parsed.errors], text };
}

/** A file's path relative to its config's folder, with "/" (what `overrides` and `ignores` match). */
export function pathInConfigDir(configFile: string, filePath: string): string {
  return path
    .relative(path.dirname(path.resolve(configFile)), path.resolve(filePath))
    .split(path.sep)
    .join('/');
}

/**
 * The config that applies to a policy file: `--config` when given, else the nearest
 * .policylintrc.json (or .policylintrc.jsonc) above the file, else the recommended profile.
 * The config's `overrides` that match the file apply (`--config`: paths are relative to that
 * file's folder).
 */
export function loadConfigFor(
  filePath: string | undefined,
  opts: { configPath?: string; profile?: string } = {},
): LoadedConfig {
  const file =
    opts.configPath ??
    (filePath ? findConfigFile(path.dirname(path.resolve(filePath))) : findConfigFile(process.cwd()));
  if (!file) {
    const { config, errors } = resolveConfig(undefined, { profile: opts.profile });
    return { config, errors };
  }
  const read = readConfigFile(file);
  const relPath = filePath ? pathInConfigDir(file, filePath) : undefined;
  const resolved = resolveConfig(read.data, { file, profile: opts.profile, validate: false, path: relPath });
  return { config: resolved.config, file, data: read.data, errors: [...read.errors, ...resolved.errors] };
}
