// Config discovery on disk, shared by the CLI and the language server. Only JSON is read:
// no code from a workspace is ever loaded.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfigText, resolveConfig, type ConfigData, type ConfigError, type ResolvedConfig } from '../engine/index.js';

export const CONFIG_FILE_NAME = '.policylintrc.json';

/** Walks up from `startDir` and returns the first .policylintrc.json found, or undefined. */
export function findConfigFile(startDir: string): string | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The file the config came from, if any. */
  file?: string;
  /** Problems found; the config falls back to defaults for the keys in error. */
  errors: ConfigError[];
}

/** Reads and validates one config file. I/O and JSON errors become ConfigErrors naming the file. */
export function readConfigFile(file: string): { data?: ConfigData; errors: ConfigError[] } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return { errors: [{ file, message: `cannot read config file: ${(err as NodeJS.ErrnoException).code ?? String(err)}` }] };
  }
  return parseConfigText(text, file);
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
