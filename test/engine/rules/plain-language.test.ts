// The plain-language rules and profile beyond their docs examples.
import assert from 'node:assert/strict';
import { applyEdits, fixText, lint, resolveConfig } from '../../../server/src/engine/index.js';
import { policy, run } from './helpers.js';

const long = (n: number) => `We ${Array.from({ length: n - 2 }, () => 'keep').join(' ')} data.`;

describe('sentence-length', () => {
  it('reports a sentence over the limit with its count, and not one at the limit', () => {
    const found = run('sentence-length', policy(`${long(41)}\n\n${long(40)}`));
    assert.equal(found.messages.length, 1);
    assert.match(found.messages[0].message, /has 41 words, over the limit of 40/);
    assert.equal(found.quoted[0], long(41));
  });

  it('takes maxWords from the config', () => {
    const found = run('sentence-length', policy(long(12)), {
      rules: { 'sentence-length': ['warn', { maxWords: 10 }] },
    });
    assert.match(found.messages[0].message, /12 words, over the limit of 10/);
  });
});

describe('reading-grade', () => {
  const hard =
    'Notwithstanding any contrary provision, organizational affiliates may utilize personally identifiable information for analytical, operational and promotional purposes. ';
  it('reports the section with its grade and its longest sentences as related locations', () => {
    const text = `# Privacy Policy\n\n## Use\n\n${hard.repeat(4)}We agree.\n`;
    const [m] = run('reading-grade', text).messages;
    assert.ok(m, 'a finding');
    assert.match(m.message, /“Use” reads at grade \d+\.\d/);
    assert.equal(m.range.start.line, 3);
    assert.equal(m.related?.length, 3);
    assert.ok(m.related!.every((r) => /\d+ words/.test(r.message)));
  });

  it('does not grade a section shorter than minWords', () => {
    assert.equal(run('reading-grade', `# Privacy Policy\n\n## Use\n\n${hard}\n`).messages.length, 0);
  });
});

describe('legalese', () => {
  it('fixes safe phrases keeping the capital, and only suggests the others', () => {
    const text = policy('Prior to signing up, read this. Notwithstanding this, we act pursuant to law.');
    const found = run('legalese', text);
    assert.deepEqual(found.quoted, ['Prior to', 'Notwithstanding', 'pursuant to']);
    assert.equal(found.messages[1].fix, undefined);
    const fixed = applyEdits(
      text,
      found.messages.flatMap((m) => m.fix?.edits ?? []),
    );
    assert.equal(fixed, policy('Before signing up, read this. Notwithstanding this, we act under law.'));
  });

  it('--fix reaches a fixed point', () => {
    const config = resolveConfig({ extends: ['recommended', 'plain-language'] }).config;
    const once = fixText(policy('In the event that you utilize the app, we log it.'), {
      config,
      assumePolicy: true,
      only: ['legalese'],
    });
    assert.equal(once.text, policy('If you use the app, we log it.'));
    assert.equal(fixText(once.text, { config, assumePolicy: true, only: ['legalese'] }).fixed.length, 0);
  });

  it('leaves a name alone: a company called Whereby', () => {
    assert.deepEqual(
      run('legalese', policy('Whereby AS runs the service. Data sent to Whereby stays in Norway, whereby it is safe.'))
        .quoted,
      ['whereby'],
    );
  });

  it('does not match inside longer words', () => {
    assert.equal(run('legalese', policy('The hereinabove-free text thereofx commencement.')).messages.length, 0);
  });
});

describe('vague-qualifier', () => {
  it('reports the company’s “may” and skips the user’s rights', () => {
    const text = policy(
      'We may disclose your data to auditors.\n\nYou may ask us to delete your data.\n\nYou have the right to object to how we use your data.',
    );
    const found = run('vague-qualifier', text);
    assert.deepEqual(found.quoted, ['may']);
    assert.equal(found.messages[0].range.start.line, 3);
  });

  it('reports “certain” and “from time to time” about data, and not a sentence with no data', () => {
    assert.deepEqual(run('vague-qualifier', policy('We share certain information with vendors.')).quoted, ['certain']);
    assert.deepEqual(run('vague-qualifier', policy('From time to time we combine data from our apps.')).quoted, [
      'From time to time',
    ]);
    assert.equal(run('vague-qualifier', policy('We may update this page from time to time.')).messages.length, 0);
    assert.equal(
      run(
        'vague-qualifier',
        policy('We may update our privacy policy to reflect changes to our information practices.'),
      ).messages.length,
      0,
    );
  });
});

describe('all-caps', () => {
  it('reports one run of capitals from its first word to its last', () => {
    const caps = 'WE ARE NOT LIABLE FOR ANY LOSS OF DATA, 2 DAYS OR MORE, THAT YOU SUFFER';
    const found = run('all-caps', policy(`Read this. ${caps}. Thank you.`));
    assert.deepEqual(found.quoted, [caps]);
    assert.match(found.messages[0].message, /^15 words in capitals/);
  });

  it('suggests sentence case, keeping the spelling the text uses elsewhere', () => {
    const text = policy(
      'Acme follows the GDPR rules. ACME IS NOT LIABLE FOR DATA LOST IN TRANSIT UNDER THE GDPR OR ANY LAW: YOU ACCEPT THIS.',
    );
    const [m] = run('all-caps', text).messages;
    assert.equal(m.fix, undefined, 'never applied by --fix');
    assert.equal(
      m.suggestions?.[0].edits[0].text,
      'Acme is not liable for data lost in transit under the GDPR or any law: you accept this',
    );
  });

  it('leaves acronyms, short runs and titles alone', () => {
    assert.equal(
      run(
        'all-caps',
        '# PRIVACY POLICY FOR THE ACME COMPANY AND ALL OF ITS APPS AND SERVICES\n\nWe follow the GDPR, CCPA, COPPA and PIPEDA.\n',
      ).messages.length,
      0,
    );
  });
});

describe('the plain-language profile', () => {
  const text = policy(`Prior to using the app, note: ${long(45)} We may share certain data.`);
  const ids = (extendsList: string[]) =>
    [
      ...new Set(
        lint(text, { assumePolicy: true, config: resolveConfig({ extends: extendsList }).config }).messages.map(
          (m) => `${m.ruleId}:${m.severity}`,
        ),
      ),
    ]
      .filter((id) => /^(?:sentence-length|reading-grade|legalese|vague-qualifier|all-caps):/.test(id))
      .sort();

  it('recommended keeps the reliable rules as information', () => {
    assert.deepEqual(ids(['recommended']), ['legalese:info', 'sentence-length:info']);
  });

  it('plain-language turns every rule on as a warning', () => {
    assert.deepEqual(ids(['recommended', 'plain-language']), [
      'legalese:warning',
      'sentence-length:warning',
      'vague-qualifier:warning',
    ]);
  });
});
