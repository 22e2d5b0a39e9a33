// Profiles: composition, the law items (in several structures), ccpa-last-updated with asOf,
// and a checklist of 100 items (no fixed limit).
import assert from 'node:assert/strict';
import {
  evaluateChecklist,
  ITEMS,
  LAW_ITEMS,
  LAW_PROFILES,
  lint,
  parseConfigText,
  parsePolicy,
  PROFILES,
  resolveConfig,
  type ChecklistEntry,
  type ItemDef,
} from '../../server/src/engine/index.js';

const now = new Date('2026-11-22T00:00:00Z');

function entry(
  text: string,
  id: string,
  data: Parameters<typeof resolveConfig>[0] = { extends: 'all' },
): ChecklistEntry {
  const config = resolveConfig(data).config;
  const found = lint(text, { config, now, assumePolicy: true }).checklist.find((c) => c.id === id);
  assert.ok(found, `${id} is not in the checklist`);
  return found;
}

const policy = (body: string) =>
  `# Privacy Policy\n\nLast updated: May 2, 2026\n\nWe collect the email address you give us.\n\n${body}\n`;

describe('profiles', () => {
  it('declares every law profile the issue names, each item with a provision', () => {
    assert.deepEqual(
      LAW_PROFILES.map((p) => p.id),
      ['gdpr', 'uk-gdpr', 'ccpa', 'caloppa', 'coppa', 'us-states', 'pipeda', 'lgpd'],
    );
    for (const p of LAW_PROFILES) {
      assert.ok(p.items.length >= 5, `${p.id}: items`);
      for (const i of p.items) assert.ok(i.provision.length > 2, `${p.id}/${i.item}: provision`);
    }
  });

  it('composes: recommended + gdpr has both, gdpr alone has only its items', () => {
    const both = resolveConfig({ extends: ['recommended', 'gdpr'] }).config.rules;
    assert.equal(both.get('gdpr-rights')?.severity, 'error');
    assert.equal(both.get('children')?.severity, 'error');
    assert.ok(both.has('no-placeholders'));
    const gdpr = resolveConfig({ extends: 'gdpr' }).config.rules;
    assert.ok(gdpr.has('gdpr-legal-basis') && gdpr.has('contact'));
    assert.ok(!gdpr.has('no-placeholders') && !gdpr.has('children') && !gdpr.has('ccpa-rights'));
  });

  it('gives a rule the strongest severity any composed profile gives it', () => {
    assert.equal(resolveConfig({ extends: 'recommended' }).config.rules.get('collection')?.severity, 'warning');
    assert.equal(
      resolveConfig({ extends: ['recommended', 'caloppa'] }).config.rules.get('collection')?.severity,
      'error',
    );
    assert.equal(
      resolveConfig({ extends: ['caloppa', 'recommended'] }).config.rules.get('collection')?.severity,
      'error',
    );
  });

  it('reads --profile as a comma-separated list, replacing extends', () => {
    const a = resolveConfig({ extends: 'recommended' }, { profile: 'recommended, gdpr' }).config;
    const b = resolveConfig({ extends: ['recommended', 'gdpr'] }).config;
    assert.deepEqual(a.profiles, ['recommended', 'gdpr']);
    assert.deepEqual([...a.rules], [...b.rules]);
    const bad = resolveConfig(undefined, { profile: 'recommended,strict' });
    assert.match(bad.errors[0].message, /unknown profile "strict"/);
  });

  it('all turns on every item of every profile and every law item', () => {
    const all = resolveConfig({ extends: 'all' }).config.rules;
    for (const p of LAW_PROFILES) for (const i of p.items) assert.ok(all.has(i.item), `${p.id}/${i.item}`);
    for (const i of LAW_ITEMS) assert.ok(all.has(i.id), i.id);
    assert.ok(PROFILES.includes('all') && PROFILES.includes('lgpd'));
  });

  it('keeps law items out of recommended and out of its checklist', () => {
    const r = lint(policy('## Contact\n\nWrite to help@example.org.'), { now, assumePolicy: true });
    assert.ok(!r.checklist.some((c) => LAW_ITEMS.some((i) => i.id === c.id)));
    assert.ok(!r.checklist.some((c) => c.profiles));
  });

  it('carries the active profiles on each entry a law profile asks for', () => {
    const config = resolveConfig({ extends: ['recommended', 'gdpr', 'ccpa'] }).config;
    const r = lint(policy('## Contact\n\nWrite to help@example.org.'), { config, now, assumePolicy: true });
    assert.deepEqual(r.checklist.find((c) => c.id === 'contact')?.profiles, ['gdpr', 'ccpa']);
    assert.deepEqual(r.checklist.find((c) => c.id === 'gdpr-dpo')?.profiles, ['gdpr']);
    assert.equal(r.checklist.find((c) => c.id === 'cookies')?.profiles, undefined);
  });

  it('validates asOf', () => {
    assert.deepEqual(
      parseConfigText('{"asOf": "2025-02-30"}').errors.map((e) => e.key),
      ['asOf'],
    );
    assert.deepEqual(parseConfigText('{"asOf": "2025-02-28"}').errors, []);
    assert.equal(resolveConfig({ asOf: '2025-02-28' }).config.asOf, '2025-02-28');
  });
});

/** Each case: the item, a text that addresses it, and one that does not. */
const CASES: { id: string; structure: string; pass: string; fail: string }[] = [
  {
    id: 'gdpr-legal-basis',
    structure: 'heading',
    pass: '## Legal Basis\n\nWe rely on your consent to send newsletters.',
    fail: '## Use\n\nWe send newsletters.',
  },
  {
    id: 'gdpr-legal-basis',
    structure: 'sentence',
    pass: 'We keep access logs because we have a legitimate interest in preventing fraud.',
    fail: 'We keep access logs to prevent fraud.',
  },
  {
    id: 'gdpr-legal-basis',
    structure: 'bold lead',
    pass: '**Why we may process it.** Billing data is processed because it is necessary for the performance of a contract with you.',
    fail: '**Billing.** We process billing data to charge you.',
  },
  {
    id: 'gdpr-dpo',
    structure: 'heading',
    pass: '## Data Protection Officer\n\nReach our DPO at dpo@example.org.',
    fail: '## Contact\n\nReach us at help@example.org.',
  },
  {
    id: 'gdpr-dpo',
    structure: 'sentence',
    pass: 'Our representative in the European Union is Example Rep GmbH.',
    fail: 'We have an office in Berlin.',
  },
  {
    id: 'gdpr-dpo',
    structure: 'none appointed',
    pass: 'We have not appointed a data protection officer, as the law does not require one for us.',
    fail: 'Questions go to our support team.',
  },
  {
    id: 'gdpr-complaint',
    structure: 'sentence',
    pass: 'You may lodge a complaint with a supervisory authority.',
    fail: 'You may complain to us.',
  },
  {
    id: 'gdpr-complaint',
    structure: 'UK wording',
    pass: 'If you are unhappy, you can complain to the Information Commissioner.',
    fail: 'If you are unhappy, tell our support team.',
  },
  {
    id: 'gdpr-complaint',
    structure: 'list item',
    pass: '- You can file a complaint with your local data protection authority.',
    fail: '- You can write to us.',
  },
  {
    id: 'gdpr-rights',
    structure: 'heading',
    pass: '## Your GDPR Rights\n\nYou can ask for access to your data.',
    fail: '## Your Choices\n\nYou can unsubscribe.',
  },
  {
    id: 'gdpr-rights',
    structure: 'sentence',
    pass: 'You have the right to data portability.',
    fail: 'You can change your password.',
  },
  {
    id: 'ccpa-rights',
    structure: 'heading',
    pass: '## CCPA\n\nYou may ask us to delete your personal information.',
    fail: '## Cookies\n\nWe use cookies.',
  },
  {
    id: 'ccpa-rights',
    structure: 'sentence',
    pass: 'Under the California Consumer Privacy Act you may request deletion of your data.',
    fail: 'Residents of some states may have extra rights.',
  },
  {
    id: 'ccpa-rights',
    structure: 'California section, law unnamed',
    pass: '## California Residents\n\nYou may ask us to delete or correct your data, opt out of the sale of it, and we will not discriminate against you for asking.',
    fail: '## California Residents\n\nYou may ask us once a year which third parties received your data for their direct marketing.',
  },
  {
    id: 'coppa-parental-consent',
    structure: 'sentence',
    pass: 'We collect nothing from children under 13 without verifiable parental consent.',
    fail: 'Children under 13 should not use the app.',
  },
  {
    id: 'coppa-parental-consent',
    structure: 'law named',
    pass: 'We comply with COPPA.',
    fail: 'Teenagers need a parent’s permission to sign up.',
  },
  {
    id: 'gdpr-retention',
    structure: 'period',
    pass: '## Retention\n\nWe keep invoices for seven years.',
    fail: '## Storage\n\nWe use cloud storage.',
  },
  {
    id: 'gdpr-transfers',
    structure: 'safeguard',
    pass: '## International Transfers\n\nTransfers to the US rely on standard contractual clauses.',
    fail: '## Hosting\n\nOur servers are rented.',
  },
];

describe('law items', () => {
  for (const c of CASES) {
    it(`${c.id} (${c.structure}): addressed, and missing without it`, () => {
      assert.notEqual(entry(policy(c.pass), c.id).status, 'missing', 'pass text');
      assert.equal(entry(policy(c.fail), c.id).status, 'missing', 'fail text');
    });
  }

  it('gdpr-rights is incomplete and names the rights that are missing', () => {
    const e = entry(
      policy('## Your Rights Under the GDPR\n\nYou may request access to your data and its erasure.'),
      'gdpr-rights',
    );
    assert.equal(e.status, 'incomplete');
    assert.match(e.reason ?? '', /rectification, restriction, objection and portability/);
    const full = entry(
      policy(
        '## Your Rights Under the GDPR\n\nYou have the rights of access, rectification and erasure, the right to restrict processing, the right to object and the right to data portability.',
      ),
      'gdpr-rights',
    );
    assert.equal(full.status, 'present');
  });

  it('ccpa-rights is incomplete and names the missing rights', () => {
    const e = entry(
      policy('## Your Rights Under the CCPA\n\nYou may ask us to delete your personal information.'),
      'ccpa-rights',
    );
    assert.equal(e.status, 'incomplete');
    assert.match(e.reason ?? '', /know/);
  });

  it('gdpr-retention needs a period or the criteria, not only the word "retain"', () => {
    assert.equal(entry(policy('## Data Retention\n\nWe retain personal data.'), 'gdpr-retention').status, 'incomplete');
    assert.equal(
      entry(policy('## Data Retention\n\nWe retain personal data while your account is open.'), 'gdpr-retention')
        .status,
      'present',
    );
  });

  it('gdpr-transfers needs a safeguard, and Privacy Shield is none', () => {
    const shield = entry(
      policy('## International Transfers\n\nWe transfer data to the US under the EU-US Privacy Shield.'),
      'gdpr-transfers',
    );
    assert.equal(shield.status, 'incomplete');
    assert.match(shield.reason ?? '', /Privacy Shield/);
    assert.equal(
      entry(
        policy('## International Transfers\n\nWe transfer data to the US, relying on the Data Privacy Framework.'),
        'gdpr-transfers',
      ).status,
      'present',
    );
  });

  it('ccpa-last-updated fails past 12 months, judged against today or asOf', () => {
    const text = '# Privacy Policy\n\nLast updated: March 1, 2025\n\nWe collect your email address.\n';
    assert.equal(entry(text, 'ccpa-last-updated').status, 'incomplete');
    assert.equal(entry(text, 'ccpa-last-updated', { extends: 'all', asOf: '2026-02-28' }).status, 'present');
    assert.equal(entry(text, 'ccpa-last-updated', { extends: 'all', asOf: '2026-03-02' }).status, 'incomplete');
    assert.equal(entry('# Privacy Policy\n\nWe collect your email address.\n', 'ccpa-last-updated').status, 'missing');
    const config = resolveConfig({ extends: 'ccpa', asOf: '2026-06-01' }).config;
    const m = lint(text, { config, now, assumePolicy: true }).messages.filter((x) => x.ruleId === 'ccpa-last-updated');
    assert.equal(m.length, 1);
    assert.match(m[0].message, /more than 12 months before 2026-06-01/);
  });

  it('law item fixes insert sections that a second run leaves alone', () => {
    const config = resolveConfig({ extends: ['gdpr', 'ccpa', 'coppa'] }).config;
    const text = policy('## How We Use It\n\nWe send receipts.\n\n## Contact\n\nWrite to help@example.org.');
    const r = lint(text, { config, now, assumePolicy: true });
    const fixes = r.messages.filter((m) => m.fix && LAW_ITEMS.some((i) => i.id === m.ruleId));
    assert.ok(fixes.length >= 5, `${fixes.length} law fixes`);
  });
});

describe('a checklist of 100 items', () => {
  it('detects each of 100 items on its own (no fixed limit on the number of items)', () => {
    const added: ItemDef[] = [];
    const base = ITEMS.length;
    for (let i = base; i < 100; i++) {
      added.push({
        id: `synthetic-${i}` as ItemDef['id'],
        title: `Synthetic ${i}`,
        description: 'A test item.',
        order: 1000 + i,
        headings: [new RegExp(`^Topic q${i}z$`)],
        sentences: [new RegExp(`\\bword q${i}z\\b`)],
        missingMessage: `synthetic ${i} missing`,
      });
    }
    ITEMS.push(...added);
    try {
      assert.equal(ITEMS.length, 100);
      // Every third synthetic item by a sentence, every third by a heading, the rest absent.
      const lines = added.map((_it, k) =>
        k % 3 === 0
          ? `We speak of word q${base + k}z here.`
          : k % 3 === 1
            ? `## Topic q${base + k}z\n\nSome text.`
            : '',
      );
      const doc = parsePolicy(`# Privacy Policy\n\n${lines.filter(Boolean).join('\n\n')}\n`);
      const checklist = evaluateChecklist(doc);
      assert.equal(checklist.length, 100);
      added.forEach((it, k) => {
        const status = checklist.find((c) => c.id === it.id)?.status;
        assert.equal(status, k % 3 === 2 ? 'missing' : 'present', `${it.id} (#${base + k})`);
      });
    } finally {
      ITEMS.splice(base, added.length);
    }
  });
});
