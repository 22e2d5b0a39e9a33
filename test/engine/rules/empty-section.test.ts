import assert from 'node:assert/strict';
import { hasVisibleContent } from '../../../server/src/engine/rules/empty-section.js';
import { policy, run, seed, SEEDS } from './helpers.js';

const RULE = 'empty-section';

function quotedOf(text: string): string[] {
  return run(RULE, text).quoted;
}

describe('rule empty-section', () => {
  for (const name of SEEDS) {
    it(`${name}: raises nothing`, () => assert.deepEqual(quotedOf(seed(name)), []));
  }

  it('a heading followed by a heading of the same level', () => {
    const { messages, quoted } = run(RULE, policy('## Cookies\n\n## Sharing\n\nWe share nothing.'));
    assert.deepEqual(quoted, ['## Cookies']);
    assert.match(messages[0].message, /“Cookies” is empty: “Sharing” follows it directly/);
    assert.equal(messages[0].fix, undefined);
  });

  it('a heading followed by a heading of a higher level', () => {
    assert.deepEqual(quotedOf(policy('## Use\n\nText.\n\n### Analytics\n\n## Sharing\n\nText.')), ['### Analytics']);
  });

  it('a heading at the end of the document', () => {
    const { messages, quoted } = run(RULE, policy('## Use\n\nText.\n\n## Contact Us\n'));
    assert.deepEqual(quoted, ['## Contact Us']);
    assert.match(messages[0].message, /nothing follows it/);
  });

  it('a heading whose sub-sections follow at once is not empty; an empty sub-section is', () => {
    assert.deepEqual(quotedOf(policy('## Your Rights\n\n### Access\n\nAsk us.\n\n### Deletion\n\nAsk us.')), []);
    assert.deepEqual(quotedOf(policy('## Your Rights\n\n### Access\n\n### Deletion\n\nAsk us.')), ['### Access']);
  });

  it('pseudo-headings: a bold line and a line in capitals with nothing under them', () => {
    const text =
      '# Privacy Policy\n\nWe run this site.\n\n**Cookies**\n\n**Sharing**\n\nWe share nothing.\n\nCHILDREN\n\nRETENTION\n\nWe keep data a year.\n';
    assert.deepEqual(quotedOf(text), ['**Cookies**', 'CHILDREN']);
  });

  it('bold lead-ins carry their body in the same paragraph', () => {
    assert.deepEqual(
      quotedOf(policy('## Use\n\n**General.** We use data to run the site.\n\n**Email.** We send receipts.')),
      [],
    );
  });

  it('skips the document title and headings that end with a colon', () => {
    assert.deepEqual(quotedOf('# Privacy Policy\n\n## Contents:\n\n## Use\n\nText.\n'), []);
    assert.deepEqual(quotedOf('# Privacy Policy\n\n#### **Jump to a section:**\n\n## Use\n\nText.\n'), []);
  });

  it('a comment or a link definition is not content; an image is', () => {
    assert.deepEqual(
      quotedOf(policy('## Cookies\n\n<!-- write this -->\n\n[ref]: https://example.org\n\n## Use\n\nText.')),
      ['## Cookies'],
    );
    assert.deepEqual(quotedOf(policy('## Seal\n\n![Privacy seal](seal.png)\n\n## Use\n\nText.')), []);
  });

  it('setext headings', () => {
    assert.deepEqual(
      quotedOf('Privacy Policy\n==============\n\nIntro.\n\nCookies\n-------\n\nSharing\n-------\n\nText.\n'),
      ['Cookies\n-------'],
    );
  });

  it('hasVisibleContent', () => {
    assert.equal(hasVisibleContent('\n\n<!-- x -->\n'), false);
    assert.equal(hasVisibleContent('\n\n> quoted words\n'), true);
    assert.equal(hasVisibleContent('   ***   '), false);
  });
});
