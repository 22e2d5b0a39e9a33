// Accuracy: the engine's checklist against labelled policies (test/fixtures/labels/SCHEMA.md):
// the seed labels over corpus/, our own labelled fixtures in test/fixtures/policies/, and the
// development set of real policies in ../shared/devset (read at run time, never copied here).
// Per checklist item: the share of its label fields the engine reproduces, and precision /
// recall of the "missing" flag (positive = the engine says missing; truth = the label says absent).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { CHECKLIST_IDS, lint, type ChecklistEntry, type LintResult } from '../server/src/engine/index.js';
import { isoOfLabel, type Label } from '../test/engine/labels.js';
import { heading, pct, table } from './stats.js';

/** The date the fixture tests judge "in the future" against, so the run is reproducible. */
const NOW = new Date('2026-11-22');
const TOPICS = CHECKLIST_IDS.slice(4);
/** The core facts: whether the text is a policy, and the four items with facts of their own. */
const CORE = new Set<string>(['is a policy', ...CHECKLIST_IDS.slice(0, 4)]);
/** Where the development set lives, relative to the repository root. */
export const DEVSET = '../shared/devset';

export interface LabelledDoc {
  file: string;
  text: string;
  label: Label;
  /** How the document marks its sections (the dev set's labels say; the others do not). */
  structure?: string;
}

interface Field {
  /** Checklist item id, or "is a policy" for the document-level field. */
  item: string;
  field: string;
  ok: boolean;
  /** What the engine said and what the label says, for the list of disagreements. */
  got: unknown;
  want: unknown;
}

const sameSet = (a: readonly unknown[], b: readonly unknown[]) =>
  JSON.stringify([...a].map(String).sort()) === JSON.stringify([...b].map(String).sort());

/** Field-by-field agreement with a label: every field counts once (a non-policy has one field). */
export function agreement(result: LintResult, label: Label): Field[] {
  const fields: Field[] = [];
  const check = (item: string, field: string, got: unknown, want: unknown, ok = got === want) =>
    fields.push({ item, field, ok, got, want });
  const set = (item: string, field: string, got: readonly unknown[], want: readonly unknown[]) =>
    check(item, field, [...got].map(String).sort(), [...want].map(String).sort(), sameSet(got, want));
  check('is a policy', 'looksLikePolicy', result.looksLikePolicy, label.is_privacy_policy);
  if (!label.is_privacy_policy) return fields;
  const get = (id: string): ChecklistEntry => result.checklist.find((c) => c.id === id)!;
  const it = label.items;
  const children = get('children');
  set('children', 'ages', children.facts.ages as number[], it.children.ages);
  check('children', 'present', children.status !== 'missing', it.children.present);
  const change = get('change-notification');
  set('change-notification', 'methods', change.facts.methods as string[], it['change-notification'].methods);
  check('change-notification', 'present', change.status !== 'missing', it['change-notification'].present);
  const contact = get('contact');
  set(
    'contact',
    'emails',
    contact.facts.emails as string[],
    it.contact.emails.map((e) => e.toLowerCase()),
  );
  for (const k of ['postal', 'phone', 'form'] as const) check('contact', k, contact.facts[k], it.contact[k]);
  check('contact', 'present', contact.status === 'present', it.contact.present);
  const date = get('effective-date');
  check('effective-date', 'present', date.status === 'present', it['effective-date'].present);
  const value = it['effective-date'].value;
  check('effective-date', 'value', date.facts.date ?? null, value ? isoOfLabel(value) : null);
  for (const t of TOPICS) check(t, 'present', get(t).status !== 'missing', it[t]);
  return fields;
}

/** What the label says about an item: present or absent. */
function labelPresent(label: Label, id: (typeof CHECKLIST_IDS)[number]): boolean {
  const v = label.items[id];
  return typeof v === 'boolean' ? v : v.present;
}

export function seedSet(): LabelledDoc[] {
  return readdirSync('test/fixtures/labels')
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const label = JSON.parse(readFileSync(`test/fixtures/labels/${f}`, 'utf8')) as Label;
      const file = `corpus/${label.domain.split(' ')[0]}.md`;
      return { file, text: readFileSync(file, 'utf8'), label };
    });
}

export function fixtureSet(dir = 'test/fixtures/policies'): LabelledDoc[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({
      file: `${dir}/${f}`,
      text: readFileSync(`${dir}/${f}`, 'utf8'),
      label: JSON.parse(readFileSync(`${dir}/${f.replace(/\.md$/, '.json')}`, 'utf8')) as Label,
    }));
}

/** The development set: real policies with hand labels; empty when the folder is absent. */
export function devSet(dir = DEVSET): LabelledDoc[] {
  if (!existsSync(`${dir}/texts`) || !existsSync(`${dir}/labels`)) return [];
  return readdirSync(`${dir}/texts`)
    .filter((f) => f.endsWith('.md') && existsSync(`${dir}/labels/${f.replace(/\.md$/, '.json')}`))
    .sort()
    .map((f) => {
      const label = JSON.parse(readFileSync(`${dir}/labels/${f.replace(/\.md$/, '.json')}`, 'utf8')) as Label & {
        structure?: string;
      };
      return {
        file: `devset/${f}`,
        text: readFileSync(`${dir}/texts/${f}`, 'utf8'),
        label,
        structure: label.structure,
      };
    });
}

interface ItemScore {
  fields: number;
  agree: number;
  /** Missing flag: true positives, false positives (false missing), false negatives. */
  tp: number;
  fp: number;
  fn: number;
}

export interface SetScore {
  name: string;
  documents: number;
  policies: number;
  fields: number;
  agree: number;
  accuracy: number;
  missing: { tp: number; fp: number; fn: number; precision: number; recall: number };
  /** Items the engine flags missing that the label says are present. */
  falseMissing: string[];
  /** Items the label says are absent that the engine does not flag missing, with the engine's status. */
  unflagged: string[];
  misses: string[];
  /** Agreement per label field ("contact.emails"), per group (core facts, topics) and per structure. */
  perField: Record<string, Tally>;
  groups: { core: Tally; topics: Tally };
  structures: Record<string, Tally & { documents: number; core: Tally; topics: Tally }>;
  items: Record<string, ItemScore & { accuracy: number; precision: number; recall: number }>;
}

const frac = (a: number, b: number) => (b === 0 ? NaN : a / b);

interface Tally {
  agree: number;
  fields: number;
}
const tally = (): Tally => ({ agree: 0, fields: 0 });
const count = (t: Tally, ok: boolean) => {
  t.fields++;
  if (ok) t.agree++;
};
const show = (v: unknown) => (Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

export function scoreSet(name: string, docs: LabelledDoc[]): SetScore {
  const items = new Map<string, ItemScore>();
  const score = (id: string) => items.get(id) ?? items.set(id, { fields: 0, agree: 0, tp: 0, fp: 0, fn: 0 }).get(id)!;
  score('is a policy');
  for (const id of CHECKLIST_IDS) score(id);
  const misses: string[] = [];
  const falseMissing: string[] = [];
  const unflagged: string[] = [];
  const perField: Record<string, Tally> = {};
  const groups = { core: tally(), topics: tally() };
  const structures: SetScore['structures'] = {};
  for (const d of docs) {
    const result = lint(d.text, { filePath: d.file, now: NOW });
    const kind = d.structure ?? 'unlabelled';
    const st = (structures[kind] ??= { ...tally(), documents: 0, core: tally(), topics: tally() });
    st.documents++;
    for (const f of agreement(result, d.label)) {
      const s = score(f.item);
      s.fields++;
      if (f.ok) s.agree++;
      else misses.push(`${d.file}: ${f.item}.${f.field} (engine ${show(f.got)}, label ${show(f.want)})`);
      const core = CORE.has(f.item);
      count((perField[`${f.item}.${f.field}`] ??= tally()), f.ok);
      count(core ? groups.core : groups.topics, f.ok);
      count(st, f.ok);
      count(core ? st.core : st.topics, f.ok);
    }
    if (!d.label.is_privacy_policy) continue;
    for (const id of CHECKLIST_IDS) {
      const status = result.checklist.find((c) => c.id === id)!.status;
      const flagged = status === 'missing';
      const absent = !labelPresent(d.label, id);
      const s = score(id);
      if (flagged && absent) s.tp++;
      else if (flagged) {
        s.fp++;
        falseMissing.push(`${d.file}: ${id}`);
      } else if (absent) {
        s.fn++;
        unflagged.push(`${d.file}: ${id} (engine: ${status})`);
      }
    }
  }
  const all = [...items.values()];
  const sum = (k: keyof ItemScore) => all.reduce((n, s) => n + s[k], 0);
  const [tp, fp, fn] = [sum('tp'), sum('fp'), sum('fn')];
  return {
    name,
    documents: docs.length,
    policies: docs.filter((d) => d.label.is_privacy_policy).length,
    fields: sum('fields'),
    agree: sum('agree'),
    accuracy: frac(sum('agree'), sum('fields')),
    missing: { tp, fp, fn, precision: frac(tp, tp + fp), recall: frac(tp, tp + fn) },
    falseMissing,
    unflagged,
    misses,
    perField,
    groups,
    structures,
    items: Object.fromEntries(
      [...items].map(([id, s]) => [
        id,
        {
          ...s,
          accuracy: frac(s.agree, s.fields),
          precision: frac(s.tp, s.tp + s.fp),
          recall: frac(s.tp, s.tp + s.fn),
        },
      ]),
    ),
  };
}

// ---------------------------------------------------------------- varieties issue 5 asks for

const EU_COUNTRY =
  /\b(Germany|Deutschland|France|Ireland|Netherlands|Nederland|Belgium|Spain|España|Italy|Italia|Austria|Portugal|Denmark|Sweden|Finland|Poland|Luxembourg)\b/;

/** How to recognise each variety in a labelled fixture (text and label), so coverage is checked, not assumed. */
export const VARIETIES: { name: string; test: (d: LabelledDoc) => boolean }[] = [
  {
    name: 'no headings',
    test: (d) =>
      d.label.is_privacy_policy &&
      !/^ {0,3}#{1,6}\s|\n[ \t]*(=+|-{2,})[ \t]*\r?$/m.test(d.text) &&
      !/^\s*\*\*/m.test(d.text),
  },
  { name: 'bold paragraphs', test: (d) => d.label.is_privacy_policy && /^\*\*[^*\n]+\*\*[ \t]*\S/m.test(d.text) },
  {
    name: 'numbered paragraphs',
    test: (d) =>
      d.label.is_privacy_policy &&
      (d.text.match(/^ {0,3}\d+(\.\d+)*[.)]?[ \t]+[A-Za-z][^\n]{40,}/gm) ?? []).length >= 3,
  },
  {
    name: 'capitals',
    test: (d) =>
      d.label.is_privacy_policy &&
      (d.text.match(/^[ \t]*(\d+[.)]?\s+)?[A-Z][A-Z'’&,:/ -]{5,}\r?$/gm) ?? []).length >= 2,
  },
  { name: 'age 13', test: (d) => d.label.items.children.ages.includes(13) },
  { name: 'age 16', test: (d) => d.label.items.children.ages.includes(16) },
  { name: 'age 18', test: (d) => d.label.items.children.ages.includes(18) },
  {
    name: 'age spelled out',
    test: (d) =>
      d.label.items.children.ages.length > 0 &&
      /\b(thirteen|fourteen|fifteen|sixteen|seventeen|eighteen)\b/i.test(d.text),
  },
  {
    name: 'obfuscated email',
    test: (d) =>
      (/\w\s*(\(at\)|\[at\]|\{at\})\s*\w/i.test(d.text) || /\w AT \w+ DOT \w/.test(d.text)) &&
      d.label.items.contact.emails.length > 0,
  },
  {
    name: 'mailto-only email',
    test: (d) =>
      d.label.items.contact.emails.some(
        (e) =>
          d.text.toLowerCase().includes(`mailto:${e.toLowerCase()}`) &&
          !d.text.toLowerCase().split(`mailto:${e.toLowerCase()}`).join('').includes(e.toLowerCase()),
      ),
  },
  {
    name: 'UK address',
    test: (d) => d.label.items.contact.postal && /\b[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}\b/.test(d.text),
  },
  {
    name: 'EU address',
    test: (d) => d.label.items.contact.postal && d.text.split('\n').some((l) => EU_COUNTRY.test(l) && /\d/.test(l)),
  },
  {
    name: 'posting-only change clause',
    test: (d) =>
      d.label.items['change-notification'].methods.includes('post-page') &&
      d.label.items['change-notification'].methods.every((m) => m === 'post-page' || m === 'revised-date'),
  },
  {
    name: '"contact us" with no channel',
    test: (d) =>
      d.label.is_privacy_policy &&
      /contact us/i.test(d.text) &&
      !d.label.items.contact.emails.length &&
      !d.label.items.contact.postal &&
      !d.label.items.contact.phone &&
      !d.label.items.contact.form,
  },
  { name: 'not a policy', test: (d) => !d.label.is_privacy_policy },
];

export function varietyCoverage(docs: LabelledDoc[]): Record<string, string[]> {
  return Object.fromEntries(
    VARIETIES.map((v) => [v.name, docs.filter(v.test).map((d) => d.file.replace(/^.*\//, ''))]),
  );
}

// ---------------------------------------------------------------- the section

export function accuracy(): Record<string, unknown> {
  const sets = [
    scoreSet('seed labels (corpus/)', seedSet()),
    scoreSet('own fixtures (test/fixtures/policies/)', fixtureSet()),
  ];
  const dev = devSet();
  if (dev.length) sets.push(scoreSet(`dev set (${DEVSET})`, dev));
  heading(
    'Accuracy: checklist against the labels',
    `Label fields reproduced, and the "missing" flag (positive = the engine says missing; truth = the label says absent). Judged as of ${NOW.toISOString().slice(0, 10)}.`,
  );
  const pr = (p: number, a: number, b: number) => (b === 0 ? '—' : `${pct(p)} (${a}/${b})`);
  if (!dev.length) console.log(`The development set is absent (no ${DEVSET}/texts and labels): it is not scored.\n`);
  const share = (t: Tally) => (t.fields ? `${pct(frac(t.agree, t.fields))} (${t.agree}/${t.fields})` : '—');
  table(
    [
      'set',
      'documents',
      'policies',
      'fields',
      'agree',
      'accuracy',
      'core facts',
      'topics',
      'missing precision',
      'missing recall',
      'false missing',
    ],
    sets.map((s) => [
      s.name,
      s.documents,
      s.policies,
      s.fields,
      s.agree,
      pct(s.accuracy),
      share(s.groups.core),
      share(s.groups.topics),
      pr(s.missing.precision, s.missing.tp, s.missing.tp + s.missing.fp),
      pr(s.missing.recall, s.missing.tp, s.missing.tp + s.missing.fn),
      s.falseMissing.length,
    ]),
  );
  console.log('Per label field (core facts; every topic is one "present" field, in the table after this one):\n');
  const coreFields = Object.keys(sets.at(-1)!.perField).filter((f) => CORE.has(f.slice(0, f.lastIndexOf('.'))));
  table(
    ['field', ...sets.map((s) => s.name.split(' (')[0])],
    coreFields.map((f) => [f, ...sets.map((s) => share(s.perField[f] ?? tally()))]),
  );
  for (const s of sets.filter((x) => Object.keys(x.structures).some((k) => k !== 'unlabelled'))) {
    console.log(`Per structure in ${s.name} (how the label says sections are marked):\n`);
    table(
      ['structure', 'documents', 'fields', 'core facts', 'topics'],
      Object.entries(s.structures)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, t]) => [k, t.documents, share(t), share(t.core), share(t.topics)]),
    );
  }
  console.log(
    'Per item (fields agreeing / fields; precision and recall of "missing"; — where there is nothing to divide by):\n',
  );
  table(
    ['item', ...sets.flatMap((s) => [`${s.name.split(' (')[0]}: fields`, 'precision', 'recall'])],
    Object.keys(sets[0].items).map((id) => [
      id,
      ...sets.flatMap((s) => {
        const i = s.items[id];
        return [
          `${pct(i.accuracy)} (${i.agree}/${i.fields})`,
          id === 'is a policy' ? '—' : pr(i.precision, i.tp, i.tp + i.fp),
          id === 'is a policy' ? '—' : pr(i.recall, i.tp, i.tp + i.fn),
        ];
      }),
    ]),
  );
  for (const s of sets) {
    if (s.misses.length) console.log(`Misses in ${s.name}:\n${s.misses.map((m) => `- ${m}`).join('\n')}\n`);
    if (s.falseMissing.length)
      console.log(`False "missing" in ${s.name}:\n${s.falseMissing.map((m) => `- ${m}`).join('\n')}\n`);
    if (s.unflagged.length)
      console.log(
        `Absent by the label but not flagged missing in ${s.name} (the recall misses; "incomplete" is still reported):\n${s.unflagged.map((m) => `- ${m}`).join('\n')}\n`,
      );
  }
  const coverage = varietyCoverage(fixtureSet());
  console.log('Varieties issue 5 asks for, recognised in the own fixtures from their text and labels:\n');
  table(
    ['variety', 'fixtures', 'examples'],
    Object.entries(coverage).map(([v, files]) => [v, files.length, files.slice(0, 3).join(', ') || '**none**']),
  );
  return { now: NOW.toISOString(), sets, varieties: coverage };
}
