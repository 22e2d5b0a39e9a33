// Config discovery on disk, shared by the CLI and the language server. Only JSON is read:
// no code from a workspace is ever loaded.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeBytes, readFileBytes } from './read-file.js';
import { parseConfigText, resolveConfig, type ConfigData, type ConfigError, type ResolvedConfig } from '../engine/index.js';

export const CONFIG_FILE_NAME = '.policylintrc.json';
/** A config file larger than this is refused (real ones are a few hundred bytes). */
export const MAX_CONFIG_SIZE = 1_048_576;

/**
 * The longest path that can name a file here: a longer candidate cannot exist, so the walk up
 * starts below it (a URI thousands of folders deep costs one pass over its path, not one per folder).
 */
const MAX_PATH = process.platform === 'win32' ? 32_767 : 4_096;

/** Walks up from `startDir` and returns the first .policylintrc.json found, or undefined. */
export function findConfigFile(startDir: string): string | undefined {
  for (const dir of ancestors(path.resolve(startDir))) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    // Anything by that name counts (a FIFO or a folder too): reading it then says what is wrong.
    if (fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** `dir` and its parents, nearest first, leaving out those too long to hold a config file. */
function ancestors(dir: string): string[] {
  const root = path.parse(dir).root;
  const parts = dir.slice(root.length).split(path.sep).filter(Boolean);
  const dirs: string[] = [];
  let current = root;
  for (const part of parts) {
    const next = current.endsWith(path.sep) ? current + part : current + path.sep + part;
    if (next.length + CONFIG_FILE_NAME.length + 1 > MAX_PATH) break;
    dirs.push(next);
    current = next;
  }
  return [...dirs.reverse(), root];
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The file the config came from, if any. */
  file?: string;
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
  // A blank file is read as it is: the JSON parser says what is wrong with it.
  if (!decoded.ok) return { ...parseConfigText('', file), text: '' };
  return { ...parseConfigText(decoded.text, file), text: decoded.text };
}

/**
 * The config that applies to a policy file: `--config` when given, else the nearest
 * .policylintrc.json above the file, else the recommended profile.
 */
export function loadConfigFor(
  filePath: string | undefined,
  opts: { configPath?: string; profile?: string } = {},
): LoadedConfig {
  const file = opts.configPath ?? (filePath ? findConfigFile(path.dirname(path.resolve(filePath))) : findConfigFile(process.cwd()));
  if (!file) {
    const { config, errors } = resolveConfig(undefined, { profile: opts.profile });
    return { config, errors };
  }
  const read = readConfigFile(file);
  const resolved = resolveConfig(read.data, { file, profile: opts.profile, validate: false });
  return { config: resolved.config, file, errors: [...read.errors, ...resolved.errors] };
}
