// Config is data: JSON in, a resolved rule table out. Pure: the caller reads the file.
import { RULES, getRule } from './rules/index.js';
import { PROFILES, composeProfiles, splitProfiles } from './profiles.js';
import { EMAIL_ADDRESS, isEmailAddress } from './patterns.js';
import {
  findNodeAtLocation,
  parse,
  parseTree,
  printParseErrorCode,
  type Node as JsonNode,
  type ParseError,
} from 'jsonc-parser';
import { didYouMean } from './suggest.js';
import { globMatcher, type PathMatcher } from './globs.js';
import type {
  ConfigData,
  ConfigError,
  ConfigOverride,
  ResolvedConfig,
  ResolvedRule,
  Severity,
  SeveritySetting,
} from './types.js';
import { DEFAULT_MAX_FILE_SIZE, formatSize, parseSize, SIZE_EXPECTED, SIZE_TEXT } from './sizes.js';
export { DEFAULT_MAX_FILE_SIZE, formatSize, parseSize, sizeOverLimitText } from './sizes.js';

export { PROFILES } from './profiles.js';
const SEVERITIES: SeveritySetting[] = ['off', 'info', 'warn', 'error'];
const KNOWN_KEYS = [
  '$schema',
  'extends',
  'rules',
  'overrides',
  'ignores',
  'company',
  'contactEmail',
  'postalAddress',
  'maxFileSize',
  'asOf',
];
const OVERRIDE_KEYS = ['files', 'extends', 'rules'];

/** The size limit a config sets (`maxFileSize`), or the 5 MB default. */
export function maxFileSizeOf(config: ResolvedConfig | undefined): number {
  return config?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
}

/** A resolved config always carries its size limit. */
export type ResolvedLimits = Required<Pick<ResolvedConfig, 'maxFileSize'>>;

function toSeverity(s: SeveritySetting): Severity | undefined {
  return s === 'off' ? undefined : s === 'warn' ? 'warning' : s;
}

/** A JSON path into the config: keys and array indexes. */
type JsonPath = (string | number)[];

/** 1-based line and column of an offset. */
function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: offset - (lastBreak + 1) + 1 };
}

const PARSE_ERRORS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'not a valid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'expected the end of the file (one top-level object only)',
  InvalidCommentToken: 'not a valid comment',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'not a valid \\u escape',
  InvalidEscapeCharacter: 'not a valid escape',
  InvalidCharacter: 'a control character inside a string',
};

/** Where each key and value of the config text is, to put line and column on errors. */
class Locator {
  private readonly root: JsonNode | undefined;
  constructor(private readonly text: string | undefined) {
    this.root = text ? parseTree(text, [], JSONC_OPTIONS) : undefined;
  }

  /** The position of the key at `path` (`value`: of its value instead). */
  at(path: JsonPath, part: 'key' | 'value' = 'key'): { line?: number; column?: number } {
    if (!this.root || this.text === undefined) return {};
    let node: JsonNode | undefined;
    for (let n = path.length; n > 0 && !node; n--) node = findNodeAtLocation(this.root, path.slice(0, n));
    if (!node) return {};
    const target =
      part === 'key' && node.parent?.type === 'property' && node.parent.children?.[0] ? node.parent.children[0] : node;
    return positionAt(this.text, target.offset);
  }
}

const JSONC_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false };

/**
 * Parses the text of a .policylintrc.json or .policylintrc.jsonc (JSON with comments and
 * trailing commas) and validates its shape. Errors carry the line and column they are at.
 */
export function parseConfigText(text: string, file?: string): { data?: ConfigData; errors: ConfigError[] } {
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim())
    return {
      errors: [
        {
          file,
          line: 1,
          column: 1,
          message: 'invalid JSON: the file is empty; write an object such as {} (or delete the file)',
        },
      ],
    };
  const parseErrors: ParseError[] = [];
  const raw: unknown = parse(body, parseErrors, JSONC_OPTIONS);
  if (parseErrors.length) {
    const first = parseErrors[0];
    const code = printParseErrorCode(first.error);
    const more = parseErrors.length > 1 ? ` (and ${parseErrors.length - 1} more)` : '';
    return {
      errors: [
        { file, ...positionAt(body, first.offset), message: `invalid JSON: ${PARSE_ERRORS[code] ?? code}${more}` },
      ],
    };
  }
  const errors = validateConfig(raw, file, body);
  return { data: errors.length && !isObject(raw) ? undefined : (raw as ConfigData), errors };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Checks a parsed config against the schema; returns one error per offending key. */
export function validateConfig(raw: unknown, file?: string, text?: string): ConfigError[] {
  const errors: ConfigError[] = [];
  const where = new Locator(text);
  const err: Report = (path, message, part = 'key', key = keyName(path)) =>
    errors.push({ file, key, message, ...where.at(path, part) });
  if (!isObject(raw)) return [{ file, message: 'expected a JSON object at the top level', ...where.at([], 'value') }];
  const data = raw;
  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.includes(key))
      err(
        [key],
        `unknown key "${key}"${didYouMean(key, KNOWN_KEYS)}; expected one of ${KNOWN_KEYS.slice(1).join(', ')}`,
      );
  }
  checkExtends(data.extends, ['extends'], err);
  for (const key of ['company', 'contactEmail', 'postalAddress']) {
    if (data[key] !== undefined && typeof data[key] !== 'string')
      err([key], `expected a string, got ${typeName(data[key])}`);
  }
  if (
    typeof data.contactEmail === 'string' &&
    data.contactEmail.trim() !== '' &&
    !isEmailAddress(data.contactEmail.trim())
  ) {
    err(['contactEmail'], `expected an email address, got ${JSON.stringify(data.contactEmail)}`);
  }
  if (data.asOf !== undefined && !isDay(data.asOf))
    err(['asOf'], `expected a date as YYYY-MM-DD, got ${typeName(data.asOf)}`);
  if (data.maxFileSize !== undefined && parseSize(data.maxFileSize) === undefined) {
    err(['maxFileSize'], `expected ${SIZE_EXPECTED}, got ${typeName(data.maxFileSize)}`);
  }
  checkRules(data.rules, ['rules'], err);
  checkGlobs(data.ignores, ['ignores'], err, true);
  if (data.overrides !== undefined) {
    if (!Array.isArray(data.overrides)) {
      err(
        ['overrides'],
        `expected an array of { "files": [...], "extends": ..., "rules": {...} }, got ${typeName(data.overrides)}`,
      );
    } else {
      data.overrides.forEach((o: unknown, i: number) => {
        const at: JsonPath = ['overrides', i];
        if (!isObject(o)) {
          err(at, `expected an object with "files" and "extends" or "rules", got ${typeName(o)}`, 'value');
          return;
        }
        for (const key of Object.keys(o)) {
          if (!OVERRIDE_KEYS.includes(key))
            err(
              [...at, key],
              `unknown key "${key}" in an override${didYouMean(key, OVERRIDE_KEYS)}; expected ${OVERRIDE_KEYS.join(', ')}`,
            );
        }
        if (o.files === undefined)
          err(at, 'an override needs "files": the glob patterns of the files it applies to', 'value');
        else checkGlobs(o.files, [...at, 'files'], err, false);
        checkExtends(o.extends, [...at, 'extends'], err);
        checkRules(o.rules, [...at, 'rules'], err);
      });
    }
  }
  return errors;
}

/** Reports a problem at `path`; `key` names it for people when the path has array indexes in it. */
type Report = (path: JsonPath, message: string, part?: 'key' | 'value', key?: string) => void;

/** "overrides[0].rules.contact" for a path. */
function keyName(path: JsonPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

function checkExtends(value: unknown, at: JsonPath, err: Report): void {
  if (value === undefined) return;
  const list = Array.isArray(value) ? value : [value];
  list.forEach((p, i) => {
    const path = Array.isArray(value) ? [...at, i] : at;
    if (typeof p !== 'string' || !PROFILES.includes(p)) {
      const hint = typeof p === 'string' ? didYouMean(p, PROFILES) : '';
      err(
        path,
        `unknown profile ${JSON.stringify(p)}${hint}; expected ${PROFILES.map((x) => `"${x}"`).join(', ')}`,
        'value',
        keyName(at),
      );
    }
  });
}

function checkGlobs(value: unknown, at: JsonPath, err: Report, emptyOk: boolean): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
    err(at, `expected an array of glob patterns (strings) such as ["drafts/**", "*.old.md"], got ${typeName(value)}`);
  } else if (!emptyOk && !value.length) {
    err(at, 'expected at least one glob pattern');
  }
}

function checkRules(value: unknown, at: JsonPath, err: Report): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    err(at, `expected an object mapping rule ids to "off" | "info" | "warn" | "error", got ${typeName(value)}`);
    return;
  }
  const ids = RULES.map((r) => r.meta.id);
  for (const [id, setting] of Object.entries(value)) {
    const path = [...at, id];
    const rule = getRule(id);
    if (!rule) {
      const hint = didYouMean(id, ids);
      err(
        path,
        `unknown rule "${id}"${hint}${hint ? '' : '; run `policylint --list-rules` or see docs/rules/ for the list'}`,
      );
      continue;
    }
    const [sev, opts] = Array.isArray(setting) ? setting : [setting, undefined];
    if (typeof sev !== 'string' || !SEVERITIES.includes(sev as SeveritySetting)) {
      const hint = typeof sev === 'string' ? didYouMean(sev, SEVERITIES) : '';
      err(
        Array.isArray(setting) ? [...path, 0] : path,
        `expected "off", "info", "warn" or "error" (or [severity, options]), got ${JSON.stringify(sev)}${hint}`,
        'value',
        keyName(path),
      );
      continue;
    }
    if (Array.isArray(setting) && setting.length > 2)
      err(path, 'expected [severity, options] with at most two elements');
    if (opts !== undefined) {
      if (!isObject(opts)) {
        err(
          [...path, 1],
          `expected an options object as the second element, got ${typeName(opts)}`,
          'value',
          keyName(path),
        );
        continue;
      }
      const schema = rule.meta.options ?? {};
      for (const [name, v] of Object.entries(opts)) {
        const spec = schema[name];
        const optPath = [...path, 1, name];
        if (!spec) {
          const known = Object.keys(schema);
          err(
            optPath,
            `unknown option "${name}" for rule ${id}${didYouMean(name, known)}; ${known.length ? `expected ${known.join(', ')}` : 'the rule takes no options'}`,
            'key',
            `${keyName(path)}.${name}`,
          );
        } else if (!matchesType(v, spec.type)) {
          err(
            optPath,
            `option "${name}" of rule ${id} expects ${spec.type}, got ${typeName(v)}`,
            'value',
            `${keyName(path)}.${name}`,
          );
        }
      }
    }
  }
}

/** A calendar day written YYYY-MM-DD. */
function isDay(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
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

/** The overrides of a config that apply to a file, in order (`relPath`: relative to the config's folder). */
export function overridesFor(data: ConfigData | undefined, relPath: string | undefined): ConfigOverride[] {
  if (!relPath || !Array.isArray(data?.overrides)) return [];
  return data.overrides.filter(
    (o): o is ConfigOverride =>
      isObject(o) && Array.isArray(o.files) && globMatcher(o.files.filter((f) => typeof f === 'string'))(relPath),
  );
}

/** Whether the config's `ignores` take in a file (`relPath`: relative to the config's folder). */
export function isIgnoredByConfig(data: ConfigData | undefined, relPath: string): boolean {
  return configIgnorePattern(data, relPath) !== undefined;
}

/** The first of the config's `ignores` that takes in a file, or undefined (`relPath`: relative to the config's folder). */
export function configIgnorePattern(data: ConfigData | undefined, relPath: string): string | undefined {
  if (!Array.isArray(data?.ignores)) return undefined;
  let matchers = ignoreMatchers.get(data.ignores);
  if (!matchers) {
    const patterns = data.ignores.filter((p): p is string => typeof p === 'string');
    matchers = { any: globMatcher(patterns), each: patterns.map((p) => [p, globMatcher([p])] as const) };
    ignoreMatchers.set(data.ignores, matchers);
  }
  return matchers.any(relPath) ? matchers.each.find(([, test]) => test(relPath))?.[0] : undefined;
}
/** The compiled `ignores` of each config read (a walk asks about every file). */
const ignoreMatchers = new WeakMap<
  readonly unknown[],
  { any: PathMatcher; each: (readonly [string, PathMatcher])[] }
>();

function profilesOf(value: unknown): string[] {
  return value === undefined
    ? []
    : (Array.isArray(value) ? value : [value]).filter((p): p is string => typeof p === 'string');
}

/**
 * Resolves config data into a rule table. Invalid parts are reported and ignored, so
 * linting goes on with defaults. `profile` (the CLI's --profile) replaces `extends`.
 * `path` is the linted file's path relative to the config's folder ("/" separated): the
 * `overrides` whose `files` match it apply, in order. An override's `extends` adds profiles
 * to the config's own; its `rules` apply after the config's `rules`.
 */
export function resolveConfig(
  data: ConfigData | undefined,
  opts: { file?: string; profile?: string; text?: string; validate?: boolean; path?: string } = {},
): { config: ResolvedConfig & ResolvedLimits; errors: ConfigError[] } {
  const errors: ConfigError[] = [];
  const validate = opts.validate ?? true;
  const asked = opts.profile !== undefined ? splitProfiles(opts.profile) : undefined;
  for (const p of asked ?? []) {
    if (!PROFILES.includes(p))
      errors.push({
        key: 'profile',
        message: `unknown profile "${p}"${didYouMean(p, PROFILES)}; expected ${PROFILES.join(', ')}`,
      });
  }
  // Data from parseConfigText was validated there already (validate: false avoids reporting twice).
  if (data && validate) errors.push(...validateConfig(data, opts.file, opts.text));
  const overrides = overridesFor(data, opts.path);
  const fromConfig = data?.extends === undefined ? ['recommended'] : profilesOf(data.extends);
  const base = asked?.some((p) => PROFILES.includes(p)) ? asked : fromConfig;
  const wanted = [...base, ...overrides.flatMap((o) => profilesOf(o.extends))];
  const profiles = [...new Set(wanted.filter((p) => PROFILES.includes(p)))];
  if (!profiles.length) profiles.push('recommended');
  const rules = new Map<string, ResolvedRule>();
  for (const [id, r] of composeProfiles(profiles)) rules.set(id, { severity: r.severity, options: r.options });
  for (const table of [data?.rules, ...overrides.map((o) => o.rules)]) applyRules(rules, table);
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  return {
    config: {
      rules,
      profiles,
      company: str(data?.company),
      contactEmail: str(data?.contactEmail),
      postalAddress: str(data?.postalAddress),
      maxFileSize: parseSize((data as { maxFileSize?: unknown } | undefined)?.maxFileSize) ?? DEFAULT_MAX_FILE_SIZE,
      asOf: isDay(data?.asOf) ? data.asOf : undefined,
    },
    errors,
  };
}

/** Sets the valid entries of a `rules` table over the rule table (invalid ones were reported). */
function applyRules(rules: Map<string, ResolvedRule>, table: unknown): void {
  if (!isObject(table)) return;
  for (const [id, setting] of Object.entries(table)) {
    if (!getRule(id)) continue;
    const [sev, options] = (Array.isArray(setting) ? setting : [setting, undefined]) as [unknown, unknown];
    if (typeof sev !== 'string' || !SEVERITIES.includes(sev as SeveritySetting)) continue;
    const severity = toSeverity(sev as SeveritySetting);
    if (!severity) {
      rules.delete(id);
      continue;
    }
    rules.set(id, { severity, options: isObject(options) ? options : {} });
  }
}

/** The published JSON schema of .policylintrc.json (written to schema/ by the build). */
export function configSchema(): Record<string, unknown> {
  const severity = { enum: SEVERITIES };
  const ruleProps: Record<string, unknown> = {};
  for (const rule of RULES) {
    const optionProps: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(rule.meta.options ?? {})) {
      optionProps[name] =
        spec.type === 'string[]'
          ? { type: 'array', items: { type: 'string' }, description: spec.description }
          : { type: spec.type, description: spec.description };
    }
    ruleProps[rule.meta.id] = {
      description: rule.meta.description,
      oneOf: [
        severity,
        {
          type: 'array',
          prefixItems: [severity, { type: 'object', properties: optionProps, additionalProperties: false }],
          minItems: 1,
          maxItems: 2,
        },
      ],
    };
  }
  const extendsSchema = { oneOf: [{ enum: [...PROFILES] }, { type: 'array', items: { enum: [...PROFILES] } }] };
  const rules = { type: 'object', properties: ruleProps, additionalProperties: false };
  const globs = { type: 'array', items: { type: 'string', minLength: 1 } };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://policylint.dev/schema/policylintrc.schema.json',
    title: 'policylint configuration (.policylintrc.json, .policylintrc.jsonc)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      extends: {
        description:
          'Profiles to start from, composed: "recommended" is derived from the sample corpus; the law profiles (gdpr, uk-gdpr, ccpa, caloppa, coppa, us-states, pipeda, lgpd) ask for what each law names; "all" turns every rule on.',
        ...extendsSchema,
      },
      rules,
      ignores: {
        description:
          'Files not to lint: glob patterns relative to this file\'s folder. A pattern with a "/" is anchored there ("drafts/**"); one without matches a file or folder of that name anywhere ("*.old.md", "archive"). node_modules, .git and what .gitignore ignores are skipped anyway; a .policylintignore file (gitignore syntax) adds more.',
        ...globs,
      },
      overrides: {
        description:
          'Other profiles or rules for some files, applied in order after the top-level settings: [{ "files": ["legal/eu/**"], "extends": ["gdpr"], "rules": { ... } }].',
        type: 'array',
        items: {
          type: 'object',
          required: ['files'],
          additionalProperties: false,
          properties: {
            files: {
              description: "Glob patterns, relative to this file's folder, of the files the override applies to.",
              ...globs,
              minItems: 1,
            },
            extends: { description: 'Profiles added to the top-level ones for these files.', ...extendsSchema },
            rules: { description: 'Rule settings for these files, over the top-level "rules".', ...rules },
          },
        },
      },
      company: { type: 'string', description: 'Company name, used to fill inserted sections.' },
      contactEmail: {
        type: 'string',
        pattern: `^$|^${EMAIL_ADDRESS}$`,
        description: 'Privacy contact email, used to fill inserted sections (empty: not set).',
      },
      postalAddress: { type: 'string', description: 'Postal address, used to fill inserted sections.' },
      asOf: {
        type: 'string',
        pattern: '^\\d{4}-\\d{2}-\\d{2}$',
        description: 'The day date checks (ccpa-last-updated) judge against instead of today: YYYY-MM-DD.',
      },
      maxFileSize: {
        description: `Documents larger than this are not linted (default ${formatSize(DEFAULT_MAX_FILE_SIZE)}): bytes, or a text such as "5 MB", "500 KB" or "2 MiB".`,
        oneOf: [
          { type: 'integer', minimum: 1 },
          { type: 'string', pattern: SIZE_TEXT },
        ],
      },
    },
  };
}
