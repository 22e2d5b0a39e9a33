// "Did you mean": one edit-distance helper (engine/suggest.ts) behind every suggestion for a
// misspelled config key, rule id, profile name or severity.
import assert from 'node:assert/strict';
import { parseConfigText, resolveConfig } from '../../server/src/engine/index.js';
import { closestName, didYouMean, editDistance } from '../../server/src/engine/suggest.js';

function messageFor(config: unknown, key: string): string {
  const { errors } = parseConfigText(JSON.stringify(config, null, 2));
  const e = errors.find((x) => x.key === key);
  assert.ok(e, `an error for ${key}: ${JSON.stringify(errors)}`);
  return e.message;
}

describe('config: did you mean', () => {
  it('counts inserts, deletes, replacements and swaps of neighbours as one edit each', () => {
    assert.equal(editDistance('contact', 'contact'), 0);
    assert.equal(editDistance('contcat', 'contact'), 1, 'swap');
    assert.equal(editDistance('cookie', 'cookies'), 1, 'insert');
    assert.equal(editDistance('Retention', 'retention'), 0, 'case is ignored');
    assert.equal(editDistance('abc', 'xyz'), 3);
    assert.equal(editDistance('', 'abc'), 3);
  });

  it('suggests only names close enough to be a slip', () => {
    assert.equal(closestName('gpdr', ['gdpr', 'ccpa']), 'gdpr');
    assert.equal(closestName('warning', ['off', 'info', 'warn', 'error']), 'warn', 'a name the word starts with');
    assert.equal(closestName('strict', ['recommended', 'all', 'gdpr']), undefined);
    assert.equal(closestName('', ['a']), undefined);
    assert.equal(didYouMean('zzzz', ['gdpr']), '');
  });

  it('for an unknown top-level key', () => {
    assert.match(messageFor({ extend: 'gdpr' }, 'extend'), /unknown key "extend" \(did you mean "extends"\?\)/);
    assert.match(messageFor({ ignore: ['x'] }, 'ignore'), /did you mean "ignores"\?/);
    assert.doesNotMatch(messageFor({ colour: 'red' }, 'colour'), /did you mean/);
  });

  it('for an unknown rule id, at the top level and in an override', () => {
    assert.match(
      messageFor({ rules: { contcat: 'warn' } }, 'rules.contcat'),
      /unknown rule "contcat" \(did you mean "contact"\?\)/,
    );
    assert.match(
      messageFor({ overrides: [{ files: ['a/**'], rules: { retnetion: 'off' } }] }, 'overrides[0].rules.retnetion'),
      /did you mean "retention"\?/,
    );
    assert.match(
      messageFor({ rules: { 'no-such-thing-at-all': 'warn' } }, 'rules.no-such-thing-at-all'),
      /--list-rules/,
    );
  });

  it('for an unknown profile, in extends and in --profile', () => {
    assert.match(
      messageFor({ extends: ['recomended'] }, 'extends'),
      /unknown profile "recomended" \(did you mean "recommended"\?\)/,
    );
    assert.match(messageFor({ extends: 'uk-gpdr' }, 'extends'), /did you mean "uk-gdpr"\?/);
    const { errors } = resolveConfig(undefined, { profile: 'recommended,ccpaa' });
    assert.equal(errors.length, 1);
    assert.match(errors[0].message, /unknown profile "ccpaa" \(did you mean "ccpa"\?\)/);
  });

  it('for an unknown severity, alone or in [severity, options]', () => {
    assert.match(
      messageFor({ rules: { cookies: 'warning' } }, 'rules.cookies'),
      /got "warning" \(did you mean "warn"\?\)/,
    );
    assert.match(
      messageFor({ rules: { cookies: ['eror', {}] } }, 'rules.cookies'),
      /got "eror" \(did you mean "error"\?\)/,
    );
    assert.match(messageFor({ rules: { cookies: 'of' } }, 'rules.cookies'), /did you mean "off"\?/);
  });

  it('for an unknown key in an override', () => {
    assert.match(
      messageFor({ overrides: [{ file: ['x/**'], rules: {} }] }, 'overrides[0].file'),
      /did you mean "files"\?/,
    );
  });
});
