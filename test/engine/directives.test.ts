// Inline configuration comments.
import assert from 'node:assert/strict';
import { lint, resolveConfig } from '../../server/src/engine/index.js';

const config = resolveConfig({ extends: 'all' }).config;
const now = new Date('2026-11-22');
const ids = (text: string, rule: string) =>
  lint(text, { config, now, assumePolicy: true })
    .messages.filter((m) => m.ruleId === rule)
    .map((m) => m.range.start.line);

const BODY = (lines: string[]) => ['# Privacy Policy', '', ...lines].join('\n');

describe('inline directives', () => {
  it('disable … enable turns a rule off for the lines between', () => {
    const text = BODY([
      'Send mail to [Company Name].',
      '',
      '<!-- policylint-disable no-placeholders -- template kept on purpose -->',
      '',
      'Ask [Company Name].',
      '',
      '<!-- policylint-enable no-placeholders -->',
      '',
      'Call [Company Name].',
    ]);
    assert.deepEqual(ids(text, 'no-placeholders'), [3, 11]);
  });

  it('disable-next-line skips blank lines to the next content line', () => {
    const text = BODY([
      '<!-- policylint-disable-next-line no-placeholders -->',
      'Ask [Company Name].',
      '',
      'Call [Company Name].',
    ]);
    assert.deepEqual(ids(text, 'no-placeholders'), [6]);
  });

  it('disable-line applies to its own line', () => {
    const text = BODY([
      'Ask [Company Name]. <!-- policylint-disable-line no-placeholders -->',
      '',
      'Call [Company Name].',
    ]);
    assert.deepEqual(ids(text, 'no-placeholders'), [5]);
  });

  it('disable-file applies everywhere, and only to the rules it names', () => {
    const text = BODY([
      '<!-- policylint-disable-file no-placeholders, children -- draft -->',
      '',
      'Ask [Company Name]. TODO: write more.',
    ]);
    assert.deepEqual(ids(text, 'no-placeholders'), []);
    assert.deepEqual(ids(text, 'children'), []);
    assert.ok(ids(text, 'cookies').length > 0, 'other rules still run');
  });

  it('a directive without rules applies to every rule', () => {
    const text = BODY(['<!-- policylint-disable-file -->', '', 'Ask [Company Name].']);
    assert.deepEqual(lint(text, { config, now, assumePolicy: true }).messages, []);
  });

  it('disable-next-line and disable-line count lines in CR-only and CRLF text as in LF text', () => {
    const lines = [
      '<!-- policylint-disable-next-line no-placeholders -->',
      '',
      'Ask [Company Name].',
      'Tell [Company Name]. <!-- policylint-disable-line no-placeholders -->',
      'Call [Company Name].',
    ];
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = ['# Privacy Policy', '', ...lines].join(eol);
      assert.deepEqual(ids(text, 'no-placeholders'), [7], JSON.stringify(eol));
    }
  });
});
