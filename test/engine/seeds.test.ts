// The hand labels of the five seed policies are the expected results: the engine must
// reproduce every one of them (children's ages, notification methods, contact channels,
// effective date, every topic's presence, outdated frameworks, placeholders).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { lint, type ChecklistEntry, type LintResult } from '../../server/src/engine/index.js';
import { isoOfLabel, type Label } from './labels.js';

const LABEL_DIR = 'test/fixtures/labels';
const labels = readdirSync(LABEL_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(`${LABEL_DIR}/${f}`, 'utf8')) as Label);

export function checkAgainstLabel(result: LintResult, label: Label): void {
  const item = (id: string): ChecklistEntry => result.checklist.find((c) => c.id === id)!;
  const it = label.items;
  assert.equal(result.looksLikePolicy, label.is_privacy_policy, 'looksLikePolicy');
  if (!label.is_privacy_policy) return;

  const children = item('children');
  assert.deepEqual(children.facts.ages, [...it.children.ages].sort((a, b) => a - b), 'children ages');
  assert.equal(children.status === 'present', it.children.present && it.children.ages.length > 0, 'children status');
  assert.equal(children.status === 'missing', !it.children.present, 'children missing');

  const change = item('change-notification');
  assert.deepEqual([...(change.facts.methods as string[])].sort(), [...it['change-notification'].methods].sort(), 'notification methods');
  const active = it['change-notification'].methods.some((m) => m === 'email' || m === 'site-notice');
  assert.equal(change.status, it['change-notification'].present ? (active ? 'present' : 'incomplete') : 'missing', 'change-notification status');

  const contact = item('contact');
  assert.deepEqual([...(contact.facts.emails as string[])].sort(), it.contact.emails.map((e) => e.toLowerCase()).sort(), 'contact emails');
  for (const k of ['postal', 'phone', 'form'] as const) assert.equal(contact.facts[k], it.contact[k], `contact ${k}`);
  assert.equal(contact.status === 'present', it.contact.present, 'contact status');

  const date = item('effective-date');
  assert.equal(date.status === 'present', it['effective-date'].present, 'effective-date status');
  assert.equal(date.facts.date, it['effective-date'].value ? isoOfLabel(it['effective-date'].value) : null, 'effective date');

  for (const topic of ['collection', 'use', 'sharing', 'cookies', 'security', 'access-rights', 'retention', 'opt-out', 'third-party-links', 'do-not-track', 'international-transfer', 'california-rights'] as const) {
    assert.equal(item(topic).status !== 'missing', it[topic], `topic ${topic}`);
  }
}

describe('seed labels', () => {
  for (const label of labels) {
    const file = `corpus/${label.domain.split(' ')[0]}.md`;
    describe(file, () => {
      const text = readFileSync(file, 'utf8');
      const result = lint(text, { filePath: file, now: new Date('2026-11-22') });

      it('reproduces every checklist label', () => checkAgainstLabel(result, label));

      it('reports exactly the labelled outdated frameworks', () => {
        const found = new Set(
          result.messages
            .filter((m) => m.ruleId === 'outdated-framework')
            .map((m) => {
              const quoted = text.slice(m.range.start.offset, m.range.end.offset).toLowerCase();
              return /harbou?r/.test(quoted) ? 'safe-harbor' : /shield/.test(quoted) ? 'privacy-shield' : /ssl|secure socket/.test(quoted) ? 'ssl' : /truste/.test(quoted) ? 'truste' : quoted;
            })
            .filter((k) => k !== 'truste'),
        );
        assert.deepEqual([...found].sort(), [...label.items['outdated-frameworks']].sort());
      });

      it('reports exactly the labelled placeholders', () => {
        const found = result.messages.filter((m) => m.ruleId === 'no-placeholders').map((m) => text.slice(m.range.start.offset, m.range.end.offset));
        assert.deepEqual(found, label.items.placeholders);
      });
    });
  }
});
