// The lint pipeline: parse once, evaluate the checklist, run the enabled rules, apply
// inline directives. Fixes are data (text edits); fixText applies them the way every
// front end does.
import { drain, parseSteps } from './model.js';
import { evaluateChecklistSteps, evaluateItemsSteps, looksLikePolicy } from './checklist.js';
import { LAW_ITEMS } from './laws/index.js';
import { profilesOfItem } from './profiles.js';
import { RULES } from './rules/index.js';
import { getItem } from './items/index.js';
import { NOT_A_POLICY_MESSAGE } from './rules/not-a-policy.js';
import { resolveConfig } from './config.js';
import { filterByDirectives } from './directives.js';
import { fixType, type FixType } from './fix-kinds.js';
import { insertSectionFix } from './insert.js';
import { faultsOf } from './faults.js';
import type {
  ChecklistEntry,
  LintMessage,
  LintOptions,
  LintResult,
  PolicyDocument,
  ReportInput,
  ResolvedConfig,
  TextEdit,
} from './types.js';

import { docsUrl } from './docs-url.js';

export { DOCS_BASE, docsUrl } from './docs-url.js';

let defaultConfig: ResolvedConfig | undefined;
function recommended(): ResolvedConfig {
  defaultConfig ??= resolveConfig(undefined).config;
  return defaultConfig;
}

const severityRank = { error: 0, warning: 1, info: 2 } as const;

/** Lints one text. Never throws for any input text: a rule that throws becomes one message naming it. */
export function lint(text: string, options: LintOptions = {}): LintResult {
  return drain(lintSteps(text, options));
}

/**
 * The same lint, as steps: it yields between pieces of parsing work so a caller can keep an
 * event loop turning, or stop early by not asking for the next step (a newer version of the
 * document has arrived). With `options.cache`, only the changed chunks are parsed again.
 */
export function* lintSteps(text: string, options: LintOptions = {}): Generator<void, LintResult> {
  const cache = options.cache;
  cache?.begin();
  // elapsedMs is the engine's own work: the time between a pause and the next, never the time a
  // caller spends elsewhere (linting other documents) before it asks for the next step.
  const steps = lintParsed(text, options);
  let busy = 0;
  for (;;) {
    const resumed = performance.now();
    const step = steps.next();
    busy += performance.now() - resumed;
    if (step.done) {
      cache?.end();
      return { ...step.value, elapsedMs: busy };
    }
    yield;
  }
}

/** The law items the config turns on, evaluated. */
function* lawChecklist(doc: PolicyDocument, config: ResolvedConfig, now: Date): Generator<void, ChecklistEntry[]> {
  const items = LAW_ITEMS.filter((i) => config.rules.has(i.id));
  if (!items.length) return [];
  const asOf = config.asOf ? new Date(`${config.asOf}T00:00:00Z`) : now;
  return yield* evaluateItemsSteps(doc, items, asOf);
}

/** Each entry that a law profile in the config asks for carries those profiles (for grouping: "GDPR 9/14"). */
function withProfiles(entries: ChecklistEntry[], config: ResolvedConfig): ChecklistEntry[] {
  if (!config.profiles.some((p) => p !== 'recommended')) return entries;
  return entries.map((e) => {
    const profiles = profilesOfItem(e.id, config.profiles);
    return profiles.length ? { ...e, profiles } : e;
  });
}

/** The lint itself; `lintSteps` measures it (its elapsedMs here is a placeholder). */
function* lintParsed(text: string, options: LintOptions): Generator<void, LintResult> {
  const config = options.config ?? recommended();
  const now = options.now ?? new Date();
  const doc = yield* parseSteps(text, { cache: options.cache });
  yield;
  const core = yield* evaluateChecklistSteps(doc);
  yield;
  const isPolicy = options.assumePolicy || looksLikePolicy(doc, core);
  const checklist = withProfiles([...core, ...(yield* lawChecklist(doc, config, now))], config);
  const messages: LintMessage[] = [];

  if (!isPolicy) {
    const setting = config.rules.get('not-a-policy');
    if (setting) {
      messages.push({
        ruleId: 'not-a-policy',
        severity: setting.severity,
        message: NOT_A_POLICY_MESSAGE,
        range: doc.rangeOf(0, Math.max(0, (doc.lineStarts[1] ?? text.length + 1) - 1)),
        docsUrl: docsUrl('not-a-policy'),
      });
    }
    return { looksLikePolicy: false, checklist, messages: filterByDirectives(messages, doc), doc, elapsedMs: 0 };
  }

  const { throwInRule } = faultsOf(options);
  let lastYield = performance.now();
  for (const rule of RULES) {
    const setting = config.rules.get(rule.meta.id);
    if (!setting) continue;
    if (performance.now() - lastYield > 8) {
      yield;
      lastYield = performance.now();
    }
    const report = (input: ReportInput) => {
      messages.push({
        ruleId: rule.meta.id,
        severity: input.severity ?? setting.severity,
        message: input.message,
        range: doc.rangeOf(input.start, input.end),
        item: input.item ?? rule.meta.item,
        fix: input.fix,
        suggestions: input.suggestions,
        related: input.related?.map((r) => ({ message: r.message, range: doc.rangeOf(r.start, r.end) })),
        tags: input.tags,
        documentLevel: input.documentLevel,
        docsUrl: docsUrl(rule.meta.id),
      });
    };
    try {
      if (throwInRule === rule.meta.id) throw new Error('injected failure (throwInRule)');
      const steps = rule.check({
        doc,
        checklist,
        config,
        options: setting.options,
        now,
        baseline: options.baseline,
        report,
      });
      if (steps) {
        for (let step = steps.next(); !step.done; step = steps.next()) {
          if (performance.now() - lastYield > 8) {
            yield;
            lastYield = performance.now();
          }
        }
      }
    } catch (err) {
      messages.push({
        ruleId: rule.meta.id,
        severity: 'error',
        message: `Rule ${rule.meta.id} failed on this document and was skipped: ${(err as Error)?.message ?? String(err)}`,
        range: doc.rangeOf(0, 0),
        docsUrl: docsUrl(rule.meta.id),
        ruleError: true,
      });
    }
  }

  const kept = filterByDirectives(messages, doc);
  kept.sort(
    (a, b) =>
      a.range.start.offset - b.range.start.offset ||
      severityRank[a.severity] - severityRank[b.severity] ||
      a.ruleId.localeCompare(b.ruleId),
  );
  return { looksLikePolicy: true, checklist, messages: kept, doc, elapsedMs: 0 };
}

/**
 * Applies text edits. Edits are sorted by position; zero-width insertions at the same
 * offset keep their given order. Overlapping edits are an error (the caller should have
 * dropped them).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i);
  let out = '';
  let cursor = 0;
  for (const { e } of sorted) {
    if (e.start < cursor || e.end < e.start || e.end > text.length) {
      throw new RangeError(`overlapping or out-of-range edit at ${e.start}-${e.end}`);
    }
    out += text.slice(cursor, e.start) + e.text;
    cursor = e.end;
  }
  return out + text.slice(cursor);
}

/** Picks the largest set of non-overlapping fixes of the given types (safe text fixes by default), in document order. */
export function compatibleFixes(messages: readonly LintMessage[], types: readonly FixType[] = ['safe']): LintMessage[] {
  const chosen: LintMessage[] = [];
  const taken: { start: number; end: number }[] = [];
  // Sections inserted at one place go in the order readers expect them.
  const rank = (m: LintMessage) => (m.item ? (getItem(m.item)?.order ?? 0) : 0);
  const candidates = messages
    .filter((m) => m.fix?.edits.length && types.includes(fixType(m.fix)!))
    .sort((a, b) => a.fix!.edits[0].start - b.fix!.edits[0].start || rank(a) - rank(b));
  for (const m of candidates) {
    const edits = m.fix!.edits;
    const clash = edits.some((e) =>
      taken.some(
        (t) => (e.start < t.end && t.start < e.end) || (e.start === e.end && e.start > t.start && e.start < t.end),
      ),
    );
    // One section per pass: a section's number depends on the sections inserted before it.
    if (clash || (fixType(m.fix) === 'section' && chosen.some((c) => fixType(c.fix) === 'section'))) continue;
    chosen.push(m);
    taken.push(...edits.map((e) => ({ start: e.start, end: e.end })));
  }
  return chosen;
}

export interface FixResult {
  text: string;
  /** The messages whose fixes were applied, across all passes. */
  fixed: LintMessage[];
  /** The lint result of the final text. */
  result: LintResult;
}

export interface FixOptions extends LintOptions {
  /** Only the fixes of these rule ids. */
  only?: readonly string[];
  /** Which kinds of fix to apply: safe text fixes (the default), section insertions, or both. */
  types?: readonly FixType[];
  /**
   * Insert the sections of these missing items, and nothing else, whatever their rules'
   * severity (`off` included): the editor's Insert Section.
   */
  items?: readonly string[];
}

/** The section insertions asked for by item, as messages (an item whose rule is off reports nothing). */
function itemInsertions(result: LintResult, config: ResolvedConfig, items: readonly string[]): LintMessage[] {
  const out: LintMessage[] = [];
  for (const id of items) {
    const fix = insertSectionFix(result.doc, result.checklist, id, config);
    if (!fix) continue;
    out.push({
      ruleId: id,
      severity: 'info',
      message: '',
      range: result.doc.rangeOf(0, 0),
      item: id as LintMessage['item'],
      fix,
      docsUrl: docsUrl(id),
    });
  }
  return out;
}

/**
 * Applies every fix of the given types (safe text fixes by default), re-linting between
 * passes until nothing changes. `only` restricts the fixes to some rule ids. Section
 * insertions renumber the sections after them, so two rarely fit in one pass: the passes
 * go on up to one per checklist item.
 */
export function fixText(text: string, options: FixOptions = {}): FixResult {
  const types = options.types ?? ['safe'];
  const config = options.config ?? recommended();
  const fixed: LintMessage[] = [];
  let current = text;
  let result = lint(current, options);
  const passes = types.includes('section') || options.items?.length ? 10 + 64 : 10;
  // Items whose inserted section the next lint did not recognise (a style the document's own
  // structure swallows, such as a list nested past what Markdown reads): not inserted again.
  const failed = new Set<string>();
  for (let pass = 0; pass < passes; pass++) {
    const pool = (
      options.items?.length
        ? itemInsertions(result, config, options.items)
        : options.only
          ? result.messages.filter((m) => options.only!.includes(m.ruleId))
          : result.messages
    ).filter((m) => !(m.item && failed.has(m.item) && fixType(m.fix) === 'section'));
    const chosen = compatibleFixes(pool, options.items?.length ? ['section'] : types);
    if (!chosen.length) break;
    const next = applyEdits(
      current,
      chosen.flatMap((m) => m.fix!.edits),
    );
    if (next === current) break;
    const nextResult = lint(next, options);
    const section = chosen.find((m) => fixType(m.fix) === 'section' && m.item);
    if (section && nextResult.checklist.find((c) => c.id === section.item)?.status === 'missing') {
      failed.add(section.item!);
      continue;
    }
    fixed.push(...chosen);
    current = next;
    result = nextResult;
  }
  return { text: current, fixed, result };
}
