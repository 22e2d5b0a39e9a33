import assert from 'node:assert/strict';
import { LAW_PROFILES, RULES, SHIPPED_CHECKLIST } from '../../server/src/engine/index.js';
import { run } from './helpers.js';

interface Row {
  id: string;
  severity: string;
  source: string;
}

async function rows(args: string[] = []): Promise<Row[]> {
  const r = await run(['--list-rules', '--format', 'json', ...args]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as Row[];
}

describe('cli: --list-rules says where each severity comes from', () => {
  it('a corpus item: its severity and coverage from corpus/checklist.json', async () => {
    const all = await rows();
    for (const item of SHIPPED_CHECKLIST.items) {
      const row = all.find((r) => r.id === item.id)!;
      assert.equal(row.severity, item.recommended ? item.severity : 'off', item.id);
      assert.ok(row.source.includes(`corpus coverage ${item.covered}/${item.total}`), `${item.id}: ${row.source}`);
      assert.match(row.source, /corpus\/checklist\.json/);
    }
  });

  it('a content rule: its own default; a law item: off, with the profiles that turn it on', async () => {
    const all = await rows();
    assert.equal(all.find((r) => r.id === 'no-placeholders')?.source, 'rule default (no-placeholders)');
    const gdprRights = all.find((r) => r.id === 'gdpr-rights')!;
    assert.equal(gdprRights.severity, 'off');
    assert.match(gdprRights.source, /^off in recommended; on in gdpr, uk-gdpr$/);
  });

  it('--profile: the provision a law profile rests on', async () => {
    const gdpr = LAW_PROFILES.find((p) => p.id === 'gdpr')!;
    const all = await rows(['--profile', 'gdpr']);
    for (const e of gdpr.items) {
      const row = all.find((r) => r.id === e.item)!;
      assert.equal(row.severity, e.severity, e.item);
      assert.equal(row.source, `GDPR ${e.provision}`);
    }
  });

  it('an unknown profile is an error (exit 2)', async () => {
    const r = await run(['--list-rules', '--profile', 'no-such-law']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown profile "no-such-law"/);
  });

  it("an item rule's metadata severity is its recommended severity, not a placeholder 'warn'", () => {
    for (const rule of RULES.filter((r) => r.meta.item && r.meta.id === r.meta.item)) {
      const derived = SHIPPED_CHECKLIST.items.find((i) => i.id === rule.meta.id);
      assert.equal(rule.meta.severity, derived?.recommended ? derived.severity : 'off', rule.meta.id);
    }
  });
});
