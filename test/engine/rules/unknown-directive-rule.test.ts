import assert from 'node:assert/strict';
import { applyEdits, fixText, lint, resolveConfig } from '../../../server/src/engine/index.js';
import { closeNames } from '../../../server/src/engine/suggest.js';
import { ALL, NOW, policy, run, seed, SEEDS } from './helpers.js';

const RULE = 'unknown-directive-rule';

describe('rule unknown-directive-rule', () => {
  for (const name of SEEDS) {
    it(`${name}: raises nothing`, () => assert.deepEqual(run(RULE, seed(name)).quoted, []));
  }

  it('warns on the comment, names the id, suggests the close one, and its safe fix writes it', () => {
    const comment = '<!-- policylint-disable-next-line contcat -- we say it below -->';
    const text = policy(`${comment}\nWrite to [Company Name].`);
    const { messages, quoted } = run(RULE, text);
    assert.deepEqual(quoted, [comment]);
    assert.equal(messages[0].severity, 'warning');
    assert.match(messages[0].message, /"contcat", which does not exist \(did you mean "contact"\?\)/);
    const fix = messages[0].fix!;
    assert.equal(fix.safe, true);
    assert.equal(
      applyEdits(text, fix.edits),
      policy('<!-- policylint-disable-next-line contact -- we say it below -->\nWrite to [Company Name].'),
    );
  });

  it('is a warning in the recommended profile, and --fix corrects the id so the directive takes effect', () => {
    const text = policy('<!-- policylint-disable-next-line no-placeholdres -->\nWrite to [Company Name].');
    const options = { config: resolveConfig(undefined).config, now: NOW, assumePolicy: true };
    const ids = (t: string) => lint(t, options).messages.map((m) => m.ruleId);
    assert.ok(ids(text).includes(RULE) && ids(text).includes('no-placeholders'));
    const fixed = fixText(text, options).text;
    assert.match(fixed, /disable-next-line no-placeholders -->/);
    assert.ok(!ids(fixed).includes(RULE) && !ids(fixed).includes('no-placeholders'));
  });

  it('one warning per unknown id, in every kind of directive; known ids pass, also those that are off', () => {
    const text = policy(
      [
        '<!-- policylint-disable cookeis, contact -->',
        'Text.',
        '<!-- policylint-enable cookeis -->',
        'Text. <!-- policylint-disable-line Contact -->',
        '<!-- policylint-disable-file reading-grade, do-not-track -->',
      ].join('\n'),
    );
    const { messages } = run(RULE, text, { extends: 'recommended' });
    assert.deepEqual(
      messages.map((m) => [
        m.range.start.line,
        m.fix && applyEdits(text, m.fix.edits).split('\n')[m.range.start.line - 1],
      ]),
      [
        [3, '<!-- policylint-disable cookies, contact -->'],
        [5, '<!-- policylint-enable cookies -->'],
        [6, 'Text. <!-- policylint-disable-line contact -->'],
      ],
    );
  });

  it('without a close id: no fix, and a pointer to the list of rules', () => {
    const { messages } = run(RULE, policy('<!-- policylint-disable-file zzqqxx -->'));
    assert.equal(messages.length, 1);
    assert.equal(messages[0].fix, undefined);
    assert.match(
      messages[0].message,
      /"zzqqxx", which does not exist, so it turns nothing off\. The rule ids are listed in docs\/rules\//,
    );
  });

  it('with two equally close ids: both named, each a suggestion, no safe fix', () => {
    assert.deepEqual(closeNames('children-a', ['children', 'children-age', 'contact']), ['children', 'children-age']);
    const text = policy('<!-- policylint-disable-next-line children-a -->\nText.');
    const [m] = run(RULE, text).messages;
    assert.match(m.message, /did you mean "children" or "children-age"\?/);
    assert.equal(m.fix, undefined);
    assert.deepEqual(
      m.suggestions?.map((s) => [s.safe, applyEdits(text, s.edits).split('\n')[2]]),
      [
        [false, '<!-- policylint-disable-next-line children -->'],
        [false, '<!-- policylint-disable-next-line children-age -->'],
      ],
    );
  });

  it('is configured like any rule: off in the config, or disabled by a directive', () => {
    const text = policy('<!-- policylint-disable-next-line contcat -->\nText.');
    assert.equal(run(RULE, text, { rules: { [RULE]: 'off' } }).messages.length, 0);
    assert.equal(run(RULE, `<!-- policylint-disable-file ${RULE} -->\n${text}`).messages.length, 0);
    // A directive naming no rule turns every rule off in its reach, this one too.
    assert.equal(run(RULE, `<!-- policylint-disable-file -->\n${text}`).messages.length, 0);
    assert.equal(
      lint(text, { config: ALL, now: NOW, assumePolicy: true }).messages.filter((m) => m.ruleId === RULE).length,
      1,
    );
  });
});
