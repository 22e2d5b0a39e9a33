// Config is data: JSON in, a resolved rule table out. Pure: the caller reads the file.
import { RULES, getRule } from './rules/index.js';
import { SHIPPED_CHECKLIST } from './derive.js';
import { EMAIL_ADDRESS, isEmailAddress } from './patterns.js';
import { PLAIN_LANGUAGE_PROFILE, PLAIN_LANGUAGE_RULES } from './plain-language.js';
import type { ConfigData, ConfigError, ResolvedConfig, ResolvedRule, RuleSetting, Severity, SeveritySetting } from './types.js';
import { DEFAULT_MAX_FILE_SIZE, formatSize, parseSize, SIZE_EXPECTED, SIZE_TEXT } from './sizes.js';
export { DEFAULT_MAX_FILE_SIZE, formatSize, parseSize, sizeOverLimitText } from './sizes.js';

/** Profiles a config can extend. `recommended` comes from the derived checklist; `all` turns every rule on. */
export const PROFILES = ['recommended', 'all', PLAIN_LANGUAGE_PROFILE] as const;
const SEVERITIES: SeveritySetting[] = ['off', 'info', 'warn', 'error'];
const KNOWN_KEYS = ['$schema', 'extends', 'rules', 'company', 'contactEmail', 'postalAddress', 'maxFileSize'];


/** The size limit a config sets (`maxFileSize`), or the 5 MB default. */
export function maxFileSizeOf(config: ResolvedConfig | undefined): number {
  return config?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
}

/** A resolved config always carries its size limit. */
export type ResolvedLimits = Required<Pick<ResolvedConfig, 'maxFileSize'>>;

function toSeverity(s: SeveritySetting): Severity | undefined {
  return s === 'off' ? undefined : s === 'warn' ? 'warning' : s;
}

/** The rule table of a profile. */
function profileRules(profile: string): Map<string, ResolvedRule> {
  const rules = new Map<string, ResolvedRule>();
  if (profile === PLAIN_LANGUAGE_PROFILE) {
    for (const [id, setting] of Object.entries(PLAIN_LANGUAGE_RULES)) rules.set(id, { severity: toSeverity(setting)!, options: {} });
    return rules;
  }
  for (const rule of RULES) {
    let setting: SeveritySetting = rule.meta.severity;
    if (rule.meta.item) {
      const derived = SHIPPED_CHECKLIST.items.find((i) => i.id === rule.meta.item);
      if (profile === 'all') setting = derived?.severity ?? 'warn';
      else setting = derived?.recommended ? derived.severity : 'off';
    } else if (profile === 'all' && setting === 'off') {
      setting = 'warn';
    }
    const severity = toSeverity(setting);
    if (severity) rules.set(rule.meta.id, { severity, options: {} });
  }
  return rules;
}

/** Finds the 1-based line of a key in the config text, for error messages. */
function lineOfKey(text: string | undefined, key: string): number | undefined {
  if (!text) return undefined;
  const idx = text.indexOf(JSON.stringify(key));
  return idx < 0 ? undefined : text.slice(0, idx).split('\n').length;
}

/** Parses the text of a .policylintrc.json and validates its shape. */
export function parseConfigText(text: string, file?: string): { data?: ConfigData; errors: ConfigError[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const msg = (err as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    return { errors: [{ file, line, message: `invalid JSON: ${msg}` }] };
  }
  const errors = validateConfig(raw, file, text);
  return { data: errors.length && (typeof raw !== 'object' || raw === null || Array.isArray(raw)) ? undefined : (raw as ConfigData), errors };
}

/** Checks a parsed config against the schema; returns one error per offending key. */
export function validateConfig(raw: unknown, file?: string, text?: string): ConfigError[] {
  const errors: ConfigError[] = [];
  const err = (key: string, message: string) => errors.push({ file, key, message, line: lineOfKey(text, key.split('.').pop()!) });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return [{ file, message: 'expected a JSON object at the top level' }];
  }
  const data = raw as Record<string, unknown>;
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.includes(key)) err(key, `unknown key "${key}"; expected one of ${KNOWN_KEYS.slice(1).join(', ')}`);
  }
  if (data.extends !== undefined) {
    const list = Array.isArray(data.extends) ? data.extends : [data.extends];
    for (const p of list) {
      if (typeof p !== 'string' || !(PROFILES as readonly string[]).includes(p)) {
        err('extends', `unknown profile ${JSON.stringify(p)}; expected ${PROFILES.map((x) => `"${x}"`).join(' or ')}`);
      }
    }
  }
  for (const key of ['company', 'contactEmail', 'postalAddress']) {
    if (data[key] !== undefined && typeof data[key] !== 'string') err(key, `expected a string, got ${typeName(data[key])}`);
  }
  if (typeof data.contactEmail === 'string' && data.contactEmail.trim() !== '' && !isEmailAddress(data.contactEmail.trim())) {
    err('contactEmail', `expected an email address, got ${JSON.stringify(data.contactEmail)}`);
  }
  if (data.maxFileSize !== undefined && parseSize(data.maxFileSize) === undefined) {
    err('maxFileSize', `expected ${SIZE_EXPECTED}, got ${typeName(data.maxFileSize)}`);
  }
  if (data.rules !== undefined) {
    if (typeof data.rules !== 'object' || data.rules === null || Array.isArray(data.rules)) {
      err('rules', `expected an object mapping rule ids to "off" | "warn" | "error", got ${typeName(data.rules)}`);
    } else {
      for (const [id, setting] of Object.entries(data.rules as Record<string, unknown>)) {
        const key = `rules.${id}`;
        const rule = getRule(id);
        if (!rule) {
          err(key, `unknown rule "${id}"; run \`policylint --list-rules\` or see docs/rules/ for the list`);
          continue;
        }
        const [sev, opts] = Array.isArray(setting) ? setting : [setting, undefined];
        if (typeof sev !== 'string' || !SEVERITIES.includes(sev as SeveritySetting)) {
          err(key, `expected "off", "info", "warn" or "error" (or [severity, options]), got ${JSON.stringify(sev)}`);
          continue;
        }
        if (Array.isArray(setting) && setting.length > 2) err(key, 'expected [severity, options] with at most two elements');
        if (opts !== undefined) {
          if (typeof opts !== 'object' || opts === null || Array.isArray(opts)) {
            err(key, `expected an options object as the second element, got ${typeName(opts)}`);
            continue;
          }
          const schema = rule.meta.options ?? {};
          for (const [name, value] of Object.entries(opts)) {
            const spec = schema[name];
            if (!spec) {
              const known = Object.keys(schema);
              err(`${key}.${name}`, `unknown option "${name}" for rule ${id}; ${known.length ? `expected ${known.join(', ')}` : 'the rule takes no options'}`);
            } else if (!matchesType(value, spec.type)) {
              err(`${key}.${name}`, `option "${name}" of rule ${id} expects ${spec.type}, got ${typeName(value)}`);
            }
          }
        }
      }
    }
  }
  return errors;
}

function matchesType(value: unknown, type: string): boolean {
  if (type === 'string[]') return Array.isArray(value) && value.every((v) => typeof v === 'string');
  return typeof value === type;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `${typeof v} ${JSON.stringify(v)}`;
}

/**
 * Resolves config data into a rule table. Invalid parts are reported and ignored, so
 * linting goes on with defaults. `profile` (the CLI's --profile) replaces `extends`.
 */
export function resolveConfig(
  data: ConfigData | undefined,
  opts: { file?: string; profile?: string; text?: string; validate?: boolean } = {},
): { config: ResolvedConfig & ResolvedLimits; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const validate = opts.validate ?? true;
  if (opts.profile !== undefined && !(PROFILES as readonly string[]).includes(opts.profile)) {
    errors.push({ key: 'profile', message: `unknown profile "${opts.profile}"; expected ${PROFILES.join(' or ')}` });
  }
  // Data from parseConfigText was validated there already (validate: false avoids reporting twice).
  if (data && validate) errors.push(...validateConfig(data, opts.file, opts.text));
  const wanted = opts.profile && (PROFILES as readonly string[]).includes(opts.profile)
    ? [opts.profile]
    : data?.extends === undefined
      ? ['recommended']
      : (Array.isArray(data.extends) ? data.extends : [data.extends]);
  const profiles = wanted.filter((p) => (PROFILES as readonly string[]).includes(p));
  if (!profiles.length) profiles.push('recommended');
  const rules = new Map<string, ResolvedRule>();
  for (const p of profiles) for (const [id, r] of profileRules(p)) rules.set(id, r);
  for (const [id, setting] of Object.entries(data?.rules ?? {})) {
    if (!getRule(id)) continue;
    const [sev, options] = (Array.isArray(setting) ? setting : [setting, undefined]) as [unknown, unknown];
    if (typeof sev !== 'string' || !SEVERITIES.includes(sev as SeveritySetting)) continue;
    const severity = toSeverity(sev as SeveritySetting);
    if (!severity) {
      rules.delete(id);
      continue;
    }
    const validOptions = options && typeof options === 'object' && !Array.isArray(options) ? (options as Record<string, unknown>) : {};
    rules.set(id, { severity, options: validOptions });
  }
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  return {
    config: {
      rules,
      profiles,
      company: str(data?.company),
      contactEmail: str(data?.contactEmail),
      postalAddress: str(data?.postalAddress),
      maxFileSize: parseSize((data as { maxFileSize?: unknown } | undefined)?.maxFileSize) ?? DEFAULT_MAX_FILE_SIZE,
    },
    errors,
  };
}

/** The published JSON schema of .policylintrc.json (written to schema/ by the build). */
export function configSchema(): Record<string, unknown> {
  const severity = { enum: SEVERITIES };
  const ruleProps: Record<string, unknown> = {};
  for (const rule of RULES) {
    const optionProps: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(rule.meta.options ?? {})) {
      optionProps[name] = spec.type === 'string[]'
        ? { type: 'array', items: { type: 'string' }, description: spec.description }
        : { type: spec.type, description: spec.description };
    }
    ruleProps[rule.meta.id] = {
      description: rule.meta.description,
      oneOf: [
        severity,
        { type: 'array', prefixItems: [severity, { type: 'object', properties: optionProps, additionalProperties: false }], minItems: 1, maxItems: 2 },
      ],
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://policylint.dev/schema/policylintrc.schema.json',
    title: 'policylint configuration (.policylintrc.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      extends: {
        description: 'Profiles to start from. "recommended" is derived from the sample corpus; "all" turns every rule on.',
        oneOf: [{ enum: [...PROFILES] }, { type: 'array', items: { enum: [...PROFILES] } }],
      },
      rules: { type: 'object', properties: ruleProps, additionalProperties: false },
      company: { type: 'string', description: 'Company name, used to fill inserted sections.' },
      contactEmail: { type: 'string', pattern: `^$|^${EMAIL_ADDRESS}$`, description: 'Privacy contact email, used to fill inserted sections (empty: not set).' },
      postalAddress: { type: 'string', description: 'Postal address, used to fill inserted sections.' },
      maxFileSize: {
        description: `Documents larger than this are not linted (default ${formatSize(DEFAULT_MAX_FILE_SIZE)}): bytes, or a text such as "5 MB", "500 KB" or "2 MiB".`,
        oneOf: [{ type: 'integer', minimum: 1 }, { type: 'string', pattern: SIZE_TEXT }],
      },
    },
  };
}
