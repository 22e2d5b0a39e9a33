// Shared by the rule tests: lint a snippet with every rule on and keep one rule's messages.
import { readFileSync } from 'node:fs';
import { lint, resolveConfig, type ConfigData, type LintMessage } from '../../../server/src/engine/index.js';

export const ALL = resolveConfig({ extends: 'all' }).config;
export const NOW = new Date('2026-11-22T00:00:00Z');

export interface Found {
  messages: LintMessage[];
  /** The source text each message covers. */
  quoted: string[];
}

export function run(ruleId: string, text: string, data?: ConfigData): Found {
  const config = data ? resolveConfig({ extends: 'all', ...data }).config : ALL;
  const messages = lint(text, { assumePolicy: true, config, now: NOW }).messages.filter((m) => m.ruleId === ruleId);
  return { messages, quoted: messages.map((m) => text.slice(m.range.start.offset, m.range.end.offset)) };
}

export function seed(name: string): string {
  return readFileSync(`corpus/${name}.md`, 'utf8');
}

export const SEEDS = ['act-on.com', 'manycontacts.com', 'attendicon.com', 'rs6.net', 'outboundengine.com'];

/** A minimal policy around a snippet, so the snippet is what the rule sees. */
export function policy(body: string): string {
  return `# Privacy Policy\n\n${body}\n`;
}
