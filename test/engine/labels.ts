import assert from 'node:assert/strict';
import type { ChecklistEntry, LintResult } from '../../server/src/engine/index.js';
import { MONTHS } from '../../server/src/engine/patterns.js';

// The label schema (test/fixtures/labels/SCHEMA.md) and helpers shared by label-driven tests.

export interface Label {
  seed: string;
  domain: string;
  is_privacy_policy: boolean;
  items: {
    children: { present: boolean; ages: number[] };
    'change-notification': { present: boolean; methods: string[] };
    contact: { present: boolean; emails: string[]; postal: boolean; phone: boolean; form: boolean };
    'effective-date': { present: boolean; value: string | null };
    collection: boolean;
    use: boolean;
    sharing: boolean;
    cookies: boolean;
    security: boolean;
    'access-rights': boolean;
    retention: boolean;
    'opt-out': boolean;
    'third-party-links': boolean;
    'do-not-track': boolean;
    'international-transfer': boolean;
    'california-rights': boolean;
    'outdated-frameworks': string[];
    placeholders: string[];
  };
}

/** "April 4, 2013" → "2013-04-04"; "October 2010" → "2010-10"; "2024-03-01" stays; "2019" stays. */
export function isoOfLabel(value: string): string {
  if (/^\d{4}(-\d{2}){0,2}$/.test(value)) return value;
  // "4/4/15", "02/08/2018": month first, as the engine reads them, unless the first number is over 12.
  const numeric = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(value);
  if (numeric) {
    const [a, b, y] = [Number(numeric[1]), Number(numeric[2]), numeric[3]];
    const year = y.length === 4 ? y : `${Number(y) >= 70 ? '19' : '20'}${y}`;
    const [m, d] = a > 12 ? [b, a] : [a, b];
    return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  }
  const words = value
    .toLowerCase()
    .replace(/,/g, '')
    .replace(/\b(\d{1,2})(?:st|nd|rd|th)\b/g, '$1')
    .split(/\s+/);
  const month = words.findIndex((w) => MONTHS.includes(w));
  const m = String(MONTHS.indexOf(words[month]) + 1).padStart(2, '0');
  const year = words.find((w) => /^\d{4}$/.test(w))!;
  const day = words.find((w) => /^\d{1,2}$/.test(w));
  return day ? `${year}-${m}-${day.padStart(2, '0')}` : `${year}-${m}`;
}

/** Asserts that a lint result agrees with every checklist field of a label. */
export function checkAgainstLabel(result: LintResult, label: Label): void {
  const item = (id: string): ChecklistEntry => result.checklist.find((c) => c.id === id)!;
  const it = label.items;
  assert.equal(result.looksLikePolicy, label.is_privacy_policy, 'looksLikePolicy');
  if (!label.is_privacy_policy) return;

  const children = item('children');
  assert.deepEqual(
    children.facts.ages,
    [...it.children.ages].sort((a, b) => a - b),
    'children ages',
  );
  assert.equal(children.status === 'present', it.children.present && it.children.ages.length > 0, 'children status');
  assert.equal(children.status === 'missing', !it.children.present, 'children missing');

  const change = item('change-notification');
  assert.deepEqual(
    [...(change.facts.methods as string[])].sort(),
    [...it['change-notification'].methods].sort(),
    'notification methods',
  );
  const active = it['change-notification'].methods.some((m) => m === 'email' || m === 'site-notice');
  assert.equal(
    change.status,
    it['change-notification'].present ? (active ? 'present' : 'incomplete') : 'missing',
    'change-notification status',
  );

  const contact = item('contact');
  assert.deepEqual(
    [...(contact.facts.emails as string[])].sort(),
    it.contact.emails.map((e) => e.toLowerCase()).sort(),
    'contact emails',
  );
  for (const k of ['postal', 'phone', 'form'] as const) assert.equal(contact.facts[k], it.contact[k], `contact ${k}`);
  assert.equal(contact.status === 'present', it.contact.present, 'contact status');

  const date = item('effective-date');
  assert.equal(date.status === 'present', it['effective-date'].present, 'effective-date status');
  assert.equal(
    date.facts.date,
    it['effective-date'].value ? isoOfLabel(it['effective-date'].value) : null,
    'effective date',
  );

  for (const topic of [
    'collection',
    'use',
    'sharing',
    'cookies',
    'security',
    'access-rights',
    'retention',
    'opt-out',
    'third-party-links',
    'do-not-track',
    'international-transfer',
    'california-rights',
  ] as const) {
    assert.equal(item(topic).status !== 'missing', it[topic], `topic ${topic}`);
  }
}
