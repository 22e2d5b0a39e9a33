import assert from 'node:assert/strict';
import { alt, anyOf, bar, oneOf, pattern, seq } from '../../server/src/engine/regex.js';

describe('regex helpers', () => {
  it('alt groups each alternative so inner bars stay inside', () => {
    assert.equal(alt(/a|b/, 'c'), '(?:a|b|c)');
    const re = anyOf('i', /cookie/, /web beacon|pixel tag/);
    assert.ok(re.test('We use PIXEL TAGS'));
    assert.ok(!re.test('biscuits'));
    assert.equal(re.flags, 'i');
  });
  it("seq and pattern join parts in order, ignoring the parts' own flags", () => {
    assert.equal(seq(/\bwe /i, alt('sell', 'share')), '\\bwe (?:sell|share)');
    const re = pattern('', /^last /, alt('updated', 'revised'), /:?$/);
    assert.ok(re.test('last revised:'));
    assert.ok(!re.test('Last revised:'));
  });
  it('bar and oneOf join alternatives with a bar and no group, so the source is the one-line one', () => {
    assert.equal(bar(/a/, 'b', /c(?:d|e)/), 'a|b|c(?:d|e)');
    const one = /^last updated\b|\beffective (?:date|as of)|(\d{4})$/gi;
    const re = oneOf('gi', /^last updated\b/, /\beffective (?:date|as of)/, /(\d{4})$/);
    assert.equal(re.source, one.source);
    assert.equal(re.flags, one.flags);
    assert.ok(re.test('Effective as of'));
    assert.equal('in 2024'.match(oneOf('', /^x/, /(\d{4})$/))?.[1], '2024');
    const unicode = oneOf('u', /\p{Lu}{2}/u, /\d/);
    assert.equal(unicode.source, '\\p{Lu}{2}|\\d');
    assert.ok(unicode.test('ÉU'));
  });
});
