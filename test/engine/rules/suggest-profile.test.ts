// suggest-profile: one note per document naming the law profiles the text points to while they
// are off; and addProfilesToConfig, the config edit its code action and `policylint init` make.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import {
  addProfilesToConfig,
  applyEdits,
  lint,
  parseConfigText,
  parsePolicy,
  profileSignals,
  resolveConfig,
  suggestedProfiles,
  SUGGESTED_PROFILES,
  type ConfigData,
} from '../../../server/src/engine/index.js';
import { NOW, policy } from './helpers.js';

const RULE = 'suggest-profile';

function notes(text: string, data?: ConfigData) {
  const config = resolveConfig(data).config;
  return lint(text, { assumePolicy: true, config, now: NOW }).messages.filter((m) => m.ruleId === RULE);
}

/** The profiles the one note names, in its order. */
function named(text: string, data?: ConfigData): string[] {
  const found = notes(text, data);
  assert.ok(found.length <= 1, 'at most one note per document');
  return found.length ? [...found[0].message.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]) : [];
}

describe('rule suggest-profile', () => {
  describe('each law signal', () => {
    const cases: [string, string, string][] = [
      ['gdpr', 'the GDPR by name', 'Where the GDPR applies, you may ask us to erase your data.'],
      ['gdpr', 'the EEA', 'Visitors from the EEA can ask for a copy of what we hold.'],
      ['gdpr', 'the European Union', 'Some of our customers are in the European Union.'],
      ['gdpr', 'the EU', 'If you are in the EU, our representative answers your questions.'],
      ['uk-gdpr', 'the UK GDPR', 'Under the UK GDPR you may object to our use of your data.'],
      ['uk-gdpr', 'the ICO', "You may complain to the Information Commissioner's Office."],
      ['ccpa', 'California residents', 'California residents may ask what we have collected about them.'],
      ['ccpa', 'residents of California', 'If you are a resident of California, read this section.'],
      ['ccpa', 'the CPRA', 'This notice is given under the CPRA.'],
      ['caloppa', 'CalOPPA', 'We describe how we respond to browser signals, as CalOPPA asks.'],
      ['coppa', 'COPPA in a sentence', 'We follow COPPA when a teacher signs a class up.'],
      ['coppa', 'children under 13', 'Our reading games are made for children under 13.'],
      ['coppa', 'under the age of thirteen', 'Players under the age of thirteen sign up with a parent.'],
    ];
    for (const [profile, what, sentence] of cases) {
      it(`${what} points to ${profile}`, () => {
        assert.deepEqual(named(policy(sentence)), [profile]);
        const [m] = notes(policy(sentence));
        assert.equal(m.severity, 'info');
        assert.ok(
          sentence.includes(policy(sentence).slice(m.range.start.offset, m.range.end.offset)),
          'the note sits on the words',
        );
      });
    }
  });

  it('says one note for several laws, on the first mention, the others related', () => {
    const text = policy(
      [
        'Children under 13 may play with a parent beside them.',
        '',
        'California residents have further rights, set out below.',
        '',
        'People in the European Economic Area may ask us to stop.',
      ].join('\n'),
    );
    const found = notes(text);
    assert.equal(found.length, 1);
    assert.deepEqual(named(text), ['coppa', 'ccpa', 'gdpr']);
    assert.equal(text.slice(found[0].range.start.offset, found[0].range.end.offset), 'under 13');
    assert.equal(found[0].related?.length, 2);
    assert.match(found[0].message, /profiles are off/);
  });

  it('names only the profiles that are off, and nothing when they are all on or `all` is', () => {
    const text = policy('Players in the EU, and California residents, may ask us what we hold.');
    assert.deepEqual(named(text), ['gdpr', 'ccpa']);
    assert.deepEqual(named(text, { extends: ['recommended', 'gdpr'] }), ['ccpa']);
    assert.deepEqual(named(text, { extends: ['recommended', 'gdpr', 'ccpa'] }), []);
    assert.deepEqual(named(text, { extends: 'all' }), []);
  });

  it('takes the profiles of --profile like those of extends', () => {
    const text = policy('Players in the EU may ask us what we hold.');
    const config = resolveConfig({ extends: 'recommended' }, { profile: 'recommended,gdpr' }).config;
    assert.equal(
      lint(text, { assumePolicy: true, config, now: NOW }).messages.filter((m) => m.ruleId === RULE).length,
      0,
    );
  });

  it('is quiet when the rule is off', () => {
    assert.deepEqual(named(policy('Players in the EU may ask us.'), { rules: { 'suggest-profile': 'off' } }), []);
  });

  describe('mentions that are no reason', () => {
    const quiet: [string, string][] = [
      ['an age in months', 'We keep photos of babies under 13 months only with consent.'],
      ['a share', 'Fewer than 13 percent of our users are under 13 %.'],
      ['the age disclaimer', 'We do not knowingly collect data from children under 13.'],
      ['"not directed to"', 'The service is not directed to children under the age of 13.'],
      ['the contraction', "We don't ask anyone under 13 to sign up."],
      ['the remedy after learning', 'If we learn that a child under 13 gave us data, we delete it.'],
      ['the remedy on being told', 'If you believe a child under 13 wrote to us, tell us.'],
      ['COPPA in a heading only', '## Compliance with COPPA\n\nThe service is for adults.'],
      ['the EU in a Safe Harbor passage', 'We followed the EU Safe Harbor principles for data sent to us from Europe.'],
      ['the EEA beside the Privacy Shield', 'Data from the EEA reaches us under the Privacy Shield.'],
      ['the UK GDPR is not the EU GDPR', 'Under the UK GDPR you may object.'],
      ['a word with EU inside', 'We neuter tracking pixels in EUROPA-style banners and Eurostat charts.'],
    ];
    for (const [what, body] of quiet) {
      it(`no gdpr/coppa note for ${what}`, () => {
        const got = named(policy(body));
        assert.ok(!got.includes('gdpr') && !got.includes('coppa'), got.join(','));
      });
    }
  });

  it('profileSignals finds each law once, in document order; suggestedProfiles drops the active ones', () => {
    const doc = parsePolicy(
      policy('COPPA matters to us.\n\nCalifornia residents: see below.\n\nOur app is for children under 13.'),
    );
    assert.deepEqual(
      profileSignals(doc).map((s) => s.profile),
      ['coppa', 'ccpa'],
    );
    assert.deepEqual(
      suggestedProfiles(doc, ['recommended', 'coppa']).map((s) => s.profile),
      ['ccpa'],
    );
    assert.deepEqual(suggestedProfiles(doc, ['all']), []);
    assert.deepEqual(SUGGESTED_PROFILES, ['gdpr', 'uk-gdpr', 'ccpa', 'caloppa', 'coppa']);
  });

  it('gives no note on the sample corpus but its one California section', () => {
    // The five seeds are US business services: EU mentions sit in Safe Harbor passages and
    // children in age disclaimers. outboundengine addresses California residents.
    const files = readdirSync('corpus').filter((f) => f.endsWith('.md'));
    assert.ok(files.length >= 5);
    const noted = files
      .filter((f) => named(readFileSync(`corpus/${f}`, 'utf8')).length)
      .map((f) => `${f}: ${named(readFileSync(`corpus/${f}`, 'utf8'))}`);
    assert.deepEqual(noted, ['outboundengine.com.md: ccpa']);
  });

  it('never throws on odd input', () => {
    for (const t of [
      '',
      '\u0000',
      'EU'.repeat(5000),
      'under 13 '.repeat(2000),
      '# EU\n\n| EEA | under 13 |\n|---|---|\n| a | b |',
    ]) {
      assert.doesNotThrow(() => notes(t));
    }
  });
});

describe('addProfilesToConfig', () => {
  /** The config text after the edits, and its parsed data. */
  function edited(text: string, add: string[], current?: string[]) {
    const out = applyEdits(text, addProfilesToConfig(text, add, current));
    return { out, data: parseConfigText(out).data };
  }

  it('appends to an extends array', () => {
    const { data } = edited('{\n  "extends": ["recommended"]\n}\n', ['gdpr']);
    assert.deepEqual(data?.extends, ['recommended', 'gdpr']);
  });

  it('appends several, skipping the ones already there', () => {
    const { data } = edited('{\n  "extends": ["recommended", "ccpa"]\n}\n', ['ccpa', 'gdpr', 'coppa']);
    assert.deepEqual(data?.extends, ['recommended', 'ccpa', 'gdpr', 'coppa']);
  });

  it('makes a single string an array', () => {
    const { data } = edited('{ "extends": "recommended", "rules": { "legalese": "off" } }', ['coppa']);
    assert.deepEqual(data?.extends, ['recommended', 'coppa']);
    assert.deepEqual(data?.rules, { legalese: 'off' });
  });

  it('adds extends with the current profiles when there is none, after $schema', () => {
    const text = '{\n  "$schema": "./node_modules/policylint/schema.json",\n  "rules": {}\n}\n';
    const { out, data } = edited(text, ['gdpr']);
    assert.deepEqual(data?.extends, ['recommended', 'gdpr']);
    assert.ok(out.indexOf('"$schema"') < out.indexOf('"extends"') && out.indexOf('"extends"') < out.indexOf('"rules"'));
    assert.deepEqual(edited('{}', ['ccpa'], ['recommended', 'plain-language']).data?.extends, [
      'recommended',
      'plain-language',
      'ccpa',
    ]);
  });

  it('keeps comments and the rest of the file as it was', () => {
    const text =
      '{\n  // our profiles\n  "extends": [\n    "recommended" // the corpus checklist\n  ],\n  /* tone */\n  "rules": { "legalese": "warn" }\n}\n';
    const { out, data } = edited(text, ['gdpr']);
    assert.deepEqual(data?.extends, ['recommended', 'gdpr']);
    for (const kept of ['// our profiles', '// the corpus checklist', '/* tone */', '"rules": { "legalese": "warn" }'])
      assert.ok(out.includes(kept), kept);
  });

  it('writes a whole config into an empty text', () => {
    for (const empty of ['', '  \n']) {
      const { out, data } = edited(empty, ['coppa']);
      assert.deepEqual(data?.extends, ['recommended', 'coppa']);
      assert.ok(out.endsWith('\n'));
    }
  });

  it('makes no edit to broken JSON, to a non-object, or when nothing is new', () => {
    assert.deepEqual(addProfilesToConfig('{ "extends": [', ['gdpr']), []);
    assert.deepEqual(addProfilesToConfig('{ "extends": "recommended" } }', ['gdpr']), []);
    assert.deepEqual(addProfilesToConfig('["gdpr"]', ['gdpr']), []);
    assert.deepEqual(addProfilesToConfig('{ "extends": ["gdpr"] }', ['gdpr']), []);
  });

  it('keeps CRLF line ends and the file indentation', () => {
    const text = '{\r\n\t"rules": {}\r\n}\r\n';
    const { out, data } = edited(text, ['gdpr']);
    assert.deepEqual(data?.extends, ['recommended', 'gdpr']);
    assert.ok(!/[^\r]\n/.test(out), 'every line ends in CRLF');
    assert.match(out, /\r\n\t"extends"/);
    const fresh = edited('\r\n', ['ccpa']).out;
    assert.ok(!/[^\r]\n/.test(fresh));
  });

  it('returns one edit, small and inside the text', () => {
    const text = '{\n  "extends": ["recommended"],\n  "rules": {}\n}\n';
    const edits = addProfilesToConfig(text, ['gdpr']);
    assert.equal(edits.length, 1);
    assert.ok(edits[0].start > 10 && edits[0].end <= text.length - 10);
  });
});
