import assert from 'node:assert/strict';
import { applyEdits, fixText, parseConfigText } from '../../../server/src/engine/index.js';
import { tlsWording } from '../../../server/src/engine/rules/outdated-framework.js';
import { ALL, NOW, policy, run, seed } from './helpers.js';

const RULE = 'outdated-framework';

function kinds(quoted: string[]): string[] {
  const kind = (q: string) =>
    /harbou?r/i.test(q)
      ? 'safe-harbor'
      : /shield/i.test(q)
        ? 'privacy-shield'
        : /95\/46|directive/i.test(q)
          ? 'directive-95-46'
          : /ssl|socket/i.test(q)
            ? 'ssl'
            : /truste/i.test(q)
              ? 'truste'
              : q;
  return [...new Set(quoted.map(kind))].sort();
}

/** Applies the safe fix of the only SSL message and returns the sentence around it. */
function fixedSsl(text: string): string {
  const m = run(RULE, text).messages.find((x) => x.fix);
  assert.ok(m, 'a safe fix is offered');
  assert.equal(m.fix!.safe, true);
  return applyEdits(text, m.fix!.edits);
}

describe('rule outdated-framework', () => {
  describe('seeds', () => {
    const expected: Record<string, string[]> = {
      'act-on.com': ['safe-harbor', 'ssl', 'truste'],
      'manycontacts.com': ['ssl'],
      'attendicon.com': ['safe-harbor'],
      'rs6.net': ['safe-harbor', 'ssl', 'truste'],
      'outboundengine.com': [],
    };
    for (const [name, want] of Object.entries(expected)) {
      it(`${name}: ${want.join(', ') || 'nothing'}`, () => {
        const { messages, quoted } = run(RULE, seed(name));
        assert.deepEqual(kinds(quoted), want);
        for (const m of messages) {
          const truste = /truste/i.test(m.message);
          assert.deepEqual(m.tags, truste ? undefined : ['deprecated']);
          assert.equal(m.severity, truste ? 'info' : 'warning', 'the TRUSTe rename is a note');
        }
        assert.ok(quoted.filter((q) => /truste/i.test(q)).length <= 1, 'the TRUSTe note is said once per document');
      });
    }

    it('act-on: the SSL fix rewrites the acronym and the spelled-out name', () => {
      const fixed = fixedSsl(seed('act-on.com'));
      assert.ok(
        fixed.includes(
          'we encrypt the transmission of that information using transport layer security technology (TLS).',
        ),
      );
    });

    it('rs6 and manycontacts: "Secure Socket Layer (SSL)" becomes "Transport Layer Security (TLS)"', () => {
      assert.ok(
        fixedSsl(seed('rs6.net')).includes(
          'through the use of encryption such as the Transport Layer Security (TLS) protocol.',
        ),
      );
      assert.ok(
        fixedSsl(seed('manycontacts.com')).includes(
          'uses the latest 128-bit Transport Layer Security (TLS) technology for secure transactions.',
        ),
      );
    });

    it('fixText applies the SSL fixes once and a second run changes nothing', () => {
      const text = seed('rs6.net');
      const once = fixText(text, { assumePolicy: true, config: ALL, now: NOW, only: [RULE] });
      assert.equal(once.fixed.length, 1);
      assert.ok(!/\bSSL\b/.test(once.text));
      const twice = fixText(once.text, { assumePolicy: true, config: ALL, now: NOW, only: [RULE] });
      assert.equal(twice.text, once.text);
    });
  });

  describe('messages give the date and the replacement', () => {
    const cases: [string, string, RegExp][] = [
      [
        'We comply with the EU-U.S. Safe Harbor Framework.',
        'Safe Harbor',
        /6 October 2015.*C-362\/14.*Data Privacy Framework/,
      ],
      [
        'We are certified under the EU–US Privacy Shield.',
        'Privacy Shield',
        /16 July 2020.*C-311\/18.*Data Privacy Framework/,
      ],
      ['We process data as required by Directive 95/46/EC.', 'Directive 95/46/EC', /25 May 2018.*GDPR/],
      ['Our practices follow the EU Data Protection Directive.', 'EU Data Protection Directive', /repealed.*GDPR/],
      ['Your card number is protected in transit by SSL encryption.', 'SSL', /RFC 7568.*TLS/],
      ['We hold a TRUSTe privacy seal.', 'TRUSTe', /TrustArc/],
    ];
    for (const [snippet, quote, message] of cases) {
      it(quote, () => {
        const { messages, quoted } = run(RULE, policy(snippet));
        assert.deepEqual(quoted, [quote]);
        assert.match(messages[0].message, message);
        assert.deepEqual(messages[0].tags, quote === 'TRUSTe' ? undefined : ['deprecated']);
      });
    }

    it('names the Swiss framework when the sentence does', () => {
      const { messages } = run(RULE, policy('We adhere to the U.S.-Swiss Safe Harbor Framework.'));
      assert.match(messages[0].message, /Swiss–US Data Privacy Framework/);
    });

    it('lower-case "safe harbor" needs a transfer context', () => {
      assert.equal(
        run(RULE, policy('Data from the EEA is transferred under the safe harbor principles.')).messages.length,
        1,
      );
      assert.equal(run(RULE, policy('This is a safe harbor for your thoughts.')).messages.length, 0);
    });
  });

  describe('one report per mention, at most one per sentence and framework', () => {
    it('two mentions in one sentence: one report', () => {
      const { quoted } = run(
        RULE,
        policy('We joined the Safe Harbor program and follow the Safe Harbor Privacy Principles.'),
      );
      assert.equal(quoted.length, 1);
    });
    it('two sentences: two reports', () => {
      const { quoted } = run(
        RULE,
        policy('We joined the Safe Harbor program. We follow the Safe Harbor Privacy Principles.'),
      );
      assert.equal(quoted.length, 2);
    });
    it('two frameworks in one sentence: one report each', () => {
      const { quoted } = run(RULE, policy('We moved from Safe Harbor certification to the Privacy Shield framework.'));
      assert.deepEqual(kinds(quoted), ['privacy-shield', 'safe-harbor']);
    });
  });

  describe('does not report', () => {
    const clean: [string, string][] = [
      ['the COPPA safe harbor', 'We take part in an FTC-approved COPPA Safe Harbor program for children.'],
      ['the DMCA safe harbor', 'We rely on the DMCA Safe Harbor for content users upload.'],
      [
        'a history of Privacy Shield',
        'Since the Privacy Shield was invalidated in 2020, we rely on the Data Privacy Framework.',
      ],
      [
        'the current frameworks',
        'We participate in the EU-U.S. Data Privacy Framework and protect data in transit with TLS 1.3.',
      ],
      ['TrustArc', 'Our practices are reviewed by TrustArc.'],
      ['the ePrivacy Directive', 'We follow Directive 2002/58/EC on cookies.'],
      ['a host name', 'Our checkout runs on ssl.example.com and <https://ssl.example.org/pay>.'],
      ['a link to a URL with SSL in its path', 'Read [our security page](https://example.org/SSL/info).'],
      ['SSL ruled out', 'Connections use TLS 1.2 or later; older SSL connections are refused.'],
    ];
    for (const [name, snippet] of clean) {
      it(name, () => assert.deepEqual(run(RULE, policy(snippet)).quoted, []));
    }
  });

  describe('the SSL fix is safe only where it is plainly about transport security', () => {
    it('SSL/TLS becomes TLS', () => {
      const text = policy('Traffic to our servers is encrypted with SSL/TLS.');
      assert.ok(fixedSsl(text).includes('encrypted with TLS.'));
    });

    it('keeps the case style', () => {
      assert.equal(tlsWording('SECURE SOCKETS LAYER (SSL)'), 'TRANSPORT LAYER SECURITY (TLS)');
      assert.equal(tlsWording('Secure Sockets Layer'), 'Transport Layer Security');
      assert.equal(tlsWording('secure socket layer technology (SSL)'), 'transport layer security technology (TLS)');
      assert.equal(tlsWording('SSL (Secure Sockets Layer)'), 'TLS (Transport Layer Security)');
      assert.equal(tlsWording('SSL'), 'TLS');
    });

    const unsafe: [string, string, RegExp][] = [
      ['an SSL certificate', 'Our site uses an SSL certificate to secure your connection.', /TLS certificate/],
      ['a version', 'Payments travel over an SSLv3 encrypted connection.', /TLS 1\.2 or later/],
      ['no transport context', 'We use SSL.', /TLS/],
      ['TLS already named', 'Connections are encrypted with SSL or TLS.', /TLS/],
    ];
    for (const [name, snippet, suggestion] of unsafe) {
      it(`${name}: reported, suggestion only`, () => {
        const { messages } = run(RULE, policy(snippet));
        assert.equal(messages.length, 1);
        assert.equal(messages[0].fix, undefined);
        assert.equal(messages[0].suggestions?.[0].safe, false);
        const text = policy(snippet);
        assert.match(applyEdits(text, messages[0].suggestions![0].edits), suggestion);
      });
    }

    it('fix edits cover exactly the mention', () => {
      const text = policy('We protect transmission with Secure Sockets Layer (SSL) technology.');
      const [m] = run(RULE, text).messages;
      const [edit] = m.fix!.edits;
      assert.equal(text.slice(edit.start, edit.end), 'Secure Sockets Layer (SSL)');
      assert.equal(edit.text, 'Transport Layer Security (TLS)');
    });
  });

  describe('options', () => {
    it('ignore skips the named frameworks', () => {
      const text = seed('rs6.net');
      const { quoted } = run(RULE, text, { rules: { [RULE]: ['warn', { ignore: ['truste', 'ssl'] }] } });
      assert.deepEqual(kinds(quoted), ['safe-harbor']);
    });

    it('the option is declared, so config validation checks its type', () => {
      assert.deepEqual(
        parseConfigText(JSON.stringify({ rules: { [RULE]: ['warn', { ignore: ['ssl'] }] } })).errors,
        [],
      );
      const bad = parseConfigText(JSON.stringify({ rules: { [RULE]: ['warn', { ignore: 'ssl' }] } })).errors;
      assert.equal(bad.length, 1);
      assert.match(bad[0].message, /string\[\]/);
    });
  });
});
