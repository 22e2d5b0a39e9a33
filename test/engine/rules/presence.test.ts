import assert from 'node:assert/strict';
import { getItem, lint, resolveConfig, RULES, type ConfigData } from '../../../server/src/engine/index.js';
import { NOW, policy } from './helpers.js';

/** A policy that mentions children but states no age: the children item is incomplete. */
const NO_AGE = policy('## Children\n\nWe do not knowingly collect data from children.');

function messages(data: ConfigData) {
  const config = resolveConfig(data).config;
  const result = lint(NO_AGE, { assumePolicy: true, config, now: NOW });
  assert.equal(
    result.checklist.find((c) => c.id === 'children')?.status,
    'incomplete',
    'the fixture is an incomplete children item',
  );
  return result.messages.filter((m) => m.item === 'children');
}

describe('presence rules and the rules that report an item incomplete for them', () => {
  it('recommended: children-age reports the missing age, the children rule does not repeat it', () => {
    const found = messages({ extends: 'recommended' });
    assert.deepEqual(
      found.map((m) => m.ruleId),
      ['children-age'],
    );
  });

  it('children-age off: the children rule reports the incomplete item itself, at its own severity', () => {
    const found = messages({ extends: 'recommended', rules: { 'children-age': 'off' } });
    assert.deepEqual(
      found.map((m) => m.ruleId),
      ['children'],
    );
    assert.equal(found[0].severity, 'error');
    assert.match(found[0].message, /incomplete: children are mentioned but no age threshold is stated/);
  });

  it('children off: children-age still reports the missing age (its own finding)', () => {
    const found = messages({ extends: 'recommended', rules: { children: 'off' } });
    assert.deepEqual(
      found.map((m) => m.ruleId),
      ['children-age'],
    );
  });

  it('both off: nothing about children', () => {
    assert.deepEqual(messages({ extends: 'recommended', rules: { children: 'off', 'children-age': 'off' } }), []);
  });

  it('every declared reportsIncompleteOf names a checklist item, and turning its rule off never silences that item', () => {
    const deputies = RULES.filter((r) => r.meta.reportsIncompleteOf);
    assert.ok(deputies.length > 0, 'children-age declares one');
    for (const r of deputies) {
      const item = r.meta.reportsIncompleteOf!;
      assert.ok(getItem(item), `${r.meta.id}: ${item} is an item`);
      const on = messages({ extends: 'all' }).filter((m) => m.item === item);
      const off = messages({ extends: 'all', rules: { [r.meta.id]: 'off' } }).filter((m) => m.item === item);
      assert.ok(
        on.some((m) => m.ruleId === r.meta.id),
        `${r.meta.id} on reports it`,
      );
      assert.ok(
        off.some((m) => m.ruleId === item),
        `${r.meta.id} off: rule ${item} reports it`,
      );
    }
  });
});
