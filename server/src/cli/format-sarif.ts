// SARIF 2.1.0 for GitHub code scanning: one run, every rule described from its docs page
// (shortDescription: a full sentence; fullDescription: the page's first paragraph; help: the
// page) with a link to it, results located relative to %SRCROOT% (the working directory).
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { resolveConfig } from '../engine/config.js';
import { docsUrl } from '../engine/docs-url.js';
import { provisionsOf } from '../engine/profiles.js';
import { RULES } from '../engine/rules/index.js';
import type { LintMessage, Severity } from '../engine/types.js';
import { relativePath } from './io.js';
import { ruleDoc } from './rule-docs.js';
import type { FileReport, RunReport } from './report.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const INFORMATION_URI = 'https://github.com/policylint/policylint';
export const FINGERPRINT_KEY = 'policylintLineHash/v1';

type Level = 'error' | 'warning' | 'note';

function level(severity: Severity | 'warn' | 'off'): Level {
  return severity === 'error' ? 'error' : severity === 'warning' || severity === 'warn' ? 'warning' : 'note';
}

function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(\s|$)/.exec(text);
  return m ? m[1] : text;
}

interface RuleDescriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: Level; enabled: boolean };
  properties: { tags: string[] };
}

/** A sentence ending in a full stop. */
function sentence(text: string): string {
  const t = firstSentence(text.trim());
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

function descriptor(id: string, description: string, lvl: Level, enabled: boolean): RuleDescriptor {
  const url = docsUrl(id);
  const doc = ruleDoc(id);
  const full = doc?.description ?? description;
  return {
    id,
    name: id.replace(/(^|-)([a-z])/g, (_, _d: string, ch: string) => ch.toUpperCase()),
    shortDescription: { text: doc?.summary ?? sentence(description) },
    fullDescription: { text: full },
    helpUri: url,
    help: {
      text: `${full} Documentation: ${url}`,
      markdown: `${doc?.markdown ?? description}\n\n[Documentation](${url})`,
    },
    defaultConfiguration: { level: lvl, enabled },
    properties: { tags: ['privacy-policy'] },
  };
}

/** Every rule in RULES, with its level in the recommended profile (disabled when that profile leaves it off). */
export function ruleDescriptors(): RuleDescriptor[] {
  const recommended = resolveConfig(undefined).config.rules;
  return RULES.map((rule) => {
    const on = recommended.get(rule.meta.id);
    const lvl = on ? level(on.severity) : level(rule.meta.severity === 'off' ? 'warn' : rule.meta.severity);
    return descriptor(rule.meta.id, rule.meta.description, lvl, Boolean(on));
  });
}

function artifactLocation(report: RunReport, r: FileReport): { uri: string; uriBaseId?: string } {
  if (!r.abs) return { uri: encodeURIComponent(r.file), uriBaseId: '%SRCROOT%' };
  const rel = relativePath(report.cwd, r.abs);
  if (rel.startsWith('/') || /^[A-Za-z]:/.test(rel)) return { uri: pathToFileURL(r.abs).href };
  return { uri: rel.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function region(m: { range: LintMessage['range'] }) {
  return {
    startLine: m.range.start.line,
    startColumn: m.range.start.column,
    endLine: m.range.end.line,
    endColumn: m.range.end.column,
  };
}

/** A hash of what identifies a finding across runs: the rule, the file and the text of its line. */
export function lineHash(ruleId: string, uri: string, lineText: string): string {
  return createHash('sha256').update(`${ruleId}\0${uri}\0${lineText.trim()}`).digest('hex').slice(0, 32);
}

export function formatSarif(report: RunReport, version: string): string {
  const rules = ruleDescriptors();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: unknown[] = [];
  for (const r of report.results) {
    const location = artifactLocation(report, r);
    const lines = r.text.split(/\r?\n/);
    const occurrences = new Map<string, number>();
    for (const m of r.messages) {
      if (!index.has(m.ruleId)) {
        // A message from outside RULES (the not-a-policy notice): describe it too, so every result has a rule.
        index.set(m.ruleId, rules.length);
        rules.push(descriptor(m.ruleId, m.message, level(m.severity), true));
      }
      const hash = lineHash(m.ruleId, location.uri, lines[m.range.start.line - 1] ?? '');
      const nth = (occurrences.get(hash) ?? 0) + 1;
      occurrences.set(hash, nth);
      const profiles = m.item ? r.checklist.find((e) => e.id === m.item)?.profiles : undefined;
      results.push({
        ruleId: m.ruleId,
        ruleIndex: index.get(m.ruleId),
        level: level(m.severity),
        message: { text: m.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(m) } }],
        partialFingerprints: { [FINGERPRINT_KEY]: `${hash}:${nth}` },
        // A result about an item a law profile asks for: those profiles, and each one's provision.
        ...(profiles?.length && { properties: { profiles, provisions: provisionsOf(m.item!, profiles) } }),
        ...(m.related?.length && {
          relatedLocations: m.related.map((rel, i) => ({
            id: i + 1,
            message: { text: rel.message },
            physicalLocation: { artifactLocation: location, region: region(rel) },
          })),
        }),
      });
    }
  }
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'policylint', version, semanticVersion: version, informationUri: INFORMATION_URI, rules },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(report.cwd).href.replace(/\/?$/, '/') } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: report.errors.length === 0,
            toolExecutionNotifications: report.errors.map((e) => ({
              level: 'error',
              message: { text: `${e.file}: ${e.error}` },
            })),
          },
        ],
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
