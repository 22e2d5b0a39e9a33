// The CLI's checklist per profile: stylish prints "Checklist 12/14 · GDPR 4/10 · CCPA 3/7" under
// the checklist line when a law profile is on; JSON and SARIF carry each item's profiles.
import assert from 'node:assert/strict';
import { copyFixtures, run, runJson, tempDir } from './helpers.js';

interface Grouped {
  groups?: { profile: string; label: string; met: number; total: number }[];
  checklist: { id: string; status: string; profiles?: string[]; provisions?: Record<string, string> }[];
}

describe('cli: checklist grouped by profile', () => {
  let dir: string;
  before(() => {
    dir = copyFixtures(tempDir(), ['missing-sections.md']);
  });

  it('stylish: a line of counts per profile under the checklist line with --profile recommended,gdpr', async () => {
    const r = await run(['missing-sections.md', '--profile', 'recommended,gdpr'], { cwd: dir });
    const { json } = await runJson(['missing-sections.md', '--profile', 'recommended,gdpr'], { cwd: dir });
    const res = json.results[0] as unknown as Grouped;
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('  checklist '));
    assert.ok(at > 0, r.stdout);
    const gdpr = res.checklist.filter((c) => c.profiles?.includes('gdpr'));
    assert.equal(gdpr.length, 10);
    const met = (list: { status: string }[]) => list.filter((c) => c.status === 'present').length;
    const recommendedTotal = res.groups![0].total;
    assert.match(lines[at + 1], new RegExp(`^  Checklist \\d+/${recommendedTotal} · GDPR ${met(gdpr)}/10$`));
    assert.deepEqual(
      res.groups!.map((g) => g.label),
      ['Checklist', 'GDPR'],
    );
  });

  it('stylish: no such line with recommended alone', async () => {
    const r = await run(['missing-sections.md'], { cwd: dir });
    assert.doesNotMatch(r.stdout, /^ {2}Checklist /m);
    const { json } = await runJson(['missing-sections.md'], { cwd: dir });
    const res = json.results[0] as unknown as Grouped;
    assert.equal(res.groups, undefined);
    assert.ok(res.checklist.every((c) => c.profiles === undefined && c.provisions === undefined));
  });

  it('JSON: each item a law asks for names its profiles and their provisions; the counts per profile', async () => {
    const { json } = await runJson(['missing-sections.md', '--profile', 'recommended,gdpr,ccpa'], { cwd: dir });
    const res = json.results[0] as unknown as Grouped;
    const contact = res.checklist.find((c) => c.id === 'contact')!;
    assert.deepEqual(contact.profiles, ['gdpr', 'ccpa']);
    assert.deepEqual(contact.provisions, { gdpr: 'Art. 13(1)(a), 14(1)(a)', ccpa: '11 CCR 7011' });
    assert.deepEqual(res.checklist.find((c) => c.id === 'gdpr-dpo')?.profiles, ['gdpr']);
    assert.equal(res.checklist.find((c) => c.id === 'cookies')?.profiles, undefined);
    assert.deepEqual(
      res.groups!.map((g) => [g.profile, g.label, g.total]),
      [
        ['recommended', 'Checklist', res.groups![0].total],
        ['gdpr', 'GDPR', 10],
        ['ccpa', 'CCPA', 7],
      ],
    );
    for (const g of res.groups!) {
      assert.ok(Number.isInteger(g.met) && g.met >= 0 && g.met <= g.total, g.profile);
    }
  });

  it('SARIF: a result about an item a law asks for carries its profiles and provisions in properties', async () => {
    const r = await run(['missing-sections.md', '--profile', 'recommended,gdpr', '--format', 'sarif'], { cwd: dir });
    const sarif = JSON.parse(r.stdout) as {
      runs: {
        results: { ruleId: string; properties?: { profiles: string[]; provisions: Record<string, string> } }[];
      }[];
    };
    const results = sarif.runs[0].results;
    const legal = results.find((x) => x.ruleId === 'gdpr-legal-basis');
    assert.ok(legal, 'a missing legal basis is reported');
    assert.deepEqual(legal.properties, { profiles: ['gdpr'], provisions: { gdpr: 'Art. 13(1)(c), 14(1)(c)' } });
    const other = results.filter((x) => !x.properties);
    assert.ok(other.length > 0, 'findings about no law item have no properties');
    assert.ok(other.every((x) => !x.ruleId.startsWith('gdpr-')));
  });
});
