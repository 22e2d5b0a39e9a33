import assert from 'node:assert/strict';
import { alt, anyOf, pattern, seq } from '../../server/src/engine/regex.js';

describe('regex helpers', () => {
  it('alt groups each alternative so inner bars stay inside', () => {
    assert.equal(alt(/a|b/, 'c'), '(?:a|b|c)');
    const re = anyOf('i', /cookie/, /web beacon|pixel tag/);
    assert.ok(re.test('We use PIXEL TAGS'));
    assert.ok(!re.test('biscuits'));
    assert.equal(re.flags, 'i');
  });
  it('seq and pattern join parts in order, ignoring the parts\' own flags', () => {
    assert.equal(seq(/\bwe /i, alt('sell', 'share')), '\\bwe (?:sell|share)');
    const re = pattern('', /^last /, alt('updated', 'revised'), /:?$/);
    assert.ok(re.test('last revised:'));
    assert.ok(!re.test('Last revised:'));
  });
});
