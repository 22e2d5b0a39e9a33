// The profiles, declared in one place: which items and rules each turns on, at which
// severity, and where that severity comes from. `recommended` takes the corpus items the
// coverage in corpus/checklist.json (written by `policylint derive`) puts in it; the law
// profiles list their items here, each from the provision that asks for it; `all` turns on
// every rule, and every item of every profile. Profiles compose: a config that extends
// several gets each rule at the strongest severity any of them gives it.
import { SHIPPED_CHECKLIST } from './shipped.js';
import { PLAIN_LANGUAGE_PROFILE, PLAIN_LANGUAGE_RULES } from './plain-language.js';
import { RULES } from './rules/index.js';
import {
  applyEdits as applyJsonEdits,
  findNodeAtLocation,
  getNodeValue,
  modify,
  parseTree,
  type ParseError,
} from 'jsonc-parser';
import type { ChecklistEntry, ChecklistId, ResolvedConfig, ResolvedRule, Severity, TextEdit } from './types.js';

type Level = 'error' | 'warn' | 'info';

export interface LawProfile {
  id: string;
  /** Short name for grouped counts: "GDPR 9/14". */
  label: string;
  /** The law, as cited. */
  law: string;
  /** The items the profile asks for, each with its severity and the provision it rests on. */
  items: readonly { item: ChecklistId; severity: Level; provision: string }[];
}

/** The law profiles. Items shared with the corpus checklist (contact, collection…) are reused, not copied. */
export const LAW_PROFILES: readonly LawProfile[] = [
  {
    id: 'gdpr',
    label: 'GDPR',
    law: 'EU GDPR (Regulation 2016/679), Arts 13-14',
    items: [
      { item: 'contact', severity: 'error', provision: 'Art. 13(1)(a), 14(1)(a)' },
      { item: 'gdpr-dpo', severity: 'warn', provision: 'Art. 13(1)(b), 14(1)(b), 27' },
      { item: 'use', severity: 'warn', provision: 'Art. 13(1)(c), 14(1)(c)' },
      { item: 'gdpr-legal-basis', severity: 'error', provision: 'Art. 13(1)(c), 14(1)(c)' },
      { item: 'collection', severity: 'warn', provision: 'Art. 14(1)(d)' },
      { item: 'sharing', severity: 'warn', provision: 'Art. 13(1)(e), 14(1)(e)' },
      { item: 'gdpr-transfers', severity: 'warn', provision: 'Art. 13(1)(f), 14(1)(f)' },
      { item: 'gdpr-retention', severity: 'warn', provision: 'Art. 13(2)(a), 14(2)(a)' },
      { item: 'gdpr-rights', severity: 'error', provision: 'Art. 13(2)(b), 14(2)(c)' },
      { item: 'gdpr-complaint', severity: 'error', provision: 'Art. 13(2)(d), 14(2)(e)' },
    ],
  },
  {
    id: 'uk-gdpr',
    label: 'UK GDPR',
    law: 'UK GDPR and Data Protection Act 2018, Arts 13-14 (ICO right-to-be-informed checklist)',
    items: [
      { item: 'contact', severity: 'error', provision: 'Art. 13(1)(a), 14(1)(a)' },
      { item: 'gdpr-dpo', severity: 'warn', provision: 'Art. 13(1)(b), 14(1)(b)' },
      { item: 'use', severity: 'warn', provision: 'Art. 13(1)(c), 14(1)(c)' },
      { item: 'gdpr-legal-basis', severity: 'error', provision: 'Art. 13(1)(c), 14(1)(c)' },
      { item: 'collection', severity: 'warn', provision: 'Art. 14(1)(d)' },
      { item: 'sharing', severity: 'warn', provision: 'Art. 13(1)(e), 14(1)(e)' },
      { item: 'gdpr-transfers', severity: 'warn', provision: 'Art. 13(1)(f), 14(1)(f); DPA 2018 s.17A' },
      { item: 'gdpr-retention', severity: 'warn', provision: 'Art. 13(2)(a), 14(2)(a)' },
      { item: 'gdpr-rights', severity: 'error', provision: 'Art. 13(2)(b), 14(2)(c)' },
      { item: 'gdpr-complaint', severity: 'error', provision: 'Art. 13(2)(d), 14(2)(e) (the ICO)' },
    ],
  },
  {
    id: 'ccpa',
    label: 'CCPA',
    law: 'CCPA as amended by the CPRA (Cal. Civ. Code 1798.100-.199) and 11 CCR 7011',
    items: [
      { item: 'collection', severity: 'warn', provision: '1798.130(a)(5)(B)' },
      { item: 'use', severity: 'warn', provision: '1798.130(a)(5)(B)' },
      { item: 'sharing', severity: 'warn', provision: '1798.130(a)(5)(C)' },
      { item: 'ccpa-rights', severity: 'error', provision: '1798.130(a)(5)(A), 1798.135' },
      { item: 'retention', severity: 'warn', provision: '1798.100(a)(3)' },
      { item: 'contact', severity: 'warn', provision: '11 CCR 7011' },
      { item: 'ccpa-last-updated', severity: 'error', provision: '1798.130(a)(5); 11 CCR 7011' },
    ],
  },
  {
    id: 'caloppa',
    label: 'CalOPPA',
    law: 'CalOPPA (Cal. Bus. & Prof. Code 22575(b))',
    items: [
      { item: 'collection', severity: 'error', provision: '22575(b)(1)' },
      { item: 'sharing', severity: 'error', provision: '22575(b)(1)' },
      { item: 'access-rights', severity: 'warn', provision: '22575(b)(2)' },
      { item: 'change-notification', severity: 'error', provision: '22575(b)(3)' },
      { item: 'effective-date', severity: 'error', provision: '22575(b)(4)' },
      { item: 'do-not-track', severity: 'error', provision: '22575(b)(5)' },
    ],
  },
  {
    id: 'coppa',
    label: 'COPPA',
    law: 'COPPA Rule (16 CFR Part 312)',
    items: [
      { item: 'children', severity: 'error', provision: '312.2, 312.4(d)' },
      { item: 'coppa-parental-consent', severity: 'error', provision: '312.4(d), 312.5' },
      { item: 'contact', severity: 'error', provision: '312.4(d)(1)' },
      { item: 'collection', severity: 'warn', provision: '312.4(d)(2)' },
      { item: 'use', severity: 'warn', provision: '312.4(d)(2)' },
      { item: 'sharing', severity: 'warn', provision: '312.4(d)(2)' },
      { item: 'retention', severity: 'warn', provision: '312.10 (2025 amendments)' },
    ],
  },
  {
    id: 'us-states',
    label: 'US states',
    law: 'Virginia (Va. Code 59.1-578), Colorado (C.R.S. 6-1-1308), Connecticut (42-520), Texas (Bus. & Com. Code 541.102), Oregon (646A.578)',
    items: [
      { item: 'collection', severity: 'warn', provision: 'Va. 59.1-578(C)(1); Colo. 6-1-1308(1)(a)(I)' },
      { item: 'use', severity: 'warn', provision: 'Va. 59.1-578(C)(2); Colo. 6-1-1308(1)(a)(II)' },
      { item: 'access-rights', severity: 'warn', provision: 'Va. 59.1-578(C)(3); Colo. 6-1-1308(1)(a)(III)' },
      { item: 'sharing', severity: 'warn', provision: 'Va. 59.1-578(C)(4)-(5)' },
      { item: 'opt-out', severity: 'warn', provision: 'Va. 59.1-578(D); Colo. 6-1-1308(1)(b)' },
      { item: 'contact', severity: 'warn', provision: 'Va. 59.1-578(C)(3), (E)' },
    ],
  },
  {
    id: 'pipeda',
    label: 'PIPEDA',
    law: 'PIPEDA, Schedule 1, Principle 4.8 (openness)',
    items: [
      { item: 'contact', severity: 'error', provision: '4.8.2(a)' },
      { item: 'access-rights', severity: 'warn', provision: '4.8.2(b)' },
      { item: 'collection', severity: 'warn', provision: '4.8.2(c)' },
      { item: 'use', severity: 'warn', provision: '4.8.2(c)' },
      { item: 'sharing', severity: 'warn', provision: '4.8.2(e)' },
    ],
  },
  {
    id: 'lgpd',
    label: 'LGPD',
    law: 'LGPD (Lei 13.709/2018), Arts 9, 18, 41',
    items: [
      { item: 'use', severity: 'warn', provision: 'Art. 9(I)' },
      { item: 'retention', severity: 'warn', provision: 'Art. 9(II)' },
      { item: 'contact', severity: 'error', provision: 'Art. 9(III)' },
      { item: 'sharing', severity: 'warn', provision: 'Art. 9(V)' },
      { item: 'gdpr-dpo', severity: 'warn', provision: 'Art. 41 (the encarregado)' },
      { item: 'access-rights', severity: 'warn', provision: 'Art. 9(VII), 18' },
    ],
  },
];

/** Every profile a config can extend or --profile can name. */
export const PROFILES: readonly string[] = [
  'recommended',
  'all',
  PLAIN_LANGUAGE_PROFILE,
  ...LAW_PROFILES.map((p) => p.id),
];

export function lawProfile(id: string): LawProfile | undefined {
  return LAW_PROFILES.find((p) => p.id === id);
}

/** Where a rule's severity in a profile comes from, for people: the corpus data, the rule's metadata or a provision. */
export interface ProfileEntry {
  severity: Level;
  source: string;
}

function levelOf(s: Level | 'off'): Level | undefined {
  return s === 'off' ? undefined : s;
}

/** The rules a profile turns on, each with its severity and where that comes from. */
export function profileEntries(profile: string): Map<string, ProfileEntry> {
  const out = new Map<string, ProfileEntry>();
  const law = lawProfile(profile);
  if (law) {
    for (const e of law.items) out.set(e.item, { severity: e.severity, source: `${law.label} ${e.provision}` });
    return out;
  }
  if (profile === PLAIN_LANGUAGE_PROFILE) {
    for (const [id, severity] of Object.entries(PLAIN_LANGUAGE_RULES))
      out.set(id, { severity, source: 'plain-language profile (server/src/engine/plain-language.ts)' });
    return out;
  }
  for (const rule of RULES) {
    const item = rule.meta.item;
    const derived = item ? SHIPPED_CHECKLIST.items.find((i) => i.id === item) : undefined;
    if (profile === 'recommended') {
      const level = derived
        ? derived.recommended
          ? derived.severity
          : undefined
        : item
          ? undefined
          : levelOf(rule.meta.severity);
      if (level)
        out.set(rule.meta.id, {
          severity: level,
          source: derived
            ? `corpus coverage ${derived.covered}/${derived.total} (corpus/checklist.json)`
            : `rule default (${rule.meta.id})`,
        });
    } else if (profile === 'all') {
      if (derived) out.set(rule.meta.id, { severity: derived.severity, source: 'all: corpus/checklist.json severity' });
      else if (!item)
        out.set(rule.meta.id, { severity: levelOf(rule.meta.severity) ?? 'warn', source: 'all: every rule on' });
    }
  }
  if (profile === 'all') {
    for (const law of LAW_PROFILES)
      for (const e of law.items)
        merge(out, e.item, { severity: e.severity, source: `all: ${law.label} ${e.provision}` });
  }
  return out;
}

const RANK: Record<Level, number> = { info: 0, warn: 1, error: 2 };

function merge(into: Map<string, ProfileEntry>, id: string, e: ProfileEntry): void {
  const had = into.get(id);
  if (!had || RANK[e.severity] > RANK[had.severity]) into.set(id, e);
}

/** The rule table of several profiles composed: each rule at the strongest severity any of them gives. */
export function composeProfiles(profiles: readonly string[]): Map<string, ResolvedRule & { source: string }> {
  const merged = new Map<string, ProfileEntry>();
  for (const p of profiles) for (const [id, e] of profileEntries(p)) merge(merged, id, e);
  const rules = new Map<string, ResolvedRule & { source: string }>();
  for (const [id, e] of merged) rules.set(id, { severity: toSeverity(e.severity), options: {}, source: e.source });
  return rules;
}

function toSeverity(l: Level): Severity {
  return l === 'warn' ? 'warning' : l;
}

/** The active profiles (of `profiles`) that ask for an item, by their labels' ids. */
export function profilesOfItem(item: string, profiles: readonly string[]): string[] {
  const ids = profiles.includes('all') ? LAW_PROFILES.map((p) => p.id) : profiles;
  return ids.filter((id) => lawProfile(id)?.items.some((e) => e.item === item));
}

/** Whether the profiles include a law profile (or `all`, which turns them all on): then checklists are shown grouped by profile. */
export function lawProfilesOn(profiles: readonly string[]): boolean {
  return profiles.some((p) => p === 'all' || lawProfile(p) !== undefined);
}

/** Each active profile's provision for an item: `{ gdpr: "Art. 13(1)(a), 14(1)(a)", ccpa: "11 CCR 7011" }` (law profiles only). */
export function provisionsOf(item: string, profiles: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of profilesOfItem(item, profiles)) {
    const provision = lawProfile(id)?.items.find((e) => e.item === item)?.provision;
    if (provision) out[id] = provision;
  }
  return out;
}

/** One profile's share of a checklist: "GDPR 9/14". */
export interface ProfileCount {
  /** The profile's id: `recommended`, `all` (the corpus items only it turns on) or a law profile. */
  profile: string;
  /** Its short name: "Checklist" for the corpus checklist, "Other items" for the rest of it, the law's label ("GDPR"). */
  label: string;
  /** Items present. An incomplete item counts toward the total, not as met. */
  met: number;
  total: number;
  /** The items of the group, in checklist order. */
  items: ChecklistId[];
}

/** The label of the corpus checklist's group (recommended): "Checklist 12/14". */
export const CORPUS_LABEL = 'Checklist';

/**
 * The checklist counted per active profile, in the config's order: `recommended` counts the
 * corpus items it recommends, a law profile the items it asks for (an item two laws ask for,
 * such as contact, counts in both), `all` stands for the corpus checklist, the corpus items
 * only it turns on, then every law profile. An item is met when it is present; incomplete and
 * missing items are not. Profiles with no item in the checklist (plain-language) are left out.
 */
export function profileCounts(
  checklist: readonly ChecklistEntry[],
  config: Pick<ResolvedConfig, 'profiles'>,
): ProfileCount[] {
  const ids = config.profiles.flatMap((p) =>
    p === 'all' ? ['recommended', 'all', ...LAW_PROFILES.map((l) => l.id)] : [p],
  );
  const corpus = (e: ChecklistEntry) => SHIPPED_CHECKLIST.items.find((i) => i.id === e.id);
  const out: ProfileCount[] = [];
  for (const profile of [...new Set(ids)]) {
    const law = lawProfile(profile);
    const member = law
      ? (e: ChecklistEntry) => law.items.some((i) => i.item === e.id)
      : profile === 'recommended'
        ? (e: ChecklistEntry) => corpus(e)?.recommended === true
        : profile === 'all'
          ? (e: ChecklistEntry) => corpus(e)?.recommended === false
          : () => false;
    const entries = checklist.filter(member);
    if (entries.length)
      out.push(countOf(profile, law?.label ?? (profile === 'recommended' ? CORPUS_LABEL : 'Other items'), entries));
  }
  return out;
}

function countOf(profile: string, label: string, entries: readonly ChecklistEntry[]): ProfileCount {
  return {
    profile,
    label,
    met: entries.filter((e) => e.status === 'present').length,
    total: entries.length,
    items: entries.map((e) => e.id),
  };
}

/** The group of the items no active profile asks for (do-not-track under recommended alone). */
export const UNASKED_GROUP = { profile: 'none', label: 'Not asked for' } as const;

/** The checklist as views group it: the active profiles' counts, then the items none of them asks for (UNASKED_GROUP). */
export function profileGroups(
  checklist: readonly ChecklistEntry[],
  config: Pick<ResolvedConfig, 'profiles'>,
): ProfileCount[] {
  const counts = profileCounts(checklist, config);
  const asked = new Set(counts.flatMap((c) => c.items));
  const rest = checklist.filter((e) => !asked.has(e.id));
  return rest.length ? [...counts, countOf(UNASKED_GROUP.profile, UNASKED_GROUP.label, rest)] : counts;
}

/** "Checklist 12/14 · GDPR 9/10 · CCPA 6/7": the profiles' counts (the items no profile asks for are no profile's count, and are left out). */
export function formatProfileCounts(counts: readonly ProfileCount[]): string {
  return counts
    .filter((c) => c.profile !== UNASKED_GROUP.profile)
    .map((c) => `${c.label} ${c.met}/${c.total}`)
    .join(' · ');
}

/** Splits a --profile value or an `extends` entry list: "recommended,gdpr" → ["recommended", "gdpr"]. */
export function splitProfiles(value: string | readonly string[]): string[] {
  return (typeof value === 'string' ? [value] : [...value])
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * The edits that add `add` to the `extends` of a config file's text (JSON with comments),
 * keeping its layout: appended to an `extends` array, a single string made an array, or a new
 * `extends` holding `current` (the profiles that apply while the file names none) and `add`.
 * An empty text becomes a whole new config. A text that does not parse as a JSON object gets
 * no edits: changing it could only make it worse.
 */
export function addProfilesToConfig(
  text: string,
  add: readonly string[],
  current: readonly string[] = ['recommended'],
): TextEdit[] {
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  if (!text.trim()) {
    const fresh = `${JSON.stringify({ extends: [...new Set([...current, ...add])] }, null, 2).replace(/\n/g, eol)}${eol}`;
    return [{ start: 0, end: text.length, text: fresh }];
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true });
  if (errors.length || root?.type !== 'object') return [];
  const indent = /^([ \t]+)"/m.exec(text)?.[1] ?? '  ';
  const formattingOptions = {
    insertSpaces: !indent.startsWith('\t'),
    tabSize: indent.startsWith('\t') ? 1 : indent.length,
    eol,
  };
  const node = findNodeAtLocation(root, ['extends']);
  const had = node === undefined ? undefined : (getNodeValue(node) as unknown);
  const list =
    typeof had === 'string'
      ? [had]
      : Array.isArray(had)
        ? had.filter((v): v is string => typeof v === 'string')
        : undefined;
  const wanted = add.filter((p) => !list?.includes(p));
  if (!wanted.length) return [];
  let out = text;
  if (node?.type === 'array') {
    for (const p of wanted)
      out = applyJsonEdits(out, modify(out, ['extends', -1], p, { formattingOptions, isArrayInsertion: true }));
  } else {
    const value = [...new Set([...(list ?? current), ...wanted])];
    // A new key goes after "$schema" when there is one, else first.
    const keys = root.children?.map((c) => c.children?.[0]?.value) ?? [];
    const at = keys[0] === '$schema' ? 1 : 0;
    out = applyJsonEdits(out, modify(out, ['extends'], value, { formattingOptions, getInsertionIndex: () => at }));
  }
  return [minimalEdit(text, out)];
}

/** One edit that turns `from` into `to`: what lies between their common start and common end. */
function minimalEdit(from: string, to: string): TextEdit {
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  let end = 0;
  while (
    end < from.length - start &&
    end < to.length - start &&
    from[from.length - 1 - end] === to[to.length - 1 - end]
  )
    end++;
  return { start, end: from.length - end, text: to.slice(start, to.length - end) };
}
