// profileCounts: the checklist counted per active profile ("GDPR 9/14 · CCPA 6/11"), the one
// count every front end shows.
import assert from 'node:assert/strict';
import {
  formatProfileCounts,
  lawProfilesOn,
  lint,
  profileCounts,
  profileGroups,
  provisionsOf,
  resolveConfig,
  type ChecklistEntry,
  type ChecklistId,
  type ChecklistStatus,
} from '../../server/src/engine/index.js';

const entry = (id: ChecklistId, status: ChecklistStatus): ChecklistEntry => ({
  id,
  title: id,
  status,
  line: status === 'missing' ? null : 1,
  facts: {},
});

describe('engine: profile counts', () => {
  it('counts an item two laws ask for in both, incomplete and missing items as not met', () => {
    const checklist = [
      entry('contact', 'present'),
      entry('gdpr-rights', 'incomplete'),
      entry('gdpr-dpo', 'missing'),
      entry('ccpa-rights', 'present'),
      entry('retention', 'missing'),
    ];
    const counts = profileCounts(checklist, { profiles: ['gdpr', 'ccpa'] });
    assert.deepEqual(
      counts.map((c) => [c.profile, c.label, c.met, c.total, c.items]),
      [
        ['gdpr', 'GDPR', 1, 3, ['contact', 'gdpr-rights', 'gdpr-dpo']],
        ['ccpa', 'CCPA', 2, 3, ['contact', 'ccpa-rights', 'retention']],
      ],
    );
    assert.equal(formatProfileCounts(counts), 'GDPR 1/3 · CCPA 2/3');
  });

  it('follows the config order and counts the recommended corpus items as "Checklist"', () => {
    const checklist = [entry('contact', 'present'), entry('do-not-track', 'missing'), entry('gdpr-dpo', 'present')];
    assert.equal(
      formatProfileCounts(profileCounts(checklist, { profiles: ['ccpa', 'recommended', 'gdpr'] })),
      'CCPA 1/1 · Checklist 1/1 · GDPR 2/2',
    );
    // do-not-track is a corpus item recommended leaves out: only `all` counts it, as "Other items".
    const all = profileCounts(checklist, { profiles: ['all'] });
    assert.deepEqual(
      all.slice(0, 2).map((c) => [c.label, c.items]),
      [
        ['Checklist', ['contact']],
        ['Other items', ['do-not-track']],
      ],
    );
    assert.ok(all.some((c) => c.profile === 'caloppa' && c.items.includes('do-not-track')));
  });

  it('leaves out profiles with no item (plain-language), and says when the law profiles are on', () => {
    assert.deepEqual(profileCounts([entry('contact', 'present')], { profiles: ['plain-language'] }), []);
    assert.equal(lawProfilesOn(['recommended', 'plain-language']), false);
    assert.equal(lawProfilesOn(['recommended', 'gdpr']), true);
    assert.equal(lawProfilesOn(['all']), true);
  });

  it('counts a real lint: every law entry under its profiles, totals as the law lists them', () => {
    const config = resolveConfig({ extends: ['recommended', 'gdpr', 'ccpa'] }).config;
    const text = '# Privacy Policy\n\nLast updated: May 2, 2026\n\n## Contact\n\nWrite to help@example.org.\n';
    const r = lint(text, { config, now: new Date('2026-06-01T00:00:00Z'), assumePolicy: true });
    const counts = profileCounts(r.checklist, config);
    assert.deepEqual(
      counts.map((c) => c.profile),
      ['recommended', 'gdpr', 'ccpa'],
    );
    assert.equal(counts[1].total, 10);
    assert.equal(counts[2].total, 7);
    for (const c of counts.slice(1)) {
      assert.ok(c.items.includes('contact'), c.profile);
      const met = r.checklist.filter((e) => e.profiles?.includes(c.profile) && e.status === 'present').length;
      assert.equal(c.met, met, c.profile);
    }
  });

  it("groups for views: the profiles' groups, then the items none of them asks for, which no count line shows", () => {
    const checklist = [entry('contact', 'present'), entry('do-not-track', 'missing'), entry('gdpr-dpo', 'present')];
    const groups = profileGroups(checklist, { profiles: ['recommended', 'gdpr'] });
    assert.deepEqual(
      groups.map((g) => [g.profile, g.label, g.items]),
      [
        ['recommended', 'Checklist', ['contact']],
        ['gdpr', 'GDPR', ['contact', 'gdpr-dpo']],
        ['none', 'Not asked for', ['do-not-track']],
      ],
    );
    assert.equal(formatProfileCounts(groups), 'Checklist 1/1 · GDPR 2/2');
    assert.equal(profileGroups(checklist, { profiles: ['all'] }).at(-1)?.profile, 'lgpd');
  });

  it("gives each active profile's provision for an item", () => {
    assert.deepEqual(provisionsOf('contact', ['recommended', 'gdpr', 'ccpa']), {
      gdpr: 'Art. 13(1)(a), 14(1)(a)',
      ccpa: '11 CCR 7011',
    });
    assert.deepEqual(provisionsOf('cookies', ['recommended', 'gdpr']), {});
  });
});
